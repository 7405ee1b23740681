package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ontspan/ontspan/exercises"
	"github.com/ontspan/ontspan/exercises/remind"
)

// testStart is Wednesday 25 November 2026, 23:05: "tomorrow 10:00" is
// Thursday the 26th.
var tomorrow10 = time.Date(2026, 11, 26, 10, 0, 0, 0, time.Local)

func enter(e fyne.Focusable) { e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) }

func openPark(t *testing.T, u *UI) *parkScreen {
	t.Helper()
	u.ParkWorry()
	p, ok := u.current.(*parkScreen)
	if !ok {
		t.Fatalf("park opened %T", u.current)
	}
	return p
}

func waiting(t *testing.T, u *UI) []exercises.Worry {
	t.Helper()
	ws, err := u.data.store.Worries(exercises.WorryWaiting)
	if err != nil {
		t.Fatal(err)
	}
	return ws
}

func TestParkWithEnter(t *testing.T) {
	u, _, _ := newTestUI(t)
	p := openPark(t, u)
	if u.win.Canvas().Focused() != p.entry {
		t.Fatalf("focus is on %T, want the text field", u.win.Canvas().Focused())
	}
	typed := "De brief van de bank 🙂 שלום עולם"
	test.Type(p.entry, typed)
	enter(p.entry)
	ws := waiting(t, u)
	if len(ws) != 1 || ws[0].Text != typed || !ws[0].Revisit.Equal(tomorrow10) {
		t.Fatalf("parked %+v, want %q at %v", ws, typed, tomorrow10)
	}
	if p.entry.Text != "" || u.win.Canvas().Focused() != p.entry {
		t.Errorf("after parking: field %q, focus %T", p.entry.Text, u.win.Canvas().Focused())
	}
	if p.actions.Objects[0] != p.breatheBt || p.msg.Text != "Parked until tomorrow 10:00. Park another, or close with a breath or a mini-check below." {
		t.Errorf("after parking: actions %v, message %q", p.actions.Objects, p.msg.Text)
	}

	// The next one straight after, for next Monday.
	test.Type(p.entry, "Presentatie")
	p.picker.radio.SetSelected(p.picker.labels[1])
	if p.picker.labels[1] != "Next Monday, 30 Nov, at 10:00" {
		t.Errorf("second choice %q", p.picker.labels[1])
	}
	enter(p.entry)
	if ws := waiting(t, u); len(ws) != 2 || ws[1].Text != "Presentatie" || ws[1].Revisit.Weekday() != time.Monday {
		t.Fatalf("second worry: %+v", ws)
	}
	if len(p.recent) != 2 || !hasLabel(u.Current(), "Parked just now") {
		t.Fatalf("recent list: %d", len(p.recent))
	}

	// Undo the last one: gone from the store, its text back in the field.
	p.undo(p.recent[0])
	if ws := waiting(t, u); len(ws) != 1 || ws[0].Text != typed {
		t.Errorf("after undo: %+v", ws)
	}
	if p.entry.Text != "Presentatie" || len(p.recent) != 1 {
		t.Errorf("after undo: field %q, recent %d", p.entry.Text, len(p.recent))
	}
}

func TestParkEmptyShowsQuietHint(t *testing.T) {
	u, _, _ := newTestUI(t)
	p := openPark(t, u)
	test.Type(p.entry, "   \n  ")
	enter(p.entry)
	if n := len(waiting(t, u)); n != 0 {
		t.Fatalf("parked %d empty worries", n)
	}
	if p.msg.Hidden || p.msg.Text != "Write a few words first. Nothing was parked." || p.msg.Importance == widget.DangerImportance {
		t.Errorf("hint %q (hidden %v, importance %v)", p.msg.Text, p.msg.Hidden, p.msg.Importance)
	}
}

func TestParkTooLongKeepsText(t *testing.T) {
	u, _, _ := newTestUI(t)
	p := openPark(t, u)
	long := strings.Repeat("ö", exercises.MaxWorryRunes+1)
	p.entry.SetText(long)
	if p.msg.Hidden || !strings.Contains(p.msg.Text, "2001") {
		t.Errorf("no message while typing: %q", p.msg.Text)
	}
	enter(p.entry)
	if n := len(waiting(t, u)); n != 0 {
		t.Fatalf("parked %d", n)
	}
	if p.entry.Text != long {
		t.Error("the text was not kept")
	}
	if p.msg.Importance != widget.DangerImportance || !strings.Contains(p.msg.Text, "Your text is still here") {
		t.Errorf("message %q", p.msg.Text)
	}
	p.entry.SetText(long[:len(long)-2]) // one rune less: the message goes
	if !p.msg.Hidden {
		t.Errorf("message stayed: %q", p.msg.Text)
	}
	enter(p.entry)
	if n := len(waiting(t, u)); n != 1 {
		t.Errorf("2000 characters not parked: %d", n)
	}
}

func TestParkRejectsNUL(t *testing.T) {
	u, _, _ := newTestUI(t)
	p := openPark(t, u)
	p.entry.SetText("a\x00b")
	enter(p.entry)
	if n := len(waiting(t, u)); n != 0 {
		t.Fatalf("parked %d", n)
	}
	if !strings.Contains(p.msg.Text, "NUL") || p.entry.Text != "a\x00b" {
		t.Errorf("message %q, text %q", p.msg.Text, p.entry.Text)
	}
}

func TestParkPastTimeOffersDefault(t *testing.T) {
	u, _, _ := newTestUI(t)
	p := openPark(t, u)
	test.Type(p.entry, "Gesprek met de baas")
	p.picker.radio.SetSelected(p.picker.pick)
	if p.picker.custom.Hidden {
		t.Fatal("date and time fields not shown")
	}
	if at, err := p.picker.at(); err != nil || !at.Equal(tomorrow10) {
		t.Errorf("the fields start at %v (%v), want the default", at, err)
	}
	today := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	p.picker.date.SetDate(&today)
	p.picker.clock.SetText("9:00")
	enter(p.picker.clock) // Enter in the time field parks too
	if n := len(waiting(t, u)); n != 0 {
		t.Fatalf("parked in the past: %d", n)
	}
	if p.whenMsg.Text != "That moment has already passed. Pick a later time, or:" || p.suggest.Hidden {
		t.Fatalf("message %q, suggestion shown %v", p.whenMsg.Text, !p.suggest.Hidden)
	}
	if p.suggest.Text != "Park it for tomorrow 10:00" {
		t.Errorf("suggestion %q", p.suggest.Text)
	}
	if p.entry.Text != "Gesprek met de baas" {
		t.Error("text lost")
	}
	test.Tap(p.suggest)
	if ws := waiting(t, u); len(ws) != 1 || !ws[0].Revisit.Equal(tomorrow10) {
		t.Fatalf("suggestion parked %+v", ws)
	}

	// A good date and time, typed as people do (17.45).
	test.Type(p.entry, "Later")
	p.picker.radio.SetSelected(p.picker.pick)
	thu := time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
	p.picker.date.SetDate(&thu)
	p.picker.clock.SetText("17.45")
	enter(p.entry)
	if ws := waiting(t, u); len(ws) != 2 || !ws[1].Revisit.Equal(time.Date(2026, 11, 26, 17, 45, 0, 0, time.Local)) {
		t.Fatalf("17.45 tomorrow: %+v (%q)", ws, p.msg.Text)
	}
	test.Type(p.entry, "Nog later")
	p.picker.clock.SetText("25:00")
	enter(p.entry)
	if p.whenMsg.Text != "“25:00” is not a time. Please write it as HH:MM, for example 09:30." {
		t.Errorf("bad time: %q", p.whenMsg.Text)
	}
	p.picker.date.SetDate(nil)
	p.picker.clock.SetText("10:00")
	enter(p.entry)
	if !strings.HasPrefix(p.whenMsg.Text, "Pick a date first") {
		t.Errorf("no date: %q", p.whenMsg.Text)
	}
	next := time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)
	p.picker.date.SetDate(&next)
	enter(p.entry)
	if ws := waiting(t, u); len(ws) != 3 || !ws[2].Revisit.Equal(time.Date(2026, 12, 2, 10, 0, 0, 0, time.Local)) {
		t.Errorf("picked date: %+v", ws)
	}
	if !p.whenMsg.Hidden {
		t.Errorf("the problem with the moment stayed after parking: %q", p.whenMsg.Text)
	}
}

func TestWorryTimeIsSharedWithReminders(t *testing.T) {
	u, _, _ := newTestUI(t)
	u.WorryNotebook()
	n := u.current.(*notebook)
	n.openWorryTime()
	f := n.timeSet
	f.on.SetChecked(true)
	f.at.SetText("25:61")
	f.save()
	if f.msg.Hidden || n.timeSet == nil {
		t.Fatal("a bad time was accepted")
	}
	f.at.SetText("17:30")
	f.minutes.SetSelected("20 minutes")
	f.def.SetText("9:15")
	f.save()
	r, err := remind.Load(u.data.store)
	if err != nil || r.WorryTime != (remind.WorryReview{Enabled: true, At: "17:30", Minutes: 20}) {
		t.Fatalf("reminder settings %+v, %v", r.WorryTime, err)
	}
	s := u.data.worrySettings()
	if !s.WorryTimeOn || s.WorryTime != "17:30" || s.WorryMinutes != 20 || s.DefaultTime != "09:15" {
		t.Errorf("worry settings %+v", s)
	}
	if n.timeSum.Text != "Worry time: every day at 17:30, 20 minutes." {
		t.Errorf("summary %q", n.timeSum.Text)
	}

	// At 23:05 today's worry time has gone: parked worries wait for tomorrow's.
	p := openPark(t, u)
	if got := p.picker.radio.Selected; got != "Tomorrow's worry time, 17:30" {
		t.Errorf("default choice %q", got)
	}
	test.Type(p.entry, "Belasting")
	enter(p.entry)
	if ws := waiting(t, u); len(ws) != 1 || !ws[0].Revisit.Equal(time.Date(2026, 11, 26, 17, 30, 0, 0, time.Local)) {
		t.Errorf("parked %+v", ws)
	}
}

func TestDueBadgeFollowsTheClock(t *testing.T) {
	u, c, _ := newTestUI(t)
	p := openPark(t, u)
	test.Type(p.entry, "Tandarts bellen")
	enter(p.entry)
	u.Home()
	tile := worryTile(t, u)
	if tile.badge != "" || hasLabel(u.Current(), "One parked thought is waiting for you.") {
		t.Errorf("badge %q before the time", tile.badge)
	}
	c.Set(tomorrow10.Add(-time.Second))
	u.Home()
	if tile = worryTile(t, u); tile.badge != "" {
		t.Errorf("badge %q a second early", tile.badge)
	}
	c.Advance(time.Second)
	u.Home() // as at the next start
	if tile = worryTile(t, u); tile.badge != "1 to look at" {
		t.Errorf("badge %q at the time", tile.badge)
	}
	if !hasLabel(u.Current(), "One parked thought is waiting for you.") {
		t.Error("no line on home")
	}
	test.Tap(tile)
	if _, ok := u.current.(*parkScreen); !ok {
		t.Errorf("tile opened %T", u.current)
	}
}

func worryTile(t *testing.T, u *UI) *tile {
	t.Helper()
	for _, tl := range u.current.(*home).tiles {
		if tl.title == "Park a worry" {
			return tl
		}
	}
	t.Fatal("no worry tile on home")
	return nil
}

func TestStartWorryAndShortcut(t *testing.T) {
	u, _, _ := newTestUI(t)
	for _, name := range []string{"worry", "worry-review"} {
		if _, err := ParseArgs([]string{"--start", name}, new(strings.Builder)); err != nil {
			t.Errorf("--start %s: %v", name, err)
		}
	}
	u.Open(Launch{Start: "worry"})
	p, ok := u.current.(*parkScreen)
	if !ok || u.win.Canvas().Focused() != p.entry {
		t.Fatalf("--start worry: %T, focus %T", u.current, u.win.Canvas().Focused())
	}
	u.Open(Launch{Start: "worry-review"})
	if _, ok := u.current.(*worryReview); !ok {
		t.Fatalf("--start worry-review: %T", u.current)
	}

	u.Home()
	u.win.Canvas().(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(worryShortcut)
	p, ok = u.current.(*parkScreen)
	if !ok {
		t.Fatalf("Ctrl+P opened %T", u.current)
	}
	test.Type(p.entry, "half")
	p.entry.TypedShortcut(worryShortcut) // typing: Ctrl+P keeps the screen and the text
	if u.current != p || p.entry.Text != "half" || u.win.Canvas().Focused() != p.entry {
		t.Errorf("Ctrl+P while typing: %T, %q", u.current, p.entry.Text)
	}
	p.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape}) // Esc reaches the window: home
	if _, ok := u.current.(*home); !ok {
		t.Errorf("Esc in the field: %T", u.current)
	}
}

func TestParkThenCloseWithBreathing(t *testing.T) {
	u, _, _ := newTestUI(t)
	p := openPark(t, u)
	test.Type(p.entry, "x")
	enter(p.entry)
	if !hasLabel(u.Current(), "Mini-check") {
		t.Error("no mini-check offered")
	}
	test.Tap(p.breatheBt)
	run, ok := u.current.(*breathRun)
	if !ok {
		t.Fatalf("breathing: %T", u.current)
	}
	if ex := run.sess.Exercise(); ex.Variant != "4-6" || ex.Duration() != 2*time.Minute {
		t.Errorf("closing breath %s %v", ex.Variant, ex.Duration())
	}
	run.stop()

	p = openPark(t, u)
	test.Type(p.entry, "y")
	enter(p.entry)
	test.Tap(p.bodyBt)
	if _, ok := u.current.(*miniCheckRun); !ok {
		t.Fatalf("body check: %T", u.current)
	}
}

func TestWorryWhen(t *testing.T) {
	_ = setLanguage("en")
	now := time.Date(2026, 11, 25, 23, 5, 0, 0, time.Local)
	for _, c := range []struct {
		at   time.Time
		want string
	}{
		{time.Date(2026, 11, 25, 23, 30, 0, 0, time.Local), "today 23:30"},
		{time.Date(2026, 11, 26, 10, 0, 0, 0, time.Local), "tomorrow 10:00"},
		{time.Date(2026, 11, 24, 9, 5, 0, 0, time.Local), "yesterday 09:05"},
		{time.Date(2026, 12, 1, 10, 0, 0, 0, time.Local), "Tue 1 Dec 10:00"},
		{time.Date(2027, 1, 4, 17, 30, 0, 0, time.Local), "Mon 4 Jan 2027 17:30"},
	} {
		if got := momentText(c.at, now); got != c.want {
			t.Errorf("%v: %q, want %q", c.at, got, c.want)
		}
	}
	// Across the end of a month and a year.
	eoy := time.Date(2026, 12, 31, 22, 0, 0, 0, time.Local)
	if got := momentText(time.Date(2027, 1, 1, 10, 0, 0, 0, time.Local), eoy); got != "tomorrow 10:00" {
		t.Errorf("new year's day: %q", got)
	}
	_ = setLanguage("nl")
	defer setLanguage("en")
	if got := momentText(time.Date(2026, 12, 1, 10, 0, 0, 0, time.Local), now); got != "di 1 dec 10:00" {
		t.Errorf("Dutch: %q", got)
	}
}

// TestWorryKeysBuiltFromData checks the keys the key scan cannot see: those
// built from engine data, in both languages (dates: dates_test.go).
func TestWorryKeysBuiltFromData(t *testing.T) {
	keys := []string{exercises.RevisitToday, exercises.RevisitTomorrow, exercises.RevisitWorryTime, exercises.RevisitMonday, "worry.when.worrytime.tomorrow"}
	for _, tab := range []string{tabDue, tabWaiting, tabArchive} {
		keys = append(keys, "worry.notebook."+tab)
	}
	for _, d := range []exercises.Decision{exercises.DecisionHandled, exercises.DecisionNextStep, exercises.DecisionLetGo} {
		keys = append(keys, "worry.decision."+string(d))
	}
	assertKeys(t, keys)
	// Every quick choice at every hour has a label that is not its key.
	_ = setLanguage("nl")
	defer setLanguage("en")
	s := exercises.DefaultWorrySettings()
	s.WorryTimeOn = true
	for h := range 24 {
		now := time.Date(2026, 11, 25, h, 30, 0, 0, time.Local)
		for _, c := range exercises.QuickChoices(now, s) {
			if l := worryChoiceLabel(c); strings.HasPrefix(l, "worry.") {
				t.Errorf("%02d:30: untranslated %q", h, l)
			}
		}
	}
}

// TestParkKeepsAnUnparkedDraft: leaving with text typed but not parked, by
// Esc, Back, Done or quitting, loses nothing: the text is back next time,
// with a quiet line, and once parked it does not come back.
func TestParkKeepsAnUnparkedDraft(t *testing.T) {
	for _, how := range []string{"esc", "back", "done", "quit"} {
		u, _, _ := newTestUI(t)
		p := openPark(t, u)
		test.Type(p.entry, "De brief van\nde bank")
		switch how {
		case "esc":
			press(u, fyne.KeyEscape)
		case "back":
			for _, o := range test.LaidOutObjects(u.Current()) {
				if b, ok := o.(*button); ok && b.Icon == theme.NavigateBackIcon() {
					test.Tap(b)
					break
				}
			}
		case "done":
			test.Tap(p.doneBt)
		case "quit":
			u.Close()
		}
		if _, ok := u.current.(*parkScreen); ok {
			t.Fatalf("%s: still on the park screen", how)
		}
		if n := len(waiting(t, u)); n != 0 {
			t.Errorf("%s: parked %d without asking", how, n)
		}
		p = openPark(t, u)
		if p.entry.Text != "De brief van\nde bank" || p.msg.Hidden || p.msg.Text != "Your unfinished note is still here." {
			t.Errorf("%s: field %q, line %q (hidden %v)", how, p.entry.Text, p.msg.Text, p.msg.Hidden)
		}
		if p.entry.CursorRow != 1 || p.entry.CursorColumn != len("de bank") {
			t.Errorf("%s: cursor at %d:%d, want after the draft", how, p.entry.CursorRow, p.entry.CursorColumn)
		}
		test.Type(p.entry, ".")
		enter(p.entry)
		if ws := waiting(t, u); len(ws) != 1 || ws[0].Text != "De brief van\nde bank." {
			t.Fatalf("%s: parked %+v", how, ws)
		}
		press(u, fyne.KeyEscape)
		if p = openPark(t, u); p.entry.Text != "" || !p.msg.Hidden {
			t.Errorf("%s: a parked worry came back as a draft: %q, %q", how, p.entry.Text, p.msg.Text)
		}
	}
}
