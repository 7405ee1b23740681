package exercises

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"time"
	"unicode/utf8"
)

// Pattern is a breathing rhythm: seconds in, held in, out, held out.
type Pattern struct {
	ID      string  // stable id, e.g. "4-6"; for user patterns derived from the name
	Name    string  // shown name; built-ins are translated by ID instead
	In      float64 // seconds
	HoldIn  float64
	Out     float64
	HoldOut float64
	Belly   bool // show the chest/belly cues
	Custom  bool // made by the user
}

// The built-in patterns, the seed's 4-6 first: a longer out-breath is the point.
var (
	Pattern46        = Pattern{ID: "4-6", In: 4, Out: 6}
	PatternBelly     = Pattern{ID: "belly", In: 4, Out: 6, Belly: true}
	PatternBox       = Pattern{ID: "box", In: 4, HoldIn: 4, Out: 4, HoldOut: 4}
	Pattern478       = Pattern{ID: "4-7-8", In: 4, HoldIn: 7, Out: 8}
	PatternResonance = Pattern{ID: "resonance", In: 60.0 / 5.5 * 0.45, Out: 60.0 / 5.5 * 0.55} // 5.5 breaths a minute
)

// BuiltinPatterns lists the patterns every user has, default first.
func BuiltinPatterns() []Pattern {
	return []Pattern{Pattern46, PatternBelly, PatternBox, Pattern478, PatternResonance}
}

// Cycle is the length of one breath.
func (p Pattern) Cycle() time.Duration {
	return secs(p.In) + secs(p.HoldIn) + secs(p.Out) + secs(p.HoldOut)
}

// PerMinute is breaths per minute.
func (p Pattern) PerMinute() float64 { return float64(time.Minute) / float64(p.Cycle()) }

// Pattern limits, so a rhythm stays breathable.
const (
	MinBreath   = 1.0
	MaxBreath   = 20.0
	MaxHold     = 20.0
	MaxNameRune = 40
)

// Validation errors for user-made patterns; the UI shows each as a sentence.
var (
	ErrPatternName     = errors.New("pattern needs a name")
	ErrPatternNameLong = fmt.Errorf("pattern name is longer than %d characters", MaxNameRune)
	ErrInRange         = fmt.Errorf("breathing in must take %g to %g seconds", MinBreath, MaxBreath)
	ErrOutRange        = fmt.Errorf("breathing out must take %g to %g seconds", MinBreath, MaxBreath)
	ErrHoldRange       = fmt.Errorf("a hold must take 0 to %g seconds", MaxHold)
)

// Validate checks a user-made pattern. It returns the first problem found.
func (p Pattern) Validate() error {
	name := strings.TrimSpace(p.Name)
	switch {
	case name == "" || strings.ContainsRune(name, 0):
		return ErrPatternName
	case utf8.RuneCountInString(name) > MaxNameRune:
		return ErrPatternNameLong
	case !between(p.In, MinBreath, MaxBreath):
		return ErrInRange
	case !between(p.Out, MinBreath, MaxBreath):
		return ErrOutRange
	case !between(p.HoldIn, 0, MaxHold) || !between(p.HoldOut, 0, MaxHold):
		return ErrHoldRange
	}
	return nil
}

func between(v, lo, hi float64) bool { return !math.IsNaN(v) && v >= lo && v <= hi }

func secs(f float64) time.Duration { return time.Duration(math.Round(f*1000)) * time.Millisecond }

// Length is how long a breathing session lasts: minutes or a number of breaths.
type Length struct {
	Minutes int // used when Breaths is 0
	Breaths int
}

// SessionMinutes are the lengths offered in the UI.
var SessionMinutes = []int{1, 2, 3, 5, 10, 15, 20}

// Breaths returns the number of whole breaths for a length: a session always
// ends after a full out-breath, never halfway.
func (p Pattern) Breaths(l Length) int {
	if l.Breaths > 0 {
		return l.Breaths
	}
	n := int(math.Round(float64(time.Duration(l.Minutes)*time.Minute) / float64(p.Cycle())))
	return max(n, 1)
}

// Exercise turns a pattern and a length into steps. Holds of zero are left
// out, so the pacer never flashes an empty phase.
func (p Pattern) Exercise(l Length) Exercise {
	n := p.Breaths(l)
	ex := Exercise{Technique: Breathing, Variant: p.ID}
	phases := []struct {
		k Kind
		s float64
	}{{Inhale, p.In}, {HoldIn, p.HoldIn}, {Exhale, p.Out}, {HoldOut, p.HoldOut}}
	ex.Steps = make([]Step, 0, n*4)
	for b := 0; b < n; b++ {
		for _, ph := range phases {
			if d := secs(ph.s); d > 0 {
				ex.Steps = append(ex.Steps, Step{Kind: ph.k, Duration: d, Text: "breath." + ph.k.String(), Group: b})
			}
		}
	}
	return ex
}

// FindPattern looks a pattern up by id among built-ins and the given custom ones.
func FindPattern(id string, custom []Pattern) (Pattern, bool) {
	for _, p := range append(BuiltinPatterns(), custom...) {
		if p.ID == id {
			return p, true
		}
	}
	return Pattern{}, false
}
