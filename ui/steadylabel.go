package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// textStyle is a text as a label shows it: the words, the size, bold or not.
type textStyle struct {
	text string
	size fyne.ThemeSizeName
	bold bool
}

// narrowContent is the width a screen's content has in the narrowest window
// the app supports: 360 px less the window's and the page's padding. A
// steadyLabel never reserves more height than its texts need at this width.
// Fyne lays a new screen out at its minimum width first; reserving the
// height for that passing width would make the window grow itself to fit,
// and a window never shrinks back.
func narrowContent() float32 { return 360 - 4*theme.Padding() }

// steadyLabel is a centred label that keeps the height of the tallest text
// it may show at its width, whichever one it shows now. Buttons below it
// stay where they are when the text changes: a button that moves between
// two clicks is missed, or the wrong one is hit.
type steadyLabel struct {
	widget.BaseWidget
	label    *widget.Label
	ghost    *widget.Label // measures the texts; never drawn
	variants []textStyle
	width    float32 // the width height was measured at; 0 before
	height   float32
}

// newSteadyLabel makes a label that reserves room for every text in
// variants. wrap word-wraps long texts (an instruction); without it every
// text stays on one line (a countdown).
func newSteadyLabel(wrap bool, variants []textStyle) *steadyLabel {
	s := &steadyLabel{label: widget.NewLabel(""), ghost: widget.NewLabel("")}
	seen := map[textStyle]bool{}
	for _, v := range variants { // each text measured once, however often it is used
		if !seen[v] {
			seen[v] = true
			s.variants = append(s.variants, v)
		}
	}
	for _, l := range []*widget.Label{s.label, s.ghost} {
		l.Alignment = fyne.TextAlignCenter
		if wrap {
			l.Wrapping = fyne.TextWrapWord
		}
	}
	s.ExtendBaseWidget(s)
	return s
}

// show puts t on screen; the label's height stays as it was.
func (s *steadyLabel) show(t textStyle) {
	l := s.label
	if l.Text == t.text && l.SizeName == t.size && l.TextStyle.Bold == t.bold {
		return
	}
	l.Text, l.SizeName, l.TextStyle.Bold = t.text, t.size, t.bold
	l.Refresh()
	s.Refresh() // centre the new text in the same height
}

// heightAt is the height of the tallest variant at width w.
func (s *steadyLabel) heightAt(w float32) float32 {
	if w == s.width {
		return s.height
	}
	g := s.ghost
	var h float32
	for _, v := range s.variants {
		g.Text, g.SizeName, g.TextStyle.Bold = v.text, v.size, v.bold
		g.Refresh()
		g.Resize(fyne.NewSize(w, g.MinSize().Height)) // lays the text out at w
		h = max(h, g.MinSize().Height)
	}
	s.width, s.height = w, h
	return h
}

func (s *steadyLabel) CreateRenderer() fyne.WidgetRenderer {
	return &steadyRenderer{s: s}
}

type steadyRenderer struct{ s *steadyLabel }

// MinSize is narrow, and as tall as the tallest variant at the width last
// laid out, or at narrowContent if that is wider (or nothing was laid out).
func (r *steadyRenderer) MinSize() fyne.Size {
	return fyne.NewSize(2*theme.Padding(), r.s.heightAt(max(r.s.Size().Width, narrowContent())))
}

// Layout centres the shown text in the reserved height.
func (r *steadyRenderer) Layout(size fyne.Size) {
	before := r.s.height
	h := r.s.heightAt(max(size.Width, narrowContent()))
	l := r.s.label
	l.Resize(fyne.NewSize(size.Width, l.MinSize().Height))
	lh := min(l.MinSize().Height, size.Height)
	l.Resize(fyne.NewSize(size.Width, lh))
	l.Move(fyne.NewPos(0, (size.Height-lh)/2))
	if h != before {
		r.s.Refresh() // a new height at this width: the parent lays out again
	}
}

func (r *steadyRenderer) Refresh()                     { r.Layout(r.s.Size()) }
func (r *steadyRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.s.label} }
func (r *steadyRenderer) Destroy()                     {}
