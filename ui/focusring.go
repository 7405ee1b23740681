package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// A focused Fyne button shows its focus only as a tint of its fill, kept
// faint so that its text stays readable (theme_test.go). Our buttons add an
// outline in the opaque focus ring colour, 3:1 against the page, so a
// keyboard user sees at a glance where they are. The outline is a stroked
// rectangle, drawn only while the button has focus (software GL shades a
// stroke pixel by pixel, see tile).

// FocusLost hides the ring.
func (b *button) FocusLost() { b.hasFocus = false; b.Button.FocusLost() }

// CreateRenderer is Fyne's button with the focus ring on top.
func (b *button) CreateRenderer() fyne.WidgetRenderer {
	return newRingRenderer(b.Button.CreateRenderer(), func() bool { return b.hasFocus })
}

// newRingRenderer draws r with a focus ring on top while on() is true:
// buttons, checks, selects and sliders share it.
func newRingRenderer(r fyne.WidgetRenderer, on func() bool) *ringRenderer {
	ring := canvas.NewRectangle(color.Transparent)
	ring.StrokeWidth = 2
	return &ringRenderer{WidgetRenderer: r, ring: ring, on: on}
}

type ringRenderer struct {
	fyne.WidgetRenderer
	ring *canvas.Rectangle
	on   func() bool
}

func (r *ringRenderer) Layout(s fyne.Size) {
	r.WidgetRenderer.Layout(s)
	r.ring.Move(fyne.NewPos(0, 0))
	r.ring.Resize(s)
}

func (r *ringRenderer) Objects() []fyne.CanvasObject {
	objs := r.WidgetRenderer.Objects()
	if !r.on() {
		return objs
	}
	return append(objs[:len(objs):len(objs)], r.ring)
}

func (r *ringRenderer) Refresh() {
	r.ring.StrokeColor = theme.Color(colorNameFocusRing)
	r.ring.CornerRadius = theme.Size(theme.SizeNameInputRadius)
	r.WidgetRenderer.Refresh()
	r.ring.Refresh()
}
