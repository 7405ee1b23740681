package exercises

import (
	"errors"
	"time"
)

// PaceRun keeps a pace test's place between the screens: which trial is
// next and what was said about each. It has no clock: each trial is a
// Session of its own (PaceTrial.Exercise), and End makes the diary's record
// at any moment, finished or not.
type PaceRun struct {
	plan    []PaceTrial
	started time.Time
	ratings []PaceRating
}

// ErrPaceOver: every trial has been rated or skipped.
var ErrPaceOver = errors.New("the pace test is over")

// NewPaceRun starts a test of plan (see PacePlan) at started.
func NewPaceRun(plan []PaceTrial, started time.Time) *PaceRun {
	return &PaceRun{plan: plan, started: started.Round(0)}
}

// Trial returns the trial to breathe now and its 0-based number; ok is
// false when every trial is done.
func (p *PaceRun) Trial() (t PaceTrial, n int, ok bool) {
	n = len(p.ratings)
	if n >= len(p.plan) {
		return PaceTrial{}, n, false
	}
	return p.plan[n], n, true
}

// Trials is how many trials the test has.
func (p *PaceRun) Trials() int { return len(p.plan) }

// Rate records the answer after the current trial: comfort 1–5 and a feel
// (or ""). On an error nothing is recorded.
func (p *PaceRun) Rate(comfort int, feel PaceFeel) error {
	t, _, ok := p.Trial()
	if !ok {
		return ErrPaceOver
	}
	r := PaceRating{Pace: t.Pace, Comfort: comfort, Feel: feel}
	if err := r.Validate(); err != nil {
		return err
	}
	p.ratings = append(p.ratings, r)
	return nil
}

// Skip passes over the current trial; it does not count in the choice.
func (p *PaceRun) Skip() error {
	t, _, ok := p.Trial()
	if !ok {
		return ErrPaceOver
	}
	p.ratings = append(p.ratings, PaceRating{Pace: t.Pace, Skipped: true})
	return nil
}

// End is the record to log: finished, with the pace found, once every
// trial is rated or skipped; not finished, with no pace, when stopped
// before. Its Chosen is the pace for PacePattern (0 for none).
func (p *PaceRun) End() PaceTest { return EndPaceTest(p.started, p.ratings) }
