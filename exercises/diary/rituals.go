package diary

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/ontspan/ontspan/exercises"
)

// ritualStep is a ritual step as the rituals table and the JSON export keep
// it: only the fields its kind uses.
type ritualStep struct {
	Technique string `json:"technique,omitempty"`
	Variant   string `json:"variant,omitempty"`
	Minutes   int    `json:"minutes,omitempty"`
	TextKey   string `json:"text_key,omitempty"`
	Text      string `json:"text,omitempty"`
}

func toRitualSteps(ss []exercises.RitualStep) []ritualStep {
	out := make([]ritualStep, len(ss))
	for i, s := range ss {
		out[i] = ritualStep{string(s.Technique), s.Variant, s.Minutes, s.TextKey, s.Text}
	}
	return out
}

func fromRitualSteps(ss []ritualStep) []exercises.RitualStep {
	out := make([]exercises.RitualStep, len(ss))
	for i, s := range ss {
		out[i] = exercises.RitualStep{Technique: exercises.Technique(s.Technique), Variant: s.Variant,
			Minutes: s.Minutes, TextKey: s.TextKey, Text: s.Text}
	}
	return out
}

const ritualColumns = `id, uid, name, steps`

func scanRitual(r scanner) (exercises.Ritual, error) {
	var (
		x     exercises.Ritual
		steps string
		ss    []ritualStep
	)
	if err := r.Scan(&x.ID, &x.UID, &x.Name, &steps); err != nil {
		return x, err
	}
	if err := json.Unmarshal([]byte(steps), &ss); err != nil {
		return x, fmt.Errorf("ritual %q: steps: %w", x.UID, err)
	}
	x.Steps = fromRitualSteps(ss)
	return x, nil
}

const insertRitualSQL = `INSERT INTO rituals (id, uid, name, steps) VALUES (?, ?, ?, ?) ON CONFLICT (uid) DO NOTHING`

func ritualArgs(r *exercises.Ritual) []any {
	steps, _ := json.Marshal(toRitualSteps(r.Steps)) // plain strings and ints: cannot fail
	return []any{r.UID, r.Name, string(steps)}
}

// validRitual checks r for the store: a valid user ritual (not a built-in,
// whose UID it may not take either) with a valid UID when set.
func validRitual(r exercises.Ritual) (exercises.Ritual, error) {
	r, err := exercises.ValidateRitual(r)
	if err != nil {
		return r, err
	}
	if r.UID != "" {
		if err := checkUID(r.UID); err != nil {
			return r, err
		}
		if _, builtin := exercises.FindRitual(r.UID, nil); builtin {
			return r, fieldErr("uid", ErrDuplicate)
		}
	}
	return r, nil
}

func insertRitual(tx *sql.Tx, r *exercises.Ritual, keepID bool) (bool, error) {
	added, id, err := insertKeepingID(tx, "rituals", insertRitualSQL, keptID(keepID, r.ID), ritualArgs(r))
	if added {
		r.ID = id
	}
	return added, err
}

// AddRitual saves a new ritual of the user's, cleaned by
// exercises.ValidateRitual (whose errors it returns), and sets r.ID and
// r.UID (when empty) and the cleaned name and steps.
func (s *Store) AddRitual(r *exercises.Ritual) error {
	n, err := validRitual(*r)
	if err != nil {
		return err
	}
	if n.UID == "" {
		n.UID = newUID()
	}
	err = s.write(func(tx *sql.Tx) error {
		added, err := insertRitual(tx, &n, false)
		if err == nil && !added {
			err = ErrDuplicate
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("add ritual: %w", err)
	}
	*r = n
	return nil
}

// UpdateRitual saves the name and steps of the ritual with r.ID (validated
// as AddRitual does) and returns it as saved. ErrNotFound when it is gone.
func (s *Store) UpdateRitual(r exercises.Ritual) (exercises.Ritual, error) {
	n, err := validRitual(r)
	if err != nil {
		return r, err
	}
	err = s.write(func(tx *sql.Tx) error {
		args := ritualArgs(&n)
		return oneRow(tx.Exec(`UPDATE rituals SET name = ?, steps = ? WHERE id = ?`, args[1], args[2], n.ID))
	})
	if err != nil {
		return r, fmt.Errorf("update ritual: %w", err)
	}
	return n, nil
}

// DeleteRitual removes the ritual with the given id and returns it as it
// was, so the UI can offer Undo (RestoreRitual). Its sessions keep its UID
// and name. ErrNotFound when it is gone.
func (s *Store) DeleteRitual(id int64) (exercises.Ritual, error) {
	var r exercises.Ritual
	err := s.write(func(tx *sql.Tx) (err error) {
		r, err = takeRow(tx, "rituals", ritualColumns, scanRitual, id)
		return err
	})
	if err != nil {
		return exercises.Ritual{}, fmt.Errorf("delete ritual: %w", err)
	}
	return r, nil
}

// RestoreRitual puts a deleted ritual back with the same UID (and ID when it
// is free): the Undo of DeleteRitual. Safe to call twice.
func (s *Store) RestoreRitual(r exercises.Ritual) error {
	if err := checkUID(r.UID); err != nil {
		return err
	}
	n, err := validRitual(r)
	if err != nil {
		return err
	}
	err = s.write(func(tx *sql.Tx) error {
		_, err := insertRitual(tx, &n, true)
		return err
	})
	if err != nil {
		return fmt.Errorf("restore ritual: %w", err)
	}
	return nil
}

// Rituals lists the user's own rituals in the order they were made (the
// built-ins are exercises.BuiltinRituals).
func (s *Store) Rituals() ([]exercises.Ritual, error) {
	rows, err := s.conn().Query(`SELECT ` + ritualColumns + ` FROM rituals ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("rituals: %w", err)
	}
	defer rows.Close()
	var out []exercises.Ritual
	for rows.Next() {
		r, err := scanRitual(rows)
		if err != nil {
			return nil, fmt.Errorf("rituals: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// ritualNightEnds is the hour before which a session counts for the evening
// before: a wind-down that ran past midnight is still that evening's.
const ritualNightEnds = 4

// RitualDays counts the days among the last n (today included, in loc) on
// which at least one step of the ritual with that UID was logged: "Evening
// ritual: 12 evenings in the last 14". A session before 04:00 counts for
// the day before. It reads one ritual's recent sessions through an index.
func (s *Store) RitualDays(uid string, now time.Time, loc *time.Location, n int) (int, error) {
	if n <= 0 || uid == "" {
		return 0, nil
	}
	shift := ritualNightEnds * time.Hour
	today := dayStart(now.In(loc).Add(-shift))
	from := today.AddDate(0, 0, -(n - 1)).Add(shift)
	to := today.AddDate(0, 0, 1).Add(shift)
	// "ritual != ''" lets SQLite use the partial index sessions_ritual.
	rows, err := s.conn().Query(`SELECT started FROM sessions WHERE ritual = ? AND ritual != '' AND started >= ? AND started < ?`,
		uid, from.UnixNano(), to.UnixNano())
	if err != nil {
		return 0, fmt.Errorf("ritual days: %w", err)
	}
	defer rows.Close()
	days := map[time.Time]bool{}
	for rows.Next() {
		var started int64
		if err := rows.Scan(&started); err != nil {
			return 0, fmt.Errorf("ritual days: %w", err)
		}
		days[dayStart(time.Unix(0, started).In(loc).Add(-shift))] = true
	}
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("ritual days: %w", err)
	}
	return len(days), nil
}
