package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ontspan/ontspan/exercises"
)

// undoFor is how long a deletion can be undone: a diary session, a worry,
// a ritual.
const undoFor = 10 * time.Second

// undoBar is the "Deleted … [Undo]" line a screen shows after a delete. For
// undoFor, Undo brings back what was deleted; then the bar hides itself and
// the deletion stands. It is hidden until offer.
type undoBar struct {
	widget.BaseWidget
	text   *widget.Label
	button *button
	look   undoLook

	// clock, when set, is asked on Undo as well: a tap that arrives after
	// undoFor (the timer's hide still on its way) does nothing.
	clock exercises.Clock
	// after starts the timer that hides the bar: time.AfterFunc; tests
	// pass their own so that nothing waits for ten real seconds.
	after func(time.Duration, func()) *time.Timer

	restore func() // brings back what was deleted; nil when nothing is offered
	since   time.Time
	timer   *time.Timer
	serial  int // which offer the running timer belongs to
}

// undoLook is how an undo bar sits on its screen.
type undoLook int

const (
	// undoBelow is a bar of its own under the content (the diary): the
	// message wraps, and Undo is the primary button.
	undoBelow undoLook = iota
	// undoInList is one line among a page's rows (the worry notebook, the
	// rituals): the message is cut short with "…" so the rows do not move
	// down, and Undo is a plain button beside the rows' own.
	undoInList
)

// newUndoBar makes a hidden undo bar; clock may be nil (the timer alone
// ends the offer).
func newUndoBar(clock exercises.Clock, look undoLook) *undoBar {
	b := &undoBar{clock: clock, after: time.AfterFunc, look: look}
	b.text = widget.NewLabel("")
	b.button = newButton(tr("common.undo"), theme.ContentUndoIcon(), b.undo)
	switch look {
	case undoBelow:
		b.text.Wrapping = fyne.TextWrapWord
		b.button.Importance = widget.HighImportance
	case undoInList:
		b.text.Truncation = fyne.TextTruncateEllipsis
	}
	b.ExtendBaseWidget(b)
	b.Hide()
	return b
}

// CreateRenderer shows the message with Undo on its right; a bar of its
// own is padded inside the widget, so that hidden it takes no room at all.
func (b *undoBar) CreateRenderer() fyne.WidgetRenderer {
	row := container.NewBorder(nil, nil, nil, b.button, b.text)
	if b.look == undoBelow {
		return widget.NewSimpleRenderer(container.NewPadded(row))
	}
	return widget.NewSimpleRenderer(row)
}

// offer shows text and, for undoFor, lets Undo call restore. A new offer
// replaces the one before: only the last deletion can be undone.
func (b *undoBar) offer(text string, restore func()) {
	b.stop()
	b.restore = restore
	if b.clock != nil {
		b.since = b.clock.Now()
	}
	b.text.SetText(text)
	b.Show()
	b.serial++
	serial := b.serial
	b.timer = b.after(undoFor, func() {
		fyne.Do(func() {
			if serial == b.serial { // not a later offer's
				b.expire()
			}
		})
	})
}

// undo restores what was deleted, unless the offer has run out.
func (b *undoBar) undo() {
	restore := b.restore
	if restore == nil {
		return
	}
	late := b.clock != nil && b.clock.Now().Sub(b.since) > undoFor
	b.expire()
	if !late {
		restore()
	}
}

// expire ends the offer and hides the bar: the deletion stands.
func (b *undoBar) expire() {
	b.stop()
	b.restore = nil
	b.Hide()
}

// pending reports whether Undo would bring something back.
func (b *undoBar) pending() bool { return b.restore != nil }

// stop stops the timer, for a screen that is left: nothing may touch it
// once it is gone. The deletion stands. A screen that never built its bar
// may call it too.
func (b *undoBar) stop() {
	if b == nil || b.timer == nil {
		return
	}
	b.timer.Stop()
	b.timer = nil
}
