package exercises

import (
	"errors"
	"math/rand"
	"testing"
	"time"
)

// fakeLog is a RitualLog that keeps what it was given, like the diary.
type fakeLog struct {
	entries []Entry
	fail    error
}

func (l *fakeLog) Add(e *Entry) error {
	if l.fail != nil {
		return l.fail
	}
	e.ID = int64(len(l.entries) + 1)
	l.entries = append(l.entries, *e)
	return nil
}

func (l *fakeLog) UpdateChanged(was, now Entry) error {
	for i := range l.entries {
		if l.entries[i].ID == now.ID {
			l.entries[i] = now
			return nil
		}
	}
	return errors.New("not found")
}

func newRitualRun(t *testing.T, r Ritual) (*RitualRunner, *FakeClock, *fakeLog) {
	t.Helper()
	c := NewFakeClock(t0)
	l := &fakeLog{}
	rr, err := NewRitualRunner(r, RitualEnv{}, c, l)
	if err != nil {
		t.Fatal(err)
	}
	return rr, c, l
}

// frames moves the clock on by d as the screen's frame loop would see it:
// a look at the run every 100 ms.
func frames(rr *RitualRunner, c *FakeClock, d time.Duration) {
	const frame = 100 * time.Millisecond
	for ; d >= frame; d -= frame {
		c.Advance(frame)
		rr.Now()
	}
	c.Advance(d)
}

func TestRitualFullEveningRun(t *testing.T) {
	rr, c, l := newRitualRun(t, BuiltinRituals()[0])
	if v := rr.Now(); v.Phase != RitualBefore || v.Steps != 3 {
		t.Fatalf("start: %+v", v)
	}
	rr.Begin(7)
	v := rr.Now()
	if v.Phase != RitualRunning || v.Index != 0 || v.Session != nil || v.Step.TextKey != TaskShower {
		t.Fatalf("first step should be the shower task: %+v", v)
	}
	c.Advance(15 * time.Minute) // a task waits as long as it takes
	if v := rr.Now(); v.Phase != RitualRunning || v.Index != 0 {
		t.Fatalf("task moved on by itself: %+v", v)
	}
	rr.Done()
	v = rr.Now()
	if v.Phase != RitualHandOver || v.Index != 1 || v.StartsIn != HandOverTime || v.Step.Technique != PMR {
		t.Fatalf("hand-over to muscles: %+v", v)
	}
	if at, ok := rr.NextChange(c.Now()); !ok || !at.Equal(c.Now().Add(HandOverTime)) {
		t.Errorf("NextChange %v %v", at, ok)
	}
	c.Advance(4 * time.Second)
	if v := rr.Now(); v.StartsIn != 6*time.Second {
		t.Errorf("countdown %v, want 6s", v.StartsIn)
	}
	c.Advance(6 * time.Second)
	v = rr.Now()
	if v.Phase != RitualRunning || v.Index != 1 || v.Session == nil || v.Session.Now().State != Running {
		t.Fatalf("muscles should run after the hand-over: %+v", v)
	}
	pmrLen := v.Session.Exercise().Duration()
	c.Advance(pmrLen + 3*time.Second) // noticed 3 s late
	v = rr.Now()
	if v.Phase != RitualHandOver || v.Index != 2 || v.StartsIn != HandOverTime-3*time.Second {
		t.Fatalf("hand-over to breathing counts from the end: %+v", v)
	}
	rr.StartNow()
	v = rr.Now()
	if v.Phase != RitualRunning || v.Index != 2 || v.Session.Exercise().Variant != "4-6" {
		t.Fatalf("start now: %+v", v)
	}
	c.Advance(5 * time.Minute)
	if v := rr.Now(); v.Phase != RitualAfter || v.Index != 3 {
		t.Fatalf("after the last step: %+v", v)
	}
	rr.Finish(3)
	if v := rr.Now(); v.Phase != RitualOver || v.Stopped {
		t.Fatalf("end: %+v", v)
	}
	if len(l.entries) != 2 {
		t.Fatalf("logged %d entries, want the 2 exercises: %+v", len(l.entries), l.entries)
	}
	pm, br := l.entries[0], l.entries[1]
	if pm.Technique != PMR || pm.Variant != PMRShort || !pm.Completed || pm.Actual != pmrLen ||
		pm.Before != 7 || pm.After != NoRating || pm.Ritual != RitualEvening || pm.RitualName != "" {
		t.Errorf("muscle entry: %+v", pm)
	}
	if br.Technique != Breathing || br.Planned != 5*time.Minute || br.Actual != 5*time.Minute || !br.Completed ||
		br.Before != NoRating || br.After != 3 || br.Ritual != RitualEvening {
		t.Errorf("breathing entry: %+v", br)
	}
	if !br.Started.Equal(t0.Add(15*time.Minute + HandOverTime + pmrLen + 3*time.Second)) {
		t.Errorf("breathing started %v", br.Started)
	}
	want := []StepOutcome{StepDone, StepDone, StepDone}
	for i, o := range rr.Now().Outcomes {
		if o != want[i] {
			t.Errorf("outcome %d: %v, want %v", i, o, want[i])
		}
	}
}

func TestRitualSkipAndStop(t *testing.T) {
	mine := Ritual{UID: "r1", Name: "Mijn avond", Steps: []RitualStep{
		BreathingStep("4-6", 1), TaskStep("Thee"), BreathingStep("belly", 2), RitualStep{Technique: Senses, Variant: SensesBasic},
	}}
	type action struct {
		advance time.Duration
		do      func(*RitualRunner)
	}
	skip := func(rr *RitualRunner) { rr.Skip() }
	done := func(rr *RitualRunner) { rr.Done() }
	stop := func(rr *RitualRunner) { rr.Stop() }
	next := func(rr *RitualRunner) { rr.Now().Session.Skip() } // the exercise's own "go on"
	cases := []struct {
		name     string
		actions  []action
		phase    RitualPhase
		outcomes []StepOutcome
		logged   []string // technique/variant and completed of each entry
	}{
		{"skip the first exercise at once: not logged, hand-over to the task",
			[]action{{2 * time.Second, skip}}, RitualHandOver,
			[]StepOutcome{StepSkipped, StepPending, StepPending, StepPending}, nil},
		{"skip an exercise half-way: logged as not completed",
			[]action{{30 * time.Second, skip}}, RitualHandOver,
			[]StepOutcome{StepPartly, StepPending, StepPending, StepPending}, []string{"4-6 partly"}},
		{"skip a coming step in the hand-over",
			[]action{{time.Minute, nil}, {time.Second, skip}}, RitualHandOver,
			[]StepOutcome{StepDone, StepSkipped, StepPending, StepPending}, []string{"4-6 done"}},
		{"skip the task in its hand-over, then the belly breathing runs",
			[]action{{time.Minute, skip}, {HandOverTime, nil}}, RitualRunning,
			[]StepOutcome{StepDone, StepSkipped, StepPending, StepPending}, []string{"4-6 done"}},
		{"stop during an exercise: logged so far, then the after-rating",
			[]action{{time.Minute, nil}, {HandOverTime, done}, {HandOverTime + 40*time.Second, stop}}, RitualAfter,
			[]StepOutcome{StepDone, StepDone, StepPartly, StepPending}, []string{"4-6 done", "belly partly"}},
		{"stop in a hand-over",
			[]action{{time.Minute, nil}, {time.Second, stop}}, RitualAfter,
			[]StepOutcome{StepDone, StepPending, StepPending, StepPending}, []string{"4-6 done"}},
		{"a self-paced last step runs through its prompts; Done does not end it",
			[]action{{time.Minute, nil}, {HandOverTime, done}, {HandOverTime + 2*time.Minute, nil},
				{HandOverTime, done}, {time.Minute, next}, {time.Minute, next}, {time.Minute, next}, {time.Minute, next}}, RitualAfter,
			[]StepOutcome{StepDone, StepDone, StepDone, StepDone}, []string{"4-6 done", "belly done", "basic done"}},
	}
	for _, c := range cases {
		rr, clock, l := newRitualRun(t, mine)
		rr.Begin(NoRating)
		for _, a := range c.actions {
			frames(rr, clock, a.advance)
			if a.do != nil {
				a.do(rr)
			}
		}
		v := rr.Now()
		if v.Phase != c.phase {
			t.Errorf("%s: phase %v, want %v (%+v)", c.name, v.Phase, c.phase, v)
		}
		for i := range c.outcomes {
			if v.Outcomes[i] != c.outcomes[i] {
				t.Errorf("%s: outcome %d is %v, want %v", c.name, i, v.Outcomes[i], c.outcomes[i])
			}
		}
		var got []string
		for _, e := range l.entries {
			s := e.Variant + " partly"
			if e.Completed {
				s = e.Variant + " done"
			}
			got = append(got, s)
			if e.Ritual != "r1" || e.RitualName != "Mijn avond" {
				t.Errorf("%s: entry without the ritual: %+v", c.name, e)
			}
		}
		if len(got) != len(c.logged) {
			t.Errorf("%s: logged %v, want %v", c.name, got, c.logged)
			continue
		}
		for i := range got {
			if got[i] != c.logged[i] {
				t.Errorf("%s: logged %v, want %v", c.name, got, c.logged)
			}
		}
	}
}

// A kill half-way (the runner simply vanishes) leaves the diary with every
// exercise step that had ended: nothing to repair at the next start.
func TestRitualKilledIsLoggedUpToTheLastFinishedStep(t *testing.T) {
	r := Ritual{UID: "r2", Name: "Drie", Steps: []RitualStep{
		BreathingStep("4-6", 1), BreathingStep("4-6", 2), BreathingStep("4-6", 3)}}
	rr, c, l := newRitualRun(t, r)
	rr.Begin(6)
	frames(rr, c, time.Minute+HandOverTime+2*time.Minute+HandOverTime+90*time.Second)
	if v := rr.Now(); v.Phase != RitualRunning || v.Index != 2 {
		t.Fatalf("should be in the third step: %+v", v)
	}
	rr = nil // killed
	if len(l.entries) != 2 || l.entries[0].Planned != time.Minute || l.entries[1].Planned != 2*time.Minute ||
		!l.entries[0].Completed || !l.entries[1].Completed {
		t.Fatalf("after a kill: %+v", l.entries)
	}
	if l.entries[0].Before != 6 || l.entries[1].After != NoRating {
		t.Errorf("ratings after a kill: %+v", l.entries)
	}
}

func TestRitualBeforeRatingGoesOnTheFirstStepLogged(t *testing.T) {
	r := Ritual{UID: "r3", Name: "x", Steps: []RitualStep{BreathingStep("4-6", 1), BreathingStep("4-6", 1)}}
	rr, c, l := newRitualRun(t, r)
	rr.Begin(8)
	c.Advance(time.Second)
	rr.Skip() // too short to log
	rr.StartNow()
	c.Advance(time.Minute)
	rr.Finish(2)
	if len(l.entries) != 1 || l.entries[0].Before != 8 || l.entries[0].After != 2 {
		t.Errorf("entries: %+v", l.entries)
	}
}

// The exercise screen's own Stop (on the Session) stops the ritual too.
func TestRitualSessionStoppedStopsTheRitual(t *testing.T) {
	rr, c, l := newRitualRun(t, BuiltinRituals()[1])
	rr.Begin(NoRating)
	frames(rr, c, 20*time.Second)
	rr.Now().Session.Stop()
	v := rr.Now()
	if v.Phase != RitualAfter || !v.Stopped || v.Outcomes[0] != StepPartly || len(l.entries) != 1 ||
		l.entries[0].Actual != 20*time.Second || l.entries[0].Completed {
		t.Errorf("%+v %+v", v, l.entries)
	}
}

func TestRitualStopBeforeBeginLogsNothing(t *testing.T) {
	rr, _, l := newRitualRun(t, BuiltinRituals()[1])
	rr.Stop()
	rr.Finish(5)
	if v := rr.Now(); v.Phase != RitualOver || !v.Stopped || len(l.entries) != 0 {
		t.Errorf("%+v %+v", v, l.entries)
	}
}

func TestRitualLogErrorIsKeptAndRunGoesOn(t *testing.T) {
	c := NewFakeClock(t0)
	l := &fakeLog{fail: errors.New("disk full")}
	rr, _ := NewRitualRunner(BuiltinRituals()[1], RitualEnv{}, c, l)
	rr.Begin(NoRating)
	c.Advance(MiniCheckStep * 3)
	if v := rr.Now(); v.Phase != RitualHandOver || rr.Err() == nil {
		t.Errorf("phase %v err %v", v.Phase, rr.Err())
	}
}

func TestRitualRunnerNeedsItsRhythms(t *testing.T) {
	mine := Pattern{ID: "custom:slow", Name: "Slow", In: 5, Out: 7, Custom: true}
	r := Ritual{Name: "x", Steps: []RitualStep{TaskStep("a"), BreathingStep(mine.ID, 3)}}
	_, err := NewRitualRunner(r, RitualEnv{}, NewFakeClock(t0), nil)
	var se *RitualStepError
	if !errors.Is(err, ErrStepRhythm) || !errors.As(err, &se) || se.Index != 1 {
		t.Errorf("deleted rhythm: %v", err)
	}
	rr, err := NewRitualRunner(r, RitualEnv{Patterns: []Pattern{mine}}, NewFakeClock(t0), nil)
	if err != nil {
		t.Fatal(err)
	}
	rr.Begin(NoRating)
	rr.Done()
	rr.StartNow()
	if v := rr.Now(); v.Session == nil || v.Session.Exercise().Variant != mine.ID {
		t.Errorf("saved rhythm not run: %+v", v)
	}
	if _, err := NewRitualRunner(Ritual{Name: "x"}, RitualEnv{}, NewFakeClock(t0), nil); !errors.Is(err, ErrRitualEmpty) {
		t.Errorf("empty ritual: %v", err)
	}
	// A task step is checked too, though it has no exercise.
	bad := Ritual{Name: "x", Steps: []RitualStep{BreathingStep("4-6", 2), TaskStep("  ")}}
	if _, err := NewRitualRunner(bad, RitualEnv{}, NewFakeClock(t0), nil); !errors.Is(err, ErrTaskEmpty) || !errors.As(err, &se) || se.Index != 1 {
		t.Errorf("empty task: %v", err)
	}
}

// TestRitualRandomSequences drives seeded random sequences of taps, keys,
// the exercise's own controls and time through a ritual of every kind of
// step, and checks what must always hold.
func TestRitualRandomSequences(t *testing.T) {
	r := Ritual{UID: "rnd", Name: "Alles", Steps: []RitualStep{
		TaskStep("Thee"), {Technique: MiniCheck, Variant: MiniCheckSelf}, BreathingStep("4-6", 1),
		{Technique: PMR, Variant: PMRShort}, {Technique: Senses, Variant: SensesBasic}, BreathingStep("box", 2)}}
	for seed := range int64(600) {
		rng := rand.New(rand.NewSource(seed))
		rr, c, l := newRitualRun(t, r)
		over := false
		for range 80 {
			switch rng.Intn(12) {
			case 0:
				rr.Begin(rng.Intn(12) - 1)
			case 1:
				rr.Skip()
			case 2:
				rr.Done()
			case 3:
				rr.StartNow()
			case 4:
				if rng.Intn(4) == 0 {
					rr.Stop()
				}
			case 5:
				rr.Finish(rng.Intn(12) - 1)
			case 6, 7:
				if s := rr.Now().Session; s != nil {
					[]func(){s.Skip, s.Toggle, s.Skip, s.Stop}[rng.Intn(4)]()
				}
			default:
				frames(rr, c, time.Duration(rng.Intn(40000))*time.Millisecond)
			}
			v := rr.Now()
			if over && v.Phase != RitualOver {
				t.Fatalf("seed %d: left RitualOver for %v", seed, v.Phase)
			}
			over = v.Phase == RitualOver
			inside := v.Index >= 0 && v.Index < len(r.Steps)
			if (v.Phase == RitualRunning || v.Phase == RitualHandOver) && !inside || v.Phase == RitualAfter && v.Index != len(r.Steps) {
				t.Fatalf("seed %d: phase %v at index %d", seed, v.Phase, v.Index)
			}
			if (v.Session != nil) != (v.Phase == RitualRunning && !r.Steps[v.Index].Task()) {
				t.Fatalf("seed %d: session %v in phase %v step %d", seed, v.Session != nil, v.Phase, v.Index)
			}
			logged := 0
			for i, o := range v.Outcomes {
				if (o == StepDone || o == StepPartly) && !r.Steps[i].Task() {
					logged++
				}
			}
			if logged != len(l.entries) {
				t.Fatalf("seed %d: %d steps done, %d logged: %+v", seed, logged, len(l.entries), v.Outcomes)
			}
		}
		for i, e := range l.entries {
			if e.Ritual != "rnd" || e.Actual < MinRitualLogged || i > 0 && e.Before != NoRating {
				t.Fatalf("seed %d: entry %d %+v", seed, i, e)
			}
		}
	}
}

func TestRitualLength(t *testing.T) {
	pmr := PMRSets()[0].Exercise(PMRTiming{}).Duration()
	cases := []struct {
		r     Ritual
		timed time.Duration
		err   error
	}{
		{BuiltinRituals()[0], pmr + 5*time.Minute + 2*HandOverTime, nil},
		{BuiltinRituals()[1], 30*time.Second + 2*time.Minute + HandOverTime, nil},
		{Ritual{Steps: []RitualStep{{Technique: Senses, Variant: SensesBasic}}}, 0, nil},
		{Ritual{Steps: []RitualStep{TaskStep("a"), {Technique: Senses, Variant: SensesBasic}, BreathingStep("4-6", 2)}}, 2*time.Minute + 2*HandOverTime, nil},
		{Ritual{Steps: []RitualStep{TaskStep("a"), BreathingStep("gone", 2)}}, 0, ErrStepRhythm},
	}
	for i, c := range cases {
		timed, err := RitualLength(c.r, RitualEnv{})
		if timed != c.timed || !errors.Is(err, c.err) {
			t.Errorf("%d: %v %v, want %v %v", i, timed, err, c.timed, c.err)
		}
		if c.err != nil {
			continue
		}
		// A runner knows the same length from the exercises it resolved.
		rr, err := NewRitualRunner(c.r, RitualEnv{}, NewFakeClock(time.Now()), nil)
		if err != nil {
			t.Fatalf("%d: %v", i, err)
		}
		if got := rr.Length(); got != c.timed {
			t.Errorf("%d: runner's length %v, want %v", i, got, c.timed)
		}
	}
	if pmr != 4*time.Minute {
		t.Errorf("the short muscle relaxation lasts %v", pmr)
	}
}
