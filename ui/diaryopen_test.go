package ui

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"syscall"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/ontspan/ontspan/exercises"
	"github.com/ontspan/ontspan/exercises/diary"
)

// TestDiaryOpenMessages: each reason the diary could not be opened gets its
// own message, with what to do and where, in both languages (issue 16,
// section 5: all of them said "restarting often helps").
func TestDiaryOpenMessages(t *testing.T) {
	defer setLanguage("en")
	errs := map[string]error{
		"newer":     fmt.Errorf("open diary: %w", &diary.VersionError{Kind: diary.ErrNewerDatabase, Found: 9, Known: 2}),
		"readonly":  fmt.Errorf("open diary: %w", &diary.OpenError{Kind: diary.ErrReadOnly, Path: "/data/ro-folder", Err: syscall.EACCES}),
		"notfolder": fmt.Errorf("open diary: %w", &diary.OpenError{Kind: diary.ErrNotFolder, Path: "/data/a-file", Err: syscall.ENOTDIR}),
		"busy":      fmt.Errorf("open diary: %w", diary.ErrBusy),
		"inuse":     fmt.Errorf("open diary: %w", diary.ErrInUse),
		"other":     errors.New("open diary: something else"),
	}
	want := map[string]map[string][]string{
		"en": {"newer": {"Update Ontspan"}, "readonly": {"Make that folder writable", "/data/ro-folder"},
			"notfolder": {"Move that file", "/data/a-file"}, "busy": {"keeps trying"}, "inuse": {"Close them"},
			"other": {"could not be opened"}},
		"nl": {"newer": {"Werk Ontspan bij"}, "readonly": {"Maak die map schrijfbaar", "/data/ro-folder"},
			"notfolder": {"Verplaats dat bestand", "/data/a-file"}, "busy": {"blijft het proberen"}, "inuse": {"Sluit ze"},
			"other": {"kon niet worden geopend"}},
	}
	for _, code := range []string{"en", "nl"} {
		if err := setLanguage(code); err != nil {
			t.Fatal(err)
		}
		seen := map[string]string{}
		for kind, err := range errs {
			msg := diaryOpenMessage(err)
			for _, w := range want[code][kind] {
				if !strings.Contains(msg, w) {
					t.Errorf("%s, %s: %q lacks %q", code, kind, msg, w)
				}
			}
			if other, ok := seen[msg]; ok {
				t.Errorf("%s: %s and %s say the same", code, kind, other)
			}
			seen[msg] = kind
		}
	}
}

// TestWindowRetriesBusyDiary: a window that finds the diary busy says so
// once, keeps trying in the background, and has its diary as soon as it
// opens, instead of going without for the whole run (issue 16, section 4).
func TestWindowRetriesBusyDiary(t *testing.T) {
	a := test.NewTempApp(t)
	w := a.NewWindow("Ontspan")
	dir := t.TempDir()
	u := New(a, w, Deps{Clock: exercises.NewFakeClock(testStart), DataDir: dir, NoAgent: true})
	_ = setLanguage("en")
	u.Home()
	tries := 0
	u.opener.open = func(d string) (*diary.Store, error) {
		if tries++; tries <= 2 {
			return nil, fmt.Errorf("open diary: %w", diary.ErrBusy)
		}
		return diary.Open(d)
	}
	if !u.tryOpenDiary() || !u.tryOpenDiary() {
		t.Fatal("a busy diary is not tried again")
	}
	if got := overlayTexts(u); strings.Count(got, "keeps trying") != 1 {
		t.Errorf("busy told %d times: %q", strings.Count(got, "keeps trying"), got)
	}
	if u.data.store != nil {
		t.Fatal("store set while busy")
	}
	if u.tryOpenDiary() {
		t.Error("tries again after it opened")
	}
	st := u.data.store
	if st == nil {
		t.Fatal("the diary did not arrive")
	}
	defer st.Close()
	if st.Path() == "" || u.opener.err != nil {
		t.Errorf("after opening: path %q, err %v", st.Path(), u.opener.err)
	}
	if got := overlayTexts(u); strings.Contains(got, "keeps trying") {
		t.Errorf("the busy message stays after the diary opened: %q", got)
	}
	u.Close() // the window closing closes the diary it opened late
	if err := st.Add(&exercises.Entry{Technique: exercises.Breathing, Started: testStart, Before: exercises.NoRating, After: exercises.NoRating}); !errors.Is(err, diary.ErrClosed) {
		t.Errorf("a diary opened late is still open after the window closed: %v", err)
	}

	// A cause that does not pass by itself is not tried again.
	u2 := New(a, w, Deps{Clock: exercises.NewFakeClock(testStart), DataDir: dir, NoAgent: true})
	u2.opener.open = func(string) (*diary.Store, error) {
		return nil, &diary.OpenError{Kind: diary.ErrReadOnly, Path: dir, Err: syscall.EROFS}
	}
	if u2.tryOpenDiary() {
		t.Error("a read-only folder is tried again and again")
	}
}

func overlayTexts(u *UI) string {
	var b strings.Builder
	for _, o := range u.win.Canvas().Overlays().List() {
		for _, x := range test.LaidOutObjects(o) {
			if l, ok := x.(*widget.Label); ok {
				b.WriteString(l.Text + "\n")
			}
		}
	}
	return b.String()
}

// TestImportNamesDuplicatesWithProgress: a file holding a session twice is
// imported once, the summary says which, and a slow import shows a progress
// bar that is gone when the summary shows (issue 16, sections 4 and 6).
func TestImportNamesDuplicatesWithProgress(t *testing.T) {
	u, _, _ := newTestUI(t)
	other, err := diary.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	addEntries(t, other, session(3, exercises.PMR, exercises.PMRShort, 8, 5, 3))
	var buf bytes.Buffer
	if err := other.ExportJSON(&buf); err != nil {
		t.Fatal(err)
	}
	var f map[string]any
	if err := json.Unmarshal(buf.Bytes(), &f); err != nil {
		t.Fatal(err)
	}
	sessions := f["sessions"].([]any)
	f["sessions"] = append(sessions, sessions[0])
	data, _ := json.Marshal(f)

	s := openDiaryScreen(t, u)
	s.progressAfter = 0 // show the bar at once
	s.importFrom(io.NopCloser(bytes.NewReader(data)))
	if !strings.Contains(s.status, "Added 1 session") || !strings.Contains(s.status, "1 item was in the file twice; it was added once: Muscle relaxation") {
		t.Errorf("summary %q", s.status)
	}
	if n, _ := u.data.store.Count(); n != 1 {
		t.Errorf("%d sessions after importing one session twice", n)
	}
	if labelWith(u, tr("diary.import.progress")) {
		t.Error("the progress bar stays after the import")
	}
	t.Log(s.status)
}

// TestImportProgressBar: the bar appears only once an import has taken
// longer than importProgressAfter, follows the part done, and goes away.
func TestImportProgressBar(t *testing.T) {
	u, c, _ := newTestUI(t)
	s := openDiaryScreen(t, u)
	p := newImportProgress(s, importProgressAfter)
	p.update(0.1)
	if p.bar != nil || labelWith(u, tr("diary.import.progress")) {
		t.Fatal("a progress bar for an import that just began")
	}
	c.Advance(importProgressAfter)
	p.update(0.5)
	if p.bar == nil || p.bar.Value != 0.5 || !labelWith(u, tr("diary.import.progress")) {
		t.Fatalf("no bar at half-way after a second: %+v", p.bar)
	}
	p.update(0.505) // less than a percent: not worth a redraw
	if p.bar.Value != 0.5 {
		t.Errorf("bar moved for 0.5 %%: %v", p.bar.Value)
	}
	p.update(1)
	if p.bar.Value != 1 {
		t.Errorf("bar at the end: %v", p.bar.Value)
	}
	p.close()
	if labelWith(u, tr("diary.import.progress")) {
		t.Error("the bar stays after close")
	}
}

// exportWith is a JSON export of a fresh diary holding only what add puts
// in it, with every item in list repeated (rituals or pace_tests) once more.
func exportWith(t *testing.T, add func(st *diary.Store), repeat string) []byte {
	t.Helper()
	other, err := diary.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	add(other)
	var buf bytes.Buffer
	if err := other.ExportJSON(&buf); err != nil {
		t.Fatal(err)
	}
	if repeat == "" {
		return buf.Bytes()
	}
	var f map[string]any
	if err := json.Unmarshal(buf.Bytes(), &f); err != nil {
		t.Fatal(err)
	}
	items := f[repeat].([]any)
	f[repeat] = append(items, items...)
	data, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestImportOnlyRitualsOrPaceTests: a file with only a ritual or only a
// pace test says what it added, not "nothing was added", and a repeated
// ritual or pace test is named as such, not as a session of year 1.
func TestImportOnlyRitualsOrPaceTests(t *testing.T) {
	addRitual := func(st *diary.Store) {
		r := exercises.Ritual{Name: "MyRitual", Steps: []exercises.RitualStep{exercises.BreathingStep("4-6", 5)}}
		if err := st.AddRitual(&r); err != nil {
			t.Fatal(err)
		}
	}
	addPace := func(st *diary.Store) {
		p := exercises.EndPaceTest(time.Date(2026, 1, 5, 21, 0, 0, 0, time.Local),
			[]exercises.PaceRating{{Pace: 6, Comfort: 4}})
		if err := st.AddPaceTest(&p); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		name   string
		add    func(*diary.Store)
		repeat string
		want   []string
	}{
		{"ritual", addRitual, "", []string{"Added 1 ritual. What was already in your diary stayed as it was."}},
		{"pace test", addPace, "", []string{"Added 1 pace test. What was already in your diary stayed as it was."}},
		{"both", func(st *diary.Store) { addRitual(st); addPace(st) }, "",
			[]string{"Added 1 ritual and 1 pace test. What was already"}},
		{"repeated ritual", addRitual, "rituals", []string{"Added 1 ritual.",
			"1 item was in the file twice; it was added once: Ritual “MyRitual”."}},
		{"repeated pace test", addPace, "pace_tests", []string{"Added 1 pace test.",
			"1 item was in the file twice; it was added once: Pace test, ", " 21:00."}},
	} {
		u, _, _ := newTestUI(t)
		s := openDiaryScreen(t, u)
		data := exportWith(t, c.add, c.repeat)
		s.importFrom(io.NopCloser(bytes.NewReader(data)))
		for _, w := range c.want {
			if !strings.Contains(s.status, w) {
				t.Errorf("%s: summary %q, want %q in it", c.name, s.status, w)
			}
		}
		if strings.Contains(s.status, "nothing was added") || strings.Contains(s.status, "MyRitual,") {
			t.Errorf("%s: summary %q", c.name, s.status)
		}
		// The same file again: now it is all in the diary already.
		press(u, fyne.KeyEscape)
		s.importFrom(io.NopCloser(bytes.NewReader(data)))
		if !strings.Contains(s.status, "nothing was added") {
			t.Errorf("%s: second import said %q", c.name, s.status)
		}
	}
}

// TestImportSummaryListsEveryKind: the summary names each kind it added,
// and leaves out the kinds it did not.
func TestImportSummaryListsEveryKind(t *testing.T) {
	newTestUI(t)
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.Local)
	for _, c := range []struct {
		res  diary.ImportResult
		want string
	}{
		{diary.ImportResult{SessionsAdded: 2, WorriesAdded: 1, RitualsAdded: 3, PaceTestsAdded: 1},
			"Added 2 sessions, 1 worry, 3 rituals and 1 pace test. What was already in your diary stayed as it was."},
		{diary.ImportResult{SessionsAdded: 1, PaceTestsAdded: 2},
			"Added 1 session and 2 pace tests. What was already in your diary stayed as it was."},
		{diary.ImportResult{WorriesAdded: 2},
			"Added 0 sessions and 2 worries. What was already in your diary stayed as it was."},
		{diary.ImportResult{RitualsSkipped: 1, PaceTestsSkipped: 1},
			"Everything in this file was already in your diary, so nothing was added."},
	} {
		if got := importSummary(c.res, now); got != c.want {
			t.Errorf("%+v: %q, want %q", c.res, got, c.want)
		}
	}
	if got := importFailure(diary.ImportResult{RitualsAdded: 2, PaceTestsAdded: 1}, diary.ErrBusy); !strings.Contains(got, "after adding 3 items") {
		t.Errorf("partial import of rituals and pace tests: %q", got)
	}
	if got := importMessage(&diary.ImportError{Kind: "ritual", Index: 1, Err: diary.ErrImportInvalid}); !strings.HasPrefix(got, "Ritual 2 in this file") {
		t.Errorf("bad ritual: %q", got)
	}
	if got := importMessage(&diary.ImportError{Kind: "pace test", Index: 0, Err: diary.ErrImportInvalid}); !strings.HasPrefix(got, "Pace test 1 in this file") {
		t.Errorf("bad pace test: %q", got)
	}
}
