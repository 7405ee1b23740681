package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// wrapText is a word-wrapped paragraph in the regular face that looks like
// a wrapped widget.Label but measures each word once and breaks lines by
// adding widths. A Label shapes substrings again, by binary search, at every
// width it is laid out at, and Fyne lays a new screen out at its minimum
// width first: for home that was ~110 shaping calls and ~7 MB of garbage
// before the first frame (docs/performance.md).
type wrapText struct {
	widget.BaseWidget
	text string

	words      [][]string  // per hard line, its words
	widths     [][]float32 // their measured widths
	space      float32
	lineHeight float32
	textSize   float32
	measured   string // the text words/widths belong to
	lines      []string
	width      float32 // the width lines were broken for
}

func newWrapText(text string) *wrapText {
	w := &wrapText{text: text}
	w.ExtendBaseWidget(w)
	return w
}

// SetText changes the paragraph.
func (w *wrapText) SetText(s string) {
	if s == w.text {
		return
	}
	w.text = s
	w.Refresh()
}

// measure splits the text into words and measures them, once per text and
// text size.
func (w *wrapText) measure(size float32) {
	if w.measured == w.text && w.textSize == size && w.words != nil {
		return
	}
	w.measured, w.textSize = w.text, size
	style := fyne.TextStyle{}
	w.lineHeight = fyne.MeasureText("", size, style).Height
	w.space = fyne.MeasureText("a a", size, style).Width - 2*fyne.MeasureText("a", size, style).Width
	w.words, w.widths = nil, nil
	for _, hard := range strings.Split(w.text, "\n") {
		words := strings.Fields(hard)
		widths := make([]float32, len(words))
		for i, word := range words {
			widths[i] = fyne.MeasureText(word, size, style).Width
		}
		w.words, w.widths = append(w.words, words), append(w.widths, widths)
	}
	w.width = -1 // break again
}

// breakLines fills lines for a text area max wide; max <= 0 means not laid
// out yet, and each hard line stays whole.
func (w *wrapText) breakLines(max float32) {
	if max == w.width && w.lines != nil {
		return
	}
	w.width = max
	w.lines = w.lines[:0]
	for i, words := range w.words {
		if len(words) == 0 {
			w.lines = append(w.lines, "")
			continue
		}
		start, x := 0, w.widths[i][0]
		for j := 1; j < len(words); j++ {
			next := x + w.space + w.widths[i][j]
			if max > 0 && next > max {
				w.lines = append(w.lines, strings.Join(words[start:j], " "))
				start, x = j, w.widths[i][j]
				continue
			}
			x = next
		}
		w.lines = append(w.lines, strings.Join(words[start:], " "))
	}
}

func (w *wrapText) CreateRenderer() fyne.WidgetRenderer {
	r := &wrapRenderer{w: w}
	r.Refresh()
	return r
}

type wrapRenderer struct {
	w     *wrapText
	texts []*canvas.Text
	objs  []fyne.CanvasObject
}

func (r *wrapRenderer) inset() float32 {
	return theme.CurrentForWidget(r.w).Size(theme.SizeNameInnerPadding)
}

// MinSize is as narrow as a wrapped label, and as tall as the lines at the
// current width.
func (r *wrapRenderer) MinSize() fyne.Size {
	pad := r.inset()
	n := max(1, len(r.w.lines))
	return fyne.NewSize(2*pad, float32(n)*r.w.lineHeight+2*pad)
}

func (r *wrapRenderer) Layout(s fyne.Size) {
	pad := r.inset()
	before := len(r.w.lines)
	r.w.breakLines(s.Width - 2*pad)
	r.sync()
	for i, t := range r.texts {
		t.Move(fyne.NewPos(pad, pad+float32(i)*r.w.lineHeight))
		t.Resize(fyne.NewSize(s.Width-2*pad, r.w.lineHeight))
	}
	if len(r.w.lines) != before {
		r.w.Refresh() // a new height: the canvas lays the parent out again
	}
}

// sync makes one canvas.Text per line, reusing the ones there are.
func (r *wrapRenderer) sync() {
	th := theme.CurrentForWidget(r.w)
	v := fyne.CurrentApp().Settings().ThemeVariant()
	for len(r.texts) < len(r.w.lines) {
		r.texts = append(r.texts, canvas.NewText("", nil))
	}
	r.texts = r.texts[:len(r.w.lines)]
	r.objs = r.objs[:0]
	for i, t := range r.texts {
		t.Text, t.TextSize = r.w.lines[i], r.w.textSize
		t.Color = th.Color(theme.ColorNameForeground, v)
		t.Refresh()
		r.objs = append(r.objs, t)
	}
}

func (r *wrapRenderer) Refresh() {
	r.w.measure(theme.CurrentForWidget(r.w).Size(theme.SizeNameText))
	r.w.breakLines(r.w.Size().Width - 2*r.inset())
	r.sync()
	r.Layout(r.w.Size())
}

func (r *wrapRenderer) Objects() []fyne.CanvasObject { return r.objs }
func (r *wrapRenderer) Destroy()                     {}
