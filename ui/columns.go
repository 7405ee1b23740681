package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// columns lays out cards in as many equal columns as fit, each at least min
// wide: one column at 360 px, two on a normal window.
type columns struct {
	min   float32
	width float32 // the last width laid out, so MinSize knows the rows
}

func (c *columns) cols(width float32) int {
	return max(1, int((width+theme.Padding())/(c.min+theme.Padding())))
}

func (c *columns) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	c.width = s.Width
	n := c.cols(s.Width)
	pad := theme.Padding()
	w := (s.Width - pad*float32(n-1)) / float32(n)
	var y float32
	for i := 0; i < len(objs); i += n {
		var h float32
		for _, o := range objs[i:min(i+n, len(objs))] {
			h = max(h, o.MinSize().Height)
		}
		for j, o := range objs[i:min(i+n, len(objs))] {
			o.Move(fyne.NewPos(float32(j)*(w+pad), y))
			o.Resize(fyne.NewSize(w, h))
		}
		y += h + pad
	}
}

func (c *columns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	n := c.cols(c.width)
	var w, h float32
	for i := 0; i < len(objs); i += n {
		var rowH float32
		for _, o := range objs[i:min(i+n, len(objs))] {
			m := o.MinSize()
			w, rowH = max(w, m.Width), max(rowH, m.Height)
		}
		h += rowH + theme.Padding()
	}
	return fyne.NewSize(min(w, c.min), max(0, h-theme.Padding()))
}
