package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// tapArea is an invisible widget that answers a tap, for a row of more
// than one widget that should act as one.
type tapArea struct {
	widget.BaseWidget
	tapped func()
}

func newTapArea(tapped func()) *tapArea {
	t := &tapArea{tapped: tapped}
	t.ExtendBaseWidget(t)
	return t
}

func (t *tapArea) Tapped(*fyne.PointEvent) { t.tapped() }
func (t *tapArea) Cursor() desktop.Cursor  { return desktop.PointerCursor }
func (t *tapArea) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewWithoutLayout())
}
