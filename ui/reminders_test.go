package ui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/ontspan/ontspan/exercises"
	"github.com/ontspan/ontspan/exercises/diary"
	"github.com/ontspan/ontspan/exercises/remind"
)

func TestReminderSettingsValidateAndSave(t *testing.T) {
	u, _, _ := newTestUI(t)
	r := u.data.reminderSettings()
	r.view()
	test.Tap(r.mini) // on
	saved, _ := remind.Load(u.data.store)
	if !saved.MiniChecks.Enabled || saved.MiniChecks.PerDay != 6 {
		t.Fatalf("mini-checks not saved: %+v", saved.MiniChecks)
	}
	r.to.SetText("08:00") // before the 09:00 start
	if !r.msg.Visible() || !strings.HasPrefix(r.msg.Text, tr("remind.err.window")) {
		t.Errorf("no clear message: %q", r.msg.Text)
	}
	if again, _ := remind.Load(u.data.store); again.MiniChecks.End != "18:00" {
		t.Errorf("a wrong window was saved: %+v", again.MiniChecks)
	}
	r.to.SetText("17:30")
	r.days[5].SetChecked(false) // Saturday off
	again, _ := remind.Load(u.data.store)
	if r.msg.Visible() || again.MiniChecks.End != "17:30" || len(again.MiniChecks.Skip) != 1 || again.MiniChecks.Skip[0] != time.Saturday {
		t.Errorf("valid change not saved: %+v (msg %q)", again.MiniChecks, r.msg.Text)
	}
	r.from.SetText("9:7x")
	r.from.OnSubmitted(r.from.Text)
	if !r.msg.Visible() {
		t.Error("a bad time got no message")
	}
}

func TestPauseToday(t *testing.T) {
	u, c, _ := newTestUI(t)
	r := u.data.reminderSettings()
	r.view()
	test.Tap(r.pause)
	s, _ := remind.Load(u.data.store)
	if !s.PausedToday(c.Now()) || r.pause.Text != tr("remind.resume") {
		t.Error("pause for today not stored")
	}
	c.Advance(24 * time.Hour)
	if s.PausedToday(c.Now()) {
		t.Error("a pause must lapse the next day")
	}
}

func TestHomeShowsDueReminderWithoutTray(t *testing.T) {
	u, c, _ := newTestUI(t)
	s := remind.Defaults()
	s.MiniChecks.Enabled, s.MiniChecks.PerDay = true, 15
	s.MiniChecks.Start, s.MiniChecks.End = "09:00", "18:00"
	if _, err := remind.Update(u.data.store, func(x *remind.Settings) { *x = s }); err != nil {
		t.Fatal(err)
	}
	c.Set(time.Date(2026, 11, 25, 7, 0, 0, 0, time.Local))
	u.Home()
	if hasLabel(u.Current(), tr("remind.card.mini")) {
		t.Error("a reminder before the window started")
	}
	c.Set(time.Date(2026, 11, 25, 12, 0, 0, 0, time.Local)) // 15 a day: one every 36 min
	u.Home()
	if !hasLabel(u.Current(), tr("remind.card.mini")) {
		t.Error("a due mini-check is not on the home screen")
	}
}

func TestSessionMarkedWhileRunning(t *testing.T) {
	u, c, _ := newTestUI(t)
	u.StartBreathing("4-6", exerciseMinutes(1))
	if !remind.SessionRunning(u.data.store, c.Now()) {
		t.Error("reminders not held during a session")
	}
	c.Advance(10 * time.Second)
	u.current.(*breathRun).stop()
	if remind.SessionRunning(u.data.store, c.Now()) {
		t.Error("reminders still held after the session")
	}
}

func TestPracticeReminderOfferedOnceAfterFirstSession(t *testing.T) {
	u, c, _ := newTestUI(t)
	u.StartBreathing("4-6", exerciseMinutes(1))
	c.Advance(time.Minute)
	u.current.(*breathRun).frame()
	done := u.current.(*doneScreen)
	if !hasLabel(u.Current(), tr("offer.ask")) {
		t.Fatal("no offer after the first session")
	}
	_ = done
	var yes *button
	for _, o := range test.LaidOutObjects(u.Current()) {
		if b, ok := o.(*button); ok && b.Text == tr("offer.yes") {
			yes = b
		}
	}
	var at *entry
	for _, o := range test.LaidOutObjects(u.Current()) {
		if e, ok := o.(*entry); ok {
			at = e
		}
	}
	at.SetText("25:00")
	test.Tap(yes)
	if s, _ := remind.Load(u.data.store); s.Practice.Enabled {
		t.Errorf("practice reminder on at an invalid time: %+v", s.Practice)
	}
	if !hasLabel(u.Current(), tr("remind.err.time", map[string]any{"Value": "25:00"})) || !hasLabel(u.Current(), tr("offer.ask")) {
		t.Error("an invalid time did not keep the offer open with what is wrong")
	}
	at.SetText("20:00")
	test.Tap(yes)
	if s, _ := remind.Load(u.data.store); !s.Practice.Enabled || s.Practice.At != "20:00" {
		t.Errorf("practice reminder not on: %+v", s.Practice)
	}
	if !hasLabel(u.Current(), tr("offer.done", map[string]any{"At": "20:00"})) || hasLabel(u.Current(), tr("offer.ask")) {
		t.Error("the offer does not say the reminder is on")
	}
	u.StartBreathing("4-6", exerciseMinutes(1))
	c.Advance(time.Minute)
	u.current.(*breathRun).frame()
	if hasLabel(u.Current(), tr("offer.ask")) {
		t.Error("offered a second time")
	}
}

// TestPauseFromTraySurvivesAReminderChange: the reminder screen is open;
// the tray agent (another process, its own connection to the diary) pauses
// reminders for today; then the user turns Saturday off here. Before, the
// screen wrote back its copy from when it opened, and the pause was gone.
func TestPauseFromTraySurvivesAReminderChange(t *testing.T) {
	u, c, _ := newTestUI(t)
	r := u.data.reminderSettings()
	r.view()
	test.Tap(r.mini) // mini-checks on, as the user had it

	tray, err := diary.Open(filepath.Dir(u.data.store.Path()))
	if err != nil {
		t.Fatal(err)
	}
	defer tray.Close()
	if _, err := remind.Update(tray, func(s *remind.Settings) { s.PauseToday(c.Now(), true) }); err != nil {
		t.Fatal(err)
	}
	// The worry notebook sets the worry time meanwhile, too.
	if err := storeWorrySettings(u.data.worryStore(), exercises.WorrySettings{WorryTimeOn: true, WorryTime: "17:30", WorryMinutes: 20, DefaultTime: "10:00"}); err != nil {
		t.Fatal(err)
	}

	r.days[5].SetChecked(false) // Saturday off, here
	s, err := remind.Load(tray)
	if err != nil {
		t.Fatal(err)
	}
	if !s.PausedToday(c.Now()) {
		t.Error("the pause set from the tray was undone")
	}
	if !s.WorryTime.Enabled || s.WorryTime.At != "17:30" {
		t.Errorf("the worry time was undone: %+v", s.WorryTime)
	}
	if !s.MiniChecks.Enabled || !s.MiniChecks.Skips(time.Saturday) || s.MiniChecks.Skips(time.Friday) {
		t.Errorf("the change here was not saved: %+v", s.MiniChecks)
	}
	if r.pause.Text != tr("remind.resume") {
		t.Errorf("the button offers %q while reminders are paused", r.pause.Text)
	}

	// "Resume" here lifts the pause, and keeps the rest.
	test.Tap(r.pause)
	if s, _ = remind.Load(tray); s.PausedToday(c.Now()) || !s.MiniChecks.Skips(time.Saturday) || s.WorryTime.At != "17:30" {
		t.Errorf("after resume: %+v", s)
	}
}
