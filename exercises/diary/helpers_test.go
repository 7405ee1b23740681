package diary

import (
	"fmt"
	"testing"
	"time"

	"github.com/ontspan/ontspan/exercises"
)

// openTemp opens a fresh diary in a temporary folder.
func openTemp(t testing.TB) (*Store, string) {
	t.Helper()
	dir := t.TempDir()
	s, err := Open(dir)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s, dir
}

var amsterdam = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		return time.FixedZone("CET", 3600)
	}
	return loc
}()

// sample returns a fully filled entry that differs per i.
func sample(i int) exercises.Entry {
	techniques := []exercises.Technique{exercises.Breathing, exercises.PMR, exercises.MiniCheck, exercises.Senses, exercises.WindDown}
	return exercises.Entry{
		Technique:  techniques[i%len(techniques)],
		Variant:    fmt.Sprintf("4-%d", 4+i%3),
		Started:    time.Date(2025, 3, 1, 7, 30, 15, 123456789, amsterdam).Add(time.Duration(i) * 7 * time.Hour),
		Planned:    time.Duration(5+i%10) * time.Minute,
		Actual:     time.Duration(5+i%10)*time.Minute - time.Duration(i%7)*time.Second - 250*time.Millisecond,
		Completed:  i%4 != 0,
		Before:     []int{exercises.NoRating, 0, 7, 10}[i%4],
		After:      []int{exercises.NoRating, 3, 0, 10, 5}[i%5],
		Note:       fmt.Sprintf("note %d: rustig 😌, \"quoted\", comma, newline\nline 2", i),
		Ritual:     []string{"", "", "", "", "r-own", exercises.RitualEvening}[i%6],
		RitualName: []string{"", "", "", "", "Mijn avond", ""}[i%6],
	}
}

func sampleWorry(i int) exercises.Worry {
	w := exercises.Worry{
		Text:    fmt.Sprintf("worry %d: de presentatie van donderdag — ÉÉN ding 🙈", i),
		Created: time.Date(2025, 3, 1, 21, 0, 0, 987654321, amsterdam).Add(time.Duration(i) * time.Hour),
		Revisit: time.Date(2025, 3, 2, 18, 0, 0, 0, amsterdam).Add(time.Duration(i) * 30 * time.Minute),
		State:   exercises.WorryWaiting,
	}
	if i%3 == 1 {
		w.State = exercises.WorryArchived
		w.Decision = []exercises.Decision{exercises.DecisionHandled, exercises.DecisionNextStep, exercises.DecisionLetGo}[(i/3)%3]
		if w.Decision == exercises.DecisionNextStep {
			w.NextStep = "bel de huisarts"
		}
		w.Reviewed = w.Revisit.Add(time.Duration(i) * time.Minute)
	}
	return w
}

func sameEntry(a, b exercises.Entry) bool {
	return a.ID == b.ID && a.UID == b.UID && a.Technique == b.Technique && a.Variant == b.Variant &&
		a.Started.Equal(b.Started) && a.Planned == b.Planned && a.Actual == b.Actual &&
		a.Completed == b.Completed && a.Before == b.Before && a.After == b.After && a.Note == b.Note &&
		a.Ritual == b.Ritual && a.RitualName == b.RitualName
}

func sameWorry(a, b exercises.Worry) bool {
	return a.ID == b.ID && a.UID == b.UID && a.Text == b.Text && a.Created.Equal(b.Created) &&
		a.Revisit.Equal(b.Revisit) && a.State == b.State && a.Decision == b.Decision &&
		a.NextStep == b.NextStep && a.Reviewed.Equal(b.Reviewed)
}

// allEntries returns the whole diary through Page, newest first.
func allEntries(t testing.TB, s *Store) []exercises.Entry {
	t.Helper()
	var out []exercises.Entry
	var before time.Time
	var beforeID int64
	for {
		page, err := s.Page(before, beforeID, 7)
		if err != nil {
			t.Fatalf("Page: %v", err)
		}
		out = append(out, page...)
		if len(page) < 7 {
			return out
		}
		last := page[len(page)-1]
		before, beforeID = last.Started, last.ID
	}
}

func allWorries(t testing.TB, s *Store) []exercises.Worry {
	t.Helper()
	var out []exercises.Worry
	for _, st := range []exercises.WorryState{exercises.WorryWaiting, exercises.WorryArchived} {
		ws, err := s.Worries(st)
		if err != nil {
			t.Fatalf("Worries(%s): %v", st, err)
		}
		out = append(out, ws...)
	}
	return out
}
