package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// promptColumn stacks the step, the prompt and the field in the middle of
// the screen. Each part gets the full width before it is measured, so a
// wrapped prompt is exactly as tall as its lines at this width, the first
// prompt as much as the third; a VBox measures first and can leave a
// longer prompt the height of the one before, half under the field.
type promptColumn struct{}

func (promptColumn) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	pad := theme.Padding()
	heights := make([]float32, len(objs))
	var total float32
	n := 0
	for i, o := range objs {
		if !o.Visible() {
			continue
		}
		o.Resize(fyne.NewSize(s.Width, o.Size().Height))
		heights[i] = o.MinSize().Height
		total += heights[i]
		n++
	}
	total += pad * float32(max(n-1, 0))
	y := max((s.Height-total)/2, 0)
	for i, o := range objs {
		if !o.Visible() {
			continue
		}
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(s.Width, heights[i]))
		y += heights[i] + pad
	}
}

func (promptColumn) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	n := 0
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		s.Width = max(s.Width, m.Width)
		s.Height += m.Height
		n++
	}
	s.Height += theme.Padding() * float32(max(n-1, 0))
	return s
}
