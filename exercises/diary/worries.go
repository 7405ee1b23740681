package diary

import (
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/ontspan/ontspan/exercises"
)

const worryColumns = `id, uid, text, created, revisit, state, decision, next_step, reviewed`

func scanWorry(r scanner) (exercises.Worry, error) {
	var (
		w                exercises.Worry
		created, revisit int64
		reviewed         sql.NullInt64
		state, decision  string
	)
	err := r.Scan(&w.ID, &w.UID, &w.Text, &created, &revisit, &state, &decision, &w.NextStep, &reviewed)
	w.Created = time.Unix(0, created)
	w.Revisit = time.Unix(0, revisit)
	w.Reviewed = fromNanos(reviewed)
	w.State = exercises.WorryState(state)
	w.Decision = exercises.Decision(decision)
	return w, err
}

// insertWorrySQL adds a worry unless its uid is in the diary already.
const insertWorrySQL = `INSERT INTO worries (id, uid, text, created, revisit, state, decision, next_step, reviewed)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (uid) DO NOTHING`

func worryArgs(w *exercises.Worry) []any {
	return []any{w.UID, w.Text, w.Created.UnixNano(), w.Revisit.UnixNano(), string(w.State), string(w.Decision),
		w.NextStep, nanos(w.Reviewed)}
}

func insertWorry(tx *sql.Tx, w *exercises.Worry, keepID bool) (bool, error) {
	added, id, err := insertKeepingID(tx, "worries", insertWorrySQL, keptID(keepID, w.ID), worryArgs(w))
	if added {
		w.ID = id
	}
	return added, err
}

// AddWorry parks a new worry and sets w.ID, and w.UID when it was empty.
// An empty State is taken as WorryWaiting. It returns a *FieldError (see
// ValidateWorry) for invalid input and ErrDuplicate for a uid already present.
func (s *Store) AddWorry(w *exercises.Worry) error {
	n := *w
	if n.State == "" {
		n.State = exercises.WorryWaiting
	}
	if err := ValidateWorry(n); err != nil {
		return err
	}
	if n.UID == "" {
		n.UID = newUID()
	}
	err := s.write(func(tx *sql.Tx) error {
		added, err := insertWorry(tx, &n, false)
		if err == nil && !added {
			err = ErrDuplicate
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("add worry: %w", err)
	}
	*w = n
	return nil
}

// UpdateWorry saves every field but the UID of the worry with w.ID: a new
// revisit time, or the review (State, Decision, NextStep, Reviewed).
// ErrNotFound when it is gone.
func (s *Store) UpdateWorry(w exercises.Worry) error {
	if err := ValidateWorry(w); err != nil {
		return err
	}
	err := s.write(func(tx *sql.Tx) error {
		return oneRow(tx.Exec(`UPDATE worries SET text = ?, created = ?, revisit = ?, state = ?, decision = ?,
			next_step = ?, reviewed = ? WHERE id = ?`,
			w.Text, w.Created.UnixNano(), w.Revisit.UnixNano(), string(w.State), string(w.Decision), w.NextStep,
			nanos(w.Reviewed), w.ID))
	})
	if err != nil {
		return fmt.Errorf("update worry: %w", err)
	}
	return nil
}

// DeleteWorry removes the worry with the given id and returns it as it was,
// so the UI can offer Undo (RestoreWorry). ErrNotFound if it is gone.
func (s *Store) DeleteWorry(id int64) (exercises.Worry, error) {
	var w exercises.Worry
	err := s.write(func(tx *sql.Tx) (err error) {
		w, err = takeRow(tx, "worries", worryColumns, scanWorry, id)
		return err
	})
	if err != nil {
		return exercises.Worry{}, fmt.Errorf("delete worry: %w", err)
	}
	return w, nil
}

// RestoreWorry puts a deleted worry back with the same UID (and ID when it
// is free): the Undo of DeleteWorry. A worry whose UID is present is left alone.
func (s *Store) RestoreWorry(w exercises.Worry) error {
	if err := checkUID(w.UID); err != nil {
		return err
	}
	if err := ValidateWorry(w); err != nil {
		return err
	}
	err := s.write(func(tx *sql.Tx) error {
		_, err := insertWorry(tx, &w, true)
		return err
	})
	if err != nil {
		return fmt.Errorf("restore worry: %w", err)
	}
	return nil
}

// Worries lists the worries in one state: waiting ones by revisit time
// (soonest first), archived ones most recently reviewed first.
func (s *Store) Worries(state exercises.WorryState) ([]exercises.Worry, error) {
	var q string
	switch state {
	case exercises.WorryWaiting:
		q = `SELECT ` + worryColumns + ` FROM worries WHERE state = ? ORDER BY revisit, id`
	case exercises.WorryArchived:
		q = `SELECT ` + worryColumns + ` FROM worries WHERE state = ? ORDER BY reviewed DESC, id DESC`
	default:
		return nil, fieldErr("state", ErrInvalidState)
	}
	rows, err := s.conn().Query(q, string(state))
	if err != nil {
		return nil, fmt.Errorf("worries: %w", err)
	}
	return collectWorries(rows)
}

// DueWorries lists the waiting worries whose revisit time has come by now,
// soonest first: what the worry review (and the tray agent's reminder) shows.
func (s *Store) DueWorries(now time.Time) ([]exercises.Worry, error) {
	rows, err := s.conn().Query(`SELECT `+worryColumns+` FROM worries WHERE state = ? AND revisit <= ?
		ORDER BY revisit, id`, string(exercises.WorryWaiting), now.UnixNano())
	if err != nil {
		return nil, fmt.Errorf("due worries: %w", err)
	}
	return collectWorries(rows)
}

// SearchWorries finds worries (in any state) whose text or next step
// contains q, ignoring case and accents (exercises.Fold: "een" finds "ÉÉN"),
// newest first.
// An empty q finds nothing.
func (s *Store) SearchWorries(q string) ([]exercises.Worry, error) {
	q = strings.TrimSpace(q)
	if q == "" {
		return nil, nil
	}
	if err := checkText("query", q, MaxWorryRunes, ErrWorryTooLong); err != nil {
		return nil, err
	}
	rows, err := s.conn().Query(`SELECT `+worryColumns+` FROM worries
		WHERE instr(ontspan_fold(text), ?1) > 0 OR instr(ontspan_fold(next_step), ?1) > 0
		ORDER BY created DESC, id DESC`, fold(q))
	if err != nil {
		return nil, fmt.Errorf("search worries: %w", err)
	}
	return collectWorries(rows)
}

func collectWorries(rows *sql.Rows) ([]exercises.Worry, error) {
	defer rows.Close()
	var out []exercises.Worry
	for rows.Next() {
		w, err := scanWorry(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, w)
	}
	return out, rows.Err()
}

// WorryCount returns the number of worries in the notebook.
func (s *Store) WorryCount() (int, error) {
	var n int
	err := s.conn().QueryRow(`SELECT COUNT(*) FROM worries`).Scan(&n)
	return n, err
}
