package exercises

// Cue is a tone marking a change in an exercise, so it works with the eyes
// closed. The engine names them; ui decides when to play them and
// ui/sound renders them, one tone per Cue.
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
