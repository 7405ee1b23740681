// Package sound plays Ontspan's cues: soft tones synthesised in code (no
// sample files), through oto. Only main imports it: oto needs cgo and ALSA
// on Linux, and the UI's tests must not.
package sound

import (
	"encoding/binary"
	"math"
)

// SampleRate of every tone.
const SampleRate = 44100

// note is one sine tone with a soft attack and a long fade.
type note struct {
	freq   float64 // Hz
	start  float64 // seconds from the beginning of the cue
	length float64 // seconds
	gain   float64 // 0..1
}

// render mixes notes into mono float32 samples. Each note fades in over
// 25 ms (no click) and decays exponentially like a struck bowl, with a
// quiet octave above for warmth.
func render(notes []note) []float32 {
	var end float64
	for _, n := range notes {
		end = math.Max(end, n.start+n.length)
	}
	out := make([]float32, int(end*SampleRate)+1)
	for _, n := range notes {
		first := int(n.start * SampleRate)
		count := int(n.length * SampleRate)
		for i := 0; i < count && first+i < len(out); i++ {
			t := float64(i) / SampleRate
			env := math.Min(1, t/0.025) * math.Exp(-4*t/n.length)
			if rest := n.length - t; rest < 0.02 {
				env *= rest / 0.02 // fade the tail to zero: no click at the end
			}
			v := math.Sin(2*math.Pi*n.freq*t) + 0.15*math.Sin(4*math.Pi*n.freq*t)
			out[first+i] += float32(n.gain * env * v / 1.15)
		}
	}
	return out
}

// Cue shapes, indexed like ui.Cue: in rises to a brighter note, out settles
// lower, hold is a faint tick, the end is a slow three-note chime.
var cueNotes = [][]note{
	{{freq: 392, length: 0.5, gain: 0.22}, {freq: 523.25, start: 0.08, length: 0.45, gain: 0.12}},                                                       // in
	{{freq: 329.63, length: 0.7, gain: 0.22}, {freq: 261.63, start: 0.1, length: 0.6, gain: 0.12}},                                                      // out
	{{freq: 587.33, length: 0.18, gain: 0.07}},                                                                                                          // hold
	{{freq: 523.25, length: 1.2, gain: 0.2}, {freq: 659.25, start: 0.35, length: 1.2, gain: 0.18}, {freq: 783.99, start: 0.7, length: 1.6, gain: 0.16}}, // end
	{{freq: 293.66, length: 0.15, gain: 0.18}, {freq: 293.66, start: 0.2, length: 0.15, gain: 0.18}},                                                    // tense
	{{freq: 440, length: 0.6, gain: 0.2}, {freq: 329.63, start: 0.25, length: 0.9, gain: 0.16}},                                                         // release
}

// Samples renders cue c (an exercises.Cue, as int) as mono float32 samples.
func Samples(c int) []float32 {
	if c < 0 || c >= len(cueNotes) {
		return nil
	}
	return render(cueNotes[c])
}

// pcm encodes samples as little-endian float32, oto's input format.
func pcm(s []float32) []byte {
	b := make([]byte, 4*len(s))
	for i, v := range s {
		binary.LittleEndian.PutUint32(b[4*i:], math.Float32bits(v))
	}
	return b
}
