package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/ontspan/ontspan/exercises"
)

// worryText is the app's entry (Esc and the window's shortcuts pass
// through, input stops at a limit, a focused field scrolls into view) for
// the worry screens' texts, where Enter calls onEnter (when set) and
// Shift+Enter starts a new line.
//
// The limit: a worry's text at exercises.MaxWorryRunes, a one-line field at
// worryLineMax. limitTo sets another and where its message goes.
type worryText struct {
	entry
	onEnter func()
}

// worryLineMax bounds the one-line fields (search, times, next step):
// longer than any of them needs, short enough to stay cheap to draw.
const worryLineMax = exercises.MaxNextStepRunes

func newWorryText(multi bool, placeholder string, onEnter func()) *worryText {
	e := &worryText{onEnter: onEnter}
	e.self = e
	e.limit = &textLimit{max: worryLineMax}
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

// TypedKey: Enter submits; everything else as the app's entry.
func (e *worryText) TypedKey(k *fyne.KeyEvent) {
	if isEnter(k) && e.onEnter != nil && !worryShiftHeld() {
		e.onEnter()
		return
	}
	e.entry.TypedKey(k)
}

func worryShiftHeld() bool {
	d, ok := fyne.CurrentApp().Driver().(desktop.Driver)
	return ok && d.CurrentKeyModifiers()&fyne.KeyModifierShift != 0
}
