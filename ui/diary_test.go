package ui

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"image/color"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/ontspan/ontspan/exercises"
	"github.com/ontspan/ontspan/exercises/diary"
)

// session is a diary entry daysAgo days before testStart, at 20:00.
func session(daysAgo int, t exercises.Technique, variant string, minutes float64, before, after int) exercises.Entry {
	y, m, d := testStart.Date()
	return exercises.Entry{
		Technique: t, Variant: variant,
		Started:   time.Date(y, m, d-daysAgo, 20, 0, 0, 0, time.Local),
		Planned:   time.Duration(minutes * float64(time.Minute)),
		Actual:    time.Duration(minutes * float64(time.Minute)),
		Completed: true, Before: before, After: after,
	}
}

func addEntries(t *testing.T, st *diary.Store, es ...exercises.Entry) []exercises.Entry {
	t.Helper()
	for i := range es {
		if err := st.Add(&es[i]); err != nil {
			t.Fatal(err)
		}
	}
	return es
}

// importEntries writes many sessions in one transaction, through a JSON
// export (Add costs one synced transaction each).
func importEntries(t *testing.T, st *diary.Store, es []exercises.Entry) {
	t.Helper()
	type item struct {
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
	}
	f := struct {
		Format   string `json:"format"`
		Version  int    `json:"version"`
		Sessions []item `json:"sessions"`
		Worries  []any  `json:"worries"`
	}{Format: diary.ExportFormat, Version: diary.ExportVersion, Worries: []any{}}
	for i, e := range es {
		it := item{UID: "test-" + strconv.Itoa(i), Technique: string(e.Technique), Variant: e.Variant, Started: e.Started,
			Planned: e.Planned.Seconds(), Actual: e.Actual.Seconds(), Completed: e.Completed, Note: e.Note}
		if e.Before != exercises.NoRating {
			b := e.Before
			it.Before = &b
		}
		if e.After != exercises.NoRating {
			a := e.After
			it.After = &a
		}
		f.Sessions = append(f.Sessions, it)
	}
	data, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.ImportJSON(bytes.NewReader(data)); err != nil {
		t.Fatal(err)
	}
}

// openDiaryScreen shows the diary with slow work run inline.
func openDiaryScreen(t *testing.T, u *UI) *diaryScreen {
	t.Helper()
	u.Diary()
	s, ok := u.current.(*diaryScreen)
	if !ok {
		t.Fatalf("Diary opened %T", u.current)
	}
	s.async = func(f func()) { f() }
	return s
}

// labelWith reports whether a label on screen (or in a dialog) contains sub.
func labelWith(u *UI, sub string) bool {
	objs := test.LaidOutObjects(u.win.Content())
	for _, o := range u.win.Canvas().Overlays().List() {
		objs = append(objs, test.LaidOutObjects(o)...)
	}
	for _, o := range objs {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, sub) {
			return true
		}
	}
	return false
}

// overlayButton finds a Fyne dialog button by its text.
func overlayButton(u *UI, text string) *widget.Button {
	for _, o := range u.win.Canvas().Overlays().List() {
		for _, c := range test.LaidOutObjects(o) {
			if b, ok := c.(*widget.Button); ok && b.Text == text {
				return b
			}
		}
	}
	return nil
}

func reopen(t *testing.T, st *diary.Store) *diary.Store {
	t.Helper()
	again, err := diary.Open(filepath.Dir(st.Path()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { again.Close() })
	return again
}

// rowOf finds a session in the loaded list.
func rowOf(s *diaryScreen, id int64) int {
	for i, r := range s.rows {
		if !r.header && r.entry.ID == id {
			return i
		}
	}
	return -1
}

func TestDiaryRatingEditPersists(t *testing.T) {
	u, _, _ := newTestUI(t)
	st := u.data.store
	es := addEntries(t, st, session(0, exercises.Breathing, "4-6", 5, 6, exercises.NoRating))
	s := openDiaryScreen(t, u)
	s.showSessions()
	i := rowOf(s, es[0].ID)
	if i != 1 || !s.rows[0].header {
		t.Fatalf("rows: %+v", s.rows)
	}
	s.list.Select(i) // a tap or Space opens the session
	ed := s.editor
	if ed == nil || s.dlg == nil {
		t.Fatal("no editor opened")
	}
	if ed.before.value != 6 || ed.after.value != exercises.NoRating {
		t.Errorf("editor shows %d → %d", ed.before.value, ed.after.value)
	}
	test.Tap(ed.before.buttons[7])
	test.Tap(ed.after.buttons[3])

	// A note over the limit keeps the dialog and the text, and saves nothing.
	long := strings.Repeat("ä", diary.MaxNoteRunes+1)
	ed.note.SetText(long)
	test.Tap(ed.save)
	if ed.noteMsg.Hidden || s.dlg == nil || ed.note.Text != long {
		t.Error("a long note must show a message and keep the dialog and the text")
	}
	if e, _ := st.Entry(es[0].ID); e.Before != 6 {
		t.Error("saved despite the long note")
	}

	ed.note.SetText("  Calmer than I thought  ")
	test.Tap(ed.save)
	if s.dlg != nil {
		t.Error("dialog still open after saving")
	}
	e, err := reopen(t, st).Entry(es[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if e.Before != 7 || e.After != 3 || e.Note != "Calmer than I thought" {
		t.Errorf("stored %d → %d %q", e.Before, e.After, e.Note)
	}
	if got := s.rows[i].entry; got.After != 3 {
		t.Errorf("list row not updated: %+v", got)
	}
	if _, second := s.entryLines(s.rows[i].entry); second != "Tension 7 → 3 · Calmer than I thought" {
		t.Errorf("row reads %q", second)
	}
}

func deleteViaDialog(t *testing.T, u *UI, s *diaryScreen, e exercises.Entry) {
	t.Helper()
	s.edit(e)
	test.Tap(s.editor.del)
	yes := overlayButton(u, "Delete")
	if yes == nil {
		t.Fatal("no confirmation asked")
	}
	test.Tap(yes)
}

func TestDiaryDeleteUndoRestoresTheSameEntry(t *testing.T) {
	u, _, _ := newTestUI(t)
	st := u.data.store
	es := addEntries(t, st,
		session(1, exercises.PMR, exercises.PMRShort, 8, 5, 2),
		session(0, exercises.Breathing, "box", 3, 4, exercises.NoRating))
	es[0].Note = "neck loosened"
	if err := st.Update(es[0]); err != nil {
		t.Fatal(err)
	}
	s := openDiaryScreen(t, u)
	s.showSessions()
	deleteViaDialog(t, u, s, es[0])
	if _, err := st.Entry(es[0].ID); !errors.Is(err, diary.ErrNotFound) {
		t.Fatalf("after delete: %v", err)
	}
	if s.undoBar.Hidden || rowOf(s, es[0].ID) >= 0 {
		t.Fatal("undo bar hidden, or the row still listed")
	}
	if s.stats.Sessions != 1 {
		t.Errorf("stats not updated: %d sessions", s.stats.Sessions)
	}
	test.Tap(s.undoBar.button)
	got, err := reopen(t, st).Entry(es[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	want := es[0]
	if got.UID != want.UID || !got.Started.Equal(want.Started) || got.Before != 5 || got.After != 2 ||
		got.Note != want.Note || got.Technique != want.Technique || got.Variant != want.Variant ||
		got.Actual != want.Actual || got.Completed != want.Completed {
		t.Errorf("restored %+v, want %+v", got, want)
	}
	if !s.undoBar.Hidden || rowOf(s, es[0].ID) < 0 || s.stats.Sessions != 2 {
		t.Error("after undo the bar should go and the row come back")
	}
}

func TestDiaryDeleteWithoutUndoIsGone(t *testing.T) {
	u, _, _ := newTestUI(t)
	st := u.data.store
	es := addEntries(t, st, session(0, exercises.Senses, exercises.SensesBasic, 4, 5, 3))
	s := openDiaryScreen(t, u)
	deleteViaDialog(t, u, s, es[0])
	s.undoBar.expire() // what the ten-second timer does
	if !s.undoBar.Hidden || s.undoBar.pending() {
		t.Error("undo still offered")
	}
	test.Tap(s.undoBar.button) // too late: nothing to bring back
	if n, _ := reopen(t, st).Count(); n != 0 {
		t.Errorf("%d sessions left", n)
	}
	if len(s.rows) != 0 || !labelWith(u, "Your diary is empty") {
		t.Error("the diary should read as empty")
	}
}

func TestDiaryCancelDeleteKeepsTheEntry(t *testing.T) {
	u, _, _ := newTestUI(t)
	st := u.data.store
	es := addEntries(t, st, session(0, exercises.Breathing, "4-6", 5, 5, 3))
	s := openDiaryScreen(t, u)
	s.edit(es[0])
	test.Tap(s.editor.del)
	keep := overlayButton(u, "Keep it")
	if keep == nil {
		t.Fatal("no confirmation asked")
	}
	test.Tap(keep)
	if _, err := st.Entry(es[0].ID); err != nil {
		t.Errorf("kept entry: %v", err)
	}
	if !s.undoBar.Hidden {
		t.Error("nothing was deleted, yet undo is offered")
	}
}

func TestDiaryDayMarksFollowTheSessions(t *testing.T) {
	u, _, _ := newTestUI(t)
	st := u.data.store
	addEntries(t, st,
		session(0, exercises.Breathing, "4-6", 5, 5, 3),
		session(0, exercises.PMR, exercises.PMRShort, 6, 5, 3), // two on one day count once
		session(2, exercises.Breathing, "4-6", 5, 5, 3),
		session(5, exercises.MiniCheck, exercises.MiniCheckSelf, 0.5, exercises.NoRating, exercises.NoRating),
		session(13, exercises.Breathing, "4-6", 5, exercises.NoRating, exercises.NoRating),
		session(14, exercises.Breathing, "4-6", 5, 5, 3), // fifteen days: outside
	)
	s := openDiaryScreen(t, u)
	want := map[int]bool{13: true, 11: true, 8: true, 0: true}
	if len(s.marks) != 14 {
		t.Fatalf("%d marks", len(s.marks))
	}
	primary := u.app.Settings().Theme().Color("primary", u.app.Settings().ThemeVariant())
	for i, m := range s.marks {
		if m.filled != want[i] {
			t.Errorf("mark %d (%s) filled %v", i, m.day.Format("Mon 2 Jan"), m.filled)
		}
		filled := m.circle.FillColor != color.Transparent && m.circle.FillColor == primary
		if filled != want[i] {
			t.Errorf("mark %d drawn filled %v", i, filled)
		}
	}
	if !s.marks[13].day.Equal(dayOf(testStart)) {
		t.Errorf("last mark is %v, want today", s.marks[13].day)
	}
	if !labelWith(u, "4 of the last 14 days.") {
		t.Error("no days sentence")
	}
	u.Home()
	found := false
	for _, tl := range u.current.(*home).tiles {
		if tl.title == "My diary" {
			found = tl.badge == "4/14 days"
		}
	}
	if !found {
		t.Error("home has no diary tile with 4/14 days")
	}
}

// dataset builds ten days of one technique (so the verdict is offered)
// from one session per day.
func dataset(minutes float64, ratings ...[2]int) []exercises.Entry {
	var es []exercises.Entry
	for day := 0; day < 10; day++ {
		r := ratings[day%len(ratings)]
		es = append(es, session(day, exercises.Breathing, "4-6", minutes, r[0], r[1]))
	}
	return es
}

func TestDiaryVerdictTextsInBothLanguages(t *testing.T) {
	t.Cleanup(func() { _ = setLanguage("en") })
	no := exercises.NoRating
	cases := []struct {
		name    string
		entries []exercises.Entry
		kind    diary.Kind
		sugg    diary.Suggestion
		en, nl  []string
	}{
		{"too few", dataset(10, [2]int{6, 4}, [2]int{no, no}, [2]int{no, no}, [2]int{6, no})[:10], diary.TooFew, diary.KeepGoing,
			[]string{"too few to say yet", "From 5 rated sessions on"},
			[]string{"te weinig om al iets te zeggen", "Vanaf 5 sessies met cijfers"}},
		{"helps", dataset(10, [2]int{6, 3}), diary.Helps, diary.KeepGoing,
			[]string{"You felt calmer after most sessions: 10 of 10, on average 3.0 points lower.", "this seems to help",
				"Tension on average 6.0 before and 3.0 after: 3.0 points calmer", "Calmer after 10 of 10 rated sessions",
				"First week: 3.0 points calmer (3 rated sessions)\n•  Second week: 3.0 points calmer (7 rated sessions)", "Keep going."},
			[]string{"gemiddeld 3,0 punt lager", "Voor jou lijkt dit op dit moment te helpen.", "Rustiger na 10 van de 10 sessies met cijfers", "Ga zo door."}},
		{"unclear", dataset(10, [2]int{5, 4}, [2]int{5, 5}), diary.Unclear, diary.KeepGoing,
			[]string{"small or mixed", "Too early to say whether it helps you.", "Give it another week or two."},
			[]string{"weinig of wisselend", "Te vroeg om te zeggen of het je helpt.", "Geef het nog een week of twee."}},
		{"no change", dataset(10, [2]int{5, 5}), diary.NoChange, diary.TryAnother,
			[]string{"hardly changes", "not about you", "Try another technique for two weeks", "no difference"},
			[]string{"nauwelijks", "niet over jou", "Probeer twee weken een andere techniek", "geen verschil"}},
		{"no change, short", dataset(2, [2]int{5, 5}), diary.NoChange, diary.TryLonger,
			[]string{"hardly changes", "try longer sessions: yours lasted about 2 min on average"},
			[]string{"nauwelijks", "Probeer langere sessies voor je beslist: de jouwe duurden gemiddeld zo'n 2 min."}},
		{"stays high", dataset(10, [2]int{8, 8}, [2]int{8, 7}), diary.StaysHigh, diary.TalkToGP,
			[]string{"your tension was 8.0 out of 10 on average. That is high", "talking to your GP"},
			[]string{"gemiddeld een 8,0 op 10. Dat is hoog", "huisarts"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			u, _, _ := newTestUI(t)
			addEntries(t, u.data.store, c.entries...)
			ev, err := u.data.store.Evaluate(exercises.Breathing, testStart, time.Local)
			if err != nil {
				t.Fatal(err)
			}
			if !ev.Offered() || ev.Kind != c.kind || ev.Suggestion != c.sugg {
				t.Fatalf("dataset gives %v %v %v, want %v %v", ev.Trigger, ev.Kind, ev.Suggestion, c.kind, c.sugg)
			}
			for _, lang := range []struct {
				code  string
				title string
				want  []string
			}{{"en", "Breathing: what two weeks show", c.en}, {"nl", "Ademhaling: wat twee weken laten zien", c.nl}} {
				if err := setLanguage(lang.code); err != nil {
					t.Fatal(err)
				}
				openDiaryScreen(t, u)
				if !labelWith(u, lang.title) {
					t.Errorf("%s: no verdict card titled %q", lang.code, lang.title)
				}
				for _, w := range lang.want {
					if !labelWith(u, w) {
						t.Errorf("%s: no text with %q; the card says:\n%s", lang.code, w, strings.Join(cardTexts(ev), "\n"))
					}
				}
			}
		})
	}
}

func cardTexts(ev diary.Evaluation) []string {
	w := verdictText(ev)
	return append([]string{w.Title, w.Why, w.Summary, w.Next}, w.Facts...)
}

func TestDiaryVerdictNotYetSaysWhen(t *testing.T) {
	u, _, _ := newTestUI(t)
	addEntries(t, u.data.store,
		session(0, exercises.Breathing, "4-6", 5, 6, 4),
		session(1, exercises.Breathing, "4-6", 5, 6, 4),
		session(3, exercises.Breathing, "4-6", 5, 6, 4))
	openDiaryScreen(t, u)
	if !labelWith(u, "After 10 days of practice in two weeks") || !labelWith(u, "Breathing: 3 days so far, of the last 14.") {
		t.Error("no line saying when the verdict comes")
	}
	if labelWith(u, "what two weeks show") {
		t.Error("a verdict offered too early")
	}
}

func TestDiaryTechniquesAndChart(t *testing.T) {
	u, _, _ := newTestUI(t)
	addEntries(t, u.data.store,
		session(0, exercises.Breathing, "4-6", 5, 6, 4),
		session(1, exercises.Breathing, "4-6", 5, 4, 2),
		session(2, exercises.Breathing, "4-6", 5, exercises.NoRating, exercises.NoRating),
		session(0, exercises.PMR, exercises.PMRFull, 15, exercises.NoRating, exercises.NoRating))
	s := openDiaryScreen(t, u)
	for _, want := range []string{
		"3 sessions, 15 minutes in all\nTension before → after: 5.0 → 3.0 (2 rated sessions)",
		"1 session, 15 minutes in all\nNo ratings yet",
	} {
		if !labelWith(u, want) {
			t.Errorf("no technique line %q", want)
		}
	}
	if s.chart == nil || len(s.chart.days) != diary.ChartDays {
		t.Fatal("no chart of 30 days")
	}
	_, after, hasBefore, _ := chartSeries(s.chart.days)
	n := len(after)
	if !hasBefore[n-1] || !hasBefore[n-2] || hasBefore[n-3] || after[n-2] != 2 {
		t.Errorf("chart series wrong: %v %v", hasBefore[n-3:], after[n-3:])
	}
}

func TestDiaryWithoutRatingsSaysSoKindly(t *testing.T) {
	u, _, _ := newTestUI(t)
	addEntries(t, u.data.store, session(0, exercises.Breathing, "4-6", 5, exercises.NoRating, exercises.NoRating))
	s := openDiaryScreen(t, u)
	if s.chart != nil || !labelWith(u, "No ratings yet, so there is no tension chart") {
		t.Error("an empty chart instead of a kind sentence")
	}
}

func TestDiaryEmpty(t *testing.T) {
	u, _, _ := newTestUI(t)
	s := openDiaryScreen(t, u)
	if !labelWith(u, "Your diary is empty for now.") || !labelWith(u, "No practice in the last two weeks, and that is fine.") {
		t.Error("the empty diary should say so kindly")
	}
	s.showSessions()
	if s.list.Length() != 1 {
		t.Errorf("empty list has %d rows", s.list.Length())
	}
}

func TestDiaryImportBadFileChangesNothing(t *testing.T) {
	u, _, _ := newTestUI(t)
	st := u.data.store
	addEntries(t, st, session(0, exercises.Breathing, "4-6", 5, 6, 4))
	var good bytes.Buffer
	if err := st.ExportJSON(&good); err != nil {
		t.Fatal(err)
	}
	invalid := strings.Replace(good.String(), `"before": 6`, `"before": 11`, 1)
	if invalid == good.String() {
		t.Fatal("the export has no \"before\": 6 to spoil")
	}
	s := openDiaryScreen(t, u)
	cases := []struct{ name, data, want string }{
		{"empty", "  \n", "This file is empty."},
		{"not json", "uid,started\n1,2", "it is not a JSON file"},
		{"truncated", good.String()[:good.Len()/2], "This file stops halfway"},
		{"foreign", `{"name": "something else"}`, "This file is not an Ontspan diary export."},
		{"newer", `{"format": "ontspan-diary", "version": 99, "sessions": []}`, "made by a newer version of Ontspan"},
		{"invalid", invalid, "Session 1 in this file holds data that is not valid"},
	}
	for _, c := range cases {
		s.importFrom(io.NopCloser(strings.NewReader(c.data)))
		if !strings.Contains(s.status, c.want) || !strings.Contains(s.status, "Nothing in your diary has changed.") {
			t.Errorf("%s: said %q", c.name, s.status)
		}
		if !labelWith(u, c.want) {
			t.Errorf("%s: the message is not on screen", c.name)
		}
		if n, _ := st.Count(); n != 1 {
			t.Errorf("%s: %d sessions after a bad import", c.name, n)
		}
		press(u, fyne.KeyEscape) // closes the message, not the diary
		if _, ok := u.current.(*diaryScreen); !ok || s.dlg != nil {
			t.Fatalf("%s: Esc should close the message first", c.name)
		}
	}
	if got := importMessage(fmt.Errorf("import: %w", diary.ErrImportTooLarge)); !strings.Contains(got, "larger than 256 MB") {
		t.Errorf("too large: %q", got)
	}

	// A good file from another computer merges, and says how much.
	other, err := diary.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	addEntries(t, other, session(3, exercises.PMR, exercises.PMRShort, 8, 5, 3), session(4, exercises.PMR, exercises.PMRShort, 8, 5, 3))
	var theirs bytes.Buffer
	if err := other.ExportJSON(&theirs); err != nil {
		t.Fatal(err)
	}
	s.importFrom(io.NopCloser(bytes.NewReader(theirs.Bytes())))
	if s.status != "Added 2 sessions and 0 worries. What was already in your diary stayed as it was." {
		t.Errorf("good import said %q", s.status)
	}
	if s.stats.Sessions != 3 || s.loaded != 3 {
		t.Errorf("after import: %d sessions, %d listed", s.stats.Sessions, s.loaded)
	}
	press(u, fyne.KeyEscape)
	s.importFrom(io.NopCloser(bytes.NewReader(theirs.Bytes())))
	if !strings.Contains(s.status, "nothing was added") {
		t.Errorf("second import said %q", s.status)
	}
}

func TestDiaryPagingLoadsMoreThanOnePage(t *testing.T) {
	u, _, _ := newTestUI(t)
	var es []exercises.Entry
	for i := 0; i < 250; i++ { // every three hours, back over a month
		e := session(0, exercises.Breathing, "4-6", 5, 5, 3)
		e.Started = testStart.Add(-time.Duration(i) * 3 * time.Hour)
		es = append(es, e)
	}
	importEntries(t, u.data.store, es)
	s := openDiaryScreen(t, u)
	s.showSessions()
	if s.loaded != diaryPageSize || !s.more {
		t.Fatalf("first page: %d loaded, more %v", s.loaded, s.more)
	}
	for i := 0; i < 5 && s.more; i++ {
		s.list.ScrollToBottom() // the list asks for the next page near its end
	}
	if s.loaded != 250 || s.more {
		t.Fatalf("after scrolling: %d loaded, more %v", s.loaded, s.more)
	}
	var last time.Time
	days := 0
	for i, r := range s.rows {
		if r.header {
			days++
			if i+1 >= len(s.rows) || s.rows[i+1].header || !dayOf(s.rows[i+1].entry.Started).Equal(r.day) {
				t.Fatalf("header %d is not followed by its day's session", i)
			}
			continue
		}
		if !last.IsZero() && r.entry.Started.After(last) {
			t.Fatalf("row %d is newer than the one above", i)
		}
		last = r.entry.Started
	}
	if days != len(s.rows)-250 || days < 30 {
		t.Errorf("%d day headers for %d rows", days, len(s.rows))
	}
	if got := dayHeader(s.rows[0].day, testStart); got != "Today, Wednesday 25 November" {
		t.Errorf("first header %q", got)
	}
}

func TestDiaryEscGoesHome(t *testing.T) {
	u, _, _ := newTestUI(t)
	es := addEntries(t, u.data.store, session(0, exercises.Breathing, "4-6", 5, 5, 3))
	s := openDiaryScreen(t, u)
	s.edit(es[0])
	press(u, fyne.KeyEscape)
	if _, ok := u.current.(*diaryScreen); !ok || s.dlg != nil {
		t.Fatal("Esc with a dialog open should close the dialog only")
	}
	s.showSessions()
	s.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape}) // focused list lets Esc through
	if _, ok := u.current.(*home); !ok {
		t.Errorf("Esc in the diary: %T", u.current)
	}
}

func TestDiaryStartTarget(t *testing.T) {
	u, _, _ := newTestUI(t)
	l, err := ParseArgs([]string{"--start", "diary"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	u.Open(l)
	if _, ok := u.current.(*diaryScreen); !ok {
		t.Errorf("--start diary opened %T", u.current)
	}
}

func TestDiaryRowTexts(t *testing.T) {
	u, _, _ := newTestUI(t)
	s := openDiaryScreen(t, u)
	e := session(0, exercises.PMR, exercises.PMRShort, 7.6, 6, exercises.NoRating)
	e.Completed = false
	e.Note = "first line\nsecond line"
	first, second := s.entryLines(e)
	if first != "20:00 · Muscle relaxation · short set · 8 min · stopped early" || second != "Tension 6 → – · first line second line" {
		t.Errorf("row: %q / %q", first, second)
	}
	e = session(0, exercises.Breathing, "custom:unknown", 0.5, exercises.NoRating, exercises.NoRating)
	first, second = s.entryLines(e)
	if first != "20:00 · Breathing · unknown · 30 s · completed" || second != "No rating" {
		t.Errorf("row: %q / %q", first, second)
	}
	if got := longDate(time.Date(2025, 3, 4, 0, 0, 0, 0, time.Local), testStart); got != "Tuesday 4 March 2025" {
		t.Errorf("last year's date: %q", got)
	}
	t.Cleanup(func() { _ = setLanguage("en") })
	_ = setLanguage("nl")
	if got := dayHeader(dayOf(testStart).AddDate(0, 0, -1), testStart); got != "Gisteren, dinsdag 24 november" {
		t.Errorf("Dutch header %q", got)
	}
	if got := decimal(2.25); got != "2,3" && got != "2,2" {
		t.Errorf("Dutch decimal %q", got)
	}
}

// TestDiaryDynamicKeysExist covers the keys the diary builds from data,
// which the key scan in i18n_test.go cannot see.
func TestDiaryDynamicKeysExist(t *testing.T) {
	keys := []string{}
	for _, tq := range []exercises.Technique{exercises.Breathing, exercises.PMR, exercises.MiniCheck, exercises.Senses, exercises.WindDown} {
		keys = append(keys, "technique."+string(tq))
	}
	for _, p := range exercises.BuiltinPatterns() {
		keys = append(keys, "diary.variant.breathing."+p.ID)
	}
	for _, set := range append(exercises.PMRSets(), exercises.PMRSet{ID: exercises.PMRMine}) {
		keys = append(keys, "diary.variant.pmr."+set.ID)
	}
	for _, v := range []string{exercises.MiniCheckTimed, exercises.MiniCheckSelf} {
		keys = append(keys, "diary.variant.minicheck."+v)
	}
	for _, v := range []string{exercises.SensesBasic, exercises.Senses54321} {
		keys = append(keys, "diary.variant.senses."+v)
	}
	assertKeys(t, keys) // the names of months and weekdays: dates_test.go
}

// practisedMonth is a month of sessions, one a day, and a 6-second
// mini-check today: enough to fill every part of the overview.
func practisedMonth() []exercises.Entry {
	var es []exercises.Entry
	for d := 0; d < 30; d++ {
		es = append(es, session(d, []exercises.Technique{exercises.Breathing, exercises.PMR, exercises.Senses}[d%3], "", 5, 6, 3))
	}
	return append(es, session(0, exercises.MiniCheck, "", 0.1, exercises.NoRating, exercises.NoRating))
}

// TestDiaryFitsANarrowWindow: at 360 px, in English and in Dutch, nothing
// of the overview asks for more width than the window has, the fourteen
// day-marks (today's last of all) fit, and the headings wrap.
func TestDiaryFitsANarrowWindow(t *testing.T) {
	for _, lang := range []string{"en", "nl"} {
		for _, width := range []float32{360, 560} {
			name := fmt.Sprintf("%s %.0f px", lang, width)
			u, _, _ := newTestUI(t)
			importEntries(t, u.data.store, practisedMonth())
			_ = setLanguage(lang)
			u.win.Resize(fyne.NewSize(width, 720))
			s := openDiaryScreen(t, u)
			if w := u.Current().MinSize().Width; w > width {
				t.Errorf("%s: the diary needs %.0f px", name, w)
			}
			d := fyne.CurrentApp().Driver()
			right := func(o fyne.CanvasObject) float32 { return d.AbsolutePositionForObject(o).X + o.Size().Width }
			for i, m := range s.marks {
				if r := right(m.circle); r > width || m.circle.Size().Width < markMin {
					t.Errorf("%s: mark %d ends at %.0f, %.0f across", name, i, r, m.circle.Size().Width)
				}
			}
			for _, o := range test.LaidOutObjects(s.overview.Content) {
				if l, ok := o.(*widget.Label); ok && l.Visible() && right(l) > width {
					t.Errorf("%s: %q runs to %.0f", name, l.Text, right(l))
				}
				if s.chart != nil && o == s.chart && right(o) > width {
					t.Errorf("%s: the chart runs to %.0f", name, right(o))
				}
			}
			_ = setLanguage("en")
		}
	}
}

// TestDiaryTotalsUnderAMinute: six seconds are not "1 minute in all".
func TestDiaryTotalsUnderAMinute(t *testing.T) {
	u, _, _ := newTestUI(t)
	addEntries(t, u.data.store, session(0, exercises.MiniCheck, "", 0.1, exercises.NoRating, exercises.NoRating))
	openDiaryScreen(t, u)
	if !labelWith(u, "1 session, 6 seconds in all") {
		t.Error("a 6-second session is not shown as 6 seconds")
	}
	for _, c := range []struct {
		d    time.Duration
		want string
	}{
		{6 * time.Second, "6 seconds"}, {time.Second, "1 second"}, {59 * time.Second, "59 seconds"},
		{time.Minute, "1 minute"}, {90 * time.Second, "2 minutes"}, {15 * time.Minute, "15 minutes"},
	} {
		if got := totalText(c.d); got != c.want {
			t.Errorf("totalText(%v) = %q, want %q", c.d, got, c.want)
		}
	}
	_ = setLanguage("nl")
	if got := totalText(6 * time.Second); got != "6 seconden" {
		t.Errorf("Dutch: %q", got)
	}
	_ = setLanguage("en")
}

// TestDiaryExportSaysWhere: the message names the folder, so the file can
// be found again.
func TestDiaryExportSaysWhere(t *testing.T) {
	u, _, _ := newTestUI(t)
	s := openDiaryScreen(t, u)
	dir := t.TempDir()
	s.exported(storage.NewFileURI(filepath.Join(dir, "ontspan-diary-2026-11-25.json")), nil)
	if want := "Saved as ontspan-diary-2026-11-25.json in the folder " + dir + "."; s.status != want {
		t.Errorf("said %q, want %q", s.status, want)
	}
}

// TestDiaryImportKeepsTheScrollPlace: the overview stays where the user
// was (by the import button), not back at the top.
func TestDiaryImportKeepsTheScrollPlace(t *testing.T) {
	u, _, _ := newTestUI(t)
	importEntries(t, u.data.store, practisedMonth())
	s := openDiaryScreen(t, u)
	s.overview.ScrollToBottom()
	at := s.overview.Offset.Y
	if at == 0 {
		t.Fatal("the overview does not scroll")
	}
	var theirs bytes.Buffer
	if err := u.data.store.ExportJSON(&theirs); err != nil {
		t.Fatal(err)
	}
	s.importFrom(io.NopCloser(&theirs))
	if s.overview.Offset.Y != at {
		t.Errorf("scrolled to %.0f after the import, was at %.0f", s.overview.Offset.Y, at)
	}
}

// TestCancelledFileDialogIsForgotten: after the export or import dialog is
// cancelled, the first Esc goes home (it used to close a dialog already gone).
func TestCancelledFileDialogIsForgotten(t *testing.T) {
	u, _, _ := newTestUI(t)
	for _, open := range []func(*diaryScreen){
		func(s *diaryScreen) { s.export("csv") },
		func(s *diaryScreen) { s.importDialog() },
	} {
		u.Diary()
		s := u.current.(*diaryScreen)
		open(s)
		if s.dlg == nil {
			t.Fatal("the file dialog is not kept while open")
		}
		s.dlg.Hide() // Cancel
		if s.dlg != nil {
			t.Fatal("a cancelled file dialog is still kept")
		}
		press(u, fyne.KeyEscape)
		if _, ok := u.current.(*home); !ok {
			t.Errorf("Esc after a cancelled file dialog: %T, want home", u.current)
		}
	}
}
