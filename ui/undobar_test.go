package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/ontspan/ontspan/exercises"
)

// fakeAfter stands in for time.AfterFunc: it keeps the timer's function so
// a test can fire it, and checks the duration asked for.
type fakeAfter struct {
	t     *testing.T
	fires []func()
}

func (f *fakeAfter) after(d time.Duration, fire func()) *time.Timer {
	if d != 10*time.Second {
		f.t.Errorf("undo lasts %v, want 10 s", d)
	}
	f.fires = append(f.fires, fire)
	return time.NewTimer(time.Hour) // stopped by undo, expiry or stop
}

func newTestUndoBar(t *testing.T, clock exercises.Clock) (*undoBar, *fakeAfter) {
	test.NewTempApp(t)
	if err := setLanguage("en"); err != nil { // the tests read the English texts
		t.Fatal(err)
	}
	b := newUndoBar(clock, undoInList)
	f := &fakeAfter{t: t}
	b.after = f.after
	return b, f
}

func TestUndoBarShowsAndUndoes(t *testing.T) {
	c := exercises.NewFakeClock(testStart)
	b, _ := newTestUndoBar(t, c)
	if b.Visible() || b.pending() {
		t.Fatal("a new bar is shown")
	}
	restored := 0
	b.offer("Deleted “Tea”.", func() { restored++ })
	if !b.Visible() || b.text.Text != "Deleted “Tea”." || b.button.Text != "Undo" || !b.pending() {
		t.Fatalf("after offer: visible %v, %q, %q", b.Visible(), b.text.Text, b.button.Text)
	}
	c.Advance(9 * time.Second)
	test.Tap(b.button)
	if restored != 1 || b.Visible() || b.pending() || b.timer != nil {
		t.Errorf("undo in time: restored %d, visible %v, timer %v", restored, b.Visible(), b.timer)
	}
	test.Tap(b.button) // nothing left to undo
	if restored != 1 {
		t.Errorf("a second tap restored again")
	}
}

func TestUndoBarExpires(t *testing.T) {
	c := exercises.NewFakeClock(testStart)
	b, f := newTestUndoBar(t, c)
	restored := 0
	b.offer("gone", func() { restored++ })
	f.fires[0]() // ten seconds on
	if b.Visible() || b.pending() {
		t.Error("the timer did not hide the bar")
	}
	test.Tap(b.button)
	if restored != 0 {
		t.Error("undo after expiry restored")
	}

	// The clock ran past ten seconds, the timer's hide still on its way.
	b.offer("gone", func() { restored++ })
	c.Advance(11 * time.Second)
	b.undo()
	if restored != 0 || b.Visible() {
		t.Errorf("a late tap: restored %d, visible %v", restored, b.Visible())
	}
}

func TestUndoBarOnlyTheLastDeletion(t *testing.T) {
	b, f := newTestUndoBar(t, nil) // no clock: the timer alone ends it
	var got []string
	b.offer("one", func() { got = append(got, "one") })
	b.offer("two", func() { got = append(got, "two") })
	f.fires[0]() // the first offer's timer, already on its way
	if !b.Visible() || b.text.Text != "two" {
		t.Fatalf("the first timer hid the second offer: visible %v, %q", b.Visible(), b.text.Text)
	}
	b.undo()
	if len(got) != 1 || got[0] != "two" {
		t.Errorf("restored %v, want [two]", got)
	}
}

func TestUndoBarStop(t *testing.T) {
	var none *undoBar
	none.stop() // a screen left before its bar was built

	b, _ := newTestUndoBar(t, nil)
	b.offer("gone", func() {})
	b.stop()
	if b.timer != nil || !b.pending() || !b.Visible() {
		t.Errorf("stop: timer %v, pending %v, visible %v", b.timer, b.pending(), b.Visible())
	}
}

// TestUndoBarLooks: under the diary the message wraps beside a primary
// Undo; in a list it stays one line beside a plain one.
func TestUndoBarLooks(t *testing.T) {
	test.NewTempApp(t)
	below, inList := newUndoBar(nil, undoBelow), newUndoBar(nil, undoInList)
	if below.text.Wrapping != fyne.TextWrapWord || below.button.Importance != widget.HighImportance {
		t.Errorf("below: wrapping %v, importance %v", below.text.Wrapping, below.button.Importance)
	}
	if inList.text.Truncation != fyne.TextTruncateEllipsis || inList.text.Wrapping != fyne.TextWrapOff ||
		inList.button.Importance != widget.MediumImportance {
		t.Errorf("in a list: truncation %v, wrapping %v, importance %v", inList.text.Truncation, inList.text.Wrapping, inList.button.Importance)
	}
}

// TestHiddenUndoBarTakesNoRoom: a screen's content reaches its bottom
// while no undo is offered (the diary's bar once left a padded gap there),
// and the bar takes its room back when it shows.
func TestHiddenUndoBarTakesNoRoom(t *testing.T) {
	for _, look := range []undoLook{undoBelow, undoInList} {
		b, _ := newTestUndoBar(t, nil)
		b.look = look
		body := widget.NewLabel("content")
		c := container.NewBorder(nil, b, nil, nil, body)
		c.Resize(fyne.NewSize(400, 300))
		if got := body.Size().Height; got != 300 {
			t.Errorf("look %d hidden: content %v high, want 300", look, got)
		}
		b.offer("Deleted", func() {})
		c.Refresh()
		c.Resize(fyne.NewSize(400, 301))
		if got := body.Size().Height; got >= 300 {
			t.Errorf("look %d shown: content still %v high", look, got)
		}
	}
}
