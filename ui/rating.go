package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
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
	// Wraps to two rows in a narrow window: the app must work from 360 px.
	grid := container.NewGridWrap(fyne.NewSize(44, 40))
	for i := 0; i <= 10; i++ {
		n := i
		b := newButton(strconv.Itoa(i), nil, func() { r.tap(n) })
		r.buttons = append(r.buttons, b)
		grid.Add(b)
	}
	low := widget.NewLabel(tr("rating.low"))
	high := widget.NewLabelWithStyle(tr("rating.high"), fyne.TextAlignTrailing, fyne.TextStyle{})
	r.box = container.NewVBox(para(question), grid, container.NewGridWithColumns(2, low, high))
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
	for i, b := range r.buttons {
		if i == r.value {
			b.Importance = widget.HighImportance
		} else {
			b.Importance = widget.MediumImportance
		}
		b.Refresh()
	}
}
