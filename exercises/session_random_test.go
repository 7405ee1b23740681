package exercises

import (
	"fmt"
	"math/rand"
	"testing"
	"time"
)

// TestSkipWhilePausedAtTheEndFinishes is the crash users hit: pause a
// mini-check, press Next past its last step. It must finish, never show
// "step 4 of 3", and never index past the steps.
func TestSkipWhilePausedAtTheEndFinishes(t *testing.T) {
	s, c := newRun(MiniCheckExercise(true))
	s.Pause()
	n := len(s.Exercise().Steps)
	for i := 0; i < n+3; i++ {
		s.Skip()
		c.Advance(time.Second)
		p := s.Now()
		if p.Index > n || (p.State != Finished && p.Index >= n) {
			t.Fatalf("after %d skips: state %v index %d of %d", i+1, p.State, p.Index, n)
		}
	}
	if p := s.Now(); p.State != Finished {
		t.Errorf("after skipping every step while paused: state %v, want Finished", p.State)
	}
}

// TestPausedJumpToLastGroupThenSkip is the muscle-relaxation path: pause,
// jump to the last step, skip on until past the end.
func TestPausedJumpToLastGroupThenSkip(t *testing.T) {
	set, err := FindPMRSet("short", nil)
	if err != nil {
		t.Fatal(err)
	}
	s, _ := newRun(set.Exercise(DefaultPMRTiming()))
	n := len(s.Exercise().Steps)
	s.Pause()
	s.GoTo(n - 1)
	s.Skip()
	s.Skip()
	if p := s.Now(); p.State != Finished || p.Index != n {
		t.Errorf("got state %v index %d, want Finished at %d", p.State, p.Index, n)
	}
}

// randomExercises are the exercises the run screens build, timed and manual.
func randomExercises(t testing.TB) map[string]Exercise {
	set, err := FindPMRSet("short", nil)
	if err != nil {
		t.Fatal(err)
	}
	senses, err := SensesExercise(Senses54321)
	if err != nil {
		senses, err = SensesExercise(SensesBasic)
		if err != nil {
			t.Fatal(err)
		}
	}
	return map[string]Exercise{
		"4-6":       Pattern46.Exercise(Length{Breaths: 3}),
		"box":       PatternBox.Exercise(Length{Breaths: 2}),
		"pmr":       set.Exercise(DefaultPMRTiming()),
		"minicheck": MiniCheckExercise(true),
		"manual":    MiniCheckExercise(false),
		"senses":    senses,
	}
}

// TestRandomSequencesKeepTheSessionSane drives thousands of seeded random
// sequences of every control through every kind of exercise and checks the
// invariants the screens rely on after each one.
func TestRandomSequencesKeepTheSessionSane(t *testing.T) {
	runs := 4000
	if testing.Short() {
		runs = 400
	}
	exs := randomExercises(t)
	names := []string{"4-6", "box", "pmr", "minicheck", "manual", "senses"}
	for seed := int64(0); seed < int64(runs); seed++ {
		name := names[seed%int64(len(names))]
		if err := randomRun(exs[name], seed); err != nil {
			t.Fatalf("%s, seed %d: %v", name, seed, err)
		}
	}
}

func randomRun(ex Exercise, seed int64) (err error) {
	r := rand.New(rand.NewSource(seed))
	c := NewFakeClock(t0)
	s := NewSession(ex, c)
	n := len(ex.Steps)
	var log []string
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic %v after %v", p, log)
		}
	}()
	s.Start()
	var lastElapsed time.Duration
	over := false
	for k := 0; k < 60; k++ {
		var op string
		switch r.Intn(9) {
		case 0:
			op = "pause"
			s.Pause()
		case 1:
			op = "resume"
			s.Resume()
		case 2:
			op = "toggle"
			s.Toggle()
		case 3, 4:
			op = "skip"
			s.Skip()
		case 5:
			i := r.Intn(n+2) - 1
			op = fmt.Sprintf("goto %d", i)
			s.GoTo(i)
		case 6:
			d := time.Duration(r.Intn(20000)) * time.Millisecond
			op = fmt.Sprintf("+%v", d)
			c.Advance(d)
		case 7:
			if r.Intn(10) == 0 {
				op = "clock back"
				c.Advance(-time.Duration(r.Intn(60)) * time.Second)
			} else {
				op = "stop?"
				if r.Intn(8) == 0 {
					op = "stop"
					s.Stop()
				}
			}
		case 8:
			d := time.Duration(r.Intn(3)) * time.Minute
			op = fmt.Sprintf("+%v", d)
			c.Advance(d)
		}
		log = append(log, op)
		p := s.Now()
		if p.Index < 0 || p.Index > n {
			return fmt.Errorf("index %d of %d after %v", p.Index, n, log)
		}
		live := p.State == Running || p.State == Paused
		if live && p.Index >= n {
			return fmt.Errorf("%v at step %d of %d after %v", p.State, p.Index+1, n, log)
		}
		if p.State == Finished && p.Index != n {
			return fmt.Errorf("finished at index %d of %d after %v", p.Index, n, log)
		}
		if p.Elapsed < lastElapsed {
			return fmt.Errorf("elapsed went back %v -> %v after %v", lastElapsed, p.Elapsed, log)
		}
		if p.Remaining < 0 || p.StepLeft < 0 || p.Progress < 0 || p.Progress > 1 {
			return fmt.Errorf("odd position %+v after %v", p, log)
		}
		if over && live {
			return fmt.Errorf("came back to life after ending: %v", log)
		}
		over = !live
		lastElapsed = p.Elapsed
	}
	return nil
}
