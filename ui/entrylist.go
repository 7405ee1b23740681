package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// entryList is the history list; it lets Esc through to the window as the
// buttons do, and opens a session with Space or a tap.
type entryList struct {
	widget.List
}

// newEntryList is a list of length() rows, each filled by show; open is
// called with the row tapped or chosen with Space.
func newEntryList(length func() int, show func(id int, v *entryRowView), open func(id int)) *entryList {
	l := &entryList{}
	l.Length = length
	l.CreateItem = func() fyne.CanvasObject { return newEntryRowView() }
	l.UpdateItem = func(id widget.ListItemID, o fyne.CanvasObject) { show(id, o.(*entryRowView)) }
	l.OnSelected = func(id widget.ListItemID) {
		l.Unselect(id)
		open(id)
	}
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey hands Escape to the window's key handler.
func (l *entryList) TypedKey(e *fyne.KeyEvent) {
	if !escToWindow(l, e) {
		l.List.TypedKey(e)
	}
}

// entryRowView is one row of the list: a day header or a session. All rows
// are equally tall, so the list needs no per-row heights; a header sits at
// the bottom of its row, which leaves air above each day.
type entryRowView struct {
	widget.BaseWidget
	header      *widget.Label
	first, note *widget.Label
	headerBox   fyne.CanvasObject
	entryBox    fyne.CanvasObject
}

func newEntryRowView() *entryRowView {
	v := &entryRowView{
		header: boldLabel(""),
		first:  widget.NewLabel(""),
		note:   widget.NewLabel(""),
	}
	v.header.Truncation = fyne.TextTruncateEllipsis
	v.first.Truncation = fyne.TextTruncateEllipsis
	v.note.Truncation = fyne.TextTruncateEllipsis
	v.headerBox = container.NewBorder(nil, v.header, nil, nil)
	v.entryBox = container.New(layout.NewCustomPaddedVBoxLayout(-theme.InnerPadding()-theme.Padding()), v.first, v.note)
	v.ExtendBaseWidget(v)
	return v
}

func (v *entryRowView) setHeader(text string) {
	v.header.SetText(text)
	v.headerBox.Show()
	v.entryBox.Hide()
}

func (v *entryRowView) setEntry(first, second string) {
	v.first.SetText(first)
	v.note.SetText(second)
	v.entryBox.Show()
	v.headerBox.Hide()
}

func (v *entryRowView) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(v.headerBox, v.entryBox))
}
