package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/ontspan/ontspan/exercises"
	"github.com/ontspan/ontspan/exercises/remind"
)

// Home is the first frame the app draws: it must need one font face only,
// since each further face (bold, italic…) costs ~15 ms of start-up.
func TestHomeUsesOneFontFace(t *testing.T) {
	u, _, _ := newTestUI(t)
	for _, o := range test.LaidOutObjects(u.win.Content()) {
		switch o := o.(type) {
		case *canvas.Text:
			if o.TextStyle != (fyne.TextStyle{}) {
				t.Errorf("home draws %q in style %+v; keep home to the regular face", o.Text, o.TextStyle)
			}
		case *widget.Button, *button:
			t.Errorf("home has a button (%T), whose text Fyne draws bold; use a link or a tile", o)
		}
	}
}

func TestHomeLinksOpenSettingsAndAbout(t *testing.T) {
	u, _, _ := newTestUI(t)
	tapLink(findLink(t, u.win.Content(), tr("home.settings")))
	if _, ok := u.current.(*settingsScreen); !ok {
		t.Errorf("the settings link opened %T", u.current)
	}
	u.Home()
	tapLink(findLink(t, u.win.Content(), tr("home.about")))
	if _, ok := u.current.(*about); !ok {
		t.Errorf("the about link opened %T", u.current)
	}
}

// A focused link hands Esc to the window, which closes an open dialog.
func TestEscOnALinkClosesADialog(t *testing.T) {
	u, _, _ := newTestUI(t)
	l := findLink(t, u.win.Content(), tr("home.about"))
	u.win.Canvas().Focus(l)
	dialog.ShowInformation("x", "y", u.win)
	if u.win.Canvas().Overlays().Top() == nil {
		t.Fatal("no dialog shown")
	}
	l.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if u.win.Canvas().Overlays().Top() != nil {
		t.Error("Esc on a focused link left the dialog open")
	}
}

func findLink(t *testing.T, o fyne.CanvasObject, text string) *link {
	t.Helper()
	return findOnScreen(t, o, text, func(l *link) bool { return l.Text == text })
}

// tapLink taps the middle of a link: a hyperlink only answers taps on its text.
func tapLink(l *link) { test.TapAt(l, fyne.NewPos(l.Size().Width/2, l.Size().Height/2)) }

// findTile finds a home card by its title.
func findTile(t *testing.T, o fyne.CanvasObject, title string) *tile {
	t.Helper()
	return findOnScreen(t, o, title, func(x *tile) bool { return x.title == title })
}

// hasTile tells whether a card with that title is on screen: in the tree
// and neither it nor anything holding it hidden.
func hasTile(o fyne.CanvasObject, title string) bool {
	if !o.Visible() {
		return false
	}
	switch x := o.(type) {
	case *tile:
		return x.title == title
	case *fyne.Container:
		for _, c := range x.Objects {
			if hasTile(c, title) {
				return true
			}
		}
	case *container.Scroll:
		return hasTile(x.Content, title)
	}
	return false
}

// TestCardsOpenTheirRhythm: the 4-6 card (and Space on home) opens 4-6, the
// belly card belly breathing, whatever was used last; the rhythm used last
// gets a card of its own. Looking at a card and going back changes nothing.
func TestCardsOpenTheirRhythm(t *testing.T) {
	u, _, _ := newTestUI(t)
	chosen := func() string {
		t.Helper()
		s, ok := u.current.(*breathSetup)
		if !ok {
			t.Fatalf("opened %T, want the breathing set-up", u.current)
		}
		return s.chosen.ID
	}
	if hasTile(u.Current(), tr("home.again", map[string]any{"Name": patternName(exercises.Pattern46)})) {
		t.Error("an 'again' card for 4-6, which has its own")
	}

	u.data.prefs.Remember(exercises.PatternBox.ID, 5) // box breathing was used last
	u.Home()
	again := tr("home.again", map[string]any{"Name": patternName(exercises.PatternBox)})
	if !hasTile(u.Current(), again) {
		t.Fatalf("no %q card", again)
	}
	findTile(t, u.Current(), tr("home.breathing")).Tapped(nil)
	if got := chosen(); got != exercises.Pattern46.ID {
		t.Errorf("the 4-6 card opened %q", got)
	}
	press(u, fyne.KeyEscape)
	press(u, fyne.KeySpace)
	if got := chosen(); got != exercises.Pattern46.ID {
		t.Errorf("Space on home opened %q", got)
	}
	press(u, fyne.KeyEscape)
	findTile(t, u.Current(), tr("home.belly")).Tapped(nil)
	if got := chosen(); got != exercises.PatternBelly.ID {
		t.Errorf("the belly card opened %q", got)
	}
	press(u, fyne.KeyEscape)
	if last := u.data.prefs.LastPattern(); last != exercises.PatternBox.ID {
		t.Errorf("looking at cards made %q the last rhythm", last)
	}
	findTile(t, u.Current(), again).Tapped(nil)
	if got := chosen(); got != exercises.PatternBox.ID {
		t.Errorf("%q opened %q", again, got)
	}

	// Starting belly breathing makes it the last one: it has its own card.
	press(u, fyne.KeyEscape)
	findTile(t, u.Current(), tr("home.belly")).Tapped(nil)
	u.current.(*breathSetup).begin()
	u.Home()
	for _, x := range test.LaidOutObjects(u.Current()) {
		if x, ok := x.(*tile); ok && strings.HasPrefix(x.title, "Again") {
			t.Errorf("%q after box breathing was left for belly breathing", x.title)
		}
	}
	// A rhythm of one's own shows under its own name.
	mine, err := u.data.prefs.SavePattern(exercises.Pattern{Name: "Slow evening", In: 4, Out: 8})
	if err != nil {
		t.Fatal(err)
	}
	u.data.prefs.Remember(mine.ID, 5)
	u.Home()
	findTile(t, u.Current(), "Again: Slow evening").Tapped(nil)
	if got := chosen(); got != mine.ID {
		t.Errorf("the own rhythm's card opened %q", got)
	}
}

// TestReminderCardNotNow: "Not now" puts a due reminder away until the next
// one is due, also after going elsewhere and back.
func TestReminderCardNotNow(t *testing.T) {
	u, c, _ := newTestUI(t)
	s := remind.Defaults()
	s.MiniChecks.Enabled, s.MiniChecks.PerDay = true, 4 // one every 2¼ hours
	s.MiniChecks.Start, s.MiniChecks.End = "09:00", "18:00"
	if _, err := remind.Update(u.data.store, func(x *remind.Settings) { *x = s }); err != nil {
		t.Fatal(err)
	}
	c.Set(time.Date(2026, 11, 25, 10, 59, 0, 0, time.Local))
	r, ok := u.data.dueReminder()
	if !ok {
		t.Fatal("no reminder due")
	}
	u.Home()
	if !hasTile(u.Current(), tr("remind.card.mini")) {
		t.Fatal("the due mini-check is not on home")
	}
	tapLink(findLink(t, u.Current(), tr("remind.card.notnow")))
	if hasTile(u.Current(), tr("remind.card.mini")) {
		t.Error("'Not now' left the card on home")
	}
	u.Settings()
	u.Home()
	if hasTile(u.Current(), tr("remind.card.mini")) {
		t.Error("the card came back before the next reminder")
	}
	for i := 0; ; i++ {
		if next, ok := u.data.dueReminder(); ok && next.At.After(r.At) {
			break
		}
		if i == 50 {
			t.Fatal("no next reminder in the day")
		}
		c.Advance(10 * time.Minute)
	}
	u.Home()
	if !hasTile(u.Current(), tr("remind.card.mini")) {
		t.Error("the next reminder is not shown")
	}
}
