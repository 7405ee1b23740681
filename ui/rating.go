package ui

import (
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ontspan/ontspan/exercises"
)

// ratingRow asks "how tense, 0–10" with one tap: eleven buttons, the chosen
// one highlighted. Tapping it again clears it: a rating is never required.
type ratingRow struct {
	value    int
	buttons  []*button
	onChange func(int)
	box      fyne.CanvasObject
}

func newRatingRow(question string, value int, onChange func(int)) *ratingRow {
	r := &ratingRow{value: value, onChange: onChange}
	grid := container.New(&ratingLayout{})
	for i := 0; i <= 10; i++ {
		n := i
		b := newButton(strconv.Itoa(i), nil, func() { r.tap(n) })
		r.buttons = append(r.buttons, b)
		grid.Add(b)
	}
	low := widget.NewLabel(tr("rating.low"))
	high := widget.NewLabelWithStyle(tr("rating.high"), fyne.TextAlignTrailing, fyne.TextStyle{})
	// Ends of the scale at the edges: two equal columns asked for twice the
	// longer text, too wide for a dialog at 360 px in Dutch.
	r.box = container.NewVBox(para(question), grid, container.NewBorder(nil, nil, low, high))
	r.show()
	return r
}

func (r *ratingRow) tap(n int) {
	if r.value == n {
		n = exercises.NoRating
	}
	r.value = n
	r.show()
	if r.onChange != nil {
		r.onChange(n)
	}
}

func (r *ratingRow) show() {
	markChosen(slices.All(r.buttons), r.value)
}

// ratingLayout puts the eleven buttons in one row when each gets at least
// 36 px, and in two rows (6 and 5) in a narrow window: the app must work
// from 360 px wide. It remembers the width it last laid out, so it asks for
// a second row's height only when it uses one (it always did: a 50 px gap).
type ratingLayout struct {
	width float32 // 0 until laid out
}

const ratingMinCell = 36

func (*ratingLayout) perRow(width float32, n int) int {
	if width >= float32(n)*ratingMinCell+float32(n-1)*theme.Padding() {
		return n
	}
	return (n + 1) / 2
}

func (l *ratingLayout) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	l.width = s.Width
	per := l.perRow(s.Width, len(objs))
	pad := theme.Padding()
	w := (s.Width - pad*float32(per-1)) / float32(per)
	h := l.cellHeight(objs)
	for i, o := range objs {
		row, col := i/per, i%per
		o.Move(fyne.NewPos(float32(col)*(w+pad), float32(row)*(h+pad)))
		o.Resize(fyne.NewSize(w, h))
	}
}

func (l *ratingLayout) cellHeight(objs []fyne.CanvasObject) float32 {
	var h float32
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return h
}

func (l *ratingLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	// The width asked for is always the narrow one, so the window can shrink
	// to 360 px; the height follows the rows of the last layout (two before
	// the first, so nothing is cut on the way).
	narrow := (len(objs) + 1) / 2
	rows := 2
	if l.width > 0 && l.perRow(l.width, len(objs)) >= len(objs) {
		rows = 1
	}
	h := l.cellHeight(objs)
	return fyne.NewSize(float32(narrow)*ratingMinCell+float32(narrow-1)*theme.Padding(), float32(rows)*h+float32(rows-1)*theme.Padding())
}

// buttons2objs returns the buttons as canvas objects (for layout tests).
func (r *ratingRow) buttons2objs() []fyne.CanvasObject {
	out := make([]fyne.CanvasObject, len(r.buttons))
	for i, b := range r.buttons {
		out[i] = b
	}
	return out
}
