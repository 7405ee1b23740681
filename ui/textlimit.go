package ui

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// textLimit keeps a text field within max characters by refusing input
// before it reaches the widget. Fyne wraps a multi-line entry's text by
// measuring it again and again (widget.(*RichText).updateRowBounds): a
// 100,000-character paste froze the window for minutes before any check
// on save could say "too long". So a key that would go over the limit is
// not typed, and a paste that would go over it is not pasted at all — the
// text stays on the clipboard, so nothing is lost — and say tells the user
// why, next to the field. A nil *textLimit lets everything through.
type textLimit struct {
	max int
	say func(string) // shows a message next to the field; may be nil
}

// room is how many characters can still be added to e, counting the
// selection as gone (typing or pasting replaces it).
func (l *textLimit) room(e *widget.Entry) int {
	return l.max - utf8.RuneCountInString(e.Text) + utf8.RuneCountInString(e.SelectedText())
}

// allowRune reports whether one more character fits; when not, it says so.
func (l *textLimit) allowRune(e *widget.Entry) bool {
	if l == nil || l.room(e) >= 1 {
		return true
	}
	l.tell(tr("input.full", map[string]any{"Max": l.max}))
	return false
}

// filter checks a shortcut before the entry acts on it. A paste that
// would go over the limit gives nil: nothing is pasted. NUL characters in
// a paste are left out, and said so once it is in (after gives the
// message): they cannot be stored (the diary refuses them) and they are
// invisible, so the user could not find them. Other shortcuts pass
// unchanged.
func (l *textLimit) filter(e *widget.Entry, s fyne.Shortcut) (_ fyne.Shortcut, after string) {
	p, ok := s.(*fyne.ShortcutPaste)
	if l == nil || !ok {
		return s, ""
	}
	cb := p.Clipboard
	if cb == nil {
		cb = fyne.CurrentApp().Clipboard()
	}
	text := cb.Content()
	clean := strings.ReplaceAll(text, "\x00", "")
	if !e.MultiLine {
		clean = strings.ReplaceAll(clean, "\n", " ") // as Entry does, so the count is right
	}
	if n := utf8.RuneCountInString(clean); n > l.room(e) {
		l.tell(tr("input.paste.long", map[string]any{"N": n, "Max": l.max}))
		return nil, ""
	}
	if !strings.Contains(text, "\x00") {
		return s, ""
	}
	return &fyne.ShortcutPaste{Clipboard: fixedClipboard(clean)}, tr("input.paste.nul")
}

// shortcut runs s on e through filter.
func (l *textLimit) shortcut(e *widget.Entry, s fyne.Shortcut) {
	s, after := l.filter(e, s)
	if s == nil {
		return
	}
	e.TypedShortcut(s)
	if after != "" {
		l.tell(after)
	}
}

func (l *textLimit) tell(msg string) {
	if l.say != nil {
		l.say(msg)
	}
}

// fixedClipboard is a clipboard holding one text: the cleaned paste is
// handed to the entry without touching the user's real clipboard.
type fixedClipboard string

func (c fixedClipboard) Content() string   { return string(c) }
func (c fixedClipboard) SetContent(string) {}

// overLimit reports whether s is longer than max characters, for texts
// that come from elsewhere (a stored draft) and must not be put into a
// field that refuses them.
func overLimit(s string, max int) bool {
	return utf8.RuneCountInString(strings.TrimSpace(s)) > max
}

// writePrivateText writes text to a new file in dir that only its owner
// can read (0600, as the diary), named prefix-YYYYMMDD-HHMMSS.txt after
// now, and returns its path. An existing file is never overwritten.
func writePrivateText(dir, prefix string, now time.Time, text string) (string, error) {
	base := prefix + "-" + now.Format("20060102-150405")
	for i := 0; ; i++ {
		name := base + ".txt"
		if i > 0 {
			name = fmt.Sprintf("%s-%d.txt", base, i)
		}
		path := filepath.Join(dir, name)
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) && i < 100 {
			continue
		}
		if err != nil {
			return "", err
		}
		_, err = f.WriteString(text)
		if err == nil {
			err = f.Sync()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(path)
			return "", err
		}
		return path, nil
	}
}

// limitTo makes e take at most max characters, saying why through say.
func (e *entry) limitTo(max int, say func(string)) {
	e.limit = &textLimit{max: max, say: say}
}

// TypedRune types r unless the field is full.
func (e *entry) TypedRune(r rune) {
	if e.limit.allowRune(&e.Entry) {
		e.wrap.typeRune(&e.Entry, r)
	}
}

// wrapCursor types runes into a word-wrapped entry. Fyne 2.7.1 cannot put
// the cursor after a space typed at the end of the text where a line wraps
// (the space ends the row, and a row's end maps back to the offset before
// it): the next letter landed before the space, which drifted along, and a
// worry typed as "het project" was saved as "hetproject ". While the cursor
// is stuck there, the next rune is appended instead.
type wrapCursor struct {
	stuck int // the text's length in runes while the cursor is stuck before its end; 0 when not
}

func (w *wrapCursor) typeRune(e *widget.Entry, r rune) {
	if e.Disabled() || e.SelectedText() != "" {
		w.stuck = 0
		e.TypedRune(r) // replacing a selection: Fyne places the cursor itself
		return
	}
	n, pos := utf8.RuneCountInString(e.Text), e.CursorTextOffset()
	if w.stuck > 0 && w.stuck == n && pos == n-1 {
		e.Append(string(r))
		e.CursorRow, e.CursorColumn = math.MaxInt32, math.MaxInt32 // the end: Refresh clamps it to the last row
		e.Refresh()
		pos = n
	} else {
		e.TypedRune(r)
	}
	w.stuck = 0
	if pos == n && e.CursorTextOffset() == n { // typed at the end, and the cursor did not move on
		w.stuck = n + 1
	}
}

// afterFirstFrame runs f on the main thread once the window has drawn a
// frame: on the second tick of a short animation, as Fyne ticks animations
// just before it draws. Fyne's test driver ticks once, to the end, so
// there f runs at once.
func afterFirstFrame(f func()) {
	ticks, done := 0, false
	fyne.NewAnimation(100*time.Millisecond, func(p float32) {
		ticks++
		if !done && (ticks == 2 || p == 1) {
			done = true
			f()
		}
	}).Start()
}
