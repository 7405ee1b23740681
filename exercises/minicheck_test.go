package exercises

import (
	"testing"
	"time"
)

func TestMiniCheckExercise(t *testing.T) {
	keys := []string{"minicheck.jaw", "minicheck.tongue", "minicheck.shoulders"}
	cases := []struct {
		timed   bool
		variant string
		step    time.Duration
		total   time.Duration
	}{
		{true, MiniCheckTimed, 10 * time.Second, 30 * time.Second},
		{false, MiniCheckSelf, 0, 0},
	}
	for _, c := range cases {
		ex := MiniCheckExercise(c.timed)
		if ex.Technique != MiniCheck || ex.Variant != c.variant || ex.Duration() != c.total || len(ex.Steps) != len(keys) {
			t.Fatalf("timed=%v: %+v", c.timed, ex)
		}
		for i, s := range ex.Steps {
			if s.Text != keys[i] || s.Duration != c.step || s.Group != i || s.Kind != Release || s.Manual() == c.timed {
				t.Errorf("timed=%v step %d: %+v", c.timed, i, s)
			}
		}
	}
}

// Timed: the three steps follow each other on the clock and the check ends
// after half a minute. Self-paced: each waits, however long, for "next".
func TestMiniCheckRuns(t *testing.T) {
	cases := []struct {
		timed bool
		at    time.Duration
		index int
		state State
	}{
		{true, 0, 0, Running},
		{true, 9 * time.Second, 0, Running},
		{true, 10 * time.Second, 1, Running},
		{true, 25 * time.Second, 2, Running},
		{true, 30 * time.Second, 3, Finished},
		{false, 0, 0, Running},
		{false, time.Hour, 0, Running},
	}
	for _, c := range cases {
		clock := NewFakeClock(pmrT0)
		s := NewSession(MiniCheckExercise(c.timed), clock)
		s.Start()
		clock.Advance(c.at)
		if p := s.Now(); p.Index != c.index || p.State != c.state {
			t.Errorf("timed=%v at %v: #%d %v, want #%d %v", c.timed, c.at, p.Index, p.State, c.index, c.state)
		}
	}

	clock := NewFakeClock(pmrT0)
	s := NewSession(MiniCheckExercise(false), clock)
	s.Start()
	for i := range 3 {
		clock.Advance(7 * time.Second)
		if p := s.Now(); p.Index != i {
			t.Fatalf("self-paced: at step %d, want %d", p.Index, i)
		}
		s.Skip()
	}
	if p := s.Now(); p.State != Finished || p.Elapsed != 21*time.Second {
		t.Errorf("self-paced end: %+v", p)
	}
}
