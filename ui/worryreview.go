package ui

import (
	"errors"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ontspan/ontspan/exercises"
)

// reviewStore is what the review reads and changes in the diary.
type reviewStore interface {
	dueWorries
	Worries(state exercises.WorryState) ([]exercises.Worry, error)
	UpdateWorry(w exercises.Worry) error
}

// worryReview shows one due worry at a time and asks what to do with it:
// handled, still matters (with a next step), park again, or let it go.
type worryReview struct {
	nav      navigator
	store    reviewStore // nil without a diary
	clock    exercises.Clock
	settings exercises.WorrySettings
	queue    []exercises.Worry
	i        int // the worry on screen

	progress, text, meta *widget.Label
	choices              *fyne.Container
	stepBox, reparkBox   *fyne.Container
	step                 *worryText
	stepBack             *widget.Label // when a worry with a next step comes back
	picker               *revisitPicker
	msg                  worryNote
	suggest              *button
	suggested            time.Time
	current              *fyne.Container // the worry and its choices
	end                  *fyne.Container // shown when all are looked at
	endText              *widget.Label
	handledBt, mattersBt *button
	reparkBt, letGoBt    *button
}

func newWorryReview(nav navigator, st reviewStore, clock exercises.Clock, settings exercises.WorrySettings) *worryReview {
	r := &worryReview{nav: nav, store: st, clock: clock, settings: settings}
	if st != nil {
		due, err := st.DueWorries(clock.Now())
		if err != nil {
			fyne.LogError("due worries", err)
		}
		r.queue = due
	}
	return r
}

func (r *worryReview) view() fyne.CanvasObject {
	r.progress = widget.NewLabel("")
	r.text = widget.NewLabel("")
	r.text.Wrapping = fyne.TextWrapWord
	r.text.SizeName = theme.SizeNameSubHeadingText
	r.meta = widget.NewLabel("")
	r.meta.TextStyle.Italic = true
	r.meta.Wrapping = fyne.TextWrapWord
	r.msg = newWorryNote()

	r.handledBt = newButton(tr("worry.review.handled"), theme.ConfirmIcon(), r.handled)
	r.mattersBt = newButton(tr("worry.review.matters"), theme.DocumentCreateIcon(), r.openStep)
	r.reparkBt = newButton(tr("worry.review.repark"), theme.HistoryIcon(), r.openRepark)
	r.letGoBt = newButton(tr("worry.review.letgo"), theme.CancelIcon(), r.letGo)
	r.choices = worryColumns(r.handledBt, r.mattersBt, r.reparkBt, r.letGoBt)

	r.step = newWorryText(false, tr("worry.review.step.hint"), r.saveStep)
	r.step.limitTo(worryLineMax, r.msg.problem) // a stray paste is refused, and said
	saveStep := newPrimaryButton(tr("worry.review.step.save"), theme.ConfirmIcon(), r.saveStep)
	r.stepBack = para("")
	r.stepBox = container.NewVBox(boldLabel(tr("worry.review.step")), container.NewBorder(nil, nil, nil, saveStep, r.step), r.stepBack)
	r.stepBox.Hide()

	r.reparkBox = container.NewVBox()
	r.reparkBox.Hide()
	r.suggest = newButton("", theme.HistoryIcon(), func() { r.reparkAt(r.suggested) })
	r.suggest.Hide()

	ask := boldLabel(tr("worry.review.ask"))
	r.current = container.NewVBox(r.progress, card(r.text), r.meta, ask, r.choices, r.stepBox, r.reparkBox, r.msg.Label, r.suggest)

	breathe := newButton(tr("worry.park.breathing"), theme.MediaPlayIcon(), func() {
		r.nav.StartBreathing(exercises.Pattern46.ID, exercises.Length{Minutes: 2})
	})
	// Both close the review with the body, as the line above them says.
	check := newButton(tr("worry.park.bodycheck"), theme.ConfirmIcon(), r.nav.MiniCheck)
	r.endText = para("")
	r.end = container.NewVBox(r.endText, para(tr("worry.park.close")), container.NewHBox(breathe, check))
	r.end.Hide()

	top := container.NewVBox()
	if r.settings.WorryTimeOn && len(r.queue) > 0 {
		slot := para(tr("worry.review.slot", map[string]any{"N": r.settings.WorryMinutes}))
		slot.TextStyle.Italic = true
		top.Add(slot)
	}
	body := container.NewVBox(top, r.current, r.end)
	r.showCurrent()
	done := newButton(tr("worry.park.finish"), theme.HomeIcon(), r.nav.Home)
	return page(r.nav.Home, tr("worry.review.title"), body, done)
}

// showCurrent shows the worry at r.i, or the end.
func (r *worryReview) showCurrent() {
	r.stepBox.Hide()
	r.reparkBox.Hide()
	r.msg.clear()
	r.suggest.Hide()
	r.mark(nil)
	if r.i >= len(r.queue) {
		r.current.Hide()
		r.endText.SetText(r.ending())
		r.end.Show()
		return
	}
	w := r.queue[r.i]
	now := r.clock.Now()
	r.progress.SetText(tr("worry.review.count", map[string]any{"N": r.i + 1, "Of": len(r.queue)}))
	r.text.SetText(w.Text)
	meta := tr("worry.review.parked", map[string]any{"When": momentText(w.Created, now)})
	if w.NextStep != "" { // it came back after a next step: how did it go?
		meta += "\n" + tr("worry.meta.step", map[string]any{"Step": w.NextStep})
	}
	r.meta.SetText(meta)
	r.current.Show()
	r.end.Hide()
}

// ending is what the end says: all looked at, or nothing was due.
func (r *worryReview) ending() string {
	if len(r.queue) > 0 {
		return tr("worry.review.end")
	}
	text := tr("worry.review.none")
	if r.store != nil {
		ws, err := r.store.Worries(exercises.WorryWaiting)
		now := r.clock.Now()
		if at, ok := exercises.NextDue(ws, now); err == nil && ok {
			text += " " + tr("worry.review.next", map[string]any{"When": momentText(at, now)})
		}
	}
	return text
}

// decide saves what the engine made of the worry and moves on.
func (r *worryReview) decide(w exercises.Worry, err error) {
	if err == nil {
		err = r.store.UpdateWorry(w)
		if err != nil {
			fyne.LogError("review worry", err)
		}
	}
	if err != nil {
		r.msg.problem(worryMessage(err, ""))
		if errors.Is(err, exercises.ErrRevisitPast) {
			now := r.clock.Now()
			r.suggested = exercises.DefaultRevisit(now, r.settings)
			r.suggest.SetText(tr("worry.review.suggest", map[string]any{"When": momentText(r.suggested, now)}))
			r.suggest.Show()
		}
		return
	}
	r.queue[r.i] = w
	r.i++
	r.showCurrent()
}

func (r *worryReview) worry() (exercises.Worry, bool) {
	if r.i >= len(r.queue) || r.store == nil {
		return exercises.Worry{}, false
	}
	return r.queue[r.i], true
}

func (r *worryReview) handled() {
	if w, ok := r.worry(); ok {
		r.decide(exercises.Handled(w, r.clock.Now()))
	}
}

func (r *worryReview) letGo() {
	if w, ok := r.worry(); ok {
		r.decide(exercises.LetGo(w, r.clock.Now()))
	}
}

// openStep asks for the next small step, and says when the worry comes
// back with it.
func (r *worryReview) openStep() {
	r.reparkBox.Hide()
	r.msg.clear()
	r.suggest.Hide()
	now := r.clock.Now()
	r.stepBack.SetText(tr("worry.review.step.back", map[string]any{"When": momentText(r.stepRevisit(now), now)}))
	r.stepBox.Show()
	r.mark(r.mattersBt)
	r.nav.window().Canvas().Focus(r.step)
}

// mark shows which choice's box is open.
func (r *worryReview) mark(open *button) {
	for _, b := range []*button{r.handledBt, r.mattersBt, r.reparkBt, r.letGoBt} {
		imp := widget.MediumImportance
		if b == open {
			imp = widget.HighImportance
		}
		if b.Importance != imp {
			b.Importance = imp
			b.Refresh()
		}
	}
}

func (r *worryReview) saveStep() {
	w, ok := r.worry()
	if !ok {
		return
	}
	now := r.clock.Now()
	got, err := exercises.NextStep(w, r.step.Text, r.stepRevisit(now), now)
	if err != nil {
		r.msg.problem(worryMessage(err, r.step.Text))
		r.nav.window().Canvas().Focus(r.step)
		return
	}
	r.step.SetText("")
	r.decide(got, nil)
}

// stepRevisit is when a worry that still matters comes back with its next
// step: at the next worry time, or the default time tomorrow.
func (r *worryReview) stepRevisit(now time.Time) time.Time {
	return exercises.DefaultRevisit(now, r.settings)
}

// openRepark offers the quick choices again, for now.
func (r *worryReview) openRepark() {
	r.stepBox.Hide()
	r.msg.clear()
	r.suggest.Hide()
	r.picker = newRevisitPicker(r.clock.Now(), r.settings, r.repark)
	save := newPrimaryButton(tr("worry.review.repark.save"), theme.ConfirmIcon(), r.repark)
	r.reparkBox.Objects = []fyne.CanvasObject{boldLabel(tr("worry.park.when")), r.picker.box, container.NewHBox(save)}
	r.reparkBox.Show()
	r.reparkBox.Refresh()
	r.mark(r.reparkBt)
}

func (r *worryReview) repark() {
	if r.picker == nil {
		return
	}
	at, err := r.picker.at()
	if err != nil {
		r.msg.problem(worryMessage(err, ""))
		return
	}
	r.reparkAt(at)
}

func (r *worryReview) reparkAt(at time.Time) {
	if w, ok := r.worry(); ok {
		r.decide(exercises.Repark(w, at, r.clock.Now()))
	}
}

func (r *worryReview) key(e *fyne.KeyEvent) {
	if e.Name == fyne.KeyEscape {
		r.nav.Home()
	}
}
