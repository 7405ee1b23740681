package ui

// Cue is a sound the app plays, so an exercise works with eyes closed.
type Cue int

// The cues. In and out differ in pitch, holds are quieter, the end is a
// two-note chime nobody mistakes for another breath.
const (
	CueIn Cue = iota
	CueOut
	CueHold
	CueEnd
	CueTense
	CueRelease
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
