package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ontspan/ontspan/exercises"
)

// groupRow is one line of the muscle relaxation checklist: an icon and a
// word for the state (never colour alone), the group's name, the current
// one highlighted. Tap it, or Tab to it and press Enter, to go there.
type groupRow struct {
	widget.BaseWidget
	name    string
	state   exercises.GroupState
	onTap   func()
	focused bool
	hovered bool
}

func newGroupRow(name string, tapped func()) *groupRow {
	g := &groupRow{name: name, onTap: tapped}
	g.ExtendBaseWidget(g)
	return g
}

func (g *groupRow) setState(s exercises.GroupState) {
	if g.state != s {
		g.state = s
		g.Refresh()
	}
}

// groupStateIcon pairs each state with a shape: an empty circle to do, play
// now, a tick done, skip-forward skipped, a half-filled circle partly done.
func groupStateIcon(s exercises.GroupState) fyne.Resource {
	switch s {
	case exercises.GroupNow:
		return theme.MediaPlayIcon()
	case exercises.GroupDone:
		return theme.ConfirmIcon()
	case exercises.GroupSkipped:
		return theme.MediaSkipNextIcon()
	case exercises.GroupPartly:
		return theme.RadioButtonCheckedIcon()
	}
	return theme.RadioButtonIcon()
}

func (g *groupRow) Tapped(*fyne.PointEvent) {
	if g.onTap != nil {
		g.onTap()
	}
}
func (g *groupRow) FocusGained()                   { g.focused = true; g.Refresh(); showFocused(g) }
func (g *groupRow) FocusLost()                     { g.focused = false; g.Refresh() }
func (g *groupRow) TypedRune(rune)                 {}
func (g *groupRow) MouseIn(*desktop.MouseEvent)    { g.hovered = true; g.Refresh() }
func (g *groupRow) MouseMoved(*desktop.MouseEvent) {}
func (g *groupRow) MouseOut()                      { g.hovered = false; g.Refresh() }
func (g *groupRow) Cursor() desktop.Cursor         { return desktop.PointerCursor }

// TypedKey: Enter goes to the group; Space (pause) and Esc (stop) stay the
// screen's, so a focused line never takes them away.
func (g *groupRow) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		g.Tapped(nil)
	case fyne.KeySpace, fyne.KeyEscape:
		passToWindow(g, e)
	case fyne.KeyDown:
		if c := fyne.CurrentApp().Driver().CanvasForObject(g); c != nil {
			c.FocusNext()
		}
	case fyne.KeyUp:
		if c := fyne.CurrentApp().Driver().CanvasForObject(g); c != nil {
			c.FocusPrevious()
		}
	}
}

func (g *groupRow) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameBackground))
	icon := widget.NewIcon(nil)
	name := widget.NewLabel("")
	name.Truncation = fyne.TextTruncateEllipsis
	state := widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Italic: true})
	r := &groupRowRenderer{g: g, bg: bg, icon: icon, name: name, state: state,
		content: container.NewBorder(nil, nil, icon, state, name)}
	r.Refresh()
	return r
}

// nowTint is the current line's background: the theme's primary colour,
// faint, so it suits the dark and the light variant alike.
func nowTint(c color.Color) color.Color {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = 0x40
	return n
}

type groupRowRenderer struct {
	g           *groupRow
	bg          *canvas.Rectangle
	icon        *widget.Icon
	name, state *widget.Label
	content     *fyne.Container
}

func (r *groupRowRenderer) Layout(s fyne.Size) {
	r.bg.Resize(s)
	pad := theme.Padding()
	r.content.Move(fyne.NewPos(pad, 0))
	r.content.Resize(fyne.NewSize(s.Width-2*pad, s.Height))
}
func (r *groupRowRenderer) MinSize() fyne.Size {
	m := r.content.MinSize()
	return fyne.NewSize(m.Width+2*theme.Padding(), m.Height)
}
func (r *groupRowRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.content}
}
func (r *groupRowRenderer) Destroy() {}
func (r *groupRowRenderer) Refresh() {
	now := r.g.state == exercises.GroupNow
	r.icon.SetResource(groupStateIcon(r.g.state))
	r.name.TextStyle.Bold = now
	r.name.SetText(r.g.name)
	r.state.SetText(tr("pmr.state." + r.g.state.String()))
	r.bg.FillColor = theme.Color(theme.ColorNameBackground)
	switch {
	case now:
		r.bg.FillColor = nowTint(theme.Color(theme.ColorNamePrimary))
	case r.g.hovered:
		r.bg.FillColor = theme.Color(theme.ColorNameHover)
	}
	r.bg.StrokeColor, r.bg.StrokeWidth = theme.Color(colorNameFocusRing), 0 // opaque: Fyne's focus colour is a faint tint
	if r.g.focused {
		r.bg.StrokeWidth = 2 // a stroke only when focused, as on the home cards
	}
	r.bg.Refresh()
}
