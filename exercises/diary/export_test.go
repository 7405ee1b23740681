package diary

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/ontspan/ontspan/exercises"
)

// fill adds n sessions and m worries.
func fill(t testing.TB, s *Store, n, m int) {
	t.Helper()
	for i := range n {
		e := sample(i)
		if err := s.Add(&e); err != nil {
			t.Fatal(err)
		}
	}
	for i := range m {
		w := sampleWorry(i)
		if err := s.AddWorry(&w); err != nil {
			t.Fatal(err)
		}
	}
}

func exportJSON(t testing.TB, s *Store) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := s.ExportJSON(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// byUID indexes entries and worries by uid with IDs cleared: another diary
// gives them other row ids.
func diaryByUID(t testing.TB, s *Store) (map[string]exercises.Entry, map[string]exercises.Worry) {
	es, ws := map[string]exercises.Entry{}, map[string]exercises.Worry{}
	for _, e := range allEntries(t, s) {
		e.ID = 0
		es[e.UID] = e
	}
	for _, w := range allWorries(t, s) {
		w.ID = 0
		ws[w.UID] = w
	}
	return es, ws
}

func TestExportImportRoundTrip(t *testing.T) {
	src, _ := openTemp(t)
	fill(t, src, 50, 15)
	fillRitualsAndPace(t, src)
	src.SetSetting("reminder.daily", "08:30")
	data := exportJSON(t, src)

	var head map[string]any
	if err := json.Unmarshal(data, &head); err != nil {
		t.Fatal(err)
	}
	if head["format"] != "ontspan-diary" || head["version"] != 2.0 {
		t.Errorf("format/version = %v/%v", head["format"], head["version"])
	}
	if strings.Contains(string(data), "reminder.daily") {
		t.Error("settings were exported")
	}

	dst, _ := openTemp(t)
	res, err := dst.ImportJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(res, ImportResult{SessionsAdded: 50, WorriesAdded: 15, RitualsAdded: 2, PaceTestsAdded: 2}) {
		t.Errorf("first import: %+v", res)
	}
	if a, b := mustRituals(t, src), mustRituals(t, dst); !sameRituals(a, b) {
		t.Errorf("rituals:\n got %+v\nwant %+v", b, a)
	}
	if a, b := mustPace(t, src), mustPace(t, dst); !samePace(a, b) {
		t.Errorf("pace tests:\n got %+v\nwant %+v", b, a)
	}
	wantE, wantW := diaryByUID(t, src)
	gotE, gotW := diaryByUID(t, dst)
	if len(gotE) != len(wantE) || len(gotW) != len(wantW) {
		t.Fatalf("imported %d sessions, %d worries; want %d, %d", len(gotE), len(gotW), len(wantE), len(wantW))
	}
	for uid, w := range wantE {
		if g := gotE[uid]; !sameEntry(g, w) {
			t.Errorf("session %s:\n got %+v\nwant %+v", uid, g, w)
		}
	}
	for uid, w := range wantW {
		if g := gotW[uid]; !sameWorry(g, w) {
			t.Errorf("worry %s:\n got %+v\nwant %+v", uid, g, w)
		}
	}

	// Twice: nothing added.
	res, err = dst.ImportJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(res, ImportResult{SessionsSkipped: 50, WorriesSkipped: 15, RitualsSkipped: 2, PaceTestsSkipped: 2}) {
		t.Errorf("second import: %+v", res)
	}
	if n, _ := dst.Count(); n != 50 {
		t.Errorf("Count after importing twice = %d", n)
	}

	// Merge: a diary with its own sessions gains the new ones only.
	own := sample(99)
	own.UID = "own-session"
	dst.Add(&own)
	back := exportJSON(t, dst)
	res, err = src.ImportJSON(bytes.NewReader(back))
	if err != nil || res.SessionsAdded != 1 || res.SessionsSkipped != 50 {
		t.Errorf("merge back: %+v, %v", res, err)
	}
	// Re-export of the copy is byte-identical apart from the export time.
	if a, b := stripExported(exportJSON(t, src)), stripExported(exportJSON(t, dst)); a != b {
		t.Error("the two diaries export differently after merging")
	}
}

func stripExported(b []byte) string {
	var f map[string]any
	json.Unmarshal(b, &f)
	delete(f, "exported")
	out, _ := json.Marshal(f)
	return string(out)
}

func TestExportCSV(t *testing.T) {
	s, _ := openTemp(t)
	fill(t, s, 6, 3)
	e := sample(3)
	e.Note = "=HYPERLINK(\"http://x\")"
	e.Actual = 5*time.Minute + 15*time.Second
	s.Add(&e)

	var b bytes.Buffer
	if err := s.ExportCSV(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "\r\n") {
		t.Error("not CRLF line ends (RFC 4180)")
	}
	recs, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 8 || strings.Join(recs[0], ",") != strings.Join(SessionsCSVHeader, ",") {
		t.Fatalf("%d records, header %v", len(recs), recs[0])
	}
	first := sample(0)
	r := recs[1] // oldest first
	if _, err := time.Parse(time.RFC3339, r[1]); err != nil {
		t.Errorf("started %q: %v", r[1], err)
	}
	if r[1] != first.Started.Local().Format(time.RFC3339) {
		t.Errorf("started = %q", r[1])
	}
	if r[4] != "5.00" || r[5] != "5.00" || r[6] != "no" || r[7] != "" || r[8] != "" {
		t.Errorf("row 1 = %q", r)
	}
	if r[9] != first.Note {
		t.Errorf("note with quotes, comma and newline came back as %q", r[9])
	}
	var formula []string
	for _, r := range recs {
		if r[0] == e.UID {
			formula = r
		}
	}
	if formula == nil || formula[5] != "5.25" || formula[9] != "'"+e.Note {
		t.Errorf("row with a formula note = %q", formula)
	}

	b.Reset()
	if err := s.ExportWorriesCSV(&b); err != nil {
		t.Fatal(err)
	}
	recs, err = csv.NewReader(&b).ReadAll()
	if err != nil || len(recs) != 4 || recs[0][0] != "uid" {
		t.Fatalf("worries CSV: %v, %v", recs, err)
	}
}

func TestImportBadFiles(t *testing.T) {
	src, _ := openTemp(t)
	fill(t, src, 5, 2)
	fillRitualsAndPace(t, src)
	good := exportJSON(t, src)
	replace := func(old, new string) string {
		if !strings.Contains(string(good), old) {
			t.Fatalf("export has no %q", old)
		}
		return strings.Replace(string(good), old, new, 1)
	}
	tests := []struct {
		name string
		file string
		want error
	}{
		{"empty", "", ErrImportEmpty},
		{"white space", " \n\t ", ErrImportEmpty},
		{"not JSON", "uid,started\n1,2\n", ErrImportNotJSON},
		{"binary", "\x89PNG\r\n\x1a\n\x00\x00", ErrImportNotJSON},
		{"truncated", string(good[:len(good)/2]), ErrImportTruncated},
		{"truncated early", `{"format": "ontspan-di`, ErrImportTruncated},
		{"JSON array", `[1, 2, 3]`, ErrImportForeign},
		{"other format", `{"format": "other-app", "version": 1, "sessions": []}`, ErrImportForeign},
		{"no format", `{"sessions": []}`, ErrImportForeign},
		{"no version", `{"format": "ontspan-diary"}`, ErrImportForeign},
		{"newer version", replace(`"version": 2`, `"version": 3`), ErrImportNewerVersion},
		{"huge version", replace(`"version": 2`, `"version": 1e300`), ErrImportNewerVersion},
		{"ritual without a name", replace(`"name": "Mijn avond 🌙"`, `"name": " "`), exercises.ErrRitualName},
		{"ritual step too long", replace(`"minutes": 7`, `"minutes": 700`), exercises.ErrStepMinutes},
		{"ritual with unknown step", replace(`"variant": "basic"`, `"variant": "sauna"`), exercises.ErrStepVariant},
		{"ritual with a task and an exercise", replace(`"text_key": "ritual.task.lights"`, `"text_key": "ritual.task.lights", "technique": "pmr"`), exercises.ErrStepVariant},
		{"ritual with a built-in's uid", replace(`"uid": "ritual-1"`, `"uid": "evening"`), ErrDuplicate},
		{"ritual without steps", replace(`"steps": [`, `"steps": null, "x": [`), ErrImportInvalid},
		{"session with a bad ritual", replace(`"ritual": "r-own"`, `"ritual": "r own"`), ErrInvalidUID},
		{"pace comfort 9", replace(`"comfort": 5`, `"comfort": 9`), exercises.ErrPaceComfort},
		{"pace comfort missing", replace(`"comfort": 5`, `"comfort": null`), exercises.ErrPaceComfort},
		{"pace forged result", replace(`"chosen": 5.5`, `"chosen": 7`), exercises.ErrPaceResult},
		{"pace result zero", replace(`"chosen": 5.5`, `"chosen": 0`), exercises.ErrPaceResult},
		{"pace unknown feel", replace(`"feel": "right"`, `"feel": "great"`), exercises.ErrPaceFeel},
		{"rating 11", replace(`"before": 7`, `"before": 11`), ErrRatingRange},
		{"rating -1", replace(`"before": 7`, `"before": -1`), ErrRatingRange},
		{"rating 2.5", replace(`"before": 7`, `"before": 2.5`), ErrImportInvalid},
		{"rating as text", replace(`"before": 7`, `"before": "7"`), ErrImportInvalid},
		{"NUL in note", replace(`"note": "note 1`, `"note": "\u0000 note 1`), ErrNUL},
		{"negative duration", replace(`"actual_seconds": 2`, `"actual_seconds": -2`), ErrDurationRange},
		{"bad time", replace(`"started": "2025-03-01`, `"started": "yesterday`), ErrImportInvalid},
		{"bad uid", replace(`"uid": "`, `"uid": "../`), ErrInvalidUID},
		{"unknown field", replace(`"variant":`, `"colour": "red", "variant":`), ErrImportInvalid},
		{"unknown worry state", replace(`"state": "waiting"`, `"state": "forgotten"`), ErrInvalidState},
		{"trailing garbage", string(good) + "{}", ErrImportNotJSON},
	}
	dst, _ := openTemp(t)
	fill(t, dst, 3, 1)
	dst.SetSetting("k", "v")
	before := stripExported(exportJSON(t, dst))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := dst.ImportJSON(strings.NewReader(tt.file))
			if !errors.Is(err, tt.want) {
				t.Fatalf("ImportJSON: %v, want %v", err, tt.want)
			}
			if !res.Empty() {
				t.Errorf("result %+v on error", res)
			}
			if after := stripExported(exportJSON(t, dst)); after != before {
				t.Error("the diary changed")
			}
			t.Logf("message: %v", err)
		})
	}
	var ie *ImportError
	_, err := dst.ImportJSON(strings.NewReader(replace(`"before": 7`, `"before": 11`)))
	if !errors.As(err, &ie) || ie.Kind != "session" || !errors.Is(err, ErrImportInvalid) {
		t.Errorf("ImportError = %+v (%v)", ie, err)
	}
}

// TestImportAllOrNothing: an invalid item late in the file leaves the
// earlier valid ones out too.
func TestImportAllOrNothing(t *testing.T) {
	src, _ := openTemp(t)
	fill(t, src, 20, 0)
	data := string(exportJSON(t, src))
	i := strings.LastIndex(data, `"before": 7`)
	bad := data[:i] + `"before": 42` + data[i+len(`"before": 7`):]
	dst, _ := openTemp(t)
	if _, err := dst.ImportJSON(strings.NewReader(bad)); !errors.Is(err, ErrRatingRange) {
		t.Fatalf("ImportJSON: %v", err)
	}
	if n, _ := dst.Count(); n != 0 {
		t.Errorf("%d sessions imported from a bad file", n)
	}
}

func FuzzImportJSON(f *testing.F) {
	src, _ := openTemp(f)
	fill(f, src, 3, 2)
	good := exportJSON(f, src)
	f.Add(good)
	f.Add(good[:len(good)/3])
	f.Add([]byte(`{"format":"ontspan-diary","version":1,"sessions":[{"uid":"a","technique":"pmr","started":"2025-01-01T00:00:00Z","before":null}],"worries":null}`))
	f.Add([]byte(`{"format":"ontspan-diary","version":1,"sessions":[{"uid":"a"},{"uid":"a"}]}`))
	f.Add([]byte(`{"format":"ontspan-diary","version":1.5}`))
	f.Add([]byte(`null`))
	f.Add([]byte{})

	dst, _ := openTemp(f)
	fill(f, dst, 2, 1)
	f.Fuzz(func(t *testing.T, data []byte) {
		before := stripExported(exportJSON(t, dst))
		countBefore, _ := dst.Count()
		res, err := dst.ImportJSON(bytes.NewReader(data))
		if err != nil {
			if !res.Empty() {
				t.Fatalf("result %+v with error %v", res, err)
			}
			if after := stripExported(exportJSON(t, dst)); after != before {
				t.Fatalf("diary changed by failed import: %v", err)
			}
			return
		}
		countAfter, _ := dst.Count()
		if countAfter != countBefore+res.SessionsAdded {
			t.Fatalf("count %d → %d, result %+v", countBefore, countAfter, res)
		}
		// Whatever was accepted exports and imports again without change.
		again, err := dst.ImportJSON(bytes.NewReader(exportJSON(t, dst)))
		if err != nil || again.SessionsAdded != 0 || again.WorriesAdded != 0 {
			t.Fatalf("re-import of own export: %+v, %v", again, err)
		}
	})
}

// TestCSVFormulaGuard: every text cell that a spreadsheet would run as a
// formula comes out with a leading apostrophe, checked on the bytes as
// written (a note starting with a newline is written "\r\n=…").
func TestCSVFormulaGuard(t *testing.T) {
	notes := []struct {
		note    string
		guarded bool
	}{
		{"=1+1", true}, {"+31 6 1234", true}, {"-2 after a walk", true}, {"@SUM(A1)", true},
		{"\t=cmd", true}, {"\r=cmd", true}, {"\n=cmd|' /C calc'!A0", true}, {"  =HYPERLINK(\"x\")", true},
		{" \n @x", true}, {"\nslept well", true},
		{"slept well", false}, {"a=b", false}, {"", false}, {"1-2", false}, {" calm", false},
	}
	s, _ := openTemp(t)
	for i, n := range notes {
		e := sample(i)
		e.Note = n.note
		if err := s.Add(&e); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	if err := s.ExportCSV(&b); err != nil {
		t.Fatal(err)
	}
	// Each written note cell (after the 9th comma of its record) as bytes.
	recs, err := csv.NewReader(bytes.NewReader(b.Bytes())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for i, n := range notes {
		got := recs[i+1][9]
		// encoding/csv reads "\r\n" inside a quoted field back as "\n".
		written := strings.ReplaceAll(got, "\n", "\r\n")
		if n.guarded != strings.HasPrefix(got, "'") {
			t.Errorf("note %q written as %q: guarded %v, want %v", n.note, written, !n.guarded, n.guarded)
		}
		// (and drops a lone "\r": compare without it)
		if n.guarded && strings.TrimPrefix(got, "'") != strings.ReplaceAll(n.note, "\r", "") {
			t.Errorf("note %q changed beyond the apostrophe: %q", n.note, got)
		}
		if first := strings.TrimLeft(written, " \t\r\n"); !strings.HasPrefix(written, "'") && first != "" &&
			strings.ContainsRune("=+-@", rune(first[0])) {
			t.Errorf("note %q is a formula as written: %q", n.note, written)
		}
	}
	raw := b.String()
	if strings.Contains(raw, "\"\r\n=cmd") {
		t.Errorf("a cell starts with CR LF then = in the raw file")
	}
}

// fillRitualsAndPace adds two rituals of the user's and two pace tests
// (one finished with 5.5 chosen, one stopped half way).
func fillRitualsAndPace(t testing.TB, s *Store) {
	t.Helper()
	r1 := myRitual()
	r1.UID = "ritual-1"
	r2, _ := exercises.CopyRitual(exercises.BuiltinRituals()[1], "Bureau")
	for _, r := range []*exercises.Ritual{&r1, &r2} {
		if err := s.AddRitual(r); err != nil {
			t.Fatal(err)
		}
	}
	var rs []exercises.PaceRating
	for i, p := range exercises.PaceTestPaces {
		rs = append(rs, exercises.PaceRating{Pace: p, Comfort: []int{1, 2, 3, 5, 4, 3}[i], Feel: exercises.FeelRight})
	}
	rs[0] = exercises.PaceRating{Pace: 7, Skipped: true}
	start := time.Date(2025, 3, 4, 21, 0, 0, 0, amsterdam)
	for _, pt := range []exercises.PaceTest{exercises.EndPaceTest(start, rs), exercises.EndPaceTest(start.AddDate(0, 1, 0), rs[:2])} {
		if err := s.AddPaceTest(&pt); err != nil {
			t.Fatal(err)
		}
	}
}

func mustRituals(t testing.TB, s *Store) []exercises.Ritual {
	rs, err := s.Rituals()
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

func mustPace(t testing.TB, s *Store) []exercises.PaceTest {
	ps, err := s.PaceTests(100)
	if err != nil {
		t.Fatal(err)
	}
	return ps
}

// sameRituals compares rituals by all but their row ids.
func sameRituals(a, b []exercises.Ritual) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		a[i].ID, b[i].ID = 0, 0
		if !reflect.DeepEqual(a[i], b[i]) {
			return false
		}
	}
	return true
}

func samePace(a, b []exercises.PaceTest) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].UID != b[i].UID || !a[i].Started.Equal(b[i].Started) || a[i].Finished != b[i].Finished ||
			a[i].Chosen != b[i].Chosen || !reflect.DeepEqual(a[i].Ratings, b[i].Ratings) {
			return false
		}
	}
	return true
}
