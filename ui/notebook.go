package ui

import (
	"errors"
	"maps"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ontspan/ontspan/exercises"
	"github.com/ontspan/ontspan/exercises/remind"
)

// notebookStore is what the notebook reads and changes in the diary: the
// worries, and the worry time among the settings.
type notebookStore interface {
	reviewStore
	SearchWorries(q string) ([]exercises.Worry, error)
	DeleteWorry(id int64) (exercises.Worry, error)
	RestoreWorry(w exercises.Worry) error
	remind.KV
}

// The notebook's lists.
const (
	tabDue     = "due"
	tabWaiting = "waiting"
	tabArchive = "archive"
)

// notebookPageSize is how many rows a list shows before "Show more".
const notebookPageSize = 30

// notebook lists the worries, finds them, edits and deletes them (with an
// undo), and holds the daily worry time.
type notebook struct {
	nav   navigator
	store notebookStore // nil without a diary
	clock exercises.Clock
	tab   string
	limit int

	search  *worryText
	tabs    map[string]*button
	tabBar  *fyne.Container
	count   *widget.Label
	list    *fyne.Container
	shown   []exercises.Worry // the rows on screen, in order
	review  *button
	timeSum *widget.Label

	undoBar *undoBar

	editing *worryEdit     // the open edit dialog, for tests
	timeSet *worryTimeForm // the open worry time dialog, for tests
}

func newNotebook(nav navigator, st notebookStore, clock exercises.Clock) *notebook {
	n := &notebook{nav: nav, store: st, clock: clock, tab: tabWaiting, limit: notebookPageSize}
	if countDue(st, clock.Now()) > 0 {
		n.tab = tabDue
	}
	return n
}

func (n *notebook) view() fyne.CanvasObject {
	n.search = newWorryText(false, tr("worry.notebook.search"), nil)
	n.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	n.search.OnChanged = func(string) { n.limit = notebookPageSize; n.refresh() }
	n.tabs = map[string]*button{}
	for _, t := range []string{tabDue, tabWaiting, tabArchive} {
		n.tabs[t] = newButton("", nil, func() { n.show(t) })
	}
	for t, b := range n.tabs { // the widest text, so the columns fit it
		b.SetText(tr("worry.notebook."+t, map[string]any{"N": 888}))
	}
	n.tabBar = worryColumns(n.tabs[tabDue], n.tabs[tabWaiting], n.tabs[tabArchive])
	n.count = widget.NewLabel("")
	n.count.TextStyle.Italic = true
	n.count.Wrapping = fyne.TextWrapWord
	n.search.limitTo(worryLineMax, func(m string) { n.count.SetText(m); n.count.Show() })
	n.list = container.NewVBox()
	n.review = newPrimaryButton(tr("worry.due.look"), theme.VisibilityIcon(), n.nav.ReviewWorries)

	n.undoBar = newUndoBar(n.clock, undoInList)

	n.timeSum = para("")
	n.timeSum.TextStyle.Italic = true
	timeBt := newButton(tr("worry.notebook.settings"), theme.SettingsIcon(), n.openWorryTime)
	n.describeTime()

	if n.store == nil {
		return page(n.nav.Home, tr("worry.notebook.title"), para(tr("worry.park.nostore")))
	}
	body := container.NewVBox(
		n.search,
		n.tabBar,
		n.undoBar,
		n.count,
		n.list,
		widget.NewSeparator(),
		container.NewBorder(nil, nil, nil, timeBt, n.timeSum),
	)
	n.refresh()
	park := newButton(tr("worry.notebook.park"), theme.ContentAddIcon(), n.nav.ParkWorry)
	return page(n.nav.Home, tr("worry.notebook.title"), body, n.review, park)
}

// show switches to one of the lists.
func (n *notebook) show(tab string) {
	n.tab, n.limit = tab, notebookPageSize
	n.refresh()
}

// refresh reloads the list on screen (or the search results) from the store.
func (n *notebook) refresh() {
	st := n.store
	now := n.clock.Now()
	waiting, err := st.Worries(exercises.WorryWaiting)
	if err != nil {
		fyne.LogError("notebook", err)
	}
	due := exercises.Due(waiting, now)
	var later []exercises.Worry
	for _, w := range waiting {
		if w.Revisit.After(now.Round(0)) {
			later = append(later, w)
		}
	}
	n.tabs[tabDue].SetText(tr("worry.notebook.due", map[string]any{"N": len(due)}))
	n.tabs[tabWaiting].SetText(tr("worry.notebook.waiting", map[string]any{"N": len(later)}))
	n.tabs[tabArchive].SetText(tr("worry.notebook.archive"))
	markChosen(maps.All(n.tabs), n.tab)
	if len(due) > 0 {
		n.review.Show()
	} else {
		n.review.Hide()
	}

	var ws []exercises.Worry
	empty := ""
	if q := n.search.Text; q != "" {
		n.tabBar.Hide()
		ws, err = st.SearchWorries(q)
		if err != nil {
			fyne.LogError("search worries", err)
		}
		n.count.SetText(trn("worry.notebook.found", len(ws)))
		n.count.Show()
	} else {
		n.tabBar.Show()
		n.count.Hide()
		switch n.tab {
		case tabDue:
			ws, empty = due, tr("worry.notebook.empty.due")
		case tabWaiting:
			ws, empty = later, tr("worry.notebook.empty.waiting")
		case tabArchive:
			ws, err = st.Worries(exercises.WorryArchived)
			if err != nil {
				fyne.LogError("notebook archive", err)
			}
			empty = tr("worry.notebook.empty.archive")
		}
	}

	n.list.RemoveAll()
	n.shown = nil
	if len(ws) == 0 && empty != "" {
		n.list.Add(para(empty))
	}
	for i, w := range ws {
		if i == n.limit {
			n.list.Add(container.NewHBox(layout.NewSpacer(), newButton(tr("worry.notebook.more"), theme.MoreHorizontalIcon(), func() {
				n.limit += notebookPageSize
				n.refresh()
			}), layout.NewSpacer()))
			break
		}
		n.shown = append(n.shown, w)
		n.list.Add(n.row(w, now))
	}
}

// row is one worry: its text, when or what was decided, edit and delete.
func (n *notebook) row(w exercises.Worry, now time.Time) fyne.CanvasObject {
	text := para(worryLine(w.Text, 300))
	meta := para(worryMeta(w, now))
	meta.TextStyle.Italic = true
	edit := newButton(tr("worry.edit"), theme.DocumentCreateIcon(), func() { n.edit(w) })
	del := newButton(tr("worry.delete"), theme.DeleteIcon(), func() { n.askDelete(w) })
	return card(container.NewVBox(text, container.NewBorder(nil, nil, nil, container.NewHBox(edit, del), meta)))
}

// worryMeta says where a worry stands: when it comes back, since when it
// waits, or what was decided and when.
func worryMeta(w exercises.Worry, now time.Time) string {
	var s string
	switch {
	case w.State == exercises.WorryArchived:
		s = tr("worry.meta.archived", map[string]any{"Decision": tr("worry.decision." + string(w.Decision)), "When": momentText(w.Reviewed, now)})
	case w.Revisit.After(now):
		s = tr("worry.meta.waiting", map[string]any{"When": momentText(w.Revisit, now)})
	default:
		s = tr("worry.meta.due", map[string]any{"When": momentText(w.Revisit, now)})
	}
	if w.NextStep != "" { // a worry kept with a next step comes back with it
		s += "\n" + tr("worry.meta.step", map[string]any{"Step": w.NextStep})
	}
	return s
}

func (n *notebook) askDelete(w exercises.Worry) {
	dialog.ShowConfirm(tr("worry.delete.title"), tr("worry.delete.ask", map[string]any{"Text": worryLine(w.Text, 60)}), func(ok bool) {
		if ok {
			n.remove(w)
		}
	}, n.nav.window())
}

// remove deletes w and offers to bring it back for a few seconds.
func (n *notebook) remove(w exercises.Worry) {
	gone, err := n.store.DeleteWorry(w.ID)
	if err != nil {
		fyne.LogError("delete worry", err)
		inform(tr("worry.delete.title"), tr("worry.err.save"), n.nav.window())
		n.refresh()
		return
	}
	n.undoBar.offer(tr("worry.deleted", map[string]any{"Text": worryLine(gone.Text, 40)}), func() { n.restore(gone) })
	n.refresh()
}

// restore brings a deleted worry back: the undo bar's Undo.
func (n *notebook) restore(w exercises.Worry) {
	if err := n.store.RestoreWorry(w); err != nil {
		fyne.LogError("restore worry", err)
	}
	n.refresh()
}

// leave stops the undo timer: nothing may touch a screen that is gone.
func (n *notebook) leave() { n.undoBar.stop() }

func (n *notebook) key(e *fyne.KeyEvent) {
	if e.Name == fyne.KeyEscape {
		n.nav.Home()
	}
}

// worryEdit is the edit dialog: the text, and for a waiting worry its time.
type worryEdit struct {
	n      *notebook
	w      exercises.Worry
	text   *worryText
	picker *revisitPicker
	msg    worryNote
	d      *dialog.CustomDialog
}

func (n *notebook) edit(w exercises.Worry) {
	now := n.clock.Now()
	e := &worryEdit{n: n, w: w, msg: newWorryNote()}
	e.text = newWorryText(true, "", e.save)
	e.text.limitTo(exercises.MaxWorryRunes, e.msg.problem)
	e.text.SetText(w.Text)
	items := container.NewVBox(e.text, e.msg.Label)
	if w.State == exercises.WorryWaiting {
		e.picker = newRevisitPicker(now, loadWorrySettings(n.store), e.save)
		e.picker.choose(w.Revisit)
		items.Add(boldLabel(tr("worry.park.when")))
		items.Add(e.picker.box)
	}
	e.d = saveDialog(tr("worry.edit.title"), items, 480, n.nav.window(), e.save)
	e.d.SetOnClosed(func() { n.editing = nil })
	n.editing = e
	e.d.Show()
	n.nav.window().Canvas().Focus(e.text)
}

// save checks and stores the change; on a problem the dialog stays open
// with the text as typed. An unchanged time is kept even when it has passed.
func (e *worryEdit) save() {
	now := e.n.clock.Now()
	text, err := exercises.ValidateWorryText(e.text.Text)
	if err != nil {
		e.msg.problem(worryMessage(err, e.text.Text))
		return
	}
	w := e.w
	w.Text = text
	if e.picker != nil {
		at, err := e.picker.at()
		if err == nil && !at.Equal(w.Revisit) {
			err = exercises.ValidateRevisit(now, at)
			w.Revisit = at.Round(0)
		}
		if err != nil {
			e.msg.problem(worryMessage(err, ""))
			return
		}
	}
	if err := e.n.store.UpdateWorry(w); err != nil {
		fyne.LogError("edit worry", err)
		e.msg.problem(tr("worry.err.save"))
		return
	}
	e.d.Hide()
	e.n.refresh()
}

// worryMinuteChoices are the lengths offered for the worry time: within both the
// engine's limits and the reminder agent's.
var worryMinuteChoices = []int{5, 10, 15, 20, 30, 45, 60}

// worryTimeForm is the dialog for the daily worry time and the default time.
type worryTimeForm struct {
	n        *notebook
	on       *check
	at       *worryText
	minutes  *selectBox
	def      *worryText
	msg      worryNote
	d        *dialog.CustomDialog
	minLabel []string
}

func (n *notebook) describeTime() {
	s := loadWorrySettings(n.store)
	def := s.DefaultTime
	if def == "" {
		def = "10:00"
	}
	if s.WorryTimeOn {
		n.timeSum.SetText(tr("worry.time.on", map[string]any{"Time": s.WorryTime, "N": s.WorryMinutes}))
	} else {
		n.timeSum.SetText(tr("worry.time.off", map[string]any{"Time": def}))
	}
}

func (n *notebook) openWorryTime() {
	s := loadWorrySettings(n.store)
	f := &worryTimeForm{n: n, msg: newWorryNote()}
	f.on = newCheck(tr("worry.time.enable"), nil)
	f.at = newWorryText(false, "17:30", f.save)
	f.at.SetText(s.WorryTime)
	for _, m := range worryMinuteChoices {
		f.minLabel = append(f.minLabel, trn("breath.minutes", m))
	}
	f.minutes = newSelect(f.minLabel, nil)
	f.minutes.SetSelectedIndex(2) // 15
	for i, m := range worryMinuteChoices {
		if m == s.WorryMinutes || (m < s.WorryMinutes && i == len(worryMinuteChoices)-1) {
			f.minutes.SetSelectedIndex(i)
		}
	}
	f.on.OnChanged = func(on bool) {
		if on {
			f.at.Enable()
			f.minutes.Enable()
		} else {
			f.at.Disable()
			f.minutes.Disable()
		}
	}
	f.on.SetChecked(s.WorryTimeOn)
	f.on.OnChanged(s.WorryTimeOn)
	f.def = newWorryText(false, "10:00", f.save)
	f.def.SetText(s.DefaultTime)
	f.at.limitTo(worryLineMax, f.msg.problem) // a time needs 5; a stray paste is refused with a word
	f.def.limitTo(worryLineMax, f.msg.problem)
	form := container.New(layout.NewFormLayout(),
		widget.NewLabel(tr("worry.time.at")), f.at,
		widget.NewLabel(tr("worry.time.minutes")), f.minutes,
	)
	items := container.NewVBox(
		para(tr("worry.time.about")), f.on, form,
		widget.NewSeparator(),
		para(tr("worry.time.default")),
		container.New(layout.NewFormLayout(), widget.NewLabel(tr("worry.time.default.at")), f.def),
		f.msg.Label,
	)
	f.d = saveDialog(tr("worry.time.title"), items, 480, n.nav.window(), f.save)
	f.d.SetOnClosed(func() { n.timeSet = nil })
	n.timeSet = f
	f.d.Show()
}

// save checks both times and stores them; a bad time keeps the dialog open.
func (f *worryTimeForm) save() {
	s := exercises.DefaultWorrySettings()
	s.WorryTimeOn = f.on.Checked
	h, m, ok := exercises.ParseClock(f.at.Text, exercises.ClockTyped)
	if !ok && s.WorryTimeOn {
		f.msg.problem(notATime(f.at.Text))
		return
	}
	if ok {
		s.WorryTime = exercises.FormatClock(h, m)
	}
	h, m, ok = exercises.ParseClock(f.def.Text, exercises.ClockTyped)
	if !ok {
		f.msg.problem(notATime(f.def.Text))
		return
	}
	s.DefaultTime = exercises.FormatClock(h, m)
	s.WorryMinutes = worryMinuteChoices[max(0, f.minutes.SelectedIndex())]
	if err := storeWorrySettings(f.n.store, s); err != nil {
		fyne.LogError("worry time", err)
		msg := tr("worry.err.save")
		if errors.Is(err, exercises.ErrWorryTimeFormat) {
			msg = notATime(f.at.Text)
		}
		f.msg.problem(msg)
		return
	}
	f.d.Hide()
	f.n.describeTime()
}
