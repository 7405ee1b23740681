package ui

import (
	"errors"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ontspan/ontspan/exercises"
)

// dimTheme softens a screen's text for a racing head in bed: the text
// colour moves part of the way towards the background, in the dark and the
// light variant alike, so nothing is hard-coded and the theme still leads.
// It never goes below WCAG AA (4.5:1) on any surface text sits on, and
// leaves buttons' own colours alone.
type dimTheme struct{ fyne.Theme }

// dimBy is how far the text moves towards the background at most: enough
// to be calmer, not so far that it gets hard to read.
const dimBy = 0.3

// dimSurfaces are what text is drawn on in the dimmed screens, each a
// stack of theme colours from the bottom up (Fyne tints focus, hover and
// selection over what is below).
var dimSurfaces = [][]fyne.ThemeColorName{
	{theme.ColorNameBackground}, {theme.ColorNameInputBackground}, {theme.ColorNameOverlayBackground},
	{theme.ColorNameMenuBackground}, {theme.ColorNameButton}, {theme.ColorNameHeaderBackground},
	{theme.ColorNameBackground, theme.ColorNameButton, theme.ColorNameFocus},
	{theme.ColorNameBackground, theme.ColorNameFocus},
	{theme.ColorNameBackground, theme.ColorNameHover},
	{theme.ColorNameBackground, theme.ColorNameSelection},
}

func (t dimTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	c := t.Theme.Color(n, v)
	if n != theme.ColorNameForeground {
		return c
	}
	var surfaces []color.Color
	for _, stack := range dimSurfaces {
		var s color.Color = t.Theme.Color(stack[0], v)
		for _, top := range stack[1:] {
			s = over(t.Theme.Color(top, v), s)
		}
		surfaces = append(surfaces, s)
	}
	bg := t.Theme.Color(theme.ColorNameBackground, v)
	// The most dimming, in steps, that keeps 4.5:1 (with a little margin)
	// on every surface.
	for f := dimBy; f > 0; f -= 0.02 {
		d := blend(c, bg, f)
		ok := true
		for _, s := range surfaces {
			if contrast(d, s) < 4.6 {
				ok = false
				break
			}
		}
		if ok {
			return d
		}
	}
	return c
}

// blend mixes a towards b by f (0 keeps a, 1 gives b). Pure, for tests.
func blend(a, b color.Color, f float64) color.NRGBA {
	ca, cb := color.NRGBAModel.Convert(a).(color.NRGBA), color.NRGBAModel.Convert(b).(color.NRGBA)
	mix := func(x, y uint8) uint8 { return uint8(float64(x)*(1-f) + float64(y)*f + 0.5) }
	return color.NRGBA{R: mix(ca.R, cb.R), G: mix(ca.G, cb.G), B: mix(ca.B, cb.B), A: ca.A}
}

// dimmed wraps a screen in the dim theme.
func dimmed(o fyne.CanvasObject) fyne.CanvasObject {
	return container.NewThemeOverride(o, dimTheme{fyne.CurrentApp().Settings().Theme()})
}

// sensesSetup offers the two variants and the optional rating.
type sensesSetup struct {
	nav      navigator
	run      runDeps
	remember func(variant string) // keeps the choice for next time
	variant  string
	choice   *radioGroup
	before   *ratingRow
}

func newSensesSetup(nav navigator, run runDeps, v string, remember func(string)) *sensesSetup {
	if _, err := exercises.SensesExercise(v); err != nil {
		v = exercises.SensesBasic
	}
	return &sensesSetup{nav: nav, run: run, remember: remember, variant: v}
}

func (s *sensesSetup) view() fyne.CanvasObject {
	ids := []string{exercises.SensesBasic, exercises.Senses54321}
	var names []string
	for _, id := range ids {
		names = append(names, tr("senses.variant."+id))
	}
	about := para("")
	pick := func(id string) {
		s.variant = id
		s.remember(id)
		about.SetText(tr("senses.variant." + id + ".about"))
	}
	s.choice = newChoiceRow(ids, names, s.variant, pick)
	pick(s.variant) // newSensesSetup made it one of ids
	s.before = newRatingRow(tr("rating.before"), exercises.NoRating, nil)
	start := newPrimaryButton(tr("senses.start"), theme.MediaPlayIcon(), s.begin)
	body := container.NewVBox(
		para(tr("senses.about")),
		boldLabel(tr("senses.variant")),
		s.choice,
		about,
		s.before.box,
		para(tr("senses.keys")),
	)
	return dimmed(page(s.nav.Home, tr("senses.title"), body, start))
}

func (s *sensesSetup) begin() {
	s.nav.show(newSensesRun(s.nav, s.run, s.variant, s.before.value))
}

func (s *sensesSetup) key(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeySpace, fyne.KeyReturn, fyne.KeyEnter:
		s.begin()
	case fyne.KeyEscape:
		s.nav.Home()
	}
}

// sensesRun shows one prompt at a time, self-paced: no timer, no animation.
type sensesRun struct {
	nav     navigator
	run     runDeps
	variant string
	before  int
	sess    *exercises.Session
	notes   exercises.SensesNotes
	over    bool

	step, prompt *widget.Label
	note         *entry // a word or two; Esc and the window's shortcuts pass through
	problem      *widget.Label
	noteBox      *fyne.Container
	body         *fyne.Container // re-laid out when a prompt of another length comes
	nextBt       *button
}

func newSensesRun(nav navigator, run runDeps, variant string, before int) *sensesRun {
	ex, err := exercises.SensesExercise(variant)
	if err != nil {
		ex, _ = exercises.SensesExercise(exercises.SensesBasic)
	}
	r := &sensesRun{nav: nav, run: run, variant: ex.Variant, before: before}
	r.sess = exercises.NewSession(ex, run.clock)
	r.notes = exercises.NewSensesNotes(ex)
	return r
}

func (r *sensesRun) view() fyne.CanvasObject {
	r.step = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{})
	r.prompt = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{})
	r.prompt.SizeName = theme.SizeNameHeadingText
	r.prompt.Wrapping = fyne.TextWrapWord
	r.note = newEntry()
	r.note.SetPlaceHolder(tr("senses.note.hint"))
	r.note.OnSubmitted = func(string) { r.next() }
	r.problem = newProblemLabel()
	r.note.limitTo(exercises.MaxSenseNoteRunes, func(m string) { r.problem.SetText(m); r.problem.Show() })
	r.noteBox = container.NewVBox(r.note, r.problem)
	r.nextBt = newButton(tr("ex.next"), theme.NavigateNextIcon(), r.next)
	stop := newButton(tr("ex.stop"), theme.MediaStopIcon(), r.stop)

	r.body = container.New(promptColumn{}, r.step, r.prompt, container.NewPadded(r.noteBox))
	bottom := container.NewHBox(layout.NewSpacer(), r.nextBt, stop, layout.NewSpacer())
	content := container.New(&maxWidth{width: 640},
		container.NewBorder(container.NewPadded(heading(tr("senses.title"))), container.NewPadded(bottom), nil, nil, container.NewPadded(r.body)))

	// Typing with nothing focused goes into the note: no click needed first.
	r.nav.window().Canvas().SetOnTypedRune(r.typedRune)
	r.show()
	return dimmed(content)
}

// onShow starts the session once the first prompt is on screen.
func (r *sensesRun) onShow() {
	r.sess.Start()
	r.run.holding(true)
}

// show puts the current prompt on screen.
func (r *sensesRun) show() {
	p := r.sess.Now()
	if p.State == exercises.Finished || p.State == exercises.Stopped {
		r.finish()
		return
	}
	// A prompt of more lines than the last must push the field down, not
	// hide under it: lay the column out again once the texts are in.
	defer r.body.Refresh()
	g := exercises.GroupOf(r.sess.Exercise(), p.Index)
	r.prompt.SetText(tr(p.Step.Text))
	if g == exercises.NoGroup { // the closing
		r.step.SetText("")
		r.noteBox.Hide()
		r.nextBt.SetText(tr("ex.finish"))
		r.nextBt.SetIcon(theme.ConfirmIcon())
		r.nav.window().Canvas().Unfocus()
		return
	}
	r.step.SetText(tr("senses.step", map[string]any{"N": g + 1, "Of": len(r.notes)}))
	r.note.SetText(r.notes[g])
	r.problem.Hide()
}

// closing reports whether the session is on its closing words: every
// prompt has been answered or passed.
func (r *sensesRun) closing() bool {
	p := r.sess.Now()
	return p.State == exercises.Running && exercises.GroupOf(r.sess.Exercise(), p.Index) == exercises.NoGroup
}

// next keeps the prompt's note and goes on. A note that cannot be kept
// stays in the field with a sentence beside it, and the prompt stays.
func (r *sensesRun) next() {
	if r.over {
		return
	}
	if !r.keepNote() {
		return
	}
	r.sess.Skip()
	r.show()
}

// keepNote stores what is typed for the current prompt; false (and a
// message by the field) when it cannot be kept.
func (r *sensesRun) keepNote() bool {
	g := exercises.GroupOf(r.sess.Exercise(), r.sess.Now().Index)
	if g == exercises.NoGroup {
		return true
	}
	if err := r.notes.Set(g, r.note.Text); err != nil {
		r.problem.SetText(senseNoteError(err))
		r.problem.Show()
		return false
	}
	r.problem.Hide()
	return true
}

func senseNoteError(err error) string {
	if errors.Is(err, exercises.ErrSenseNoteTooLong) {
		return tr("senses.note.long", map[string]any{"N": exercises.MaxSenseNoteRunes})
	}
	return tr("senses.note.bad")
}

// typedRune starts the note when the user simply types. Space stays "next".
func (r *sensesRun) typedRune(c rune) {
	if r.over || c == ' ' || r.noteBox.Hidden {
		return
	}
	r.nav.window().Canvas().Focus(r.note)
	r.note.TypedRune(c)
}

// stop ends the session early. On the closing words there is nothing left
// to do, so it is the same as Finish: the session counts as completed.
func (r *sensesRun) stop() {
	if r.over {
		return
	}
	if r.closing() {
		r.sess.Skip()
		r.show()
		return
	}
	r.keepNote() // what can be kept is kept; the rest is not worth a stop
	r.sess.Stop()
	r.show()
}

// sensesPlanned is the planned length logged for a five-senses session:
// none. It is self-paced, with no timer and nothing to fall short of; the
// diary shows the time actually taken and whether every prompt was reached.
const sensesPlanned = 0

// finish logs the session, with the notes as its diary note.
func (r *sensesRun) finish() {
	if r.over {
		return
	}
	r.over = true
	r.nav.window().Canvas().SetOnTypedRune(nil)
	e := r.run.log.record(r.sess, sensesPlanned, r.before)
	joined := r.notes.Joined()
	if e != nil && joined != "" {
		was := *e
		e.Note = joined
		if err := r.run.log.updateEntry(was, *e); err != nil {
			e.Note = "" // the done screen saves it again on leaving
			r.run.log.diaryError(err)
		}
	}
	again := func() { r.nav.show(newSensesRun(r.nav, r.run, r.variant, exercises.NoRating)) }
	done := newDoneScreen(r.nav, r.run, r.sess, e, r.before, again)
	r.nav.show(done)
	if done.note != nil && joined != "" {
		done.note.SetText(joined) // shown, and editable, with the rest of the note
	}
}

// leave stops and logs a session the user navigates or quits away from;
// on the closing words it is logged as completed.
func (r *sensesRun) leave() {
	if !r.over {
		if r.closing() {
			r.sess.Skip()
		} else {
			r.keepNote()
			r.sess.Stop()
		}
		r.finishQuietly()
	}
}

// finishQuietly logs without showing the done screen (the window is going).
func (r *sensesRun) finishQuietly() {
	r.over = true
	r.nav.window().Canvas().SetOnTypedRune(nil)
	if e := r.run.log.record(r.sess, sensesPlanned, r.before); e != nil {
		was := *e
		if e.Note = r.notes.Joined(); e.Note != "" {
			if err := r.run.log.updateEntry(was, *e); err != nil {
				fyne.LogError("diary", err)
			}
		}
	}
}

func (r *sensesRun) key(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeySpace, fyne.KeyReturn, fyne.KeyEnter:
		r.next()
	case fyne.KeyEscape:
		r.stop()
	}
}
