package diary

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/ontspan/ontspan/exercises"
)

const entryColumns = `id, uid, technique, variant, started, planned, actual, completed, before, after, note, ritual, ritual_name`

type scanner interface{ Scan(dest ...any) error }

func scanEntry(r scanner) (exercises.Entry, error) {
	var (
		e         exercises.Entry
		started   int64
		planned   int64
		actual    int64
		technique string
	)
	err := r.Scan(&e.ID, &e.UID, &technique, &e.Variant, &started, &planned, &actual, &e.Completed, &e.Before, &e.After, &e.Note,
		&e.Ritual, &e.RitualName)
	e.Technique = exercises.Technique(technique)
	e.Started = time.Unix(0, started)
	e.Planned = time.Duration(planned)
	e.Actual = time.Duration(actual)
	return e, err
}

func entryArgs(e *exercises.Entry) []any {
	return []any{e.UID, string(e.Technique), e.Variant, e.Started.UnixNano(), int64(e.Planned), int64(e.Actual),
		e.Completed, e.Before, e.After, e.Note, e.Ritual, e.RitualName}
}

// insertEntrySQL adds a session unless its uid is in the diary already.
const insertEntrySQL = `INSERT INTO sessions (id, uid, technique, variant, started, planned, actual, completed, before, after, note,
		ritual, ritual_name)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (uid) DO NOTHING`

// insertEntry inserts e with its UID (and its ID when keepID is set and the
// ID is free). It reports whether a row was added: false when the uid exists.
func insertEntry(tx *sql.Tx, e *exercises.Entry, keepID bool) (bool, error) {
	added, id, err := insertKeepingID(tx, "sessions", insertEntrySQL, keptID(keepID, e.ID), entryArgs(e))
	if added {
		e.ID = id
	}
	return added, err
}

// Add saves a new session and sets e.ID, and e.UID when it was empty.
// It returns a *FieldError (see ValidateEntry) for invalid input and
// ErrDuplicate when e.UID is already in the diary.
func (s *Store) Add(e *exercises.Entry) error {
	if err := ValidateEntry(*e); err != nil {
		return err
	}
	n := *e
	if n.UID == "" {
		n.UID = newUID()
	}
	err := s.write(func(tx *sql.Tx) error {
		added, err := insertEntry(tx, &n, false)
		if err == nil && !added {
			err = ErrDuplicate
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("add session: %w", err)
	}
	*e = n
	return nil
}

// Update writes every field of the session with e.ID except the UID. A
// screen that edits a few fields of a session it read earlier should call
// UpdateChanged instead, which leaves the others as they are now. It
// returns ErrNotFound when the session is gone, e.g. deleted in another window.
func (s *Store) Update(e exercises.Entry) error {
	if err := ValidateEntry(e); err != nil {
		return err
	}
	err := s.write(func(tx *sql.Tx) error {
		return oneRow(tx.Exec(`UPDATE sessions SET technique = ?, variant = ?, started = ?, planned = ?, actual = ?,
			completed = ?, before = ?, after = ?, note = ?, ritual = ?, ritual_name = ? WHERE id = ?`,
			string(e.Technique), e.Variant, e.Started.UnixNano(), int64(e.Planned), int64(e.Actual),
			e.Completed, e.Before, e.After, e.Note, e.Ritual, e.RitualName, e.ID))
	})
	if err != nil {
		return fmt.Errorf("update session: %w", err)
	}
	return nil
}

// UpdateChanged saves only the fields in which now differs from was (the
// session as the caller last read or wrote it), so what another screen or
// process changed meanwhile in the other fields survives: rating a session
// on the done screen keeps the note just typed for it in the diary. With
// nothing changed it writes nothing. It returns ErrNotFound when the
// session is gone, and a *FieldError for invalid input.
func (s *Store) UpdateChanged(was, now exercises.Entry) error {
	if was.ID != now.ID {
		return fmt.Errorf("update session: ids %d and %d differ", was.ID, now.ID)
	}
	if err := ValidateEntry(now); err != nil {
		return err
	}
	var sets []string
	var args []any
	set := func(changed bool, column string, v any) {
		if changed {
			sets = append(sets, column+" = ?")
			args = append(args, v)
		}
	}
	set(was.Technique != now.Technique, "technique", string(now.Technique))
	set(was.Variant != now.Variant, "variant", now.Variant)
	set(!was.Started.Equal(now.Started), "started", now.Started.UnixNano())
	set(was.Planned != now.Planned, "planned", int64(now.Planned))
	set(was.Actual != now.Actual, "actual", int64(now.Actual))
	set(was.Completed != now.Completed, "completed", now.Completed)
	set(was.Before != now.Before, "before", now.Before)
	set(was.After != now.After, "after", now.After)
	set(was.Note != now.Note, "note", now.Note)
	set(was.Ritual != now.Ritual, "ritual", now.Ritual)
	set(was.RitualName != now.RitualName, "ritual_name", now.RitualName)
	if len(sets) == 0 {
		return nil
	}
	err := s.write(func(tx *sql.Tx) error {
		return oneRow(tx.Exec(`UPDATE sessions SET `+strings.Join(sets, ", ")+` WHERE id = ?`, append(args, now.ID)...))
	})
	if err != nil {
		return fmt.Errorf("update session: %w", err)
	}
	return nil
}

// Delete removes the session with the given id and returns it as it was, so
// the UI can offer Undo (which calls Restore). ErrNotFound if it is gone.
func (s *Store) Delete(id int64) (exercises.Entry, error) {
	var e exercises.Entry
	err := s.write(func(tx *sql.Tx) (err error) {
		e, err = takeRow(tx, "sessions", entryColumns, scanEntry, id)
		return err
	})
	if err != nil {
		return exercises.Entry{}, fmt.Errorf("delete session: %w", err)
	}
	return e, nil
}

// Restore puts a deleted session back with the same UID (and the same ID, so
// it reappears where it was in the list). It is the Undo of Delete, and safe
// to call twice: a session whose UID is already present is left alone.
func (s *Store) Restore(e exercises.Entry) error {
	if err := checkUID(e.UID); err != nil {
		return err
	}
	if err := ValidateEntry(e); err != nil {
		return err
	}
	err := s.write(func(tx *sql.Tx) error {
		_, err := insertEntry(tx, &e, true)
		return err
	})
	if err != nil {
		return fmt.Errorf("restore session: %w", err)
	}
	return nil
}

// Entry returns the session with the given id, or ErrNotFound.
func (s *Store) Entry(id int64) (exercises.Entry, error) {
	e, err := scanEntry(s.conn().QueryRow(`SELECT `+entryColumns+` FROM sessions WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return e, fmt.Errorf("session %d: %w", id, ErrNotFound)
	}
	return e, err
}

// Page returns up to limit sessions, newest first, that come after the
// position (before, beforeID) in that order; pass the Started and ID of the
// last entry of the previous page to get the next one, or a zero before for
// the first page. This keyset pagination costs the same on page 1 and page
// 1000, which a virtualised history list needs.
func (s *Store) Page(before time.Time, beforeID int64, limit int) ([]exercises.Entry, error) {
	if limit <= 0 {
		return nil, nil
	}
	var rows *sql.Rows
	var err error
	if before.IsZero() {
		rows, err = s.conn().Query(`SELECT `+entryColumns+` FROM sessions ORDER BY started DESC, id DESC LIMIT ?`, limit)
	} else {
		rows, err = s.conn().Query(`SELECT `+entryColumns+` FROM sessions WHERE (started, id) < (?, ?)
			ORDER BY started DESC, id DESC LIMIT ?`, before.UnixNano(), beforeID, limit)
	}
	if err != nil {
		return nil, fmt.Errorf("diary page: %w", err)
	}
	return collectEntries(rows)
}

func collectEntries(rows *sql.Rows) ([]exercises.Entry, error) {
	defer rows.Close()
	var out []exercises.Entry
	for rows.Next() {
		e, err := scanEntry(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// Count returns the number of sessions in the diary.
func (s *Store) Count() (int, error) {
	var n int
	err := s.conn().QueryRow(`SELECT COUNT(*) FROM sessions`).Scan(&n)
	return n, err
}

// TechniqueEntries returns the sessions of one technique that started at or
// after since, oldest first, together with the technique's very first
// session (whenever it was): exactly what Verdict needs.
func (s *Store) TechniqueEntries(t exercises.Technique, since time.Time) ([]exercises.Entry, error) {
	rows, err := s.conn().Query(`SELECT `+entryColumns+` FROM sessions WHERE technique = ?1 AND (started >= ?2
			OR id = (SELECT id FROM sessions WHERE technique = ?1 ORDER BY started, id LIMIT 1))
		ORDER BY started, id`, string(t), since.UnixNano())
	if err != nil {
		return nil, fmt.Errorf("technique sessions: %w", err)
	}
	return collectEntries(rows)
}

// Evaluate is Verdict over the diary: the two-week evaluation of technique t
// as of now, with calendar days in loc.
func (s *Store) Evaluate(t exercises.Technique, now time.Time, loc *time.Location) (Evaluation, error) {
	start := dayStart(now.In(loc)).AddDate(0, 0, -(VerdictDays - 1))
	entries, err := s.TechniqueEntries(t, start)
	if err != nil {
		return Evaluation{}, err
	}
	return Verdict(entries, t, now, loc), nil
}
