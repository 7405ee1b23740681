// Package remind is Ontspan's one reminder scheduler: body mini-checks during
// the day, the daily practice reminder, worry time and wind-down time.
//
// It is plain Go and knows no wall clock: every function takes the time it
// should reason about, so the UI, the tray agent and the tests (with a
// FakeClock) all agree on the same schedule. Settings live in the store's
// key-value table under one key, as JSON, so the tray agent can read them
// without loading Fyne's Preferences.
package remind

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/ontspan/ontspan/exercises"
)

// KV is the part of the store this package needs: its settings table.
// exercises/diary provides it; MemKV is an in-memory one for tests.
type KV interface {
	// Setting returns the value stored under key, and whether there was one.
	Setting(key string) (string, bool, error)
	// SetSetting stores value under key.
	SetSetting(key, value string) error
	// UpdateSetting changes one key atomically: fn gets the value stored
	// now and returns the one to store, and no other writer — in this
	// process or another one — can change the key in between. An error
	// from fn stores nothing. exercises/diary does it in one transaction;
	// MemKV under its lock. Update uses it so that two writers (the window
	// and the tray agent) never undo each other.
	UpdateSetting(key string, fn func(value string, ok bool) (string, error)) error
}

// SettingsKey is the KV key the reminder settings are stored under.
const SettingsKey = "reminders"

// Limits for MiniChecks.PerDay.
const (
	MinPerDay = 1
	MaxPerDay = 15
)

// Settings are the user's reminder choices. Times of day are "HH:MM" in the
// local time zone of whatever day they are applied to.
type Settings struct {
	MiniChecks MiniChecks  `json:"miniChecks"`
	Practice   Daily       `json:"practice"`
	WorryTime  WorryReview `json:"worryTime"`
	WindDown   Daily       `json:"windDown"`

	// PausedOn is a date ("2006-01-02") on which no reminder of any kind is
	// given: "pause reminders today". It lapses by itself the next day.
	PausedOn string `json:"pausedOn,omitempty"`
}

// MiniChecks are the short body checks spread over the working day.
type MiniChecks struct {
	Enabled bool `json:"enabled"`
	PerDay  int  `json:"perDay"`
	// Start and End bound the window ("HH:MM"). End must be later than Start
	// on the same day: a window cannot run past midnight.
	Start string `json:"start"`
	End   string `json:"end"`
	// Skip lists the weekdays without mini-checks, e.g. Saturday and Sunday.
	Skip []time.Weekday `json:"skip,omitempty"`
}

// Daily is a reminder once a day at a fixed time.
type Daily struct {
	Enabled bool   `json:"enabled"`
	At      string `json:"at"` // "HH:MM"
}

// WorryReview is the daily moment to look again at parked worries.
type WorryReview struct {
	Enabled bool   `json:"enabled"`
	At      string `json:"at"`      // "HH:MM"
	Minutes int    `json:"minutes"` // how long the review lasts
}

// Defaults returns the settings a new user starts with: everything off until
// the user (or the app, after the first session) turns it on, with times that
// make sense once it is.
func Defaults() Settings {
	return Settings{
		MiniChecks: MiniChecks{PerDay: 6, Start: "09:00", End: "18:00"},
		Practice:   Daily{At: "20:00"},
		WorryTime:  WorryReview{At: "17:00", Minutes: 15},
		WindDown:   Daily{At: "22:00"},
	}
}

// TimeError says a time of day is not a valid "HH:MM".
type TimeError struct {
	Field string // e.g. "miniChecks.start"
	Value string
}

func (e *TimeError) Error() string {
	return fmt.Sprintf("%s: %q is not a time of day; use HH:MM between 00:00 and 23:59", e.Field, e.Value)
}

// WindowError says the mini-check window ends at or before its start. Windows
// that cross midnight are not supported: mini-checks belong to the waking day.
type WindowError struct {
	Start, End string
}

func (e *WindowError) Error() string {
	return fmt.Sprintf("the window ends before it starts (%s–%s): mini-checks cannot run past midnight, so choose an end time later than the start time", e.Start, e.End)
}

// CountError says a number is outside its allowed range.
type CountError struct {
	Field    string // e.g. "miniChecks.perDay"
	Value    int
	Min, Max int
}

func (e *CountError) Error() string {
	return fmt.Sprintf("%s: %d is out of range; choose %d to %d", e.Field, e.Value, e.Min, e.Max)
}

// WeekdayError says a skipped day is not a weekday.
type WeekdayError struct {
	Value time.Weekday
}

func (e *WeekdayError) Error() string {
	return fmt.Sprintf("miniChecks.skip: %d is not a weekday (0 = Sunday … 6 = Saturday)", int(e.Value))
}

// DateError says PausedOn is not a "2006-01-02" date.
type DateError struct {
	Value string
}

func (e *DateError) Error() string {
	return fmt.Sprintf("pausedOn: %q is not a date; use YYYY-MM-DD", e.Value)
}

// Validate reports every problem with s, joined (errors.As finds each typed
// error: *TimeError, *WindowError, *CountError, *WeekdayError, *DateError),
// so a settings screen can put each message next to its own field. Disabled
// reminders are checked too: their values are kept and may be enabled later.
func (s Settings) Validate() error {
	var errs []error
	m := s.MiniChecks
	if m.PerDay < MinPerDay || m.PerDay > MaxPerDay {
		errs = append(errs, &CountError{Field: "miniChecks.perDay", Value: m.PerDay, Min: MinPerDay, Max: MaxPerDay})
	}
	start, errStart := ParseTimeOfDay(m.Start)
	if errStart != nil {
		errs = append(errs, &TimeError{Field: "miniChecks.start", Value: m.Start})
	}
	end, errEnd := ParseTimeOfDay(m.End)
	if errEnd != nil {
		errs = append(errs, &TimeError{Field: "miniChecks.end", Value: m.End})
	}
	if errStart == nil && errEnd == nil && end <= start {
		errs = append(errs, &WindowError{Start: m.Start, End: m.End})
	}
	for _, d := range m.Skip {
		if d < time.Sunday || d > time.Saturday {
			errs = append(errs, &WeekdayError{Value: d})
		}
	}
	if _, err := ParseTimeOfDay(s.Practice.At); err != nil {
		errs = append(errs, &TimeError{Field: "practice.at", Value: s.Practice.At})
	}
	if _, err := ParseTimeOfDay(s.WorryTime.At); err != nil {
		errs = append(errs, &TimeError{Field: "worryTime.at", Value: s.WorryTime.At})
	}
	if s.WorryTime.Minutes < 1 || s.WorryTime.Minutes > 120 {
		errs = append(errs, &CountError{Field: "worryTime.minutes", Value: s.WorryTime.Minutes, Min: 1, Max: 120})
	}
	if _, err := ParseTimeOfDay(s.WindDown.At); err != nil {
		errs = append(errs, &TimeError{Field: "windDown.at", Value: s.WindDown.At})
	}
	if s.PausedOn != "" {
		if _, err := time.Parse(dateLayout, s.PausedOn); err != nil {
			errs = append(errs, &DateError{Value: s.PausedOn})
		}
	}
	return errors.Join(errs...)
}

// ErrDamaged is returned (wrapped) by Load when the stored settings could not
// be read as they were and defaults were used for some or all of them.
var ErrDamaged = errors.New("reminder settings were damaged; defaults used")

// Load reads the settings from kv. The Settings it returns are always usable:
// absent settings give Defaults; a damaged value gives defaults for the parts
// that are damaged and ErrDamaged; a failing store gives Defaults and its
// error. The error is for the log only — a bad value must never stop the app.
func Load(kv KV) (Settings, error) {
	raw, ok, err := kv.Setting(SettingsKey)
	if err != nil {
		return Defaults(), fmt.Errorf("load reminder settings: %w", err)
	}
	return parse(raw, ok)
}

// parse reads a stored value the way Load describes.
func parse(raw string, ok bool) (Settings, error) {
	if !ok || raw == "" {
		return Defaults(), nil
	}
	s := Defaults() // fields missing from older JSON keep their defaults
	if err := json.Unmarshal([]byte(raw), &s); err != nil {
		return Defaults(), fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	if err := s.Validate(); err != nil {
		return s.repaired(), fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	return s, nil
}

// repaired replaces each invalid field of s with its default, keeping the
// rest of what the user chose.
func (s Settings) repaired() Settings {
	d := Defaults()
	okTime := func(v string) bool { _, err := ParseTimeOfDay(v); return err == nil }
	m := &s.MiniChecks
	if m.PerDay < MinPerDay || m.PerDay > MaxPerDay {
		m.PerDay = d.MiniChecks.PerDay
	}
	if !okTime(m.Start) || !okTime(m.End) || m.End <= m.Start { // "HH:MM" compares as text
		m.Start, m.End = d.MiniChecks.Start, d.MiniChecks.End
	}
	skip := m.Skip[:0:0]
	for _, w := range m.Skip {
		if w >= time.Sunday && w <= time.Saturday {
			skip = append(skip, w)
		}
	}
	m.Skip = skip
	if !okTime(s.Practice.At) {
		s.Practice.At = d.Practice.At
	}
	if !okTime(s.WorryTime.At) {
		s.WorryTime.At = d.WorryTime.At
	}
	if s.WorryTime.Minutes < 1 || s.WorryTime.Minutes > 120 {
		s.WorryTime.Minutes = d.WorryTime.Minutes
	}
	if !okTime(s.WindDown.At) {
		s.WindDown.At = d.WindDown.At
	}
	if _, err := time.Parse(dateLayout, s.PausedOn); err != nil {
		s.PausedOn = ""
	}
	return s
}

// Update changes the stored settings with change and stores the result,
// reading and writing as one step (KV.UpdateSetting). Every writer
// changes only what it means to change (a pause, one field of a form) on
// the settings as they are stored at that moment: a writer holding an old
// copy must never write it back whole, or it undoes what another process
// did meanwhile (a "pause today" from the tray, issue 16).
//
// Damaged stored values are repaired first, as Load does. When the store
// cannot be read, or the changed settings are invalid (Validate's errors),
// nothing is stored. Update returns the settings as stored.
func Update(kv KV, change func(*Settings)) (Settings, error) {
	var out Settings
	apply := func(raw string, ok bool) (string, error) {
		s, err := parse(raw, ok)
		if err != nil && !errors.Is(err, ErrDamaged) {
			return "", err
		}
		change(&s)
		if err := s.Validate(); err != nil {
			return "", err
		}
		b, err := json.Marshal(s)
		if err != nil {
			return "", fmt.Errorf("save reminder settings: %w", err)
		}
		out = s
		return string(b), nil
	}
	return out, kv.UpdateSetting(SettingsKey, apply)
}

const dateLayout = "2006-01-02"

// dateOf names t's local calendar day.
func dateOf(t time.Time) string { return t.Format(dateLayout) }

// AnyEnabled reports whether any kind of reminder is switched on: the
// window starts the tray agent only then, and the agent stops without one
// (unless it shows a tray icon).
func (s Settings) AnyEnabled() bool {
	return s.MiniChecks.Enabled || s.Practice.Enabled || s.WorryTime.Enabled || s.WindDown.Enabled
}

// PausedToday reports whether reminders are paused for now's calendar day.
func (s Settings) PausedToday(now time.Time) bool { return s.PausedOn == dateOf(now) }

// PauseToday pauses every reminder for the rest of now's calendar day, or
// lifts that pause when pause is false.
func (s *Settings) PauseToday(now time.Time, pause bool) {
	if pause {
		s.PausedOn = dateOf(now)
	} else {
		s.PausedOn = ""
	}
}

// Skips reports whether mini-checks are skipped on weekday d.
func (m MiniChecks) Skips(d time.Weekday) bool {
	for _, w := range m.Skip {
		if w == d {
			return true
		}
	}
	return false
}

// TimeOfDay is a wall-clock time as minutes after midnight.
type TimeOfDay int

// ParseTimeOfDay reads "HH:MM" (24-hour, two digits each).
func ParseTimeOfDay(s string) (TimeOfDay, error) {
	h, m, ok := exercises.ParseClock(s, exercises.ClockStored)
	if !ok {
		return 0, fmt.Errorf("time of day %q: want HH:MM between 00:00 and 23:59", s)
	}
	return TimeOfDay(h*60 + m), nil
}

// String formats t as "HH:MM".
func (t TimeOfDay) String() string { return exercises.FormatClock(int(t)/60, int(t)%60) }

// On returns t on the calendar day of day, in day's Location. A time that
// does not exist that day (skipped by a DST change) moves forward by the
// size of the gap, as time.Date does: 02:30 on a spring-forward day in
// Europe/Amsterdam becomes 03:30 CEST. A time that exists twice (the autumn
// change) is one of the two, consistently.
func (t TimeOfDay) On(day time.Time) time.Time {
	y, m, d := day.Date()
	return time.Date(y, m, d, int(t)/60, int(t)%60, 0, 0, day.Location())
}
