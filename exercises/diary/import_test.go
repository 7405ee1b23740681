package diary

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/ontspan/ontspan/exercises"
)

// writeExport writes an export with n sessions (notes of up to noteLen
// characters) and n/10 worries to w, one item at a time, as a file of any
// size can be made without holding it in memory.
func writeExport(w io.Writer, n, noteLen int) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	fmt.Fprintf(bw, "{\n \"format\": %q,\n \"version\": %d,\n \"exported\": \"2026-06-15T20:00:00+02:00\",\n \"sessions\": [", ExportFormat, ExportVersion)
	note := strings.Repeat("Rustig begonnen, schouders los. ", noteLen/32+1)
	for i := range n {
		e := sample(i % 100_000) // sample's times run out of years after that
		e.Started = e.Started.Add(time.Duration(i/100_000) * time.Minute)
		e.UID = fmt.Sprintf("big-%08d", i)
		e.Note = note[:(i*37)%(noteLen+1)]
		b, err := json.Marshal(toExportEntry(e))
		if err != nil {
			return err
		}
		if i > 0 {
			bw.WriteByte(',')
		}
		bw.WriteString("\n  ")
		bw.Write(b)
	}
	bw.WriteString("\n ],\n \"worries\": [")
	for i := range n / 10 {
		x := sampleWorry(i)
		x.UID = fmt.Sprintf("bigw-%08d", i)
		b, err := json.Marshal(toExportWorry(x))
		if err != nil {
			return err
		}
		if i > 0 {
			bw.WriteByte(',')
		}
		bw.WriteString("\n  ")
		bw.Write(b)
	}
	bw.WriteString("\n ]\n}\n")
	return bw.Flush()
}

// TestImportDuplicateUIDs: an item whose uid appeared earlier in the same
// file is not imported twice, and the result counts and names it (issue
// 16, section 6: it used to be skipped without a word).
func TestImportDuplicateUIDs(t *testing.T) {
	first, second := sample(1), sample(2)
	first.UID, second.UID = "same-uid", "same-uid"
	first.Note, second.Note = "the first", "the repeat"
	other := sample(3)
	other.UID = "other-uid"
	w := sampleWorry(0)
	w.UID = "worry-uid"
	f := exportFile{Format: ExportFormat, Version: ExportVersion, Exported: time.Now(),
		Sessions: []exportEntry{toExportEntry(first), toExportEntry(other), toExportEntry(second), toExportEntry(second)},
		Worries:  []exportWorry{toExportWorry(w), toExportWorry(w)}}
	data, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	s, _ := openTemp(t)
	res, err := s.ImportJSON(strings.NewReader(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	if res.SessionsAdded != 2 || res.SessionsDuplicate != 2 || res.WorriesAdded != 1 || res.WorriesDuplicate != 1 ||
		res.SessionsSkipped != 0 {
		t.Errorf("result %+v", res)
	}
	if len(res.Duplicates) != 3 {
		t.Fatalf("named duplicates: %+v", res.Duplicates)
	}
	d := res.Duplicates[0]
	if d.Kind != "session" || d.Index != 2 || d.UID != "same-uid" || !d.When.Equal(second.Started) || d.What != string(second.Technique) {
		t.Errorf("first duplicate named %+v", d)
	}
	if d := res.Duplicates[2]; d.Kind != "worry" || d.Index != 1 || d.What != w.Text {
		t.Errorf("worry duplicate named %+v", d)
	}
	all := allEntries(t, s)
	for _, e := range all {
		if e.UID == "same-uid" && e.Note != "the first" {
			t.Errorf("the repeat replaced the first: note %q", e.Note)
		}
	}
	// Importing again: everything is in the diary already; the repeats
	// are still repeats.
	res, err = s.ImportJSON(strings.NewReader(string(data)))
	if err != nil || res.SessionsAdded != 0 || res.SessionsSkipped != 2 || res.SessionsDuplicate != 2 {
		t.Errorf("second import: %+v, %v", res, err)
	}
}

// TestImportRitualsAndPaceTests: rituals and pace tests merge by uid like
// sessions (a repeat in the file is named, one in the diary skipped), and a
// version-1 file without them still imports.
func TestImportRitualsAndPaceTests(t *testing.T) {
	r := exercises.Ritual{UID: "rit-1", Name: "Avond", Steps: []exercises.RitualStep{exercises.BreathingStep("4-6", 5)}}
	p := exercises.EndPaceTest(time.Date(2026, 1, 5, 21, 0, 0, 0, time.UTC),
		[]exercises.PaceRating{{Pace: 6, Comfort: 4}})
	p.UID = "pace-1"
	f := exportFile{Format: ExportFormat, Version: ExportVersion, Exported: time.Now(),
		Rituals:   []exportRitual{toExportRitual(r), toExportRitual(r)},
		PaceTests: []exportPace{toExportPace(p), toExportPace(p)}}
	data, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	s, _ := openTemp(t)
	res, err := s.ImportJSON(strings.NewReader(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	if res.RitualsAdded != 1 || res.RitualsDuplicate != 1 || res.PaceTestsAdded != 1 || res.PaceTestsDuplicate != 1 ||
		len(res.Duplicates) != 2 || res.Duplicates[0].What != "Avond" || res.Duplicates[1].Kind != "pace test" {
		t.Errorf("result %+v", res)
	}
	if res.Added() != 2 || res.DuplicateCount() != 2 || res.Skipped() != 0 || res.Empty() {
		t.Errorf("totals of %+v: added %d, repeated %d, skipped %d", res, res.Added(), res.DuplicateCount(), res.Skipped())
	}
	res, err = s.ImportJSON(strings.NewReader(string(data)))
	if err != nil || res.RitualsSkipped != 1 || res.PaceTestsSkipped != 1 || res.RitualsAdded+res.PaceTestsAdded != 0 ||
		res.Added() != 0 || res.Skipped() != 2 {
		t.Errorf("second import: %+v %v", res, err)
	}
	if got, _ := s.PaceTests(5); len(got) != 1 || got[0].Finished || got[0].Ratings[0].Comfort != 4 {
		t.Errorf("pace tests: %+v", got)
	}

	v1 := `{"format": "ontspan-diary", "version": 1, "sessions": [{"uid": "v1", "technique": "breathing",
		"variant": "4-6", "started": "2025-01-02T07:00:00Z", "planned_seconds": 300, "actual_seconds": 300,
		"completed": true, "before": null, "after": null, "note": ""}], "worries": []}`
	if res, err := s.ImportJSON(strings.NewReader(v1)); err != nil || res.SessionsAdded != 1 {
		t.Errorf("version 1 file: %+v %v", res, err)
	}
}

// TestImportResultTotals: Added, Skipped and DuplicateCount count every
// kind, so a file with only rituals or pace tests is not "nothing added".
func TestImportResultTotals(t *testing.T) {
	for _, c := range []struct {
		name                    string
		res                     ImportResult
		added, skipped, repeats int
	}{
		{"nothing", ImportResult{}, 0, 0, 0},
		{"sessions", ImportResult{SessionsAdded: 1, SessionsSkipped: 2, SessionsDuplicate: 3}, 1, 2, 3},
		{"worries", ImportResult{WorriesAdded: 1, WorriesSkipped: 2, WorriesDuplicate: 3}, 1, 2, 3},
		{"rituals", ImportResult{RitualsAdded: 1, RitualsSkipped: 2, RitualsDuplicate: 3}, 1, 2, 3},
		{"pace tests", ImportResult{PaceTestsAdded: 1, PaceTestsSkipped: 2, PaceTestsDuplicate: 3}, 1, 2, 3},
		{"all", ImportResult{SessionsAdded: 1, WorriesAdded: 10, RitualsAdded: 100, PaceTestsAdded: 1000,
			SessionsSkipped: 2, WorriesSkipped: 20, RitualsSkipped: 200, PaceTestsSkipped: 2000,
			SessionsDuplicate: 3, WorriesDuplicate: 30, RitualsDuplicate: 300, PaceTestsDuplicate: 3000}, 1111, 2222, 3333},
	} {
		if got := c.res.Added(); got != c.added {
			t.Errorf("%s: Added %d, want %d", c.name, got, c.added)
		}
		if got := c.res.Skipped(); got != c.skipped {
			t.Errorf("%s: Skipped %d, want %d", c.name, got, c.skipped)
		}
		if got := c.res.DuplicateCount(); got != c.repeats {
			t.Errorf("%s: DuplicateCount %d, want %d", c.name, got, c.repeats)
		}
		if got, want := c.res.Empty(), c.added+c.skipped+c.repeats == 0; got != want {
			t.Errorf("%s: Empty %v, want %v", c.name, got, want)
		}
	}
}

// TestImportInBatches: a file larger than one batch arrives whole, each
// batch in its own transaction, and reports progress that only grows.
func TestImportInBatches(t *testing.T) {
	n := 3*importBatch + 17
	path := t.TempDir() + "/export.json"
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := writeExport(f, n, 200); err != nil {
		t.Fatal(err)
	}
	f.Seek(0, io.SeekStart)
	defer f.Close()
	s, _ := openTemp(t)
	var steps []float64
	res, err := s.ImportJSONProgress(f, func(p float64) { steps = append(steps, p) })
	if err != nil {
		t.Fatal(err)
	}
	if res.SessionsAdded != n || res.WorriesAdded != n/10 {
		t.Errorf("result %+v", res)
	}
	if c, _ := s.Count(); c != n {
		t.Errorf("%d sessions in the diary, want %d", c, n)
	}
	if len(steps) < 4 || steps[len(steps)-1] != 1 {
		t.Errorf("progress %v", steps)
	}
	for i := 1; i < len(steps); i++ {
		if steps[i] < steps[i-1] || steps[i] > 1 {
			t.Fatalf("progress goes back or past 1: %v", steps)
		}
	}
}

// TestImportFailureKeepsBatches: when writing fails half-way, the batches
// written stay, the error says so, and importing again adds the rest.
func TestImportFailureKeepsBatches(t *testing.T) {
	n := 2*importBatch + 5
	path := t.TempDir() + "/export.json"
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := writeExport(f, n, 10); err != nil {
		t.Fatal(err)
	}
	s, _ := openTemp(t)
	s.conn().SetMaxOpenConns(1) // the temp trigger below lives on one connection
	// Make the second batch fail: a trigger refuses one of its sessions.
	if _, err := s.conn().Exec(`CREATE TEMP TRIGGER refuse BEFORE INSERT ON sessions
		WHEN NEW.uid = 'big-00000700' BEGIN SELECT RAISE(ABORT, 'disk full (test)'); END`); err != nil {
		t.Fatal(err)
	}
	f.Seek(0, io.SeekStart)
	res, err := s.ImportJSON(f)
	if err == nil || res.SessionsAdded != importBatch {
		t.Fatalf("import with a failing batch: %+v, %v", res, err)
	}
	t.Logf("message: %v", err)
	s.conn().Exec(`DROP TRIGGER temp.refuse`)
	f.Seek(0, io.SeekStart)
	res, err = s.ImportJSON(f)
	if err != nil || res.SessionsAdded != n-importBatch || res.SessionsSkipped != importBatch {
		t.Errorf("import again: %+v, %v", res, err)
	}
	if c, _ := s.Count(); c != n {
		t.Errorf("%d sessions, want %d", c, n)
	}
}
