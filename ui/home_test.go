package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
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
