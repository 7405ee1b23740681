package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ontspan/ontspan/assets"
	"github.com/ontspan/ontspan/exercises"
	"github.com/ontspan/ontspan/exercises/diary"
)

// ritualStore is where the user's rituals live: *diary.Store.
type ritualStore interface {
	Rituals() ([]exercises.Ritual, error)
	AddRitual(r *exercises.Ritual) error
	UpdateRitual(r exercises.Ritual) (exercises.Ritual, error)
	DeleteRitual(id int64) (exercises.Ritual, error)
	RestoreRitual(r exercises.Ritual) error
}

// myRituals are the user's own rituals; none without a diary.
func myRituals(st ritualStore) []exercises.Ritual {
	if st == nil {
		return nil
	}
	rs, err := st.Rituals()
	if err != nil {
		fyne.LogError("rituals", err)
		return nil
	}
	return rs
}

// ritualEnv is what the rituals' steps run with: the saved rhythms, the own
// muscle set and the muscle timing, as the set-up screens keep them.
func (d *appData) ritualEnv() exercises.RitualEnv {
	t := exercises.DefaultPMRTiming()
	t.Release = time.Duration(pmrRelease(d.prefs.PMRRelease())) * time.Second
	return exercises.RitualEnv{Patterns: d.prefs.Patterns(), PMRMine: d.prefs.PMRMine(), PMRTiming: t}
}

// findRitualNamed finds a ritual by id, by one of mine's names, or by a
// built-in's name in any language ("Evening ritual", "Avondritueel").
func findRitualNamed(name string, mine []exercises.Ritual) (exercises.Ritual, bool) {
	if r, ok := exercises.FindRitualNamed(name, mine); ok {
		return r, true
	}
	name = strings.TrimSpace(name)
	for _, r := range exercises.BuiltinRituals() {
		for _, l := range assets.Languages {
			if m, err := assets.Messages(l); err == nil {
				if n, ok := m[r.Key].(string); ok && strings.EqualFold(n, name) {
					return r, true
				}
			}
		}
	}
	return exercises.Ritual{}, false
}

// ritualTile is home's card for the rituals: the one for this hour (the
// evening ritual after 18:00), one tap to its start.
func (h *home) ritualTile() *tile {
	first := h.facts.ritualNow()
	return newTile(ritualName(first), ritualSummary(first, h.facts.ritualEnv()), theme.ListIcon(), func() { h.nav.runRitual(first) })
}

// ritualNow is the ritual for this hour: the evening ritual after 18:00.
func (d *appData) ritualNow() exercises.Ritual {
	return exercises.RitualsAt(d.clock.Now(), myRituals(d.ritualStore()))[0]
}

// eveningLeads reports whether home shows the ritual card above the others:
// in the evening, when winding down is what most people open the app for.
func (d *appData) eveningLeads() bool {
	h := d.clock.Now().Hour()
	return h >= exercises.EveningFrom || h < exercises.EveningUntil
}

// ritualList lists the rituals with Start, Edit (or Copy for a built-in)
// and Delete, and a bar to undo a delete.
type ritualList struct {
	nav   navigator
	store ritualStore // nil without a diary: the built-ins only
	clock exercises.Clock
	env   exercises.RitualEnv
	start func(exercises.Ritual)
	edit  func(exercises.Ritual)

	rows    *fyne.Container
	undoBar *undoBar
	buttons map[string]*button // "start:uid", "edit:uid", "copy:uid", "delete:uid", for tests
}

func newRitualList(nav navigator, st ritualStore, c exercises.Clock, env exercises.RitualEnv,
	start, edit func(exercises.Ritual)) *ritualList {
	return &ritualList{nav: nav, store: st, clock: c, env: env, start: start, edit: edit}
}

func (l *ritualList) view() fyne.CanvasObject {
	l.rows = container.NewVBox()
	l.undoBar = newUndoBar(l.clock, undoInList)
	l.refresh()
	body := container.NewVBox(para(tr("ritual.list.intro")), l.undoBar, l.rows)
	var actions []fyne.CanvasObject
	if l.store != nil {
		actions = append(actions, newPrimaryButton(tr("ritual.new"), theme.ContentAddIcon(), func() { l.edit(exercises.Ritual{}) }))
	}
	return page(l.nav.Home, tr("ritual.list.title"), body, actions...)
}

func (l *ritualList) refresh() {
	l.rows.RemoveAll()
	l.buttons = map[string]*button{}
	for _, r := range exercises.RitualsAt(l.clock.Now(), myRituals(l.store)) {
		l.rows.Add(l.row(r))
	}
}

func (l *ritualList) row(r exercises.Ritual) fyne.CanvasObject {
	// One rich text for the name and the steps: two labels would put two
	// paddings between them, and the list would not fit three rituals.
	about := widget.NewRichText(
		&widget.TextSegment{Text: ritualName(r), Style: widget.RichTextStyle{TextStyle: fyne.TextStyle{Bold: true}}},
		&widget.TextSegment{Text: ritualSummary(r, l.env), Style: widget.RichTextStyleParagraph},
	)
	about.Wrapping = fyne.TextWrapWord
	start := newPrimaryButton(tr("ritual.start"), theme.MediaPlayIcon(), func() { l.start(r) })
	l.buttons["start:"+r.UID] = start
	acts := []fyne.CanvasObject{start}
	if l.store != nil {
		if r.Builtin() {
			cp := newButton(tr("ritual.copy"), theme.ContentCopyIcon(), func() {
				c, err := exercises.CopyRitual(r, tr("ritual.copy.name", map[string]any{"Name": ritualName(r)}))
				if err == nil {
					l.edit(c)
				}
			})
			l.buttons["copy:"+r.UID] = cp
			acts = append(acts, cp)
		} else {
			ed := newButton(tr("ritual.edit"), theme.DocumentCreateIcon(), func() { l.edit(r) })
			del := newButton(tr("ritual.delete"), theme.DeleteIcon(), func() { l.remove(r) })
			l.buttons["edit:"+r.UID], l.buttons["delete:"+r.UID] = ed, del
			acts = append(acts, ed, del)
		}
	}
	return card(container.NewVBox(about, container.NewHBox(append(acts, layout.NewSpacer())...)))
}

// remove deletes r and offers to bring it back for a few seconds.
func (l *ritualList) remove(r exercises.Ritual) {
	gone, err := l.store.DeleteRitual(r.ID)
	if err != nil {
		fyne.LogError("delete ritual", err)
		inform(tr("ritual.delete"), tr("ritual.err.save"), l.nav.window())
		return
	}
	l.undoBar.offer(tr("ritual.deleted", map[string]any{"Name": gone.Name}), func() { l.restore(gone) })
	l.refresh()
}

// restore brings a deleted ritual back: the undo bar's Undo.
func (l *ritualList) restore(r exercises.Ritual) {
	if err := l.store.RestoreRitual(r); err != nil {
		fyne.LogError("restore ritual", err)
	}
	l.refresh()
}

func (l *ritualList) key(e *fyne.KeyEvent) {
	if e.Name == fyne.KeyEscape {
		l.nav.Home()
	}
}

// leave stops the undo timer: nothing may touch a screen that is gone.
func (l *ritualList) leave() { l.undoBar.stop() }

// ritualDaysSpan is how many days the diary's ritual line looks back.
const ritualDaysSpan = 14

// ritualDiaryLines are the diary's lines on rituals and the pace test: how
// often each ritual was done in the last two weeks ("Evening ritual: 12
// evenings in the last 14"), then the last pace test and the one before.
func ritualDiaryLines(st *diary.Store, now time.Time) []string {
	var out []string
	for _, r := range exercises.RitualsAt(now, myRituals(st)) {
		n, err := st.RitualDays(r.UID, now, time.Local, ritualDaysSpan)
		if err != nil || n == 0 {
			continue
		}
		key := "ritual.days"
		if r.UID == exercises.RitualEvening && n > 1 { // "1 evenings" reads wrong; "1 of the last 14 days" does not
			key = "ritual.evenings"
		}
		out = append(out, tr(key, map[string]any{"Ritual": ritualName(r), "Days": n, "Of": ritualDaysSpan}))
	}
	tests, err := st.PaceTests(2)
	if err == nil {
		out = append(out, paceDiaryLines(tests, now)...)
	}
	return out
}
