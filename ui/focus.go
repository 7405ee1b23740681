package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Keyboard use: Fyne moves the focus with Tab but never scrolls to it, and
// a focused Fyne widget keeps Esc to itself. The widgets here (and button,
// link, tile and entry in widgets.go) scroll into view when they get the
// focus and hand Esc to the window, so Esc always means "back" or "stop".

// showFocused scrolls the page that holds o so that o, which just got the
// keyboard focus, is in view.
func showFocused(o fyne.CanvasObject) {
	d := fyne.CurrentApp().Driver()
	c := d.CanvasForObject(o)
	if c == nil || c.Content() == nil || c.Overlays().Top() != nil {
		return // in a dialog: the page behind must stay where it is
	}
	pos, size := d.AbsolutePositionForObject(o), o.Size()
	var in *container.Scroll // the innermost scroll around o
	eachScroll(c.Content(), func(s *container.Scroll) {
		top, sz := d.AbsolutePositionForObject(s.Content), s.Content.Size()
		if pos.Y >= top.Y && pos.Y < top.Y+sz.Height && pos.X >= top.X && pos.X < top.X+sz.Width {
			in = s
		}
	})
	if in == nil || in.Direction == container.ScrollHorizontalOnly {
		return
	}
	if in.Content.MinSize().Height > in.Content.Size().Height {
		// Something above o has just grown (a message shown): lay the page
		// out first, or o's place and the room to scroll are stale.
		in.Refresh()
		pos, size = d.AbsolutePositionForObject(o), o.Size()
	}
	y := pos.Y - d.AbsolutePositionForObject(in).Y // from the top of the view
	off := in.Offset.Y
	switch pad := theme.Padding(); {
	case y < 0:
		off += y - pad
	case y+size.Height > in.Size().Height:
		off += min(y, y+size.Height-in.Size().Height+pad) // a tall object shows its top
	default:
		return
	}
	off = max(0, min(off, in.Content.Size().Height-in.Size().Height))
	in.ScrollToOffset(fyne.NewPos(in.Offset.X, off))
}

// eachScroll calls f for every scroll among o's containers, outer first.
// Scrolls inside other widgets (an entry's own) are not pages and are left
// alone.
func eachScroll(o fyne.CanvasObject, f func(*container.Scroll)) {
	switch w := o.(type) {
	case *fyne.Container:
		for _, c := range w.Objects {
			eachScroll(c, f)
		}
	case *container.Scroll:
		f(w)
		eachScroll(w.Content, f)
	}
}

// check is widget.Check that scrolls into view when focused and hands Esc
// to the window: with a settings box focused, Esc used to do nothing.
type check struct {
	widget.Check
	hasFocus bool // draws the focus ring
}

func newCheck(text string, changed func(bool)) *check {
	c := &check{}
	c.Text, c.OnChanged = text, changed
	c.ExtendBaseWidget(c)
	return c
}

func (c *check) FocusGained() { c.hasFocus = true; c.Check.FocusGained(); showFocused(c) }
func (c *check) FocusLost()   { c.hasFocus = false; c.Check.FocusLost() }

// CreateRenderer is Fyne's check with the focus ring (see focusring.go).
func (c *check) CreateRenderer() fyne.WidgetRenderer {
	return newRingRenderer(c.Check.CreateRenderer(), func() bool { return c.hasFocus })
}

// TypedKey hands Escape to the window.
func (c *check) TypedKey(e *fyne.KeyEvent) {
	if !escToWindow(c, e) {
		c.Check.TypedKey(e)
	}
}

// selectBox is widget.Select that scrolls into view when focused, hands
// Esc to the window, and shows the focus colour only to keyboard users:
// chosen with the mouse, Fyne's Select kept the focus and stayed filled
// with the amber focus colour, which read as a warning.
type selectBox struct {
	widget.Select
	tapping  bool
	hasFocus bool // from the keyboard: draws the focus ring
}

func newSelect(options []string, changed func(string)) *selectBox {
	s := &selectBox{}
	s.Options, s.OnChanged = options, changed
	s.ExtendBaseWidget(s)
	return s
}

// Tapped opens the list without drawing the focus (see FocusGained).
func (s *selectBox) Tapped(e *fyne.PointEvent) {
	s.tapping = true
	s.Select.Tapped(e)
	s.tapping = false
}

// FocusGained draws the focus only when it came from the keyboard.
func (s *selectBox) FocusGained() {
	if !s.tapping {
		s.hasFocus = true
		s.Select.FocusGained()
	}
	showFocused(s)
}

func (s *selectBox) FocusLost() { s.hasFocus = false; s.Select.FocusLost() }

// CreateRenderer is Fyne's select with the focus ring (see focusring.go).
func (s *selectBox) CreateRenderer() fyne.WidgetRenderer {
	return newRingRenderer(s.Select.CreateRenderer(), func() bool { return s.hasFocus })
}

// TypedKey hands Escape to the window.
func (s *selectBox) TypedKey(e *fyne.KeyEvent) {
	if !escToWindow(s, e) {
		s.Select.TypedKey(e)
	}
}

// infoDialog is a short message with one OK button that has the focus, so
// Enter (or Space) closes it as well as a click; Esc closes every dialog.
// Fyne's own information dialog leaves its button unfocused, and Enter
// did nothing.
type infoDialog struct {
	*dialog.CustomDialog
	ok  *button
	win fyne.Window
}

func newInformation(title, message string, w fyne.Window) dialog.Dialog {
	d := &infoDialog{win: w}
	d.CustomDialog = dialog.NewCustomWithoutButtons(title, para(message), w)
	d.ok = newPrimaryButton(tr("common.ok"), theme.ConfirmIcon(), d.Hide)
	d.SetButtons([]fyne.CanvasObject{d.ok})
	width := float32(420)
	if cw := w.Canvas().Size().Width - 4*theme.Padding(); cw > 0 {
		width = min(width, cw)
	}
	d.Resize(fyne.NewSize(width, 0))
	return d
}

// Show shows the dialog with the focus on OK.
func (d *infoDialog) Show() {
	d.CustomDialog.Show()
	d.win.Canvas().Focus(d.ok)
}

// inform shows a short message; see infoDialog.
func inform(title, message string, w fyne.Window) { newInformation(title, message, w).Show() }

// slider is widget.Slider that scrolls into view when focused and hands
// Esc to the window. changed runs when the user lets go (or presses an
// arrow key), not at every step of a drag.
type slider struct {
	widget.Slider
	hasFocus bool // draws the focus ring
}

func newSlider(lo, hi, value float64, changed func(float64)) *slider {
	s := &slider{}
	s.Min, s.Max, s.Step, s.Value = lo, hi, 1, value // SetValue would call changed
	s.Orientation = widget.Horizontal
	s.OnChangeEnded = changed
	s.ExtendBaseWidget(s)
	return s
}

func (s *slider) FocusGained() { s.hasFocus = true; s.Slider.FocusGained(); showFocused(s) }
func (s *slider) FocusLost()   { s.hasFocus = false; s.Slider.FocusLost() }

// CreateRenderer is Fyne's slider with the focus ring (see focusring.go).
func (s *slider) CreateRenderer() fyne.WidgetRenderer {
	return newRingRenderer(s.Slider.CreateRenderer(), func() bool { return s.hasFocus })
}

// TypedKey hands Escape to the window.
func (s *slider) TypedKey(e *fyne.KeyEvent) {
	if !escToWindow(s, e) {
		s.Slider.TypedKey(e)
	}
}

// radioGroup is a vertical list of choices, one of them chosen, drawn like
// Fyne's RadioGroup. Fyne's items are private: focused, they kept Esc and
// were never scrolled to. Ours hand Esc to the window, scroll into view,
// and Space or Enter chooses.
type radioGroup struct {
	widget.BaseWidget
	Options   []string
	Selected  string
	OnChanged func(string)
	items     []*radioItem
}

func newRadioGroup(options []string, changed func(string)) *radioGroup {
	g := &radioGroup{Options: options, OnChanged: changed}
	for _, o := range options {
		g.items = append(g.items, newRadioItem(o, g.SetSelected))
	}
	g.ExtendBaseWidget(g)
	return g
}

// SetSelected chooses option and tells OnChanged when it changed.
func (g *radioGroup) SetSelected(option string) {
	if option == g.Selected {
		return
	}
	g.Selected = option
	for _, it := range g.items {
		it.selected = it.label == option
		it.Refresh()
	}
	if g.OnChanged != nil {
		g.OnChanged(option)
	}
}

func (g *radioGroup) CreateRenderer() fyne.WidgetRenderer {
	objs := make([]fyne.CanvasObject, len(g.items))
	for i, it := range g.items {
		objs[i] = it
	}
	return widget.NewSimpleRenderer(container.New(layout.NewCustomPaddedVBoxLayout(0), objs...)) // as close as Fyne's
}

// radioItem is one choice of a radioGroup.
type radioItem struct {
	widget.BaseWidget
	label             string
	selected, focused bool
	hovered           bool
	choose            func(string)
}

func newRadioItem(label string, choose func(string)) *radioItem {
	it := &radioItem{label: label, choose: choose}
	it.ExtendBaseWidget(it)
	return it
}

func (it *radioItem) Tapped(*fyne.PointEvent)        { it.choose(it.label) }
func (it *radioItem) FocusGained()                   { it.focused = true; it.Refresh(); showFocused(it) }
func (it *radioItem) FocusLost()                     { it.focused = false; it.Refresh() }
func (it *radioItem) TypedRune(r rune)               {}
func (it *radioItem) MouseIn(*desktop.MouseEvent)    { it.hovered = true; it.Refresh() }
func (it *radioItem) MouseMoved(*desktop.MouseEvent) {}
func (it *radioItem) MouseOut()                      { it.hovered = false; it.Refresh() }

// TypedKey chooses on Space or Enter and hands Esc to the window.
func (it *radioItem) TypedKey(e *fyne.KeyEvent) {
	switch {
	case escToWindow(it, e):
	case e.Name == fyne.KeySpace || isEnter(e):
		it.choose(it.label)
	}
}

func (it *radioItem) CreateRenderer() fyne.WidgetRenderer {
	r := &radioItemRenderer{it: it, focus: &canvas.Circle{}, in: &canvas.Image{}, out: &canvas.Image{}, text: &canvas.Text{}}
	r.update()
	return r
}

// radioItemRenderer draws a radio item as Fyne's does (same icons, colour
// names and sizes), so the theme's contrast choices hold for it too.
type radioItemRenderer struct {
	it      *radioItem
	focus   *canvas.Circle
	in, out *canvas.Image
	text    *canvas.Text
}

func (r *radioItemRenderer) Layout(size fyne.Size) {
	inner, border, icon := theme.InnerPadding(), theme.InputBorderSize(), theme.IconInlineSize()
	ring := fyne.NewSquareSize(icon + inner)
	r.focus.Resize(ring)
	r.focus.Move(fyne.NewPos(border, (size.Height-ring.Height)/2))
	r.text.Resize(size)
	r.text.Move(fyne.NewPos(ring.Width+theme.Padding(), 0))
	for _, img := range []*canvas.Image{r.in, r.out} {
		img.Resize(fyne.NewSquareSize(icon))
		img.Move(fyne.NewPos(inner/2+border, (size.Height-icon)/2))
	}
}

func (r *radioItemRenderer) MinSize() fyne.Size {
	pad := 2 * theme.InnerPadding()
	return r.text.MinSize().AddWidthHeight(pad+theme.IconInlineSize()+theme.Padding(), pad)
}

func (r *radioItemRenderer) Refresh() { r.update(); canvas.Refresh(r.it) }
func (r *radioItemRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.focus, r.in, r.out, r.text}
}
func (r *radioItemRenderer) Destroy() {}

func (r *radioItemRenderer) update() {
	r.text.Text, r.text.TextSize = r.it.label, theme.TextSize()
	r.text.Color = theme.Color(theme.ColorNameForeground)
	out := theme.NewThemedResource(theme.RadioButtonIcon())
	out.ColorName = theme.ColorNameInputBorder
	in := theme.NewThemedResource(theme.RadioButtonFillIcon())
	in.ColorName = theme.ColorNameInputBackground
	if r.it.selected {
		in.ColorName, out.ColorName = theme.ColorNamePrimary, theme.ColorNameForeground
	}
	r.in.Resource, r.out.Resource = in, out
	r.in.Refresh()
	r.out.Refresh()
	r.focus.StrokeWidth = 0
	switch {
	case r.it.focused:
		r.focus.FillColor = theme.Color(theme.ColorNameFocus)
		// The tint alone is ~1.5:1 against the page: an opaque ring shows
		// a keyboard user where they are (WCAG 2.2 non-text contrast).
		r.focus.StrokeColor, r.focus.StrokeWidth = theme.Color(colorNameFocusRing), 2
	case r.it.hovered:
		r.focus.FillColor = theme.Color(theme.ColorNameHover)
	default:
		r.focus.FillColor = color.Transparent
	}
	r.focus.Refresh()
}

// newChoiceRow offers values by their shown names (names[i] for
// values[i]) as a radio group with current chosen; set gets the value the
// user picks. Choosing current at the start does not call set.
func newChoiceRow(values, names []string, current string, set func(value string)) *radioGroup {
	r := newRadioGroup(names, nil)
	for i, v := range values {
		if v == current {
			r.SetSelected(names[i])
		}
	}
	r.OnChanged = func(name string) {
		for i, n := range names {
			if n == name {
				set(values[i])
			}
		}
	}
	return r
}
