package diary

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/ontspan/ontspan/exercises"
)

// paceRating is one rating as the pace_tests table and the JSON export keep
// it; comfort is null for a skipped pace.
type paceRating struct {
	Pace    float64 `json:"pace"`
	Comfort *int    `json:"comfort"`
	Feel    string  `json:"feel,omitempty"`
	Skipped bool    `json:"skipped,omitempty"`
}

func toPaceRatings(rs []exercises.PaceRating) []paceRating {
	out := make([]paceRating, len(rs))
	for i, r := range rs {
		out[i] = paceRating{Pace: r.Pace, Feel: string(r.Feel), Skipped: r.Skipped}
		if !r.Skipped {
			c := r.Comfort
			out[i].Comfort = &c
		}
	}
	return out
}

func fromPaceRatings(rs []paceRating) []exercises.PaceRating {
	out := make([]exercises.PaceRating, len(rs))
	for i, r := range rs {
		out[i] = exercises.PaceRating{Pace: r.Pace, Feel: exercises.PaceFeel(r.Feel), Skipped: r.Skipped}
		if r.Comfort != nil {
			out[i].Comfort = *r.Comfort
		}
	}
	return out
}

const paceColumns = `id, uid, started, finished, chosen, ratings`

func scanPaceTest(r scanner) (exercises.PaceTest, error) {
	var (
		t       exercises.PaceTest
		started int64
		ratings string
		rs      []paceRating
	)
	if err := r.Scan(&t.ID, &t.UID, &started, &t.Finished, &t.Chosen, &ratings); err != nil {
		return t, err
	}
	t.Started = time.Unix(0, started)
	if err := json.Unmarshal([]byte(ratings), &rs); err != nil {
		return t, fmt.Errorf("pace test %q: ratings: %w", t.UID, err)
	}
	t.Ratings = fromPaceRatings(rs)
	return t, nil
}

const insertPaceSQL = `INSERT INTO pace_tests (id, uid, started, finished, chosen, ratings)
	VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (uid) DO NOTHING`

func paceArgs(t *exercises.PaceTest) []any {
	rs, _ := json.Marshal(toPaceRatings(t.Ratings)) // numbers and short strings: cannot fail
	return []any{t.UID, t.Started.UnixNano(), t.Finished, t.Chosen, string(rs)}
}

// ValidatePaceTest reports the first problem with a pace test for the
// diary: its UID when set, its start time, and the ratings and result as
// exercises.ValidatePaceTest checks them (a *FieldError named "ratings").
func ValidatePaceTest(t exercises.PaceTest) error {
	if t.UID != "" {
		if err := checkUID(t.UID); err != nil {
			return err
		}
	}
	if err := checkTime("started", t.Started, false); err != nil {
		return err
	}
	if err := exercises.ValidatePaceTest(t); err != nil {
		return fieldErr("ratings", err)
	}
	return nil
}

// AddPaceTest logs a pace test, finished or not (make it with
// exercises.EndPaceTest), and sets t.ID and t.UID when empty.
func (s *Store) AddPaceTest(t *exercises.PaceTest) error {
	if err := ValidatePaceTest(*t); err != nil {
		return err
	}
	n := *t
	if n.UID == "" {
		n.UID = newUID()
	}
	n.Started = n.Started.Round(0)
	err := s.write(func(tx *sql.Tx) error {
		added, id, err := insertKeepingID(tx, "pace_tests", insertPaceSQL, 0, paceArgs(&n))
		if err == nil && !added {
			err = ErrDuplicate
		}
		n.ID = id
		return err
	})
	if err != nil {
		return fmt.Errorf("add pace test: %w", err)
	}
	*t = n
	return nil
}

// DeletePaceTest removes the pace test with the given id and returns it as
// it was, so the UI can offer Undo (RestorePaceTest). ErrNotFound if gone.
func (s *Store) DeletePaceTest(id int64) (exercises.PaceTest, error) {
	var t exercises.PaceTest
	err := s.write(func(tx *sql.Tx) (err error) {
		t, err = takeRow(tx, "pace_tests", paceColumns, scanPaceTest, id)
		return err
	})
	if err != nil {
		return exercises.PaceTest{}, fmt.Errorf("delete pace test: %w", err)
	}
	return t, nil
}

// RestorePaceTest puts a deleted pace test back with the same UID and, when
// free, the same ID: the Undo of DeletePaceTest. Safe to call twice.
func (s *Store) RestorePaceTest(t exercises.PaceTest) error {
	if err := checkUID(t.UID); err != nil {
		return err
	}
	if err := ValidatePaceTest(t); err != nil {
		return err
	}
	err := s.write(func(tx *sql.Tx) error {
		_, _, err := insertKeepingID(tx, "pace_tests", insertPaceSQL, t.ID, paceArgs(&t)) // already back: nothing to do
		return err
	})
	if err != nil {
		return fmt.Errorf("restore pace test: %w", err)
	}
	return nil
}

// PaceTests returns the last limit pace tests, newest first: the diary
// shows the last one and the one before.
func (s *Store) PaceTests(limit int) ([]exercises.PaceTest, error) {
	return s.paceTests(`SELECT `+paceColumns+` FROM pace_tests ORDER BY started DESC, id DESC LIMIT ?`, limit)
}

// LastFinishedPaceTest returns the newest finished pace test (its Started
// is what exercises.PaceTestDue takes); ok is false when there is none.
func (s *Store) LastFinishedPaceTest() (t exercises.PaceTest, ok bool, err error) {
	ts, err := s.paceTests(`SELECT `+paceColumns+` FROM pace_tests WHERE finished = 1
		ORDER BY started DESC, id DESC LIMIT ?`, 1)
	if err != nil || len(ts) == 0 {
		return exercises.PaceTest{}, false, err
	}
	return ts[0], true, nil
}

func (s *Store) paceTests(q string, limit int) ([]exercises.PaceTest, error) {
	rows, err := s.conn().Query(q, limit)
	if err != nil {
		return nil, fmt.Errorf("pace tests: %w", err)
	}
	defer rows.Close()
	var out []exercises.PaceTest
	for rows.Next() {
		t, err := scanPaceTest(rows)
		if err != nil {
			return nil, fmt.Errorf("pace tests: %w", err)
		}
		out = append(out, t)
	}
	return out, rows.Err()
}
