package exercises

import (
	"testing"
	"time"
)

var t0 = time.Date(2026, 11, 25, 23, 0, 0, 0, time.UTC)

func newRun(ex Exercise) (*Session, *FakeClock) {
	c := NewFakeClock(t0)
	s := NewSession(ex, c)
	s.Start()
	return s, c
}

func TestBreathingPhaseAtEveryBoundary(t *testing.T) {
	s, _ := newRun(Pattern46.Exercise(Length{Breaths: 2}))
	ms := time.Millisecond
	cases := []struct {
		at       time.Duration
		kind     Kind
		index    int
		progress float64
		left     time.Duration
	}{
		{0, Inhale, 0, 0, 4 * time.Second},
		{2 * time.Second, Inhale, 0, 0.5, 2 * time.Second},
		{4*time.Second - ms, Inhale, 0, 0.99975, ms},
		{4 * time.Second, Exhale, 1, 0, 6 * time.Second},
		{7 * time.Second, Exhale, 1, 0.5, 3 * time.Second},
		{10*time.Second - ms, Exhale, 1, 1 - 1.0/6000, ms},
		{10 * time.Second, Inhale, 2, 0, 4 * time.Second},
		{14 * time.Second, Exhale, 3, 0, 6 * time.Second},
	}
	for _, c := range cases {
		p := s.At(t0.Add(c.at))
		if p.Step.Kind != c.kind || p.Index != c.index || p.StepLeft != c.left || abs(p.Progress-c.progress) > 1e-9 {
			t.Errorf("at %v: got %v #%d progress %.6f left %v; want %v #%d %.6f %v",
				c.at, p.Step.Kind, p.Index, p.Progress, p.StepLeft, c.kind, c.index, c.progress, c.left)
		}
		if p.Remaining != 20*time.Second-c.at {
			t.Errorf("at %v: remaining %v", c.at, p.Remaining)
		}
	}
	end := s.At(t0.Add(20 * time.Second))
	if end.State != Finished || end.Index != 4 || end.Remaining != 0 || end.Elapsed != 20*time.Second {
		t.Errorf("at the end: %+v", end)
	}
	if !s.Ended().Equal(t0.Add(20 * time.Second)) {
		t.Errorf("ended at %v", s.Ended())
	}
}

func TestBoxPatternKeepsHolds(t *testing.T) {
	ex := PatternBox.Exercise(Length{Breaths: 1})
	want := []Kind{Inhale, HoldIn, Exhale, HoldOut}
	if len(ex.Steps) != len(want) {
		t.Fatalf("steps: %d", len(ex.Steps))
	}
	for i, k := range want {
		if ex.Steps[i].Kind != k || ex.Steps[i].Duration != 4*time.Second {
			t.Errorf("step %d: %+v", i, ex.Steps[i])
		}
	}
}

func TestPauseResumeIsExact(t *testing.T) {
	s, c := newRun(Pattern46.Exercise(Length{Minutes: 1}))
	c.Advance(2500 * time.Millisecond)
	s.Pause()
	before := s.Now()
	c.Advance(37*time.Minute + 123*time.Millisecond)
	during := s.Now()
	if during.Progress != before.Progress || during.Elapsed != before.Elapsed || during.State != Paused {
		t.Fatalf("moved while paused: %+v vs %+v", during, before)
	}
	s.Resume()
	c.Advance(1500 * time.Millisecond)
	p := s.Now()
	if p.Step.Kind != Exhale || p.StepLeft != 6*time.Second || p.Elapsed != 4*time.Second {
		t.Errorf("after resume: %+v", p)
	}
	s.Toggle()
	if s.Now().State != Paused {
		t.Error("toggle did not pause")
	}
	s.Toggle()
	if s.Now().State != Running {
		t.Error("toggle did not resume")
	}
}

func TestSkipAndStop(t *testing.T) {
	s, c := newRun(Pattern46.Exercise(Length{Breaths: 2}))
	c.Advance(time.Second)
	s.Skip()
	p := s.Now()
	if p.Index != 1 || p.Step.Kind != Exhale || p.Progress != 0 {
		t.Fatalf("after skip: %+v", p)
	}
	c.Advance(time.Second)
	if p := s.Now(); p.Elapsed != 2*time.Second || p.Remaining != 15*time.Second {
		t.Errorf("elapsed counts real time, remaining follows the timeline: %+v", p)
	}
	s.Pause()
	s.Skip() // skipping while paused moves on but stays paused
	if p := s.Now(); p.Index != 2 || p.State != Paused {
		t.Errorf("skip while paused: %+v", p)
	}
	s.Resume()
	c.Advance(time.Second)
	s.Stop()
	p = s.Now()
	if p.State != Stopped || p.Elapsed != 3*time.Second || !s.Ended().Equal(c.Now()) {
		t.Errorf("stopped: %+v ended %v", p, s.Ended())
	}
	c.Advance(time.Minute)
	if q := s.Now(); q != p {
		t.Errorf("a stopped session moved: %+v", q)
	}
	s.Resume()
	s.Skip()
	if s.Now().State != Stopped {
		t.Error("stopped session came back to life")
	}
}

func TestSkipPastLastStepFinishes(t *testing.T) {
	s, c := newRun(Pattern46.Exercise(Length{Breaths: 1}))
	c.Advance(time.Second)
	s.Skip()
	s.Skip()
	if p := s.Now(); p.State != Finished || p.Elapsed != time.Second {
		t.Errorf("%+v", p)
	}
}

func TestThirtyMinutesNoDrift(t *testing.T) {
	ex := PatternResonance.Exercise(Length{Minutes: 30})
	s, c := newRun(ex)
	// Step through in uneven frame-like increments, reading every time, as the UI does.
	var spent time.Duration
	steps := []time.Duration{16667 * time.Microsecond, 17 * time.Millisecond, 33 * time.Millisecond, 1013 * time.Millisecond}
	for i := 0; spent < 29*time.Minute; i++ {
		d := steps[i%len(steps)]
		c.Advance(d)
		spent += d
		_ = s.Now()
	}
	p := s.Now()
	if p.Elapsed != spent {
		t.Fatalf("elapsed %v, wall %v: drift %v", p.Elapsed, spent, p.Elapsed-spent)
	}
	// Where the pacer is must equal where a fresh computation from the start says.
	cycle := PatternResonance.Cycle()
	inCycle := spent % cycle
	wantKind := Inhale
	if inCycle >= secs(PatternResonance.In) {
		wantKind = Exhale
	}
	if p.Step.Kind != wantKind || p.Index != int(spent/cycle)*2+map[Kind]int{Inhale: 0, Exhale: 1}[wantKind] {
		t.Errorf("at %v: %v #%d", spent, p.Step.Kind, p.Index)
	}
	if p.Remaining != ex.Duration()-spent {
		t.Errorf("remaining %v, want %v", p.Remaining, ex.Duration()-spent)
	}
}

func TestManualStepsWait(t *testing.T) {
	ex := Exercise{Steps: []Step{
		{Kind: Intro},
		{Kind: Tense, Duration: 5 * time.Second},
		{Kind: Prompt},
		{Kind: Release, Duration: 10 * time.Second},
	}}
	s, c := newRun(ex)
	c.Advance(time.Hour)
	if p := s.Now(); p.Index != 0 || p.Step.Kind != Intro || p.Elapsed != time.Hour {
		t.Fatalf("intro should wait: %+v", p)
	}
	s.Skip()
	c.Advance(3 * time.Second)
	if p := s.Now(); p.Index != 1 || p.StepLeft != 2*time.Second {
		t.Fatalf("tense: %+v", p)
	}
	c.Advance(10 * time.Second)
	if p := s.Now(); p.Index != 2 || p.Step.Kind != Prompt {
		t.Fatalf("prompt should wait: %+v", p)
	}
	if _, ok := s.NextChange(c.Now()); ok {
		t.Error("a manual step has no next change")
	}
	s.Skip()
	at, ok := s.NextChange(c.Now())
	if !ok || !at.Equal(c.Now().Add(10*time.Second)) {
		t.Errorf("next change %v %v", at, ok)
	}
	c.Advance(10 * time.Second)
	if p := s.Now(); p.State != Finished {
		t.Errorf("should finish: %+v", p)
	}
}

func TestGoTo(t *testing.T) {
	s, c := newRun(Pattern46.Exercise(Length{Breaths: 3}))
	c.Advance(time.Second)
	s.GoTo(4)
	if p := s.Now(); p.Index != 4 || p.Progress != 0 {
		t.Errorf("%+v", p)
	}
	s.GoTo(1) // back is allowed too (repeat a group)
	c.Advance(time.Second)
	if p := s.Now(); p.Index != 1 || p.StepLeft != 5*time.Second {
		t.Errorf("%+v", p)
	}
}

func TestClockGoingBackDoesNotRewind(t *testing.T) {
	s, c := newRun(Pattern46.Exercise(Length{Breaths: 2}))
	c.Advance(5 * time.Second)
	_ = s.Now()
	c.Set(t0.Add(-time.Hour))
	if p := s.Now(); p.Index != 1 || p.StepLeft != 5*time.Second || p.Elapsed != 5*time.Second {
		t.Fatalf("after the clock went back: %+v", p)
	}
	c.Advance(2 * time.Second)
	if p := s.Now(); p.Index != 1 || p.StepLeft != 3*time.Second || p.Elapsed != 7*time.Second {
		t.Errorf("goes on from the new time: %+v", p)
	}
}

func TestNextChangeFollowsBoundaries(t *testing.T) {
	s, c := newRun(Pattern478.Exercise(Length{Breaths: 1}))
	want := []time.Duration{4 * time.Second, 11 * time.Second, 19 * time.Second}
	for _, w := range want {
		at, ok := s.NextChange(c.Now())
		if !ok || !at.Equal(t0.Add(w)) {
			t.Fatalf("next change %v %v, want %v", at, ok, w)
		}
		c.Set(at)
	}
	if _, ok := s.NextChange(c.Now()); ok || s.Now().State != Finished {
		t.Error("should be finished")
	}
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

func BenchmarkSessionAt(b *testing.B) {
	s, _ := newRun(Pattern46.Exercise(Length{Minutes: 20}))
	now := t0
	for b.Loop() {
		now = now.Add(16 * time.Millisecond)
		_ = s.At(now)
	}
}
