package exercises

import (
	"sort"
	"sync"
	"time"
)

// State is where a session is in its life.
type State int

// Session states.
const (
	NotStarted State = iota
	Running
	Paused
	Finished // ran to the end
	Stopped  // stopped early by the user
)

// Position is what a session looks like at one moment.
type Position struct {
	State     State
	Index     int           // current step; len(steps) once finished
	Step      Step          // the current step (zero when finished)
	Progress  float64       // 0..1 within the current step; 0 for a manual step
	StepLeft  time.Duration // what remains of the current step
	Elapsed   time.Duration // time practised, pauses excluded (manual steps included)
	Remaining time.Duration // timed part still to come, including StepLeft
}

// Session runs an Exercise against a Clock.
//
// Its position is computed, never accumulated: an anchor (a point on the
// exercise's timeline and the wall time it held) plus the time since. Pause,
// Resume and Skip only move the anchor, so after thirty minutes the pacer is
// exactly where the clock says. A Session is safe for concurrent use: the UI
// frame loop and the sound cue goroutine both read it.
type Session struct {
	mu     sync.Mutex
	ex     Exercise
	clock  Clock
	start  []time.Duration // timeline start of each step; manual steps take no time
	manual []int           // indexes of the manual steps, ascending

	state    State
	started  time.Time
	anchorAt time.Time     // wall time of the anchor
	anchor   time.Duration // timeline position at anchorAt
	minStep  int           // steps before this are done (skipped or walked past)
	active   time.Duration // practised time up to anchorAt (pauses excluded)
	last     time.Time     // latest time seen, to notice the clock going back
	ended    time.Time
}

// NewSession prepares a session; nothing runs until Start.
func NewSession(ex Exercise, c Clock) *Session {
	s := &Session{ex: ex, clock: c, start: make([]time.Duration, len(ex.Steps)+1)}
	var t time.Duration
	for i, st := range ex.Steps {
		s.start[i] = t
		if st.Manual() {
			s.manual = append(s.manual, i)
		} else {
			t += st.Duration
		}
	}
	s.start[len(ex.Steps)] = t
	return s
}

// Exercise returns what the session runs.
func (s *Session) Exercise() Exercise { return s.ex }

// Started returns the wall time Start was called.
func (s *Session) Started() time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.started
}

// Start begins the session now. Starting twice does nothing.
func (s *Session) Start() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.state != NotStarted {
		return
	}
	now := s.clock.Now()
	s.state, s.started, s.anchorAt = Running, now, now
	s.settle(now)
}

// Pause freezes the session where it is.
func (s *Session) Pause() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.state != Running {
		return
	}
	now := s.clock.Now()
	if s.settle(now) {
		return
	}
	s.reanchor(now)
	s.state = Paused
}

// Resume continues a paused session from exactly where it paused.
func (s *Session) Resume() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.state != Paused {
		return
	}
	s.anchorAt = s.clock.Now()
	s.state = Running
}

// Toggle pauses a running session and resumes a paused one.
func (s *Session) Toggle() {
	s.mu.Lock()
	st := s.state
	s.mu.Unlock()
	switch st {
	case Running:
		s.Pause()
	case Paused:
		s.Resume()
	}
}

// Skip ends the current step and goes to the next; on a manual step it is
// "go on". Skipping the last step finishes the session.
func (s *Session) Skip() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.state != Running && s.state != Paused {
		return
	}
	now := s.clock.Now()
	if s.settle(now) {
		return
	}
	p := s.position(now)
	if p.Index+1 >= len(s.ex.Steps) {
		// Past the last step there is nothing to wait for, paused or not:
		// the session is done, never "step 4 of 3".
		s.reanchor(now)
		s.finish(now)
		return
	}
	s.reanchor(now)
	s.anchor = s.start[p.Index+1]
	s.minStep = p.Index + 1
	s.settle(now)
}

// finish ends the session at now as run to its end. Caller holds mu and has
// reanchored at now.
func (s *Session) finish(now time.Time) {
	s.anchor = s.start[len(s.ex.Steps)]
	s.state, s.ended, s.minStep = Finished, now, len(s.ex.Steps)
}

// GoTo jumps to step i (e.g. tapping a muscle group in a checklist).
func (s *Session) GoTo(i int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if (s.state != Running && s.state != Paused) || i < 0 || i >= len(s.ex.Steps) {
		return
	}
	now := s.clock.Now()
	if s.settle(now) {
		return
	}
	s.reanchor(now)
	s.anchor, s.minStep = s.start[i], i
}

// Stop ends the session early. A finished session stays finished.
func (s *Session) Stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.clock.Now()
	if s.state == NotStarted || s.settle(now) || s.state == Stopped {
		return
	}
	s.reanchor(now)
	s.state, s.ended = Stopped, now
}

// At returns the session's position at now. It has no side effects beyond
// noticing that the session ran to its end.
func (s *Session) At(now time.Time) Position {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settle(now)
	return s.position(now)
}

// Now is At(clock.Now()).
func (s *Session) Now() Position { return s.At(s.clock.Now()) }

// NextChange returns when the step will next change on its own, for waking a
// sound-cue timer exactly then. ok is false when nothing will change by itself
// (paused, waiting on a manual step, or over).
func (s *Session) NextChange(now time.Time) (at time.Time, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settle(now)
	if s.state != Running {
		return time.Time{}, false
	}
	p := s.position(now)
	if p.Step.Manual() {
		return time.Time{}, false
	}
	return now.Add(p.StepLeft), true
}

// Ended returns when the session finished or was stopped (zero before).
func (s *Session) Ended() time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.ended
}

// reanchor moves the anchor to now, keeping the position. Caller holds mu.
func (s *Session) reanchor(now time.Time) {
	if s.state == Running {
		s.anchor = s.timeline(now)
		s.active += now.Sub(s.anchorAt)
	}
	s.anchorAt = now
}

// timeline is the raw position on the timeline at now, stalled at the first
// manual step not yet passed. Caller holds mu.
func (s *Session) timeline(now time.Time) time.Duration {
	pos := s.anchor
	if s.state == Running {
		pos += now.Sub(s.anchorAt)
	}
	if pos < s.anchor {
		pos = s.anchor // the clock went back: wait, never rewind the exercise
	}
	if m, ok := s.nextManual(); ok && s.start[m] <= pos {
		return s.start[m]
	}
	return min(pos, s.start[len(s.ex.Steps)])
}

// position computes the Position at now. Caller holds mu.
func (s *Session) position(now time.Time) Position {
	p := Position{State: s.state}
	total := s.start[len(s.ex.Steps)]
	if s.state == NotStarted {
		p.Remaining = total
		if len(s.ex.Steps) > 0 {
			p.Step = s.ex.Steps[0]
			p.StepLeft = p.Step.Duration
		}
		return p
	}
	pos := s.anchor
	p.Elapsed = s.active
	if s.state == Running {
		pos = s.timeline(now)
		if d := now.Sub(s.anchorAt); d > 0 {
			p.Elapsed += d
		}
	}
	if s.state == Finished || s.state == Stopped && s.minStep >= len(s.ex.Steps) {
		p.Index = len(s.ex.Steps)
		return p
	}
	// The step holding pos: the last step starting at or before it, not
	// before minStep, preferring a manual step that stalls us there.
	i := sort.Search(len(s.ex.Steps), func(i int) bool { return s.start[i] > pos }) - 1
	i = max(i, s.minStep)
	if m, ok := s.nextManual(); ok && m < i && s.start[m] == pos {
		i = m
	}
	if i >= len(s.ex.Steps) {
		p.Index = len(s.ex.Steps)
		return p
	}
	p.Index, p.Step = i, s.ex.Steps[i]
	if !p.Step.Manual() {
		in := pos - s.start[i]
		p.Progress = float64(in) / float64(p.Step.Duration)
		p.StepLeft = p.Step.Duration - in
	}
	p.Remaining = total - pos
	return p
}

// settle notices that a running session reached its end and finishes it at
// the exact moment it ended. It reports whether the session is over. Caller
// holds mu.
func (s *Session) settle(now time.Time) bool {
	if s.state == Finished || s.state == Stopped {
		return true
	}
	if now.Before(s.last) {
		// The system clock was set back: keep the position reached and go on
		// from the new time, so the exercise neither rewinds nor freezes.
		s.reanchor(s.last)
		s.anchorAt = now
	}
	s.last = now
	if s.state != Running {
		return false
	}
	total := s.start[len(s.ex.Steps)]
	if s.minStep >= len(s.ex.Steps) || s.timeline(now) >= total && s.lastManualPassed() {
		end := s.anchorAt.Add(total - s.anchor)
		if end.After(now) || end.Before(s.anchorAt) {
			end = now
		}
		s.active += end.Sub(s.anchorAt)
		s.anchor, s.anchorAt = total, end
		s.state, s.ended, s.minStep = Finished, end, len(s.ex.Steps)
		return true
	}
	return false
}

// lastManualPassed reports that no manual step at the very end still waits.
func (s *Session) lastManualPassed() bool {
	_, waiting := s.nextManual()
	return !waiting
}

// nextManual is the first manual step not yet passed. A binary search, not
// a walk: the pacer asks sixty times a second on sessions of 480 steps.
func (s *Session) nextManual() (int, bool) {
	k := sort.SearchInts(s.manual, s.minStep)
	if k == len(s.manual) {
		return 0, false
	}
	return s.manual[k], true
}
