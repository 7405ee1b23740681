package ui

import (
	"iter"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// button is widget.Button that lets Escape through to the window. A focused
// Fyne button swallows every key, and Esc must always mean "stop" or "back".
type button struct {
	widget.Button
	hasFocus bool // drawn as the focus ring (focusring.go)
}

func newButton(text string, icon fyne.Resource, tapped func()) *button {
	b := &button{}
	b.Text, b.Icon, b.OnTapped = text, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

func newPrimaryButton(text string, icon fyne.Resource, tapped func()) *button {
	b := newButton(text, icon, tapped)
	b.Importance = widget.HighImportance
	return b
}

// TypedKey hands Escape to the window's key handler; Enter taps, like
// Space (Fyne's button answers Space only).
func (b *button) TypedKey(e *fyne.KeyEvent) {
	switch {
	case escToWindow(b, e):
	case isEnter(e):
		b.Tapped(nil)
	default:
		b.Button.TypedKey(e)
	}
}

// FocusGained scrolls the button into view.
func (b *button) FocusGained() { b.hasFocus = true; b.Button.FocusGained(); showFocused(b) }

func isEnter(e *fyne.KeyEvent) bool { return e.Name == fyne.KeyReturn || e.Name == fyne.KeyEnter }

// link is a quiet text action (widget.Hyperlink with a tap handler) that
// lets Escape through, like button. Home uses links, not buttons: Fyne draws
// button text bold, and a second font face costs ~15 ms before the first
// frame (docs/performance.md).
type link struct {
	widget.Hyperlink
}

func newLink(text string, tapped func()) *link {
	l := &link{}
	l.Text, l.OnTapped = text, tapped
	l.ExtendBaseWidget(l)
	return l
}

// CreateRenderer is Fyne's hyperlink with its focus outline in the opaque
// focus ring colour: Fyne uses the focus colour, a faint tint in this theme
// (it lies under the text of focused buttons). The outline is recoloured,
// not the theme overridden: each theme override has its own font cache,
// and parsed the fonts again for every link, ~6 ms each before the first
// frame.
func (l *link) CreateRenderer() fyne.WidgetRenderer {
	r := &linkRenderer{WidgetRenderer: l.Hyperlink.CreateRenderer()}
	r.ring()
	return r
}

type linkRenderer struct{ fyne.WidgetRenderer }

func (r *linkRenderer) Refresh() {
	r.WidgetRenderer.Refresh()
	r.ring()
}

// ring colours the hyperlink's outline, its only stroked rectangle.
func (r *linkRenderer) ring() {
	for _, o := range r.Objects() {
		if rect, ok := o.(*canvas.Rectangle); ok && rect.StrokeWidth > 0 {
			rect.StrokeColor = theme.Color(colorNameFocusRing)
		}
	}
}

// TypedKey hands Escape to the window; Enter follows the link, like Space.
func (l *link) TypedKey(e *fyne.KeyEvent) {
	switch {
	case escToWindow(l, e):
	case isEnter(e):
		l.Hyperlink.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	default:
		l.Hyperlink.TypedKey(e)
	}
}

// FocusGained scrolls the link into view.
func (l *link) FocusGained() { l.Hyperlink.FocusGained(); showFocused(l) }

func passToWindow(o fyne.CanvasObject, e *fyne.KeyEvent) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(o); c != nil && c.OnTypedKey() != nil {
		c.OnTypedKey()(e)
	}
}

// escToWindow passes Escape from a focused widget o to the window and
// reports whether it did; other keys stay with o.
func escToWindow(o fyne.CanvasObject, e *fyne.KeyEvent) bool {
	if e.Name != fyne.KeyEscape {
		return false
	}
	passToWindow(o, e)
	return true
}

// tile is a large tappable card for the home screen: a title and one line
// that says what the technique is good for. Keyboard: Tab to it, Space or
// Enter to open.
type tile struct {
	widget.BaseWidget
	title, text string
	icon        fyne.Resource
	badge       string
	onTap       func()
	focused     bool
	hovered     bool
}

func newTile(title, text string, icon fyne.Resource, tapped func()) *tile {
	t := &tile{title: title, text: text, icon: icon, onTap: tapped}
	t.ExtendBaseWidget(t)
	return t
}

// SetBadge shows a small count (e.g. worries waiting); "" hides it.
func (t *tile) SetBadge(s string) { t.badge = s; t.Refresh() }

func (t *tile) Tapped(*fyne.PointEvent) {
	if t.onTap != nil {
		t.onTap()
	}
}
func (t *tile) FocusGained()                   { t.focused = true; t.Refresh(); showFocused(t) }
func (t *tile) FocusLost()                     { t.focused = false; t.Refresh() }
func (t *tile) TypedRune(rune)                 {}
func (t *tile) MouseIn(*desktop.MouseEvent)    { t.hovered = true; t.Refresh() }
func (t *tile) MouseMoved(*desktop.MouseEvent) {}
func (t *tile) MouseOut()                      { t.hovered = false; t.Refresh() }
func (t *tile) Cursor() desktop.Cursor         { return desktop.PointerCursor }
func (t *tile) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeySpace, fyne.KeyReturn, fyne.KeyEnter:
		t.Tapped(nil)
	case fyne.KeyEscape:
		passToWindow(t, e)
	}
}

func (t *tile) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	// Square and without a stroke unless focused: software GL (what many
	// Linux machines without a GPU draw with) shades rounded or stroked
	// rectangles pixel by pixel, ~20 ms for home's first frame.
	// Size, not bold, sets the titles apart: the home screen then needs one
	// font face only, which saves ~20 ms of font loading before the first frame.
	title := widget.NewLabelWithStyle(t.title, fyne.TextAlignLeading, fyne.TextStyle{})
	title.SizeName = theme.SizeNameSubHeadingText
	text := newWrapText(t.text)
	badge := widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{})
	badge.Importance = widget.HighImportance
	var top fyne.CanvasObject = container.NewBorder(nil, nil, nil, badge, title)
	if t.icon != nil {
		top = container.NewBorder(nil, nil, widget.NewIcon(t.icon), badge, title)
	}
	content := container.NewPadded(container.NewVBox(top, text))
	r := &tileRenderer{t: t, edge: canvas.NewRectangle(theme.Color(colorNameCardBorder)), bg: bg, title: title, text: text, badge: badge, content: content}
	r.Refresh()
	return r
}

type tileRenderer struct {
	t       *tile
	edge    *canvas.Rectangle // the 1 px outline, behind bg (see card)
	bg      *canvas.Rectangle
	title   *widget.Label
	text    *wrapText
	badge   *widget.Label
	content *fyne.Container
}

func (r *tileRenderer) Layout(s fyne.Size) {
	r.edge.Resize(s)
	r.bg.Move(fyne.NewPos(1, 1))
	r.bg.Resize(fyne.NewSize(s.Width-2, s.Height-2))
	r.content.Resize(s)
}
func (r *tileRenderer) MinSize() fyne.Size { return r.content.MinSize() }
func (r *tileRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.edge, r.bg, r.content}
}
func (r *tileRenderer) Destroy() {}
func (r *tileRenderer) Refresh() {
	r.title.SetText(r.t.title)
	r.text.SetText(r.t.text)
	r.badge.SetText(r.t.badge)
	r.bg.FillColor = theme.Color(theme.ColorNameInputBackground)
	r.edge.FillColor = theme.Color(colorNameCardBorder)
	r.edge.Refresh()
	r.bg.StrokeColor, r.bg.StrokeWidth = theme.Color(colorNameFocusRing), 0
	if r.t.hovered {
		r.bg.FillColor = theme.Color(theme.ColorNameHover)
	}
	if r.t.focused {
		r.bg.StrokeWidth = 2
	}
	r.bg.Refresh()
}

// saveDialog is a dialog with Cancel and a primary Save. Save calls save,
// which closes the dialog itself when the input is good and otherwise shows
// its message inside, so nothing typed is lost.
func saveDialog(title string, content fyne.CanvasObject, width float32, w fyne.Window, save func()) *dialog.CustomDialog {
	d := dialog.NewCustomWithoutButtons(title, content, w)
	d.SetButtons([]fyne.CanvasObject{
		newButton(tr("common.cancel"), theme.CancelIcon(), d.Hide),
		newPrimaryButton(tr("common.save"), theme.ConfirmIcon(), save),
	})
	d.Resize(fyne.NewSize(width, 0))
	return d
}

// card sets content on a softly coloured background, square like the home
// cards (see tile: software GL shades rounded corners pixel by pixel).
// Its 1 px edge is a rectangle behind the fill, not a stroke (the same cost
// as a plain rectangle), so the card stands out at 3:1 (theme_test.go).
func card(content fyne.CanvasObject) fyne.CanvasObject {
	edge := canvas.NewRectangle(theme.Color(colorNameCardBorder))
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	return container.NewStack(edge, container.New(layout.NewCustomPaddedLayout(1, 1, 1, 1), bg), container.NewPadded(content))
}

// heading is a large title line; regular weight, like the cards (see tile).
func heading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{})
	l.SizeName = theme.SizeNameHeadingText
	l.Wrapping = fyne.TextWrapWord
	return l
}

// para is a wrapped paragraph.
func para(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// newProblemLabel is the red message under a field or a form that says what
// is wrong: wrapped, and hidden until there is something to say.
func newProblemLabel() *widget.Label {
	l := para("")
	l.Importance = widget.DangerImportance
	l.Hide()
	return l
}

// page lays a screen out the same way everywhere: a top bar with back and a
// title, the body scrolling, and the actions at the bottom, centred. The
// width is capped so lines stay readable on a wide window.
func page(back func(), title string, body fyne.CanvasObject, actions ...fyne.CanvasObject) fyne.CanvasObject {
	var top fyne.CanvasObject = heading(title)
	if back != nil {
		top = container.NewBorder(nil, nil, newButton("", theme.NavigateBackIcon(), back), nil, heading(title))
	}
	var bottom fyne.CanvasObject
	if len(actions) > 0 {
		bottom = container.NewPadded(container.NewHBox(append(append([]fyne.CanvasObject{layout.NewSpacer()}, actions...), layout.NewSpacer())...))
	}
	// Objects in screen order (top, body, actions): Fyne's Tab order follows
	// it, and container.NewBorder would put the body first.
	topBox, center := container.NewPadded(top), container.NewVScroll(container.NewPadded(body))
	objs := []fyne.CanvasObject{topBox, center}
	if bottom != nil {
		objs = append(objs, bottom)
	}
	inner := container.New(layout.NewBorderLayout(topBox, bottom, nil, nil), objs...)
	return container.New(&maxWidth{width: 720}, inner)
}

// maxWidth centres its objects and caps their width.
type maxWidth struct{ width float32 }

func (m *maxWidth) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	w := min(s.Width, m.width)
	for _, o := range objs {
		o.Resize(fyne.NewSize(w, s.Height))
		o.Move(fyne.NewPos((s.Width-w)/2, 0))
	}
}

func (m *maxWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s
}

// entry is widget.Entry that lets Esc and the window's shortcuts (Ctrl+Q,
// Ctrl+W, Ctrl+P) through: a focused Fyne entry keeps every key, and Esc
// must always mean "stop", "back" or "close this dialog".
type entry struct {
	widget.Entry
	limit *textLimit // nil: no limit; see limitTo
	wrap  wrapCursor
	// self is the widget on the window when entry is embedded (worryText):
	// the window finds a widget by the value it holds, not by this field.
	self fyne.CanvasObject
}

// obj is the widget as the window knows it.
func (e *entry) obj() fyne.CanvasObject {
	if e.self != nil {
		return e.self
	}
	return e
}

func newEntry() *entry {
	e := &entry{}
	e.ExtendBaseWidget(e)
	return e
}

// newShortEntry is an entry for a short value of a fixed form: a time, a
// number. It does not scroll its text, because a Fyne entry that scrolls
// takes every turn of the mouse wheel: a page stopped scrolling as soon as
// such a field passed under the pointer (Settings could not be scrolled to
// its end).
func newShortEntry() *entry {
	e := newEntry()
	e.Scroll = fyne.ScrollNone
	return e
}

func newMultiLineEntry() *entry {
	e := newEntry()
	e.MultiLine, e.Wrapping = true, fyne.TextWrapWord
	return e
}

// FocusGained scrolls the entry into view.
func (e *entry) FocusGained() { e.Entry.FocusGained(); showFocused(e.obj()) }

// TypedKey hands Escape to the window.
func (e *entry) TypedKey(k *fyne.KeyEvent) {
	if escToWindow(e.obj(), k) || (e.MultiLine && isEnter(k) && !e.limit.allowRune(&e.Entry)) {
		return
	}
	e.Entry.TypedKey(k)
}

// TypedShortcut hands the window's own shortcuts on; the rest (copy,
// paste, undo…) stay with the entry.
func (e *entry) TypedShortcut(s fyne.Shortcut) {
	if passShortcut(e.obj(), s) {
		return
	}
	e.limit.shortcut(&e.Entry, s)
}

// passShortcut gives Ctrl+Q, Ctrl+W and Ctrl+P to the window, and reports
// whether it did.
func passShortcut(o fyne.CanvasObject, s fyne.Shortcut) bool {
	cs, ok := s.(*desktop.CustomShortcut)
	if !ok || cs.Modifier != fyne.KeyModifierShortcutDefault {
		return false
	}
	switch cs.KeyName {
	case fyne.KeyQ, fyne.KeyW, fyne.KeyP:
		if c, ok := fyne.CurrentApp().Driver().CanvasForObject(o).(interface{ TypedShortcut(fyne.Shortcut) }); ok {
			c.TypedShortcut(s)
			return true
		}
	}
	return false
}

// markChosen shows which of a row of choice buttons is chosen: that one
// in the primary colour, the others plain. buttons is slices.All of a row
// (chosen is an index; -1 for none) or maps.All of buttons by their value.
func markChosen[K comparable](buttons iter.Seq2[K, *button], chosen K) {
	for k, b := range buttons {
		b.Importance = widget.MediumImportance
		if k == chosen {
			b.Importance = widget.HighImportance
		}
		b.Refresh()
	}
}

// boldLabel is a label in bold, as the titles over a group of fields are.
func boldLabel(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}
