package diary

import (
	"errors"
	"fmt"
)

// Validation errors. Every write checks its input first and returns one of
// these, wrapped in a *FieldError that names the field, so the UI can put a
// translated message next to the right field. Test with errors.Is.
var (
	// ErrRatingRange: a tension rating is neither 0–10 nor NoRating.
	ErrRatingRange = errors.New("tension rating must be a whole number from 0 to 10, or skipped")
	// ErrNoteTooLong: a session note (or a worry's next step) is longer than MaxNoteRunes.
	ErrNoteTooLong = fmt.Errorf("note is longer than %d characters", MaxNoteRunes)
	// ErrWorryTooLong: a worry's text is longer than MaxWorryRunes.
	ErrWorryTooLong = fmt.Errorf("worry is longer than %d characters", MaxWorryRunes)
	// ErrTooLong: a short label (technique, variant, setting key) is too long.
	ErrTooLong = errors.New("text is too long")
	// ErrEmpty: a required text (technique, worry text, setting key) is empty.
	ErrEmpty = errors.New("text is empty")
	// ErrNUL: text contains a NUL byte, which would be cut off by many tools
	// the diary is exported to; it is never typed by a person.
	ErrNUL = errors.New("text contains a NUL byte (\\x00)")
	// ErrInvalidUTF8: text is not valid UTF-8 and could not be exported faithfully.
	ErrInvalidUTF8 = errors.New("text is not valid UTF-8")
	// ErrDurationRange: a planned or actual duration is negative or absurdly long.
	ErrDurationRange = errors.New("duration must be between 0 and 24 hours")
	// ErrTimeRange: a time is missing or outside the years 1970–2200.
	ErrTimeRange = errors.New("time is missing or outside the years 1970 to 2200")
	// ErrInvalidState: a worry's state or decision is not one of the known values.
	ErrInvalidState = errors.New("unknown worry state or decision")
	// ErrInvalidUID: a uid is empty, too long, or has characters other than
	// letters, digits, '-' and '_'.
	ErrInvalidUID = errors.New("uid must be 1 to 64 letters, digits, '-' or '_'")
)

// Store errors.
var (
	// ErrNotFound: the entry or worry with that id does not exist (any more).
	ErrNotFound = errors.New("not found in the diary")
	// ErrDuplicate: Add was given a uid the diary already holds.
	ErrDuplicate = errors.New("the diary already holds an item with this uid")
	// ErrNewerDatabase: the database was written by a newer version of Ontspan.
	// It is left untouched; the user needs the newer version to open it.
	ErrNewerDatabase = errors.New("the diary was written by a newer version of Ontspan")
	// ErrClosed: the Store was used after Close.
	ErrClosed = errors.New("the diary is closed")
)

// Import errors: ImportJSON returns one of these (possibly wrapped) and then
// has changed nothing.
var (
	// ErrImportEmpty: the file is empty or only white space.
	ErrImportEmpty = errors.New("the file is empty")
	// ErrImportNotJSON: the file is not JSON at all.
	ErrImportNotJSON = errors.New("the file is not a diary export (not JSON)")
	// ErrImportTruncated: the JSON stops in the middle; the file is incomplete.
	ErrImportTruncated = errors.New("the file is incomplete (cut off)")
	// ErrImportForeign: valid JSON, but not an Ontspan diary export.
	ErrImportForeign = errors.New("the file is not an Ontspan diary export")
	// ErrImportNewerVersion: an export from a newer version of Ontspan.
	ErrImportNewerVersion = errors.New("the file was exported by a newer version of Ontspan")
	// ErrImportInvalid: an item in the file has invalid data; an *ImportError
	// tells which item and why.
	ErrImportInvalid = errors.New("the file contains invalid data")
	// ErrImportTooLarge: the file is larger than MaxImportBytes.
	ErrImportTooLarge = fmt.Errorf("the file is larger than %d MB", MaxImportBytes>>20)
)

// FieldError says which field of an entry, worry or setting failed
// validation and why. Err is one of the validation errors above.
type FieldError struct {
	Field string // e.g. "before", "note", "text"
	Err   error
}

// Error implements error.
func (e *FieldError) Error() string { return e.Field + ": " + e.Err.Error() }

// Unwrap lets errors.Is see the validation error.
func (e *FieldError) Unwrap() error { return e.Err }

// ImportError says which item of an import file is invalid. It matches both
// ErrImportInvalid and its cause (e.g. ErrRatingRange) with errors.Is.
type ImportError struct {
	Kind  string // "session", "worry", "ritual" or "pace test"
	Index int    // 0-based position in the file's list
	Err   error
}

// Error implements error.
func (e *ImportError) Error() string {
	return fmt.Sprintf("%s: %s %d: %v", ErrImportInvalid, e.Kind, e.Index+1, e.Err)
}

// Unwrap returns both ErrImportInvalid and the cause.
func (e *ImportError) Unwrap() []error { return []error{ErrImportInvalid, e.Err} }

// VersionError reports a schema or format version newer than this build
// knows. It matches ErrNewerDatabase or ErrImportNewerVersion.
type VersionError struct {
	Kind  error // ErrNewerDatabase or ErrImportNewerVersion
	Found int   // the version in the file
	Known int   // the newest version this build knows
}

// Error implements error.
func (e *VersionError) Error() string {
	return fmt.Sprintf("%v (version %d; this version of Ontspan knows up to %d)", e.Kind, e.Found, e.Known)
}

// Unwrap returns Kind.
func (e *VersionError) Unwrap() error { return e.Kind }
