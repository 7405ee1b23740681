package diary

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ontspan/ontspan/exercises"
)

// Limits on what the diary stores. They keep a pasted novel or a stray binary
// blob out of the database and the therapist's spreadsheet.
const (
	// MaxNoteRunes is the longest session note (and worry next step), in characters.
	MaxNoteRunes = 1000
	// MaxWorryRunes is the longest worry text, in characters.
	MaxWorryRunes = 2000
	// MaxLabelRunes is the longest technique, variant or setting key.
	MaxLabelRunes = 100
	// MaxSettingBytes is the largest setting value.
	MaxSettingBytes = 64 << 10
	// MaxDuration is the longest planned or actual session.
	MaxDuration = 24 * time.Hour
)

var (
	minTime = time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)
	maxTime = time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC)
)

func fieldErr(field string, err error) error { return &FieldError{Field: field, Err: err} }

// checkText rejects NUL bytes and invalid UTF-8, and text over max runes
// (tooLong is the error for that).
func checkText(field, s string, max int, tooLong error) error {
	if strings.IndexByte(s, 0) >= 0 {
		return fieldErr(field, ErrNUL)
	}
	if !utf8.ValidString(s) {
		return fieldErr(field, ErrInvalidUTF8)
	}
	if utf8.RuneCountInString(s) > max {
		return fieldErr(field, tooLong)
	}
	return nil
}

func checkRating(field string, r int) error {
	if r == exercises.NoRating || (r >= 0 && r <= 10) {
		return nil
	}
	return fieldErr(field, ErrRatingRange)
}

func checkTime(field string, t time.Time, optional bool) error {
	if optional && t.IsZero() {
		return nil
	}
	if t.Before(minTime) || !t.Before(maxTime) {
		return fieldErr(field, ErrTimeRange)
	}
	return nil
}

func checkDuration(field string, d time.Duration) error {
	if d < 0 || d > MaxDuration {
		return fieldErr(field, ErrDurationRange)
	}
	return nil
}

// checkUID accepts what newUID makes and what a reasonable exporter would:
// 1–64 ASCII letters, digits, '-' and '_'.
func checkUID(uid string) error {
	if len(uid) == 0 || len(uid) > 64 {
		return fieldErr("uid", ErrInvalidUID)
	}
	for i := 0; i < len(uid); i++ {
		c := uid[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return fieldErr("uid", ErrInvalidUID)
		}
	}
	return nil
}

// ValidateEntry reports the first problem with e, as a *FieldError, or nil.
// Add, Update, Restore and ImportJSON call it; the UI may call it to check a
// form before saving. The UID is checked only when set.
func ValidateEntry(e exercises.Entry) error {
	if e.UID != "" {
		if err := checkUID(e.UID); err != nil {
			return err
		}
	}
	if e.Technique == "" {
		return fieldErr("technique", ErrEmpty)
	}
	if err := checkText("technique", string(e.Technique), MaxLabelRunes, ErrTooLong); err != nil {
		return err
	}
	if err := checkText("variant", e.Variant, MaxLabelRunes, ErrTooLong); err != nil {
		return err
	}
	if err := checkTime("started", e.Started, false); err != nil {
		return err
	}
	if err := checkDuration("planned", e.Planned); err != nil {
		return err
	}
	if err := checkDuration("actual", e.Actual); err != nil {
		return err
	}
	if err := checkRating("before", e.Before); err != nil {
		return err
	}
	if err := checkRating("after", e.After); err != nil {
		return err
	}
	if e.Ritual != "" {
		if err := checkUID(e.Ritual); err != nil {
			return fieldErr("ritual", ErrInvalidUID)
		}
	}
	if err := checkText("ritual name", e.RitualName, MaxLabelRunes, ErrTooLong); err != nil {
		return err
	}
	return checkText("note", e.Note, MaxNoteRunes, ErrNoteTooLong)
}

// ValidateWorry reports the first problem with w, as a *FieldError, or nil.
// The UID is checked only when set.
func ValidateWorry(w exercises.Worry) error {
	if w.UID != "" {
		if err := checkUID(w.UID); err != nil {
			return err
		}
	}
	if strings.TrimSpace(w.Text) == "" {
		return fieldErr("text", ErrEmpty)
	}
	if err := checkText("text", w.Text, MaxWorryRunes, ErrWorryTooLong); err != nil {
		return err
	}
	if err := checkTime("created", w.Created, false); err != nil {
		return err
	}
	if err := checkTime("revisit", w.Revisit, false); err != nil {
		return err
	}
	if err := checkTime("reviewed", w.Reviewed, true); err != nil {
		return err
	}
	switch w.State {
	case exercises.WorryWaiting, exercises.WorryArchived:
	default:
		return fieldErr("state", ErrInvalidState)
	}
	switch w.Decision {
	case exercises.DecisionNone, exercises.DecisionHandled, exercises.DecisionNextStep, exercises.DecisionLetGo:
	default:
		return fieldErr("decision", ErrInvalidState)
	}
	return checkText("next step", w.NextStep, MaxNoteRunes, ErrNoteTooLong)
}

func validateSetting(key, value string) error {
	if key == "" {
		return fieldErr("key", ErrEmpty)
	}
	if err := checkText("key", key, MaxLabelRunes, ErrTooLong); err != nil {
		return err
	}
	if len(value) > MaxSettingBytes {
		return fieldErr("value", ErrTooLong)
	}
	return checkText("value", value, MaxSettingBytes, ErrTooLong)
}
