package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/ontspan/ontspan/exercises"
)

// worryText is an entry for the notebook's texts. Enter calls onEnter (when
// set) and Shift+Enter starts a new line; Esc reaches the window, and so do
// Ctrl+P, Ctrl+Q and Ctrl+W, which a plain entry would swallow.
//
// Input stops at a limit (see textLimit): a worry's text at
// exercises.MaxWorryRunes, a one-line field at worryLineMax. Call limitTo
// to set another limit and where its message goes.
type worryText struct {
	widget.Entry
	onEnter func()
	limit   *textLimit
	wrap    wrapCursor
}

// worryLineMax bounds the one-line fields (search, times, next step):
// longer than any of them needs, short enough to stay cheap to draw.
const worryLineMax = exercises.MaxNextStepRunes

func newWorryText(multi bool, placeholder string, onEnter func()) *worryText {
	e := &worryText{onEnter: onEnter, limit: &textLimit{max: worryLineMax}}
	e.MultiLine = multi
	if multi {
		e.Wrapping = fyne.TextWrapWord
		e.SetMinRowsVisible(3)
		e.limit.max = exercises.MaxWorryRunes
	}
	e.PlaceHolder = placeholder
	e.ExtendBaseWidget(e)
	return e
}

// limitTo sets the most characters e takes and where a refusal is said.
func (e *worryText) limitTo(max int, say func(string)) {
	e.limit.max, e.limit.say = max, say
}

// TypedRune types r unless the field is full.
func (e *worryText) TypedRune(r rune) {
	if e.limit.allowRune(&e.Entry) {
		e.wrap.typeRune(&e.Entry, r)
	}
}

// TypedKey: Enter submits, Esc goes to the window; a new line (Shift+Enter)
// counts as a character.
func (e *worryText) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyEscape:
		passToWindow(e, k)
		return
	case fyne.KeyReturn, fyne.KeyEnter:
		if e.onEnter != nil && !worryShiftHeld() {
			e.onEnter()
			return
		}
		if e.MultiLine && !e.limit.allowRune(&e.Entry) {
			return
		}
	}
	e.Entry.TypedKey(k)
}

// TypedShortcut hands the window's own shortcuts on to it, and refuses a
// paste that would not fit.
func (e *worryText) TypedShortcut(s fyne.Shortcut) {
	if passShortcut(e, s) {
		return
	}
	e.limit.shortcut(&e.Entry, s)
}

func worryShiftHeld() bool {
	d, ok := fyne.CurrentApp().Driver().(desktop.Driver)
	return ok && d.CurrentKeyModifiers()&fyne.KeyModifierShift != 0
}
