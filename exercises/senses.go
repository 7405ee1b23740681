package exercises

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// The five-senses exercise's variants.
const (
	SensesBasic = "basic" // see, hear, feel: what the seed describes, for in bed
	Senses54321 = "54321" // 5 things seen, 4 heard, 3 felt, 2 smelt, 1 tasted
)

// sensesPrompts are the prompts' translation keys per variant. The 5-4-3-2-1
// keys carry the count, so each language can phrase "five things" itself.
var sensesPrompts = map[string][]string{
	SensesBasic: {"senses.see", "senses.hear", "senses.feel"},
	Senses54321: {"senses.see5", "senses.hear4", "senses.feel3", "senses.smell2", "senses.taste1"},
}

const sensesClosingKey = "senses.closing"

// ErrSensesVariant: the variant is neither SensesBasic nor Senses54321.
var ErrSensesVariant = errors.New("unknown five-senses variant")

// SensesExercise is the five-senses grounding exercise: one self-paced
// prompt at a time (Kind Prompt, manual, Group = the prompt's index), then a
// gentle closing (also manual, Group NoGroup). Giving attention a place to
// go works where trying not to think backfires.
func SensesExercise(variant string) (Exercise, error) {
	keys, ok := sensesPrompts[variant]
	if !ok {
		return Exercise{}, fmt.Errorf("%w: %q", ErrSensesVariant, variant)
	}
	ex := Exercise{Technique: Senses, Variant: variant, Steps: make([]Step, 0, len(keys)+1)}
	for i, k := range keys {
		ex.Steps = append(ex.Steps, Step{Kind: Prompt, Text: k, Group: i})
	}
	ex.Steps = append(ex.Steps, Step{Kind: Prompt, Text: sensesClosingKey, Group: NoGroup})
	return ex, nil
}

// MaxSenseNoteRunes is the longest note for one prompt: "a word or two",
// with room to spare. Five of them joined stay well within the diary's
// 1,000-character session note.
const MaxSenseNoteRunes = 150

// Note errors; the UI keeps the text in the field and shows a sentence.
var (
	ErrSenseNoteTooLong = fmt.Errorf("a note is longer than %d characters", MaxSenseNoteRunes)
	ErrSenseNoteNUL     = errors.New("a note contains a NUL character")
	ErrSenseNotePrompt  = errors.New("no such five-senses prompt")
)

// CleanSenseNote trims a prompt's note and folds runs of white space,
// line breaks included, into single spaces: a note is one line. An empty
// note is fine (notes are optional). NUL and invalid UTF-8 are rejected
// (ErrSenseNoteNUL), as is a note over MaxSenseNoteRunes after cleaning.
// Emoji and right-to-left text are kept as typed.
func CleanSenseNote(s string) (string, error) {
	if strings.IndexByte(s, 0) >= 0 || !utf8.ValidString(s) {
		return "", ErrSenseNoteNUL
	}
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) > MaxSenseNoteRunes {
		return "", ErrSenseNoteTooLong
	}
	return s, nil
}

// SensesNotes holds the optional notes of one five-senses session, one per
// prompt, indexed by the prompt step's Group.
type SensesNotes []string

// NewSensesNotes makes room for a note per prompt of ex.
func NewSensesNotes(ex Exercise) SensesNotes {
	n := 0
	for _, s := range ex.Steps {
		n = max(n, s.Group+1)
	}
	return make(SensesNotes, n)
}

// Set cleans and stores the note of prompt group. On an error the stored
// note is unchanged.
func (n SensesNotes) Set(group int, note string) error {
	if group < 0 || group >= len(n) {
		return fmt.Errorf("%w: %d", ErrSenseNotePrompt, group)
	}
	clean, err := CleanSenseNote(note)
	if err != nil {
		return err
	}
	n[group] = clean
	return nil
}

// Joined is the non-empty notes in prompt order, separated by " · ", for the
// diary entry's note; "" when the user typed nothing.
func (n SensesNotes) Joined() string {
	parts := make([]string, 0, len(n))
	for _, s := range n {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " · ")
}
