package exercises

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Ritual is an ordered chain of steps done one after the other, such as the
// guide's evening wind-down: the same small sequence every night is one the
// nervous system learns to recognise.
type Ritual struct {
	ID    int64  // store row id; 0 for built-ins and before saving
	UID   string // stable id; logged with each session; "evening" and "desk-reset" for the built-ins
	Name  string // the user's name; "" for built-ins, which are named by NameKey
	Key   string // translation key of a built-in's name; "" for the user's own
	Steps []RitualStep
}

// RitualStep is one link of a ritual: an exercise with its settings, or a
// task to do away from the screen ("A warm shower") that waits for a tap.
type RitualStep struct {
	// Technique is Breathing, PMR, Senses or MiniCheck; "" for a task.
	Technique Technique
	// Variant: for Breathing a pattern ID (a built-in such as "4-6" or
	// "belly", or a saved rhythm's ID); for PMR a set ID; for Senses a
	// variant; for MiniCheck MiniCheckTimed or MiniCheckSelf.
	Variant string
	// Minutes is the length of a breathing step; unused otherwise.
	Minutes int
	// TextKey is the translation key of a built-in task ("ritual.task.shower").
	TextKey string
	// Text is a task the user wrote; used when TextKey is "".
	Text string
}

// Task reports whether the step is a task instead of an exercise.
func (s RitualStep) Task() bool { return s.Technique == "" }

// The built-in rituals' UIDs.
const (
	RitualEvening   = "evening"
	RitualDeskReset = "desk-reset"
)

// The built-in tasks' text keys, offered as suggestions when adding a task.
const (
	TaskShower = "ritual.task.shower" // "A warm shower"
	TaskLights = "ritual.task.lights" // "Lights low, phone away"
	TaskPark   = "ritual.task.park"   // "Park what is on your mind"
)

// TaskSuggestions are the built-in task texts, in the order offered.
func TaskSuggestions() []string { return []string{TaskShower, TaskLights, TaskPark} }

// BreathingStep is a breathing step of pattern id for the given minutes.
func BreathingStep(id string, minutes int) RitualStep {
	return RitualStep{Technique: Breathing, Variant: id, Minutes: minutes}
}

// TaskStep is a task with the user's own text (checked by ValidateRitual).
func TaskStep(text string) RitualStep { return RitualStep{Text: text} }

// BuiltinRituals are the rituals every user has: the guide's evening ritual
// (warm shower, short muscle relaxation, 4-6 breathing for five minutes) and
// a three-minute desk reset (a mini-check, then two minutes of 4-6).
func BuiltinRituals() []Ritual {
	return []Ritual{
		{UID: RitualEvening, Key: "ritual.evening", Steps: []RitualStep{
			{TextKey: TaskShower},
			{Technique: PMR, Variant: PMRShort},
			BreathingStep(Pattern46.ID, 5),
		}},
		{UID: RitualDeskReset, Key: "ritual.deskreset", Steps: []RitualStep{
			{Technique: MiniCheck, Variant: MiniCheckTimed},
			BreathingStep(Pattern46.ID, 2),
		}},
	}
}

// Builtin reports whether r is one of BuiltinRituals (it cannot be edited
// or deleted; CopyRitual makes an editable one).
func (r Ritual) Builtin() bool { return r.Key != "" }

// FindRitual looks a ritual up by UID among the built-ins and mine, for
// "ontspan --start ritual --name ..." and the diary.
func FindRitual(uid string, mine []Ritual) (Ritual, bool) {
	for _, r := range append(BuiltinRituals(), mine...) {
		if r.UID == uid {
			return r, true
		}
	}
	return Ritual{}, false
}

// Ritual limits: a name fits a card, a task is a line, and a chain longer
// than a dozen links is no longer a small ritual.
const (
	MaxRitualNameRunes = 40
	MaxRitualTaskRunes = 80
	MaxRitualSteps     = 12
	MaxRitualMinutes   = 60 // longest breathing step
)

// Ritual errors; the UI shows each as a sentence by the field. A problem in
// one step comes wrapped in a *RitualStepError. Test with errors.Is.
var (
	ErrRitualName        = errors.New("give the ritual a name")
	ErrRitualNameTooLong = fmt.Errorf("a ritual name is longer than %d characters", MaxRitualNameRunes)
	ErrRitualText        = errors.New("text contains a NUL character or is not valid UTF-8")
	ErrRitualEmpty       = errors.New("a ritual needs at least one step")
	ErrRitualTooLong     = fmt.Errorf("a ritual has at most %d steps", MaxRitualSteps)
	ErrRitualBuiltin     = errors.New("a built-in ritual cannot be changed; make a copy")
	ErrRitualStepIndex   = errors.New("no such step")
	ErrTaskEmpty         = errors.New("write a few words for this step")
	ErrTaskTooLong       = fmt.Errorf("a step text is longer than %d characters", MaxRitualTaskRunes)
	ErrTaskKey           = errors.New("unknown built-in step text")
	ErrStepTechnique     = errors.New("this exercise cannot be a ritual step")
	ErrStepVariant       = errors.New("unknown exercise setting")
	ErrStepMinutes       = fmt.Errorf("a breathing step lasts 1 to %d minutes", MaxRitualMinutes)
	ErrStepRhythm        = errors.New("the saved rhythm of this step is gone")
)

// RitualStepError says which step of a ritual is wrong, so the editor can
// point at it.
type RitualStepError struct {
	Index int // 0-based
	Err   error
}

// Error implements error.
func (e *RitualStepError) Error() string { return fmt.Sprintf("step %d: %v", e.Index+1, e.Err) }

// Unwrap lets errors.Is see the cause.
func (e *RitualStepError) Unwrap() error { return e.Err }

// ritualErrs: a ritual's texts say ErrRitualText for a NUL or broken UTF-8.
func ritualErrs(empty, tooLong error) textErrs {
	return textErrs{ErrRitualText, ErrRitualText, empty, tooLong}
}

// CleanRitualName trims a ritual's name and checks it.
func CleanRitualName(s string) (string, error) {
	return cleanText(s, MaxRitualNameRunes, ritualErrs(ErrRitualName, ErrRitualNameTooLong))
}

// Check validates one step on its own and returns it cleaned (a task's
// text trimmed). A saved rhythm is checked only for its form here; whether
// it still exists is known when the ritual runs (Resolve).
func (s RitualStep) Check() (RitualStep, error) {
	if s.Task() {
		if s.Variant != "" || s.Minutes != 0 {
			return s, ErrStepVariant
		}
		if s.TextKey != "" {
			if !slices.Contains(TaskSuggestions(), s.TextKey) || s.Text != "" {
				return s, ErrTaskKey
			}
			return s, nil
		}
		t, err := cleanText(s.Text, MaxRitualTaskRunes, ritualErrs(ErrTaskEmpty, ErrTaskTooLong))
		s.Text = t
		return s, err
	}
	if s.Text != "" || s.TextKey != "" {
		return s, ErrStepVariant
	}
	if s.Technique != Breathing && s.Minutes != 0 {
		return s, ErrStepMinutes
	}
	switch s.Technique {
	case Breathing:
		if s.Minutes < 1 || s.Minutes > MaxRitualMinutes {
			return s, ErrStepMinutes
		}
		if _, err := cleanText(s.Variant, MaxRitualNameRunes+10, ritualErrs(ErrStepVariant, ErrStepVariant)); err != nil {
			return s, ErrStepVariant
		}
	case PMR:
		if s.Variant != PMRShort && s.Variant != PMRFull && s.Variant != PMRMine {
			return s, ErrStepVariant
		}
	case Senses:
		if _, ok := sensesPrompts[s.Variant]; !ok {
			return s, ErrStepVariant
		}
	case MiniCheck:
		if s.Variant != MiniCheckTimed && s.Variant != MiniCheckSelf {
			return s, ErrStepVariant
		}
	default:
		return s, ErrStepTechnique
	}
	return s, nil
}

// ValidateRitual checks a user's ritual and returns it cleaned: a name
// (CleanRitualName), 1 to MaxRitualSteps steps, each valid (a
// *RitualStepError says which is not). Built-ins are valid by construction
// and are not passed here.
func ValidateRitual(r Ritual) (Ritual, error) {
	if r.Builtin() {
		return r, ErrRitualBuiltin
	}
	name, err := CleanRitualName(r.Name)
	if err != nil {
		return r, err
	}
	switch {
	case len(r.Steps) == 0:
		return r, ErrRitualEmpty
	case len(r.Steps) > MaxRitualSteps:
		return r, ErrRitualTooLong
	}
	out := r
	out.Name = name
	out.Steps = make([]RitualStep, len(r.Steps))
	for i, s := range r.Steps {
		c, err := s.Check()
		if err != nil {
			return r, &RitualStepError{Index: i, Err: err}
		}
		out.Steps[i] = c
	}
	return out, nil
}

// FindRitualNamed finds the ritual a desktop shortcut or the tray names
// ("ontspan --start ritual --name ..."): a UID first, then one of mine by
// name, ignoring case and surrounding spaces. Built-ins are found by UID;
// their translated names are the UI's to match.
func FindRitualNamed(name string, mine []Ritual) (Ritual, bool) {
	if r, ok := FindRitual(name, mine); ok {
		return r, true
	}
	name = strings.TrimSpace(name)
	for _, r := range mine {
		if name != "" && strings.EqualFold(r.Name, name) {
			return r, true
		}
	}
	return Ritual{}, false
}

// EveningFrom and EveningUntil bound the evening: from 18:00 until 04:00
// the evening ritual comes first.
const (
	EveningFrom  = 18
	EveningUntil = 4
)

// RitualsAt lists the built-in rituals and mine in the order the home
// screen offers them at now: in the evening (EveningFrom to EveningUntil)
// the evening ritual first, during the day the desk reset; the user's own
// follow in their saved order.
func RitualsAt(now time.Time, mine []Ritual) []Ritual {
	bs := BuiltinRituals()
	if h := now.Hour(); h >= EveningUntil && h < EveningFrom {
		bs[0], bs[1] = bs[1], bs[0]
	}
	return append(bs, mine...)
}
