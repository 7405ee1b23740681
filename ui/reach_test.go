package ui

import (
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ontspan/ontspan/exercises"
)

// reachScreens opens every screen a user can get to; each func leaves the
// screen under test showing.
var reachScreens = []struct {
	name string
	open func(t *testing.T, u *UI)
}{
	{"home", func(t *testing.T, u *UI) { u.Home() }},
	{"settings", func(t *testing.T, u *UI) { u.Settings() }},
	{"about", func(t *testing.T, u *UI) { u.About() }},
	{"breathing setup", func(t *testing.T, u *UI) { u.Breathing() }},
	{"breathing run", func(t *testing.T, u *UI) { u.StartBreathing("4-7-8", exercises.Length{Minutes: 2}) }},
	{"pmr setup", func(t *testing.T, u *UI) { u.PMR() }},
	{"pmr run", func(t *testing.T, u *UI) { u.PMR(); press(u, fyne.KeySpace) }},
	{"minicheck", func(t *testing.T, u *UI) { u.MiniCheck() }},
	{"senses setup", func(t *testing.T, u *UI) { u.Senses() }},
	{"senses run", func(t *testing.T, u *UI) { u.Senses(); press(u, fyne.KeySpace) }},
	{"park a worry", func(t *testing.T, u *UI) { u.ParkWorry() }},
	{"worry notebook", func(t *testing.T, u *UI) { u.WorryNotebook() }},
	{"worry review", func(t *testing.T, u *UI) { u.ReviewWorries() }},
	{"diary", func(t *testing.T, u *UI) {
		addEntries(t, u.data.store, practisedMonth()...)
		u.Diary()
	}},
	{"done", func(t *testing.T, u *UI) {
		u.StartBreathing("4-6", exercises.Length{Minutes: 1})
		u.current.(*breathRun).stop()
	}},
}

// TestEveryScreenScrollsToItsEnd opens every screen at the default window
// size and at the smallest one the app supports, in both languages, and
// checks that everything inside a scroll lies within what the scroll can
// reach: Settings once ended at "start at login" while two more rows and a
// status line sat below the scrollable area (issue 11).
func TestEveryScreenScrollsToItsEnd(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 560, Height: 720}, {Width: 360, Height: 640}} {
		for _, lang := range []string{"en", "nl"} {
			for _, sc := range reachScreens {
				t.Run(fmt.Sprintf("%s/%vx%v/%s", sc.name, size.Width, size.Height, lang), func(t *testing.T) {
					u, c, _ := newTestUI(t)
					u.data.prefs.SetLanguage(lang)
					_ = setLanguage(lang)
					u.win.Resize(size)
					sc.open(t, u)
					c.Advance(3 * time.Second) // into the first step of a run
					if f, ok := u.current.(interface{ frame() }); ok {
						f.frame()
					}
					assertReachable(t, u.win.Canvas(), u.Current())
				})
			}
		}
	}
}

// assertReachable fails when a visible object inside a vertical scroll
// lies (partly) below the scroll's content, where no scrolling reaches, or
// when the window had to grow beyond its size to fit the screen.
func assertReachable(t *testing.T, c fyne.Canvas, content fyne.CanvasObject) {
	t.Helper()
	if got, want := content.Size(), c.Size(); got.Height > want.Height+0.5 || got.Width > want.Width+0.5 {
		t.Errorf("content is %v in a %v window: the window would have to grow", got, want)
	}
	if min := content.MinSize(); min.Height > c.Size().Height+0.5 || min.Width > c.Size().Width+0.5 {
		t.Errorf("content asks for %v in a %v window", min, c.Size())
	}
	d := fyne.CurrentApp().Driver()
	scrolls := 0
	for _, s := range pageScrolls(content) {
		if !s.Visible() || s.Direction == container.ScrollHorizontalOnly {
			continue
		}
		scrolls++
		s.ScrollToBottom()
		top := d.AbsolutePositionForObject(s.Content)
		end := top.Y + s.Content.Size().Height
		view := d.AbsolutePositionForObject(s).Y + s.Size().Height
		if end > view+0.5 {
			t.Errorf("scrolled to the bottom, the content still ends %.0f px below the view", end-view)
		}
		if s.Content.Size().Height > s.Size().Height+0.5 {
			for _, o := range wheelCatchers(s.Content) {
				t.Errorf("%T %q catches the mouse wheel: the page stops scrolling while it is under the pointer", o, textOf(o))
			}
		}
		for _, in := range visibleObjects(s.Content) {
			if in.Size().Height == 0 {
				continue
			}
			if b := d.AbsolutePositionForObject(in).Y + in.Size().Height; b > end+0.5 {
				t.Errorf("%T %q ends %.0f px below the scrollable content", in, textOf(in), b-end)
			}
		}
	}
	if scrolls == 0 {
		// No scroll: then the screen must fit the window as it is.
		for _, in := range visibleObjects(content) {
			if b := d.AbsolutePositionForObject(in).Y + in.Size().Height; b > c.Size().Height+0.5 {
				t.Errorf("%T %q ends %.0f px below the window", in, textOf(in), b-c.Size().Height)
			}
		}
	}
}

// textOf is what an object reads, to name it in a failure.
func textOf(o fyne.CanvasObject) string {
	switch w := o.(type) {
	case *widget.Label:
		return w.Text
	case *canvas.Text:
		return w.Text
	case *button:
		return w.Text
	case *widget.Button:
		return w.Text
	case *widget.Check:
		return w.Text
	case *link:
		return w.Text
	case *entry:
		return w.Text + w.PlaceHolder
	case *tile:
		return w.title
	}
	return ""
}

// pageScrolls are the scrolls on screen, leaving out those inside an entry
// (Fyne's own, which scroll the text being typed).
func pageScrolls(o fyne.CanvasObject) []*container.Scroll {
	var out []*container.Scroll
	walkVisible(o, func(o fyne.CanvasObject) bool {
		switch w := o.(type) {
		case *widget.Entry, *entry:
			return false
		case *container.Scroll:
			out = append(out, w)
		}
		return true
	})
	return out
}

// wheelCatchers are the objects inside a scrolling page that would take
// the mouse wheel from it: Fyne gives a turn of the wheel to the innermost
// scrollable under the pointer. A multi-line entry may: its own text
// scrolls; a single-line one must not.
func wheelCatchers(o fyne.CanvasObject) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	walkVisible(o, func(in fyne.CanvasObject) bool {
		var e *widget.Entry
		switch w := in.(type) {
		case *entry:
			e = &w.Entry
		case *widget.Entry:
			e = w
		}
		if e != nil {
			if !e.MultiLine && e.Scroll != fyne.ScrollNone {
				out = append(out, in)
			}
			return false
		}
		if _, ok := in.(fyne.Scrollable); ok && in != o {
			out = append(out, in)
			return false
		}
		return true
	})
	return out
}

// visibleObjects lists o and everything shown inside it, skipping hidden
// branches and the insides of entries.
func visibleObjects(o fyne.CanvasObject) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	walkVisible(o, func(o fyne.CanvasObject) bool {
		out = append(out, o)
		switch o.(type) {
		case *widget.Entry, *entry:
			return false
		}
		return true
	})
	return out
}

// walkVisible calls f on every visible object in the tree under o; f says
// whether to go inside.
func walkVisible(o fyne.CanvasObject, f func(fyne.CanvasObject) bool) {
	if o == nil || !o.Visible() || !f(o) {
		return
	}
	switch w := o.(type) {
	case *fyne.Container:
		for _, c := range w.Objects {
			walkVisible(c, f)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(w).Objects() {
			walkVisible(c, f)
		}
	}
}

// TestDiaryEditLeavesRoomForTheScrollBar: Fyne draws a scroll bar over the
// content, and in the diary's edit dialog it covered the rating's "10".
func TestDiaryEditLeavesRoomForTheScrollBar(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 560, Height: 720}, {Width: 360, Height: 640}} {
		u, _, _ := newTestUI(t)
		u.win.Resize(size)
		es := addEntries(t, u.data.store, practisedMonth()...)
		s := openDiaryScreen(t, u)
		s.edit(es[len(es)-1])
		d := fyne.CurrentApp().Driver()
		scrolls := pageScrolls(u.win.Canvas().Overlays().Top())
		if len(scrolls) == 0 {
			t.Fatal("the edit dialog has no scroll")
		}
		sc := scrolls[0]
		edge := d.AbsolutePositionForObject(sc).X + sc.Size().Width - theme.ScrollBarSize()
		for _, b := range append(s.editor.before.buttons, s.editor.after.buttons...) {
			if right := d.AbsolutePositionForObject(b).X + b.Size().Width; right > edge+0.5 {
				t.Errorf("at %v, %q reaches %.0f px under the scroll bar", size, b.Text, right-edge)
			}
		}
	}
}

// TestDialogsFitTheWindow opens the app's larger dialogs at both sizes and
// checks, as for screens, that all of each can be seen or scrolled to.
func TestDialogsFitTheWindow(t *testing.T) {
	dialogs := map[string]func(t *testing.T, u *UI){
		"diary entry": func(t *testing.T, u *UI) {
			es := addEntries(t, u.data.store, practisedMonth()...)
			openDiaryScreen(t, u).edit(es[len(es)-1])
		},
		"own rhythm": func(t *testing.T, u *UI) { u.Breathing(); u.current.(*breathSetup).newPattern() },
		"worry time": func(t *testing.T, u *UI) { u.WorryNotebook(); u.current.(*notebook).openWorryTime() },
	}
	for _, size := range []fyne.Size{{Width: 560, Height: 720}, {Width: 360, Height: 640}} {
		for _, lang := range []string{"en", "nl"} {
			for name, open := range dialogs {
				t.Run(fmt.Sprintf("%s/%vx%v/%s", name, size.Width, size.Height, lang), func(t *testing.T) {
					u, _, _ := newTestUI(t)
					u.data.prefs.SetLanguage(lang)
					_ = setLanguage(lang)
					u.win.Resize(size)
					open(t, u)
					top := u.win.Canvas().Overlays().Top()
					if top == nil {
						t.Fatal("no dialog")
					}
					assertReachable(t, u.win.Canvas(), top)
				})
			}
		}
	}
}
