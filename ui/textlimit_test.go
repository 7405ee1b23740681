package ui

import (
	"os"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"github.com/ontspan/ontspan/exercises"
	"github.com/ontspan/ontspan/exercises/diary"
)

func paste(u *UI, f fyne.Shortcutable, text string) {
	cb := u.app.Clipboard()
	cb.SetContent(text)
	f.TypedShortcut(&fyne.ShortcutPaste{Clipboard: cb})
}

// TestParkRefusesInputPastTheLimit: a key that would go over the limit is
// not typed, and a paste that would is not pasted at all, with a message
// next to the field; the paste stays on the clipboard, so nothing is lost.
// Before, 100,000 pasted characters reached Fyne's text wrapping and froze
// the window for minutes.
func TestParkRefusesInputPastTheLimit(t *testing.T) {
	u, _, _ := newTestUI(t)
	p := openPark(t, u)

	huge := strings.Repeat("a brief van de bank ", 5000) // 100,000 characters
	start := time.Now()
	paste(u, p.entry, huge)
	if took := time.Since(start); took > time.Second {
		t.Errorf("refusing the paste took %v", took)
	}
	if p.entry.Text != "" {
		t.Fatalf("%d characters pasted", utf8.RuneCountInString(p.entry.Text))
	}
	if p.msg.Hidden || !strings.Contains(p.msg.Text, "100000 characters") || !strings.Contains(p.msg.Text, "still on your clipboard") {
		t.Errorf("message %q", p.msg.Text)
	}
	if u.app.Clipboard().Content() != huge {
		t.Error("the clipboard was changed")
	}

	full := strings.Repeat("ö", exercises.MaxWorryRunes-3)
	paste(u, p.entry, full) // fits: pasted, and the message goes
	if p.entry.Text != full || !p.msg.Hidden {
		t.Fatalf("a paste that fits: %d characters, message %q", utf8.RuneCountInString(p.entry.Text), p.msg.Text)
	}
	p.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
	test.Type(p.entry, "abcdef") // three fit
	if got := utf8.RuneCountInString(p.entry.Text); got != exercises.MaxWorryRunes || !strings.HasSuffix(p.entry.Text, "abc") {
		t.Errorf("typed up to %d characters, ends %q", got, p.entry.Text[len(p.entry.Text)-6:])
	}
	if p.msg.Hidden || !strings.Contains(p.msg.Text, "full") {
		t.Errorf("no message when full: %q", p.msg.Text)
	}
	paste(u, p.entry, "x")
	if utf8.RuneCountInString(p.entry.Text) != exercises.MaxWorryRunes {
		t.Error("a paste into a full field went in")
	}

	// A selection is replaced by what is typed, so it makes room.
	p.entry.TypedShortcut(&fyne.ShortcutSelectAll{})
	paste(u, p.entry, "De brief")
	if p.entry.Text != "De brief" {
		t.Errorf("pasting over everything: %q", p.entry.Text)
	}
	enter(p.entry)
	if ws := waiting(t, u); len(ws) != 1 || ws[0].Text != "De brief" {
		t.Errorf("parked %+v", ws)
	}
}

// TestPasteWithNULSaysSo: a NUL character cannot be stored and cannot be
// seen; a paste holding one goes in without it, and the user is told.
func TestPasteWithNULSaysSo(t *testing.T) {
	u, _, _ := newTestUI(t)
	p := openPark(t, u)
	paste(u, p.entry, "de brief\x00 van de bank")
	if p.entry.Text != "de brief van de bank" {
		t.Errorf("text %q", p.entry.Text)
	}
	if p.msg.Hidden || !strings.Contains(p.msg.Text, "NUL") {
		t.Errorf("message %q", p.msg.Text)
	}
	if u.app.Clipboard().Content() != "de brief\x00 van de bank" {
		t.Error("the clipboard was changed")
	}
}

// TestLongDraftIsNeverRestored: a draft over the limit (saved before the
// field had one) froze every later start while Fyne wrapped it. It is never
// put into the field: it moves to a 0600 file in the data folder, the
// message says where, and the next start is an ordinary one.
func TestLongDraftIsNeverRestored(t *testing.T) {
	u, _, _ := newTestUI(t)
	u.data.dataDir = t.TempDir()
	draft := strings.Repeat("ik maak me zorgen ", 3641)[:65536]
	if err := u.data.store.SetSetting(worryDraftKey, draft); err != nil {
		t.Fatal(err)
	}
	p := openPark(t, u)
	if p.entry.Text != "" {
		t.Fatalf("a %d-character draft was put into the field", len(p.entry.Text))
	}
	files, _ := os.ReadDir(u.data.dataDir)
	if len(files) != 1 || !strings.HasPrefix(files[0].Name(), "worry-draft-") {
		t.Fatalf("files %v", files)
	}
	path := u.data.dataDir + string(os.PathSeparator) + files[0].Name()
	if got, _ := os.ReadFile(path); string(got) != draft {
		t.Error("the file does not hold the draft")
	}
	if fi, _ := os.Stat(path); runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
		t.Errorf("file mode %v", fi.Mode().Perm())
	}
	if !strings.Contains(p.msg.Text, path) || !strings.Contains(p.msg.Text, "65536") {
		t.Errorf("message %q", p.msg.Text)
	}
	if _, ok, _ := u.data.store.Setting(worryDraftKey); ok {
		t.Error("the long draft is still in the store")
	}
	press(u, fyne.KeyEscape)
	if p = openPark(t, u); p.entry.Text != "" || !p.msg.Hidden {
		t.Errorf("second start: field %q, message %q", p.entry.Text, p.msg.Text)
	}
}

// TestLongDraftWithoutDataFolderStaysInTheStore: with nowhere to put a
// file, the draft is not shown and not overwritten by leaving.
func TestLongDraftWithoutDataFolderStaysInTheStore(t *testing.T) {
	u, _, _ := newTestUI(t)
	draft := strings.Repeat("x", exercises.MaxWorryRunes+1)
	_ = u.data.store.SetSetting(worryDraftKey, draft)
	p := openPark(t, u)
	if p.entry.Text != "" || !strings.Contains(p.msg.Text, "kept in your diary") {
		t.Fatalf("field %d characters, message %q", len(p.entry.Text), p.msg.Text)
	}
	test.Type(p.entry, "iets nieuws")
	press(u, fyne.KeyEscape)
	if d, _, _ := u.data.store.Setting(worryDraftKey); d != draft {
		t.Error("leaving overwrote the long draft")
	}
}

// TestNoteFieldsRefuseInputPastTheLimit: the session note after an
// exercise and in the diary's edit dialog stop at diary.MaxNoteRunes, with a message.
func TestNoteFieldsRefuseInputPastTheLimit(t *testing.T) {
	u, c, _ := newTestUI(t)
	u.StartBreathing("4-6", exerciseMinutes(1))
	c.Advance(20 * time.Second)
	u.current.(*breathRun).stop()
	d := u.current.(*doneScreen)
	paste(u, d.note, strings.Repeat("z", diary.MaxNoteRunes+1))
	if d.note.Text != "" || d.noteMsg.Hidden || !strings.Contains(d.noteMsg.Text, "1001 characters") {
		t.Errorf("note %d characters, message %q", len(d.note.Text), d.noteMsg.Text)
	}
	paste(u, d.note, strings.Repeat("z", diary.MaxNoteRunes))
	test.Type(d.note, "!")
	if len(d.note.Text) != diary.MaxNoteRunes || !strings.Contains(d.noteMsg.Text, "full") {
		t.Errorf("note %d characters, message %q", len(d.note.Text), d.noteMsg.Text)
	}
}

// TestNotebookSearchSaysWhyAPasteIsRefused: the one-line search field
// stops at worryLineMax too, and says so where the results are counted.
func TestNotebookSearchSaysWhyAPasteIsRefused(t *testing.T) {
	u, _, _ := newTestUI(t)
	u.WorryNotebook()
	n := u.current.(*notebook)
	paste(u, n.search, strings.Repeat("brief ", 1000))
	if n.search.Text != "" || n.count.Hidden || !strings.Contains(n.count.Text, "6000 characters") {
		t.Errorf("search %d characters, line %q (hidden %v)", len(n.search.Text), n.count.Text, n.count.Hidden)
	}
	paste(u, n.search, "brief")
	if n.search.Text != "brief" || strings.Contains(n.count.Text, "6000") {
		t.Errorf("search %q, line %q", n.search.Text, n.count.Text)
	}
}

// TestShortFieldsSayWhyAPasteIsRefused: the review's next step, a
// five-senses note and a rhythm's name stop at their limits with a word.
func TestShortFieldsSayWhyAPasteIsRefused(t *testing.T) {
	u, _, _ := newTestUI(t)
	u.Senses()
	press(u, fyne.KeySpace)
	r := u.current.(*sensesRun)
	paste(u, r.note, strings.Repeat("zon ", 100))
	if r.note.Text != "" || r.problem.Hidden || !strings.Contains(r.problem.Text, "400 characters") {
		t.Errorf("senses note %d characters, message %q (hidden %v)", len(r.note.Text), r.problem.Text, r.problem.Hidden)
	}
	press(u, fyne.KeyEscape)
	u.Home()
	if err := u.data.store.AddWorry(&exercises.Worry{Text: "De brief", Created: testStart.Add(-time.Hour), Revisit: testStart.Add(-time.Minute), State: exercises.WorryWaiting}); err != nil {
		t.Fatal(err)
	}
	u.ReviewWorries()
	w := u.current.(*worryReview)
	w.openStep()
	paste(u, w.step, strings.Repeat("bel ", 200))
	if w.step.Text != "" || w.msg.Hidden || !strings.Contains(w.msg.Text, "800 characters") {
		t.Errorf("next step %d characters, message %q", len(w.step.Text), w.msg.Text)
	}
}

// TestTypingAcrossALineWrapKeepsEverySpace: a space typed where a
// word-wrapped field breaks its line stays where it was typed. In Fyne
// 2.7.1 the cursor stayed before it, so "het project" was saved as
// "hetproject " (found by typing a long worry in the real window).
func TestTypingAcrossALineWrapKeepsEverySpace(t *testing.T) {
	u, _, _ := newTestUI(t)
	text := strings.Repeat("Ik maak me zorgen over de deadline van het project en of ik alles op tijd af krijg ", 4)[:300]
	u.ParkWorry()
	p := u.current.(*parkScreen)
	note, _ := newNoteField("", 3)
	for _, f := range []struct {
		name string
		e    fyne.Focusable
		text func() string
	}{
		{"worry", p.entry, func() string { return p.entry.Text }},
		{"note", note, func() string { return note.Text }},
	} {
		if f.name == "note" {
			u.win.SetContent(container.NewVBox(note))
			note.Resize(p.entry.Size())
		}
		test.Type(f.e, text)
		if got := f.text(); got != text {
			i := 0
			for i < len(got) && i < len(text) && got[i] == text[i] {
				i++
			}
			t.Errorf("%s: typed text differs from %d on: %q", f.name, i, got[max(0, i-10):min(len(got), i+10)])
		}
	}
	// Typing in the middle still goes where the cursor is.
	p.entry.CursorRow, p.entry.CursorColumn = 0, 2
	test.Type(p.entry, "X")
	if !strings.HasPrefix(p.entry.Text, "IkX maak") {
		t.Errorf("typed in the middle: %q", p.entry.Text[:12])
	}
}
