package exercises

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestSensesExercise(t *testing.T) {
	cases := []struct {
		variant string
		keys    []string
		err     error
	}{
		{SensesBasic, []string{"senses.see", "senses.hear", "senses.feel", "senses.closing"}, nil},
		{Senses54321, []string{"senses.see5", "senses.hear4", "senses.feel3", "senses.smell2", "senses.taste1", "senses.closing"}, nil},
		{"", nil, ErrSensesVariant},
		{"12345", nil, ErrSensesVariant},
	}
	for _, c := range cases {
		ex, err := SensesExercise(c.variant)
		if !errors.Is(err, c.err) {
			t.Errorf("%q: %v, want %v", c.variant, err, c.err)
			continue
		}
		var keys []string
		for i, s := range ex.Steps {
			keys = append(keys, s.Text)
			wantGroup := i
			if i == len(ex.Steps)-1 {
				wantGroup = NoGroup
			}
			if s.Kind != Prompt || !s.Manual() || s.Group != wantGroup {
				t.Errorf("%q step %d: %+v", c.variant, i, s)
			}
		}
		if !slices.Equal(keys, c.keys) {
			t.Errorf("%q: %v, want %v", c.variant, keys, c.keys)
		}
		if err == nil && (ex.Technique != Senses || ex.Variant != c.variant) {
			t.Errorf("%q: %q %q", c.variant, ex.Technique, ex.Variant)
		}
	}
}

// One prompt at a time, however long the user lingers; "next" goes on and
// "next" on the closing ends it.
func TestSensesIsSelfPaced(t *testing.T) {
	ex, _ := SensesExercise(Senses54321)
	c := NewFakeClock(pmrT0)
	s := NewSession(ex, c)
	s.Start()
	for i := range ex.Steps {
		c.Advance(time.Duration(i+1) * time.Minute)
		if p := s.Now(); p.Index != i || p.State != Running {
			t.Fatalf("prompt %d: %+v", i, p)
		}
		s.Skip()
	}
	if p := s.Now(); p.State != Finished || p.Elapsed != 21*time.Minute {
		t.Errorf("end: %+v", p)
	}
}

func TestCleanSenseNote(t *testing.T) {
	cases := []struct {
		in, want string
		err      error
	}{
		{"", "", nil},
		{"   ", "", nil},
		{"  blue curtain ", "blue curtain", nil},
		{"soft\n\tpillow  here", "soft pillow here", nil},
		{"🌙 maan", "🌙 maan", nil},
		{"\u05e9\u05dc\u05d5\u05dd \u200fעולם", "\u05e9\u05dc\u05d5\u05dd \u200fעולם", nil}, // RTL text and mark kept
		{strings.Repeat("é", MaxSenseNoteRunes), strings.Repeat("é", MaxSenseNoteRunes), nil},
		{" " + strings.Repeat("a", MaxSenseNoteRunes) + "\n", strings.Repeat("a", MaxSenseNoteRunes), nil},
		{strings.Repeat("é", MaxSenseNoteRunes+1), "", ErrSenseNoteTooLong},
		{"a\x00b", "", ErrSenseNoteNUL},
		{"a\xffb", "", ErrSenseNoteNUL},
	}
	for _, c := range cases {
		got, err := CleanSenseNote(c.in)
		if got != c.want || !errors.Is(err, c.err) {
			t.Errorf("%q: %q %v, want %q %v", c.in, got, err, c.want, c.err)
		}
	}
}

func TestSensesNotes(t *testing.T) {
	ex, _ := SensesExercise(Senses54321)
	n := NewSensesNotes(ex)
	if len(n) != 5 {
		t.Fatalf("%d notes for 5 prompts", len(n))
	}
	cases := []struct {
		group int
		note  string
		err   error
	}{
		{0, " lamp, shadow ", nil},
		{2, "warm\nblanket", nil},
		{4, "mint", nil},
		{4, strings.Repeat("x", MaxSenseNoteRunes+1), ErrSenseNoteTooLong}, // keeps "mint"
		{1, "a\x00", ErrSenseNoteNUL},
		{5, "closing", ErrSenseNotePrompt},
		{NoGroup, "x", ErrSenseNotePrompt},
	}
	for _, c := range cases {
		if err := n.Set(c.group, c.note); !errors.Is(err, c.err) {
			t.Errorf("set %d %q: %v, want %v", c.group, c.note, err, c.err)
		}
	}
	if got, want := n.Joined(), "lamp, shadow · warm blanket · mint"; got != want {
		t.Errorf("joined %q, want %q", got, want)
	}
	if NewSensesNotes(ex).Joined() != "" {
		t.Error("no notes should join to nothing")
	}
	// The longest possible notes still fit the diary's 1,000-character note.
	for i := range n {
		_ = n.Set(i, strings.Repeat("é", MaxSenseNoteRunes))
	}
	if l := len([]rune(n.Joined())); l > 1000 {
		t.Errorf("joined notes are %d characters", l)
	}
}
