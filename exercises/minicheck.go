package exercises

import "time"

// MiniCheckStep is how long each step of a timed mini-check lasts: three
// steps make the half minute that fits between two tasks.
const MiniCheckStep = 10 * time.Second

// The body mini-check's variants, logged in the diary.
const (
	MiniCheckTimed = "timed"
	MiniCheckSelf  = "self-paced"
)

// miniCheckKeys are the three steps, each a small letting go: the jaw, the
// tongue off the palate, the shoulders briefly up and then dropped.
var miniCheckKeys = [...]string{"minicheck.jaw", "minicheck.tongue", "minicheck.shoulders"}

// MiniCheckExercise is the body mini-check done a few times a day, to notice
// tension early instead of only in the evening. Timed, each step lasts
// MiniCheckStep; self-paced, each waits for the user to go on (a manual step).
// Every step is a Release (the check is about letting go) with its own Group.
func MiniCheckExercise(timed bool) Exercise {
	ex := Exercise{Technique: MiniCheck, Variant: MiniCheckSelf}
	var d time.Duration
	if timed {
		ex.Variant, d = MiniCheckTimed, MiniCheckStep
	}
	ex.Steps = make([]Step, len(miniCheckKeys))
	for i, k := range miniCheckKeys {
		ex.Steps[i] = Step{Kind: Release, Duration: d, Text: k, Group: i}
	}
	return ex
}
