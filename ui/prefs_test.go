package ui

import (
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/ontspan/ontspan/exercises"
)

// TestPrefsReminderSeen: none put away at first; the due time put away is
// read back, from a fresh Prefs over the same store as well.
func TestPrefsReminderSeen(t *testing.T) {
	store := test.NewTempApp(t).Preferences()
	p := NewPrefs(store)
	if got := p.ReminderSeen(); got != "" {
		t.Errorf("at first: %q, want none", got)
	}
	due := time.Date(2025, 3, 4, 9, 0, 0, 0, time.UTC).Format(time.RFC3339)
	p.SetReminderSeen(due)
	if got := NewPrefs(store).ReminderSeen(); got != due {
		t.Errorf("stored %q, read back %q", due, got)
	}
	if got := store.String("reminder-seen"); got != due {
		t.Errorf("under the key users have saved it under: %q", got)
	}
}

// TestPrefsMiniTimedAndMuscleDefaults: the values the chooser and the
// rituals now read through Prefs keep their defaults and round-trip.
func TestPrefsMiniTimedAndMuscleDefaults(t *testing.T) {
	p := NewPrefs(test.NewTempApp(t).Preferences())
	if !p.MiniTimed() {
		t.Error("mini-check: on a timer at first")
	}
	if want := int(exercises.DefaultPMRTiming().Release / time.Second); p.PMRRelease() != want {
		t.Errorf("release at first: %d, want the engine's %d", p.PMRRelease(), want)
	}
	if got := p.PMRMine(); got != nil {
		t.Errorf("own muscle set at first: %v, want none", got)
	}
	p.SetMiniTimed(false)
	p.SetPMRRelease(25)
	p.SetPMRMine([]string{"neck", "jaw"})
	if p.MiniTimed() || p.PMRRelease() != 25 || !slices.Equal(p.PMRMine(), []string{"neck", "jaw"}) {
		t.Errorf("read back: timed %v, release %d, mine %v", p.MiniTimed(), p.PMRRelease(), p.PMRMine())
	}
}
