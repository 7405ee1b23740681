package ui

import "github.com/ontspan/ontspan/exercises"

// Cue is the engine's tone of a step (exercises.Cue), named here for the
// screens that choose when to play it.
type Cue = exercises.Cue

// The cues, as the engine names them.
const (
	CueIn      = exercises.CueIn
	CueOut     = exercises.CueOut
	CueHold    = exercises.CueHold
	CueEnd     = exercises.CueEnd
	CueTense   = exercises.CueTense
	CueRelease = exercises.CueRelease
)

// Player plays cues without blocking. ui/sound has the real one; tests use a
// recorder.
type Player interface {
	Play(Cue)
}

// silent is the Player when there is no audio device: the session goes on.
type silent struct{}

func (silent) Play(Cue) {}

// volumeControl is a Player whose loudness can be set, 0 to 1.
type volumeControl interface {
	SetVolume(float64)
}

// soundCheck is a Player that can tell why no sound can play (no audio
// device), or nil. Check may take a moment: call it off the UI goroutine.
type soundCheck interface {
	Check() error
}
