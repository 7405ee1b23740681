package ui

import (
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/ontspan/ontspan/exercises"
	"github.com/ontspan/ontspan/exercises/remind"
)

// allEntries reads the whole diary, oldest first.
func allEntries(t *testing.T, u *UI) []exercises.Entry {
	t.Helper()
	es, err := u.data.store.Page(time.Time{}, 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	slices.Reverse(es)
	return es
}

// ritualScreen is the ritual's own screen, or fails.
func ritualScreen(t *testing.T, u *UI) *ritualRun {
	t.Helper()
	s, ok := u.current.(*ritualRun)
	if !ok {
		t.Fatalf("screen %T, want the ritual's", u.current)
	}
	return s
}

// stepScreen is the exercise screen of a ritual's step, or fails.
func stepScreen(t *testing.T, u *UI) *stepWrap {
	t.Helper()
	w, ok := u.current.(*stepWrap)
	if !ok {
		t.Fatalf("screen %T, want an exercise step", u.current)
	}
	return w
}

// TestRitualFullRun runs the built-in evening ritual from home at 23:05 with
// the fake clock: the before-rating, the shower (a task), the hand-over and
// its countdown, the short muscle relaxation, Space to start the breathing
// at once, the after-rating. Each exercise step is logged exactly once,
// with the ritual's name, the before-rating on the first and the after on
// the last; the diary then counts the evening.
func TestRitualFullRun(t *testing.T) {
	u, c, _ := newTestUI(t)
	h := u.current.(*home)
	var ritualTile *tile
	for _, tl := range h.tiles {
		if tl.title == "Evening ritual" {
			ritualTile = tl
		}
	}
	if ritualTile == nil {
		t.Fatal("at 23:05 home has no card for the evening ritual")
	}
	ritualTile.Tapped(nil)
	s := ritualScreen(t, u)
	if s.rr.Ritual().UID != exercises.RitualEvening {
		t.Fatalf("the card opened %q", s.rr.Ritual().UID)
	}
	for _, want := range []string{"1. A warm shower", "2. Short muscle relaxation", "3. 4-6 breathing, 5 min"} {
		if !hasLabel(u.Current(), want) {
			t.Errorf("the start lacks %q", want)
		}
	}
	s.before.tap(7)
	press(u, fyne.KeySpace) // start

	// The shower: a task, waiting for Done.
	s = ritualScreen(t, u)
	if !hasLabel(u.Current(), "A warm shower") {
		t.Error("the task's text is not shown")
	}
	c.Advance(12 * time.Minute)
	press(u, fyne.KeySpace) // done

	// The hand-over counts down from 10 s and then starts the next step.
	s = ritualScreen(t, u)
	if !hasLabel(u.Current(), "Next: Short muscle relaxation") || s.startsIn.Text != "Starts in 10 s" {
		t.Fatalf("hand-over shows %q", s.startsIn.Text)
	}
	c.Advance(4 * time.Second)
	s.tick()
	if s.startsIn.Text != "Starts in 6 s" {
		t.Errorf("after 4 s: %q", s.startsIn.Text)
	}
	c.Advance(6 * time.Second)
	s.tick()
	w := stepScreen(t, u)
	pmr, ok := w.inner.(*pmrRun)
	if !ok {
		t.Fatalf("step 2 runs in %T, want the muscle relaxation screen", w.inner)
	}
	if !hasLabel(u.Current(), "Evening ritual · step 2 of 3") {
		t.Error("the step does not say where in the ritual it is")
	}
	c.Advance(pmr.sess.Exercise().Duration())
	pmr.frame()

	// The next hand-over; Space starts the breathing at once.
	s = ritualScreen(t, u)
	if s.shown.Phase != exercises.RitualHandOver || !hasLabel(u.Current(), "Next: 4-6 breathing, 5 min") {
		t.Fatalf("after the muscle relaxation: phase %v", s.shown.Phase)
	}
	press(u, fyne.KeySpace)
	br, ok := stepScreen(t, u).inner.(*breathRun)
	if !ok {
		t.Fatalf("step 3 runs in %T", stepScreen(t, u).inner)
	}
	if br.pattern.ID != "4-6" || br.left.Text != "5:00 left" {
		t.Errorf("breathing step: %s, %q", br.pattern.ID, br.left.Text)
	}
	c.Advance(5 * time.Minute)
	br.frame()

	s = ritualScreen(t, u)
	if s.shown.Phase != exercises.RitualAfter || !hasLabel(u.Current(), "That was your ritual. Well done.") {
		t.Fatalf("after the last step: phase %v", s.shown.Phase)
	}
	if !hasLabel(u.Current(), "And now? (optional)") {
		t.Error("no after-rating")
	}
	s.after.tap(2)
	press(u, fyne.KeySpace) // finish
	if _, ok := u.current.(*home); !ok {
		t.Errorf("after finishing: %T, want home", u.current)
	}

	es := allEntries(t, u)
	if len(es) != 2 {
		t.Fatalf("%d diary entries, want one per exercise step (2): %+v", len(es), es)
	}
	if es[0].Technique != exercises.PMR || es[1].Technique != exercises.Breathing {
		t.Errorf("logged %s, %s", es[0].Technique, es[1].Technique)
	}
	for _, e := range es {
		if e.Ritual != exercises.RitualEvening || !e.Completed {
			t.Errorf("entry %+v: want ritual %q, completed", e, exercises.RitualEvening)
		}
	}
	if es[0].Before != 7 || es[0].After != exercises.NoRating || es[1].Before != exercises.NoRating || es[1].After != 2 {
		t.Errorf("ratings: first %d/%d, last %d/%d; want 7 before on the first, 2 after on the last",
			es[0].Before, es[0].After, es[1].Before, es[1].After)
	}

	openDiaryScreen(t, u)
	if !labelWith(u, "Evening ritual: 1 of the last 14 days") {
		t.Error("the diary does not count the evening")
	}
}

// TestRitualSkipAndStop: S skips the running step (the mini-check, too
// short to log), Esc on the next step's exercise screen stops the whole
// ritual, which logs that step once, not completed, and asks the after-rating.
func TestRitualSkipAndStop(t *testing.T) {
	u, c, _ := newTestUI(t)
	u.StartRitual("desk-reset")
	press(u, fyne.KeySpace) // start without a rating
	w := stepScreen(t, u)
	if _, ok := w.inner.(*miniCheckRun); !ok {
		t.Fatalf("desk reset starts with %T", w.inner)
	}
	c.Advance(2 * time.Second)
	press(u, fyne.KeyS)
	s := ritualScreen(t, u)
	if s.shown.Phase != exercises.RitualHandOver {
		t.Fatalf("after S: phase %v, want the hand-over", s.shown.Phase)
	}
	press(u, fyne.KeySpace)
	br := stepScreen(t, u).inner.(*breathRun)
	c.Advance(40 * time.Second)
	br.frame()
	press(u, fyne.KeyEscape)
	s = ritualScreen(t, u)
	if s.shown.Phase != exercises.RitualAfter || !s.shown.Stopped {
		t.Fatalf("after Esc: phase %v, stopped %v", s.shown.Phase, s.shown.Stopped)
	}
	press(u, fyne.KeyEscape) // finish without a rating
	es := allEntries(t, u)
	if len(es) != 1 || es[0].Technique != exercises.Breathing || es[0].Completed || es[0].Ritual != exercises.RitualDeskReset {
		t.Fatalf("logged %+v; want the breathing alone, not completed, in the desk reset", es)
	}
	if es[0].Actual != 40*time.Second {
		t.Errorf("logged %v practised, want 40s", es[0].Actual)
	}
}

// TestRitualQuitMidStep: closing the window during a step logs it, once.
func TestRitualQuitMidStep(t *testing.T) {
	u, c, _ := newTestUI(t)
	u.StartRitual("desk-reset")
	press(u, fyne.KeySpace)
	press(u, fyne.KeyS) // no mini-check
	press(u, fyne.KeySpace)
	c.Advance(30 * time.Second)
	u.Close()
	es := allEntries(t, u)
	if len(es) != 1 || es[0].Actual != 30*time.Second || es[0].Ritual != exercises.RitualDeskReset {
		t.Fatalf("after quitting: %+v", es)
	}
}

// TestRitualLaunch: --start ritual --name finds a built-in by id or by its
// name in either language; an unknown name opens the list.
func TestRitualLaunch(t *testing.T) {
	l, err := ParseArgs([]string{"--start", "ritual", "--name", "Avondritueel"}, nil)
	if err != nil || l.Start != "ritual" || l.Name != "Avondritueel" {
		t.Fatalf("parse: %+v, %v", l, err)
	}
	if _, err := ParseArgs([]string{"--name", "x"}, nil); err == nil {
		t.Error("--name without --start ritual was accepted")
	}
	u, _, _ := newTestUI(t)
	for _, name := range []string{"Avondritueel", "evening ritual", "evening"} {
		u.Open(Launch{Start: "ritual", Name: name})
		if s := ritualScreen(t, u); s.rr.Ritual().UID != exercises.RitualEvening {
			t.Errorf("%q opened %q", name, s.rr.Ritual().UID)
		}
	}
	u.Open(Launch{Start: "ritual", Name: "desk-reset"})
	if s := ritualScreen(t, u); s.rr.Ritual().UID != exercises.RitualDeskReset {
		t.Errorf("desk-reset opened %q", s.rr.Ritual().UID)
	}
	u.Open(Launch{Start: "ritual", Name: "no such thing"})
	if _, ok := u.current.(*ritualList); !ok {
		t.Errorf("an unknown name opened %T, want the list", u.current)
	}
}

// TestRitualOrderFollowsTheHour: the desk reset comes first by day, the
// evening ritual from 18:00.
func TestRitualOrderFollowsTheHour(t *testing.T) {
	u, c, _ := newTestUI(t)
	c.Set(time.Date(2026, 11, 25, 10, 0, 0, 0, time.Local))
	if got := newHome(u, u.data, u.data.prefs).ritualTile().title; got != "Desk reset" {
		t.Errorf("at 10:00 the card is %q", got)
	}
	c.Set(time.Date(2026, 11, 25, 18, 0, 0, 0, time.Local))
	if got := newHome(u, u.data, u.data.prefs).ritualTile().title; got != "Evening ritual" {
		t.Errorf("at 18:00 the card is %q", got)
	}
	// On home the ritual leads in the evening, and waits its turn by day.
	firstTile := func() string {
		for _, o := range test.LaidOutObjects(u.Current()) {
			if tl, ok := o.(*tile); ok {
				return tl.title
			}
		}
		return ""
	}
	u.Home()
	if got := firstTile(); got != "Evening ritual" {
		t.Errorf("at 18:00 home's first card is %q", got)
	}
	c.Set(time.Date(2026, 11, 25, 10, 0, 0, 0, time.Local))
	u.Home()
	if got := firstTile(); got != "4-6 breathing" {
		t.Errorf("at 10:00 home's first card is %q", got)
	}
}

// TestWindDownReminder: the setting turns the wind-down on at a typed time,
// refuses a wrong one by its field, and the notification's arguments
// (tray's argsWindDown) open the evening ritual.
func TestWindDownReminder(t *testing.T) {
	u, _, _ := newTestUI(t)
	r := u.data.reminderSettings()
	r.view()
	if !r.windDownAt.Disabled() {
		t.Error("the time can be changed while the wind-down is off")
	}
	test.Tap(r.windDown)
	r.windDownAt.SetText("21:30")
	s, _ := remind.Load(u.data.store)
	if !s.WindDown.Enabled || s.WindDown.At != "21:30" {
		t.Fatalf("not saved: %+v", s.WindDown)
	}
	r.windDownAt.SetText("25:00")
	if !r.windMsg.Visible() || r.msg.Visible() {
		t.Errorf("a wrong time: wind-down message %v, mini-check message %v", r.windMsg.Visible(), r.msg.Visible())
	}
	if s, _ := remind.Load(u.data.store); s.WindDown.At != "21:30" {
		t.Errorf("a wrong time was saved: %q", s.WindDown.At)
	}
	l, err := ParseArgs([]string{"--start", "ritual", "--name", "evening"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	u.Open(l)
	if s := ritualScreen(t, u); s.rr.Ritual().UID != exercises.RitualEvening {
		t.Errorf("the reminder opened %q", s.rr.Ritual().UID)
	}
}

// TestRitualScreensFitNarrow: the ritual's and the pace test's screens fit
// a 360 px window in both languages.
func TestRitualScreensFitNarrow(t *testing.T) {
	u, c, _ := newTestUI(t)
	u.win.Resize(fyne.NewSize(360, 640))
	check := func(name string) {
		t.Helper()
		if w := u.Current().MinSize().Width; w > 360 {
			t.Errorf("%s needs %.0f px", name, w)
		}
	}
	for _, lang := range []string{"nl", "en"} {
		_ = setLanguage(lang)
		u.StartRitual("evening")
		press(u, fyne.KeySpace)
		check(lang + " task")
		press(u, fyne.KeySpace)
		check(lang + " hand-over")
		press(u, fyne.KeySpace)
		check(lang + " muscle step")
		u.Rituals()
		check(lang + " list")
		test.Tap(u.current.(*ritualList).buttons["copy:evening"])
		check(lang + " editor")
		u.PaceFinder()
		press(u, fyne.KeySpace)
		check(lang + " pace")
		br := stepScreen(t, u).inner.(*breathRun)
		c.Advance(br.sess.Exercise().Duration())
		br.frame()
		check(lang + " pace rating")
	}
}

// TestRitualDiaryLine: the diary counts the evenings with the evening
// ritual in the last two weeks, each evening once.
func TestRitualDiaryLine(t *testing.T) {
	u, c, _ := newTestUI(t)
	for d := range 12 {
		if d == 4 {
			continue
		}
		for _, at := range []time.Duration{0, 10 * time.Minute} { // two steps, one evening
			e := exercises.Entry{Technique: exercises.Breathing, Variant: "4-6", Started: c.Now().AddDate(0, 0, -d).Add(-time.Hour + at),
				Planned: 5 * time.Minute, Actual: 5 * time.Minute, Completed: true, Before: exercises.NoRating,
				After: exercises.NoRating, Ritual: exercises.RitualEvening}
			if err := u.data.store.Add(&e); err != nil {
				t.Fatal(err)
			}
		}
	}
	openDiaryScreen(t, u)
	if !labelWith(u, "Evening ritual: 11 evenings in the last 14") {
		t.Error("the diary does not say 11 evenings")
	}
}

// TestRitualAllSkipped: with every step skipped nothing is logged, and no
// after-rating is asked (it would have no entry to go on).
func TestRitualAllSkipped(t *testing.T) {
	u, _, _ := newTestUI(t)
	u.StartRitual("desk-reset")
	press(u, fyne.KeySpace)
	press(u, fyne.KeyS)
	press(u, fyne.KeyS)
	s := ritualScreen(t, u)
	if s.shown.Phase != exercises.RitualAfter || hasLabel(u.Current(), "And now? (optional)") {
		t.Errorf("phase %v; the after-rating is asked with nothing logged", s.shown.Phase)
	}
	press(u, fyne.KeyReturn)
	if es := allEntries(t, u); len(es) != 0 {
		t.Errorf("logged %+v", es)
	}
}

// TestRitualCannotRunSays: why a saved ritual cannot run, as the dialog
// over the list says it — the step whose rhythm was deleted, by number.
func TestRitualCannotRunSays(t *testing.T) {
	for _, c := range []struct {
		name  string
		steps []exercises.RitualStep
		want  string
	}{
		{"rhythm deleted", []exercises.RitualStep{exercises.TaskStep("Tea"), exercises.BreathingStep("gone", 5)},
			tr("ritual.err.rhythm", map[string]any{"N": 2})},
		{"own muscle set empty", []exercises.RitualStep{{Technique: exercises.PMR, Variant: exercises.PMRMine}},
			tr("ritual.err.step")},
	} {
		_, err := exercises.NewRitualRunner(exercises.Ritual{Name: "Mine", Steps: c.steps}, exercises.RitualEnv{}, nil, nil)
		if err == nil {
			t.Fatalf("%s: runs", c.name)
		}
		if got := ritualEditError(err); got != c.want {
			t.Errorf("%s: says %q, want %q", c.name, got, c.want)
		}
	}
}
