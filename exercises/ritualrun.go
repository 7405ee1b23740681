package exercises

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

// RitualEnv is what turns a ritual's steps into exercises: the user's saved
// rhythms, own muscle set and muscle timing.
type RitualEnv struct {
	Patterns  []Pattern // the user's saved rhythms
	PMRMine   []string  // the user's own muscle set, for PMRMine
	PMRTiming PMRTiming // zero means the defaults
}

// Resolve turns an exercise step into the Exercise to run and the planned
// length to log (0 for self-paced ones). A breathing step whose saved rhythm
// was deleted gives ErrStepRhythm; a task step has no exercise (ErrStepTechnique).
func (s RitualStep) Resolve(env RitualEnv) (Exercise, time.Duration, error) {
	if _, err := s.Check(); err != nil {
		return Exercise{}, 0, err
	}
	switch s.Technique {
	case Breathing:
		p, ok := FindPattern(s.Variant, env.Patterns)
		if !ok {
			return Exercise{}, 0, fmt.Errorf("%w: %q", ErrStepRhythm, s.Variant)
		}
		return p.Exercise(Length{Minutes: s.Minutes}), time.Duration(s.Minutes) * time.Minute, nil
	case PMR:
		set, err := FindPMRSet(s.Variant, env.PMRMine)
		if err != nil {
			return Exercise{}, 0, errors.Join(ErrStepVariant, err)
		}
		ex := set.Exercise(env.PMRTiming)
		return ex, ex.Duration(), nil
	case Senses:
		ex, err := SensesExercise(s.Variant)
		return ex, 0, err
	case MiniCheck:
		ex := MiniCheckExercise(s.Variant == MiniCheckTimed)
		return ex, ex.Duration(), nil
	}
	return Exercise{}, 0, ErrStepTechnique
}

// HandOverTime is the calm pause between two steps ("Next: 4-6 breathing,
// 5 min — starts in 10 s"), long enough to get settled, short enough not to
// lose the thread.
const HandOverTime = 10 * time.Second

// MinRitualLogged is the shortest exercise step the diary logs, as for a
// session on its own: shorter is a step skipped at once.
const MinRitualLogged = 5 * time.Second

// RitualPhase is where a ritual run is.
type RitualPhase int

// The phases of a ritual run, in order.
const (
	RitualBefore   RitualPhase = iota // asking the tension before (Begin)
	RitualRunning                     // a step runs: an exercise Session, or a task waiting for Done
	RitualHandOver                    // between steps: the next one starts after HandOverTime
	RitualAfter                       // asking the tension after (Finish)
	RitualOver                        // finished, or stopped before it began
)

// StepOutcome is what became of one step.
type StepOutcome int

// Step outcomes.
const (
	StepPending StepOutcome = iota // not reached yet
	StepDone                       // ran to its end, or the task was done
	StepPartly                     // an exercise left early; logged as not completed
	StepSkipped                    // skipped, or left too soon to log
)

// RitualLog is where a run logs its exercise steps: *diary.Store fits.
type RitualLog interface {
	Add(e *Entry) error
	UpdateChanged(was, now Entry) error
}

// RitualView is what the UI shows at one moment.
type RitualView struct {
	Phase    RitualPhase
	Index    int        // the running step, or in RitualHandOver the next one; len(steps) after the last
	Step     RitualStep // the step at Index (zero past the last)
	Steps    int        // how many steps the ritual has
	Session  *Session   // the running exercise (started already); nil for a task and outside RitualRunning
	StartsIn time.Duration
	Outcomes []StepOutcome // per step
	Stopped  bool          // the user stopped the whole ritual
}

// RitualRunner runs a ritual against a Clock: one before-rating, then each
// step in turn with a hand-over between them, then one after-rating. Like a
// Session its moves follow the clock: At notices that a step's exercise has
// ended or a hand-over has run out. It is safe for concurrent use.
//
// What is saved when: each exercise step is logged through the RitualLog the
// moment it ends (run to its end, left early, or stopped), with the ritual's
// UID and name; the before-rating goes on the first step logged, the
// after-rating is added to the last one by Finish. Tasks are not logged:
// they are not practice. So a run killed half-way is in the diary up to its
// last finished step, with nothing to repair; the step running at the kill
// is lost, as a session on its own would be.
type RitualRunner struct {
	mu      sync.Mutex
	r       Ritual
	exs     []Exercise
	planned []time.Duration
	clock   Clock
	log     RitualLog

	phase    RitualPhase
	idx      int
	sess     *Session
	handEnd  time.Time
	before   int
	outcomes []StepOutcome
	logged   []Entry // as saved, for the after-rating
	stopped  bool
	err      error
}

// NewRitualRunner prepares a run of r. Every step is resolved first, so a
// rhythm deleted since the ritual was made is reported now (as a
// *RitualStepError) and not half-way through the evening. log may be nil
// (no diary).
func NewRitualRunner(r Ritual, env RitualEnv, c Clock, log RitualLog) (*RitualRunner, error) {
	if len(r.Steps) == 0 {
		return nil, ErrRitualEmpty
	}
	rr := &RitualRunner{r: r, clock: c, log: log, before: NoRating,
		exs: make([]Exercise, len(r.Steps)), planned: make([]time.Duration, len(r.Steps)),
		outcomes: make([]StepOutcome, len(r.Steps))}
	for i, s := range r.Steps {
		var err error
		if s.Task() { // no exercise: only checked
			_, err = s.Check()
		} else {
			rr.exs[i], rr.planned[i], err = s.Resolve(env)
		}
		if err != nil {
			return nil, &RitualStepError{Index: i, Err: err}
		}
	}
	return rr, nil
}

// Ritual returns the ritual being run.
func (rr *RitualRunner) Ritual() Ritual { return rr.r }

// Err returns the first error logging a step, for the UI to tell the user
// (the practice itself goes on).
func (rr *RitualRunner) Err() error {
	rr.mu.Lock()
	defer rr.mu.Unlock()
	return rr.err
}

// Logged returns the entries logged so far, as saved.
func (rr *RitualRunner) Logged() []Entry {
	rr.mu.Lock()
	defer rr.mu.Unlock()
	return append([]Entry(nil), rr.logged...)
}

// Begin takes the before-rating (0–10, or NoRating when skipped) and starts
// the first step at once.
func (rr *RitualRunner) Begin(before int) {
	rr.mu.Lock()
	defer rr.mu.Unlock()
	if rr.phase != RitualBefore {
		return
	}
	rr.before = before
	rr.startStep(0)
}

// StartNow starts the next step during a hand-over (Space).
func (rr *RitualRunner) StartNow() {
	rr.mu.Lock()
	defer rr.mu.Unlock()
	rr.settle(rr.clock.Now())
	if rr.phase == RitualHandOver {
		rr.startStep(rr.idx)
	}
}

// Skip skips a step (S): during a hand-over the coming step, which is then
// not run; while a step runs, the rest of it (an exercise practised for at
// least MinRitualLogged is logged as not completed).
func (rr *RitualRunner) Skip() {
	rr.mu.Lock()
	defer rr.mu.Unlock()
	now := rr.clock.Now()
	rr.settle(now)
	switch rr.phase {
	case RitualHandOver:
		rr.outcomes[rr.idx] = StepSkipped
		rr.next(rr.idx, now)
	case RitualRunning:
		rr.endStep(now)
	}
}

// Done is the tap on a task step ("Done"). On an exercise step it does
// nothing: the exercise ends by itself, or by Skip.
func (rr *RitualRunner) Done() {
	rr.mu.Lock()
	defer rr.mu.Unlock()
	now := rr.clock.Now()
	rr.settle(now)
	if rr.phase == RitualRunning && rr.sess == nil {
		rr.endStep(now)
	}
}

// Stop stops the whole ritual (Esc). The running exercise is logged if it
// was practised long enough; then the after-rating is asked (Finish). Before
// Begin it ends the run with nothing logged.
func (rr *RitualRunner) Stop() {
	rr.mu.Lock()
	defer rr.mu.Unlock()
	now := rr.clock.Now()
	rr.settle(now)
	switch rr.phase {
	case RitualBefore:
		rr.phase, rr.stopped = RitualOver, true
	case RitualRunning:
		rr.stopped = true
		rr.endStep(now)
	case RitualHandOver:
		rr.stopped = true
		rr.toAfter()
	}
}

// Finish takes the after-rating (or NoRating) and ends the run. The rating
// is added to the last step logged; with nothing logged it is not kept.
func (rr *RitualRunner) Finish(after int) {
	rr.mu.Lock()
	defer rr.mu.Unlock()
	rr.settle(rr.clock.Now())
	if rr.phase != RitualAfter {
		return
	}
	rr.phase = RitualOver
	if n := len(rr.logged); n > 0 && after != NoRating && rr.log != nil {
		was := rr.logged[n-1]
		now := was
		now.After = after
		if err := rr.log.UpdateChanged(was, now); err != nil {
			rr.fail(err)
			return
		}
		rr.logged[n-1] = now
	}
}

// At returns what to show at now, first noticing an exercise that ended
// (then the hand-over begins, counted from its end) or a hand-over that ran
// out (then the next step starts, at now: after a laptop slept through a
// hand-over the exercise begins when the user is back, not half done).
// The screen calls it every frame, as it reads a Session.
func (rr *RitualRunner) At(now time.Time) RitualView {
	rr.mu.Lock()
	defer rr.mu.Unlock()
	rr.settle(now)
	v := RitualView{Phase: rr.phase, Index: rr.idx, Steps: len(rr.r.Steps), Stopped: rr.stopped,
		Outcomes: append([]StepOutcome(nil), rr.outcomes...)}
	if rr.idx < len(rr.r.Steps) {
		v.Step = rr.r.Steps[rr.idx]
	}
	switch rr.phase {
	case RitualRunning:
		v.Session = rr.sess
	case RitualHandOver:
		v.StartsIn = max(rr.handEnd.Sub(now), 0)
	}
	return v
}

// Now is At(clock.Now()).
func (rr *RitualRunner) Now() RitualView { return rr.At(rr.clock.Now()) }

// NextChange is when the run will next move by itself without a session
// ending (the end of a hand-over), for waking a timer exactly then.
func (rr *RitualRunner) NextChange(now time.Time) (time.Time, bool) {
	rr.mu.Lock()
	defer rr.mu.Unlock()
	rr.settle(now)
	if rr.phase == RitualHandOver {
		return rr.handEnd, true
	}
	return time.Time{}, false
}

// settle moves on from an exercise that ended and from hand-overs that ran
// out. An exercise stopped through its Session (the run screen's Stop)
// stops the ritual, as Stop does. Caller holds mu.
func (rr *RitualRunner) settle(now time.Time) {
	for range 2 * len(rr.r.Steps) { // bounded: each turn moves a step on
		var st State
		if rr.phase == RitualRunning && rr.sess != nil {
			st = rr.sess.At(now).State
		}
		switch {
		case st == Finished:
			rr.endStep(rr.sess.Ended())
		case st == Stopped:
			// The exercise screen's own Stop (Esc) stops the whole ritual.
			rr.stopped = true
			rr.endStep(rr.sess.Ended())
		case rr.phase == RitualHandOver && !now.Before(rr.handEnd):
			rr.startStep(rr.idx)
		default:
			return
		}
	}
}

// startStep starts step i: a task waits for Done, an exercise's Session
// starts at the clock's now. Caller holds mu.
func (rr *RitualRunner) startStep(i int) {
	rr.phase, rr.idx, rr.sess = RitualRunning, i, nil
	if !rr.r.Steps[i].Task() {
		rr.sess = NewSession(rr.exs[i], rr.clock)
		rr.sess.Start()
	}
}

// endStep ends the running step at at, logs an exercise practised long
// enough, and goes on: to the after-rating when stopped or past the last
// step, else to a hand-over. Caller holds mu.
func (rr *RitualRunner) endStep(at time.Time) {
	i := rr.idx
	rr.outcomes[i] = StepDone
	if s := rr.sess; s != nil {
		s.Stop() // a finished session stays finished
		p := s.At(at)
		switch {
		case p.Elapsed < MinRitualLogged:
			rr.outcomes[i] = StepSkipped
		default:
			if p.State != Finished {
				rr.outcomes[i] = StepPartly
			}
			rr.logStep(i, s, p)
		}
	}
	rr.sess = nil
	if rr.stopped {
		rr.toAfter()
		return
	}
	rr.next(i, at)
}

// toAfter goes to the after-rating, past the last step. Caller holds mu.
func (rr *RitualRunner) toAfter() { rr.phase, rr.idx = RitualAfter, len(rr.r.Steps) }

// next goes on after step i: a hand-over to step i+1 from at, or the
// after-rating past the last step. Caller holds mu.
func (rr *RitualRunner) next(i int, at time.Time) {
	if i+1 >= len(rr.r.Steps) {
		rr.toAfter()
		return
	}
	rr.phase, rr.idx, rr.handEnd = RitualHandOver, i+1, at.Add(HandOverTime)
}

// logStep saves step i's session with the ritual's name. Caller holds mu.
func (rr *RitualRunner) logStep(i int, s *Session, p Position) {
	ex := s.Exercise()
	e := Entry{Technique: ex.Technique, Variant: ex.Variant, Started: s.Started(), Planned: rr.planned[i],
		Actual: p.Elapsed, Completed: p.State == Finished, Before: NoRating, After: NoRating,
		Ritual: rr.r.UID, RitualName: rr.r.Name}
	if len(rr.logged) == 0 {
		e.Before = rr.before
	}
	if rr.log != nil {
		if err := rr.log.Add(&e); err != nil {
			rr.fail(err)
			return
		}
	}
	rr.logged = append(rr.logged, e)
}

func (rr *RitualRunner) fail(err error) {
	if rr.err == nil {
		rr.err = err
	}
}

// RitualLength is how long r takes by the clock: its timed exercises and
// the hand-overs between steps. Tasks and self-paced exercises (the five
// senses) take as long as they take and count for nothing.
func RitualLength(r Ritual, env RitualEnv) (time.Duration, error) {
	var timed time.Duration
	for i, s := range r.Steps {
		if i > 0 {
			timed += HandOverTime
		}
		if s.Task() {
			continue
		}
		ex, _, err := s.Resolve(env)
		if err != nil {
			return 0, &RitualStepError{Index: i, Err: err}
		}
		timed += ex.Duration()
	}
	return timed, nil
}

// Length is RitualLength of the ritual being run, from the exercises
// resolved when the run was made.
func (rr *RitualRunner) Length() time.Duration {
	timed := time.Duration(len(rr.exs)-1) * HandOverTime
	for _, ex := range rr.exs {
		timed += ex.Duration() // zero for a task
	}
	return timed
}
