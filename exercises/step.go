package exercises

import "time"

// Kind says what a step asks of the user.
type Kind int

// The kinds of step. Breathing uses the first four; muscle relaxation Tense,
// Release and Notice; self-paced exercises Prompt.
const (
	Inhale Kind = iota
	HoldIn
	Exhale
	HoldOut
	Tense
	Release
	Notice
	Prompt // self-paced: read, do, go on when ready
	Intro  // an instruction shown before the timed part
)

var kindNames = [...]string{"inhale", "hold-in", "exhale", "hold-out", "tense", "release", "notice", "prompt", "intro"}

// String returns a stable name, used in translation keys and logs.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Step is one part of an exercise. A zero Duration means the step lasts
// until the user goes on (Session.Skip).
type Step struct {
	Kind     Kind
	Duration time.Duration
	Text     string // translation key for what to show, e.g. "pmr.group.shoulders"
	Group    int    // which group the step belongs to (a breath, a muscle group); steps of one group are adjacent
}

// Manual reports whether the step waits for the user instead of a timer.
func (s Step) Manual() bool { return s.Duration <= 0 }

// Exercise is a named list of steps: data, not code.
type Exercise struct {
	Technique Technique
	Variant   string // e.g. "4-6", "short"
	Steps     []Step
}

// Duration is the timed length of the exercise; manual steps count as zero.
func (e Exercise) Duration() time.Duration {
	var d time.Duration
	for _, s := range e.Steps {
		if !s.Manual() {
			d += s.Duration
		}
	}
	return d
}
