package diary

import (
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/ontspan/ontspan/exercises"
)

// The JSON export's identity: ImportJSON accepts only this format, up to
// this version.
const (
	ExportFormat  = "ontspan-diary"
	ExportVersion = 2 // 2 added rituals, pace tests and the sessions' ritual
)

// MaxImportBytes is the largest file ImportJSON reads (a diary of ten years
// of heavy use exports to about 20 MB).
const MaxImportBytes = 256 << 20

// exportFile is the JSON export. Times are RFC 3339 with the local offset,
// durations are seconds, a skipped rating is null. Row ids are left out:
// items are identified by uid.
type exportFile struct {
	Format    string         `json:"format"`
	Version   int            `json:"version"`
	Exported  time.Time      `json:"exported"`
	Sessions  []exportEntry  `json:"sessions"`
	Worries   []exportWorry  `json:"worries"`
	Rituals   []exportRitual `json:"rituals"`
	PaceTests []exportPace   `json:"pace_tests"`
}

type exportEntry struct {
	UID       string    `json:"uid"`
	Technique string    `json:"technique"`
	Variant   string    `json:"variant"`
	Started   time.Time `json:"started"`
	Planned   float64   `json:"planned_seconds"`
	Actual    float64   `json:"actual_seconds"`
	Completed bool      `json:"completed"`
	Before    *int      `json:"before"`
	After     *int      `json:"after"`
	Note      string    `json:"note"`
	// The ritual this session was a step of; left out when none.
	Ritual     string `json:"ritual,omitempty"`
	RitualName string `json:"ritual_name,omitempty"`
}

type exportRitual struct {
	UID   string       `json:"uid"`
	Name  string       `json:"name"`
	Steps []ritualStep `json:"steps"`
}

// exportPace is a pace test; chosen is null when no pace was found.
type exportPace struct {
	UID      string       `json:"uid"`
	Started  time.Time    `json:"started"`
	Finished bool         `json:"finished"`
	Chosen   *float64     `json:"chosen"`
	Ratings  []paceRating `json:"ratings"`
}

type exportWorry struct {
	UID      string     `json:"uid"`
	Text     string     `json:"text"`
	Created  time.Time  `json:"created"`
	Revisit  time.Time  `json:"revisit"`
	State    string     `json:"state"`
	Decision string     `json:"decision"`
	NextStep string     `json:"next_step"`
	Reviewed *time.Time `json:"reviewed"`
}

func ratingPtr(r int) *int {
	if r == exercises.NoRating {
		return nil
	}
	return &r
}

func ratingFrom(p *int) int {
	if p == nil {
		return exercises.NoRating
	}
	return *p
}

func seconds(d time.Duration) float64 { return d.Seconds() }

// duration converts seconds back, rejecting what no duration can be.
func duration(s float64) (time.Duration, bool) {
	if math.IsNaN(s) || s < 0 || s > MaxDuration.Seconds() {
		return 0, false
	}
	return time.Duration(math.Round(s * 1e9)), true
}

func toExportEntry(e exercises.Entry) exportEntry {
	return exportEntry{
		UID: e.UID, Technique: string(e.Technique), Variant: e.Variant, Started: e.Started,
		Planned: seconds(e.Planned), Actual: seconds(e.Actual), Completed: e.Completed,
		Before: ratingPtr(e.Before), After: ratingPtr(e.After), Note: e.Note,
		Ritual: e.Ritual, RitualName: e.RitualName,
	}
}

func toExportRitual(r exercises.Ritual) exportRitual {
	return exportRitual{UID: r.UID, Name: r.Name, Steps: toRitualSteps(r.Steps)}
}

func toExportPace(t exercises.PaceTest) exportPace {
	x := exportPace{UID: t.UID, Started: t.Started, Finished: t.Finished, Ratings: toPaceRatings(t.Ratings)}
	if t.Chosen != 0 {
		c := t.Chosen
		x.Chosen = &c
	}
	return x
}

func toExportWorry(w exercises.Worry) exportWorry {
	x := exportWorry{UID: w.UID, Text: w.Text, Created: w.Created, Revisit: w.Revisit, State: string(w.State),
		Decision: string(w.Decision), NextStep: w.NextStep}
	if !w.Reviewed.IsZero() {
		r := w.Reviewed
		x.Reviewed = &r
	}
	return x
}

// forEach scans every row of query with scan and calls fn with it.
func forEach[T any](tx *sql.Tx, query string, scan func(scanner) (T, error), fn func(T) error) error {
	rows, err := tx.Query(query)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return err
		}
		if err := fn(v); err != nil {
			return err
		}
	}
	return rows.Err()
}

// snapshot runs fn in a read-only transaction: it sees one consistent state
// of the diary even while the tray agent writes.
func (s *Store) snapshot(fn func(tx *sql.Tx) error) error {
	if s.closed.Load() {
		return ErrClosed
	}
	tx, err := s.conn().BeginTx(context.Background(), &sql.TxOptions{ReadOnly: true}) // deferred: never blocks writers
	if err != nil {
		return err
	}
	defer tx.Rollback()
	return fn(tx)
}

// csvSafe keeps a spreadsheet from running a cell as a formula (OWASP's
// CSV injection rule). A cell is dangerous when it starts with = + - @, a
// tab or a carriage return, or when white space comes before = + - @
// (spreadsheets skip it). The check is on the value as the CSV writer
// writes it: with CRLF line ends a note "\n=cmd" is written "\r\n=cmd", a
// cell that starts with a carriage return. A dangerous cell gets a leading
// apostrophe: spreadsheets show the text, data tools keep it visible, so
// nothing is silently changed.
func csvSafe(s string) string {
	if s == "" {
		return s
	}
	t := strings.TrimLeft(s, " \t\r\n\v\f")
	if strings.ContainsRune("=+-@\t\r\n", rune(s[0])) || t != "" && strings.ContainsRune("=+-@", rune(t[0])) {
		return "'" + s
	}
	return s
}

func minutes(d time.Duration) string { return strconv.FormatFloat(d.Minutes(), 'f', 2, 64) }

func ratingCSV(r int) string {
	if r == exercises.NoRating {
		return ""
	}
	return strconv.Itoa(r)
}

// SessionsCSVHeader is the header row of ExportCSV.
var SessionsCSVHeader = []string{"uid", "started", "technique", "variant", "planned_minutes", "actual_minutes",
	"completed", "tension_before", "tension_after", "note", "ritual"}

// ExportCSV writes every session as one row of RFC 4180 CSV (after a header
// row, oldest first): start times in ISO 8601 with the local offset,
// durations in minutes with two decimals, completed as yes/no, a skipped
// rating as an empty cell. Text cells are guarded against formulas (csvSafe).
//
// The CSV is a data format, the same on every computer and in every
// language: comma-separated, dot decimals, UTF-8 without a byte order mark,
// English column names (SessionsCSVHeader). A Dutch ";" or a "sep=" line
// would make the file depend on who exported it and break the tools that
// read RFC 4180 (R, pandas, a therapist's own script). What a person reads
// is the report (WriteReport), in the user's language; docs/export.md says
// how to open the CSV in a Dutch spreadsheet (Data > From Text/CSV, comma).
func (s *Store) ExportCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true // RFC 4180
	err := s.snapshot(func(tx *sql.Tx) error {
		if err := cw.Write(SessionsCSVHeader); err != nil {
			return err
		}
		return forEach(tx, `SELECT `+entryColumns+` FROM sessions ORDER BY started, id`, scanEntry,
			func(e exercises.Entry) error {
				completed := "no"
				if e.Completed {
					completed = "yes"
				}
				return cw.Write([]string{e.UID, e.Started.Format(time.RFC3339), csvSafe(string(e.Technique)),
					csvSafe(e.Variant), minutes(e.Planned), minutes(e.Actual), completed,
					ratingCSV(e.Before), ratingCSV(e.After), csvSafe(e.Note), csvSafe(ritualLabel(e))})
			})
	})
	if err == nil {
		cw.Flush()
		err = cw.Error()
	}
	if err != nil {
		return fmt.Errorf("export sessions as CSV: %w", err)
	}
	return nil
}

// ritualLabel names a session's ritual in the CSV: the name it had, or the
// UID of a built-in ("evening"), which has no stored name.
func ritualLabel(e exercises.Entry) string {
	if e.RitualName != "" {
		return e.RitualName
	}
	return e.Ritual
}

// WorriesCSVHeader is the header row of ExportWorriesCSV.
var WorriesCSVHeader = []string{"uid", "created", "revisit", "state", "decision", "next_step", "reviewed", "text"}

// ExportWorriesCSV writes every worry as one row of RFC 4180 CSV after a
// header row, oldest first, times in ISO 8601 with the local offset.
func (s *Store) ExportWorriesCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	err := s.snapshot(func(tx *sql.Tx) error {
		if err := cw.Write(WorriesCSVHeader); err != nil {
			return err
		}
		return forEach(tx, `SELECT `+worryColumns+` FROM worries ORDER BY created, id`, scanWorry,
			func(x exercises.Worry) error {
				reviewed := ""
				if !x.Reviewed.IsZero() {
					reviewed = x.Reviewed.Format(time.RFC3339)
				}
				return cw.Write([]string{x.UID, x.Created.Format(time.RFC3339), x.Revisit.Format(time.RFC3339),
					csvSafe(string(x.State)), csvSafe(string(x.Decision)), csvSafe(x.NextStep), reviewed, csvSafe(x.Text)})
			})
	})
	if err == nil {
		cw.Flush()
		err = cw.Error()
	}
	if err != nil {
		return fmt.Errorf("export worries as CSV: %w", err)
	}
	return nil
}

// ExportJSON writes the whole diary (sessions, worries, the user's rituals
// and the pace tests; not the settings, which belong to this computer) as
// one JSON document with "format": "ontspan-diary" and "version": 2.
// ImportJSON reads it back, and version 1 files too.
func (s *Store) ExportJSON(w io.Writer) error {
	return s.exportJSON(w, time.Now())
}

func (s *Store) exportJSON(w io.Writer, now time.Time) error {
	f := exportFile{Format: ExportFormat, Version: ExportVersion, Exported: now,
		Sessions: []exportEntry{}, Worries: []exportWorry{}, Rituals: []exportRitual{}, PaceTests: []exportPace{}}
	err := s.snapshot(func(tx *sql.Tx) error {
		err := forEach(tx, `SELECT `+entryColumns+` FROM sessions ORDER BY started, id`, scanEntry,
			func(e exercises.Entry) error {
				f.Sessions = append(f.Sessions, toExportEntry(e))
				return nil
			})
		if err != nil {
			return err
		}
		err = forEach(tx, `SELECT `+worryColumns+` FROM worries ORDER BY created, id`, scanWorry,
			func(x exercises.Worry) error {
				f.Worries = append(f.Worries, toExportWorry(x))
				return nil
			})
		if err != nil {
			return err
		}
		err = forEach(tx, `SELECT `+ritualColumns+` FROM rituals ORDER BY id`, scanRitual,
			func(r exercises.Ritual) error {
				f.Rituals = append(f.Rituals, toExportRitual(r))
				return nil
			})
		if err != nil {
			return err
		}
		return forEach(tx, `SELECT `+paceColumns+` FROM pace_tests ORDER BY started, id`, scanPaceTest,
			func(t exercises.PaceTest) error {
				f.PaceTests = append(f.PaceTests, toExportPace(t))
				return nil
			})
	})
	if err == nil {
		enc := json.NewEncoder(w)
		enc.SetIndent("", " ")
		err = enc.Encode(f)
	}
	if err != nil {
		return fmt.Errorf("export diary as JSON: %w", err)
	}
	return nil
}
