package ui

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"

	"github.com/ontspan/ontspan/exercises"
)

// Preference keys; changing one loses what users saved under it.
const (
	prefLanguage      = "language"       // "", "en", "nl"
	prefSound         = "sound"          // bool, default on
	prefReducedMotion = "reduced-motion" // bool
	prefPatterns      = "patterns"       // JSON list of user-made patterns
	prefLastPattern   = "last-pattern"
	prefLastMinutes   = "last-minutes"
	prefTheme         = "theme"      // "", "light", "dark"
	prefVolume        = "volume"     // 0..1, default 1
	prefWelcome       = "welcome"    // the first-run welcome's state (exercises.Welcome)
	prefSuggestion    = "suggestion" // JSON exercises.Suggestion: the chooser's last first pick
	prefHelpNotes     = "help-notes" // JSON exercises.Dismissals
	prefTextSize      = "text-size"  // textNormal (""), textLarge or textLarger

	prefPMRSet     = "pmr-set"       // "short", "full" or "mine"
	prefPMRMine    = "pmr-my-groups" // the user's own set: group IDs in order
	prefPMRRelease = "pmr-release"   // seconds of letting go and noticing, 10–40
	prefPMRNoted   = "pmr-note-seen" // the gentle note was shown before a first run

	prefMiniTimed     = "minicheck-timed" // bool: on a timer (the default) or at the user's own pace
	prefSensesVariant = "senses-variant"  // the five-senses variant chosen last

	prefPracticeOffered = "practice-offered" // bool: the daily reminder was offered once
	prefReminderSeen    = "reminder-seen"    // the due time (RFC 3339, UTC) of the reminder put away on home
)

// Prefs are the user's settings, kept in Fyne's Preferences.
type Prefs struct {
	p fyne.Preferences
}

// NewPrefs reads and writes settings in p.
func NewPrefs(p fyne.Preferences) *Prefs { return &Prefs{p: p} }

// Language is "" for the system's, else "en" or "nl".
func (s *Prefs) Language() string { return s.p.String(prefLanguage) }

// SetLanguage stores the language choice.
func (s *Prefs) SetLanguage(code string) { s.p.SetString(prefLanguage, code) }

// Sound reports whether tones play.
func (s *Prefs) Sound() bool { return s.p.BoolWithFallback(prefSound, true) }

// SetSound turns tones on or off.
func (s *Prefs) SetSound(on bool) { s.p.SetBool(prefSound, on) }

// Volume is how loud the tones play, 0 to 1.
func (s *Prefs) Volume() float64 {
	return max(0, min(1, s.p.FloatWithFallback(prefVolume, 1)))
}

// SetVolume stores the loudness.
func (s *Prefs) SetVolume(v float64) { s.p.SetFloat(prefVolume, max(0, min(1, v))) }

// ReducedMotion reports the user's own choice; see Motion for what applies.
func (s *Prefs) ReducedMotion() bool { return s.p.Bool(prefReducedMotion) }

// SetReducedMotion stores the choice.
func (s *Prefs) SetReducedMotion(on bool) { s.p.SetBool(prefReducedMotion, on) }

// Theme is the appearance: themeSystem (""), themeLight or themeDark. An
// unknown value (from a newer version) follows the system.
func (s *Prefs) Theme() string {
	switch m := s.p.String(prefTheme); m {
	case themeLight, themeDark:
		return m
	}
	return themeSystem
}

// SetTheme stores the appearance choice.
func (s *Prefs) SetTheme(mode string) { s.p.SetString(prefTheme, mode) }

// LastPattern is the pattern chosen last time, "4-6" at first.
func (s *Prefs) LastPattern() string {
	return s.p.StringWithFallback(prefLastPattern, exercises.Pattern46.ID)
}

// LastMinutes is the session length chosen last time, 5 at first.
func (s *Prefs) LastMinutes() int { return s.p.IntWithFallback(prefLastMinutes, 5) }

// Remember stores the last choice so the next session starts with one tap.
func (s *Prefs) Remember(pattern string, minutes int) {
	s.p.SetString(prefLastPattern, pattern)
	s.p.SetInt(prefLastMinutes, minutes)
}

// Patterns returns the user-made breathing patterns. A damaged value gives
// none rather than an error: the built-ins always work.
func (s *Prefs) Patterns() []exercises.Pattern {
	var ps []exercises.Pattern
	if err := json.Unmarshal([]byte(s.p.String(prefPatterns)), &ps); err != nil {
		return nil
	}
	valid := ps[:0]
	for _, p := range ps {
		if p.Validate() == nil {
			p.Custom = true
			valid = append(valid, p)
		}
	}
	return valid
}

// SavePattern validates p, gives it an id and stores it, replacing one with
// the same name.
func (s *Prefs) SavePattern(p exercises.Pattern) (exercises.Pattern, error) {
	p.Name = strings.TrimSpace(p.Name)
	if err := p.Validate(); err != nil {
		return p, err
	}
	p.Custom, p.Belly = true, false
	p.ID = "custom:" + strings.ToLower(p.Name)
	ps := s.Patterns()
	replaced := false
	for i := range ps {
		if ps[i].ID == p.ID {
			ps[i], replaced = p, true
		}
	}
	if !replaced {
		ps = append(ps, p)
	}
	return p, s.storePatterns(ps)
}

// DeletePattern removes a user-made pattern.
func (s *Prefs) DeletePattern(id string) error {
	ps := s.Patterns()
	kept := ps[:0]
	for _, p := range ps {
		if p.ID != id {
			kept = append(kept, p)
		}
	}
	return s.storePatterns(kept)
}

func (s *Prefs) storePatterns(ps []exercises.Pattern) error {
	data, err := json.Marshal(ps)
	if err != nil {
		return fmt.Errorf("save patterns: %w", err)
	}
	s.p.SetString(prefPatterns, string(data))
	return nil
}

// Welcome is the first-run welcome's stored state ("" before it was shown).
func (s *Prefs) Welcome() string { return s.p.String(prefWelcome) }

// SetWelcome stores the welcome's state.
func (s *Prefs) SetWelcome(v string) { s.p.SetString(prefWelcome, v) }

// Suggestion is the chooser's last first pick, shown on home until the user
// asks again; ok is false when there is none (or it was damaged).
func (s *Prefs) Suggestion() (exercises.Suggestion, bool) {
	var sg exercises.Suggestion
	if err := json.Unmarshal([]byte(s.p.String(prefSuggestion)), &sg); err != nil {
		return sg, false
	}
	if _, err := sg.Exercise(); err != nil {
		return sg, false // from another version: better nothing than a dead button
	}
	return sg, true
}

// SetSuggestion stores the chooser's first pick.
func (s *Prefs) SetSuggestion(sg exercises.Suggestion) {
	data, err := json.Marshal(sg)
	if err != nil {
		return // plain strings and an int: cannot fail
	}
	s.p.SetString(prefSuggestion, string(data))
}

// HelpNotes are the help notes the user put away; damaged, none.
func (s *Prefs) HelpNotes() exercises.Dismissals {
	var d exercises.Dismissals
	if err := json.Unmarshal([]byte(s.p.String(prefHelpNotes)), &d); err != nil {
		return exercises.Dismissals{}
	}
	return d
}

// SetHelpNotes stores what was put away.
func (s *Prefs) SetHelpNotes(d exercises.Dismissals) {
	data, err := json.Marshal(d)
	if err != nil {
		return
	}
	s.p.SetString(prefHelpNotes, string(data))
}

// TextSize is textNormal, textLarge or textLarger; unknown is normal.
func (s *Prefs) TextSize() string {
	switch v := s.p.String(prefTextSize); v {
	case textLarge, textLarger:
		return v
	}
	return textNormal
}

// SetTextSize stores the text size.
func (s *Prefs) SetTextSize(v string) { s.p.SetString(prefTextSize, v) }

// PMRSet is the muscle relaxation set chosen last, "short" at first; the
// set-up checks that it still exists.
func (s *Prefs) PMRSet() string { return s.p.StringWithFallback(prefPMRSet, exercises.PMRShort) }

// SetPMRSet stores the set chosen.
func (s *Prefs) SetPMRSet(id string) { s.p.SetString(prefPMRSet, id) }

// PMRRelease is the seconds of letting go and noticing, the engine's
// default at first; the set-up keeps it within its choices.
func (s *Prefs) PMRRelease() int {
	return s.p.IntWithFallback(prefPMRRelease, int(exercises.DefaultPMRTiming().Release/time.Second))
}

// SetPMRRelease stores the release time in seconds.
func (s *Prefs) SetPMRRelease(secs int) { s.p.SetInt(prefPMRRelease, secs) }

// PMRMine is the user's own set, group IDs in order; nil when none was saved.
func (s *Prefs) PMRMine() []string { return s.p.StringListWithFallback(prefPMRMine, nil) }

// SetPMRMine stores the own set.
func (s *Prefs) SetPMRMine(ids []string) { s.p.SetStringList(prefPMRMine, ids) }

// PMRNoted reports whether the gentle note was shown before a first run.
func (s *Prefs) PMRNoted() bool { return s.p.Bool(prefPMRNoted) }

// SetPMRNoted marks the note as shown.
func (s *Prefs) SetPMRNoted() { s.p.SetBool(prefPMRNoted, true) }

// MiniTimed reports whether the mini-check runs on a timer (the default)
// rather than at the user's own pace.
func (s *Prefs) MiniTimed() bool { return s.p.BoolWithFallback(prefMiniTimed, true) }

// SetMiniTimed stores the mini-check's pace.
func (s *Prefs) SetMiniTimed(on bool) { s.p.SetBool(prefMiniTimed, on) }

// SensesVariant is the five-senses variant chosen last, the basic one at
// first; the set-up checks that it still exists.
func (s *Prefs) SensesVariant() string {
	return s.p.StringWithFallback(prefSensesVariant, exercises.SensesBasic)
}

// SetSensesVariant stores the variant chosen.
func (s *Prefs) SetSensesVariant(v string) { s.p.SetString(prefSensesVariant, v) }

// PracticeOffered reports whether the daily reminder was offered after a
// first session; it is offered once, ever.
func (s *Prefs) PracticeOffered() bool { return s.p.Bool(prefPracticeOffered) }

// SetPracticeOffered marks the offer as made.
func (s *Prefs) SetPracticeOffered() { s.p.SetBool(prefPracticeOffered, true) }

// ReminderSeen is the due time of the reminder the user last put away on
// home ("Not now"), "" when none was; the card stays away until a later
// one is due.
func (s *Prefs) ReminderSeen() string { return s.p.String(prefReminderSeen) }

// SetReminderSeen stores the due time of the reminder put away.
func (s *Prefs) SetReminderSeen(due string) { s.p.SetString(prefReminderSeen, due) }
