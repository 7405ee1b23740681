package ui

import (
	"strings"

	"fyne.io/fyne/v2/widget"

	"github.com/ontspan/ontspan/exercises/diary"
)

// newNoteField is the note about a session, on the done screen and in the
// diary's edit dialog: a multi-line entry holding text, rows high, that stops
// at the store's diary.MaxNoteRunes, and the red message under it that says
// when the text is too long (a paste that would not fit, or a note typed
// before the limit).
func newNoteField(text string, rows int) (note *entry, msg *widget.Label) {
	note = newMultiLineEntry()
	note.SetPlaceHolder(tr("done.note.hint"))
	note.SetMinRowsVisible(rows)
	note.SetText(text)
	msg = newProblemLabel()
	note.limitTo(diary.MaxNoteRunes, func(m string) { msg.SetText(m); msg.Show() })
	note.OnChanged = func(s string) {
		if len([]rune(s)) > diary.MaxNoteRunes {
			sayNoteTooLong(msg)
		} else {
			msg.Hide()
		}
	}
	return note, msg
}

// noteText is the note as it would be stored: trimmed, without NUL bytes.
// ok is false, and msg says so, when it is longer than the store takes; the
// text stays in the field so nothing typed is lost.
func noteText(note *entry, msg *widget.Label) (text string, ok bool) {
	text = strings.TrimSpace(strings.ReplaceAll(note.Text, "\x00", ""))
	if len([]rune(text)) > diary.MaxNoteRunes {
		sayNoteTooLong(msg)
		return text, false
	}
	return text, true
}

func sayNoteTooLong(msg *widget.Label) {
	msg.SetText(tr("done.note.long", map[string]any{"N": diary.MaxNoteRunes}))
	msg.Show()
}
