package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/ontspan/ontspan/exercises"
	"github.com/ontspan/ontspan/exercises/remind"
)

// Home is built from narrow parts (a navigator, what is due, a few
// preferences), so it can be tested without the app, its diary or a clock.

// recordingNav is a navigator that writes down where a screen led; the
// places a test does not expect panic through the nil embedded interface.
type recordingNav struct {
	navigator
	went []string
}

func (n *recordingNav) MiniCheck()     { n.went = append(n.went, "minicheck") }
func (n *recordingNav) ReviewWorries() { n.went = append(n.went, "review") }
func (n *recordingNav) runRitual(r exercises.Ritual) {
	n.went = append(n.went, "ritual:"+r.UID)
}

type fakeFacts struct {
	due     int
	evening bool
	remind  *remind.Reminder
	days    int
}

func (f fakeFacts) dueCount() int { return f.due }
func (f fakeFacts) dueReminder() (remind.Reminder, bool) {
	if f.remind == nil {
		return remind.Reminder{}, false
	}
	return *f.remind, true
}
func (f fakeFacts) eveningLeads() bool { return f.evening }
func (f fakeFacts) ritualNow() exercises.Ritual {
	return exercises.RitualsAt(time.Date(2026, 11, 30, 21, 0, 0, 0, time.Local), nil)[0]
}
func (f fakeFacts) ritualEnv() exercises.RitualEnv { return exercises.RitualEnv{} }
func (f fakeFacts) practisedDays() int             { return f.days }
func (f fakeFacts) paceTestDue() bool              { return false }

type fakeHomePrefs struct{ seen string }

func (p *fakeHomePrefs) LastPattern() string           { return exercises.Pattern46.ID }
func (p *fakeHomePrefs) Patterns() []exercises.Pattern { return nil }
func (p *fakeHomePrefs) Suggestion() (exercises.Suggestion, bool) {
	return exercises.Suggestion{}, false
}
func (p *fakeHomePrefs) ReminderSeen() string       { return p.seen }
func (p *fakeHomePrefs) SetReminderSeen(due string) { p.seen = due }

func TestHomeAloneShowsWhatIsDue(t *testing.T) {
	test.NewTempApp(t)
	if err := setLanguage("en"); err != nil {
		t.Fatal(err)
	}
	nav := &recordingNav{}
	due := remind.Reminder{Kind: remind.MiniCheck, At: time.Date(2026, 11, 30, 20, 0, 0, 0, time.UTC)}
	prefs := &fakeHomePrefs{}
	h := newHome(nav, fakeFacts{due: 3, evening: true, remind: &due, days: 5}, prefs)
	w := test.NewWindow(h.view())
	w.Resize(fyne.NewSize(560, 720))

	badges := map[string]string{}
	for _, tl := range h.tiles {
		badges[tl.title] = tl.badge
	}
	if got := badges[tr("home.worry")]; got != "3 to look at" {
		t.Errorf("worry card badge %q, want the 3 due", got)
	}
	if got := badges[tr("diary.tile")]; got == "" {
		t.Errorf("diary card has no badge for 5 days practised")
	}

	// The due reminder's card opens the mini-check; "Not now" keeps this
	// reminder away, and only this one.
	var card fyne.Tappable
	var notNow *link
	for _, o := range test.LaidOutObjects(w.Content()) {
		switch x := o.(type) {
		case *tile:
			if x.title == tr("remind.card.mini") {
				card = x
			}
		case *link:
			if x.Text == tr("remind.card.notnow") {
				notNow = x
			}
		}
	}
	if card == nil || notNow == nil {
		t.Fatalf("reminder card %v, not now %v", card, notNow)
	}
	test.Tap(card)
	tapLink(notNow)
	if prefs.seen != due.At.UTC().Format(time.RFC3339) {
		t.Errorf("put away %q", prefs.seen)
	}
	if h2 := newHome(nav, fakeFacts{remind: &due}, prefs); h2.reminder() != nil {
		t.Errorf("the reminder put away came back")
	}

	// The ritual card opens the ritual for this hour (the evening's).
	for _, tl := range h.tiles {
		if tl.title == ritualName(fakeFacts{}.ritualNow()) {
			test.Tap(tl)
		}
	}
	want := []string{"minicheck", "ritual:evening"}
	if len(nav.went) != 2 || nav.went[0] != want[0] || nav.went[1] != want[1] {
		t.Errorf("went %v, want %v", nav.went, want)
	}
}
