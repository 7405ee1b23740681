package ui

import (
	"math"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ontspan/ontspan/exercises"
)

// ritualName is a ritual's shown name: translated for the built-ins.
func ritualName(r exercises.Ritual) string {
	if r.Builtin() {
		return tr(r.Key)
	}
	return r.Name
}

// ritualStepName says what a step is: "A warm shower", "4-6 breathing, 5 min".
func ritualStepName(s exercises.RitualStep, env exercises.RitualEnv) string {
	switch s.Technique {
	case "":
		if s.TextKey != "" {
			return tr(s.TextKey)
		}
		return s.Text
	case exercises.Breathing:
		name := s.Variant
		if p, ok := exercises.FindPattern(s.Variant, env.Patterns); ok {
			name = patternName(p)
		}
		return tr("ritual.step.minutes", map[string]any{"Name": name, "Minutes": s.Minutes})
	case exercises.PMR:
		return tr("ritual.step.pmr." + s.Variant)
	case exercises.Senses:
		return tr("ritual.step.senses." + s.Variant)
	case exercises.MiniCheck:
		return tr("minicheck.title")
	}
	return string(s.Technique)
}

// ritualSummary is a ritual's steps on one line, and how long it takes.
func ritualSummary(r exercises.Ritual, env exercises.RitualEnv) string {
	var names []string
	for _, s := range r.Steps {
		names = append(names, ritualStepName(s, env))
	}
	text := strings.Join(names, " → ")
	if timed, err := exercises.RitualLength(r, env); err == nil && timed > 0 {
		text += " · " + tr("ritual.about", map[string]any{"Minutes": int(math.Round(timed.Minutes()))})
	}
	return text
}

// ritualStepRun is an exercise screen that can run a ritual's step: the
// breathing, muscle relaxation and mini-check screens, through timedRun.
type ritualStepRun interface {
	screen
	keyed
	leaving
	frame()
	ritualStep(sess *exercises.Session, back func(left bool))
}

// ritualRun runs a ritual: the before-rating, each task with its Done, the
// hand-over between steps, the after-rating. Exercise steps run in their
// own screens (ritualStepScreen) and hand back here when they end. The
// runner logs each exercise step, with the ritual's name, once.
type ritualRun struct {
	nav  navigator
	run  runDeps
	rr   *exercises.RitualRunner
	env  exercises.RitualEnv
	list func() // the list of rituals, for "All rituals"

	before, after *ratingRow
	startsIn      *widget.Label
	shown         exercises.RitualView
	stopTick      chan struct{}
	errTold       bool
}

func newRitualRun(nav navigator, run runDeps, r exercises.Ritual, env exercises.RitualEnv,
	log exercises.RitualLog, list func()) (*ritualRun, error) {
	rr, err := exercises.NewRitualRunner(r, env, run.clock, log)
	if err != nil {
		return nil, err
	}
	return &ritualRun{nav: nav, run: run, rr: rr, env: env, list: list}, nil
}

func (s *ritualRun) name() string { return ritualName(s.rr.Ritual()) }

func (s *ritualRun) view() fyne.CanvasObject {
	v := s.rr.Now()
	s.shown = v
	switch v.Phase {
	case exercises.RitualBefore:
		return s.beforeView()
	case exercises.RitualRunning:
		return s.taskView(v)
	case exercises.RitualHandOver:
		return s.handOverView(v)
	case exercises.RitualAfter:
		return s.afterView(v)
	}
	return page(s.nav.Home, s.name(), para(tr("ritual.over")), newPrimaryButton(tr("ritual.home"), theme.HomeIcon(), s.nav.Home))
}

func (s *ritualRun) beforeView() fyne.CanvasObject {
	steps := container.NewVBox()
	for i, st := range s.rr.Ritual().Steps {
		steps.Add(widget.NewLabel(tr("ritual.step.line", map[string]any{"N": i + 1, "Step": ritualStepName(st, s.env)})))
	}
	s.before = newRatingRow(tr("rating.before"), exercises.NoRating, nil)
	body := container.NewVBox(steps)
	if timed := s.rr.Length(); timed > 0 {
		body.Add(para(tr("ritual.length", map[string]any{"Minutes": int(math.Round(timed.Minutes()))})))
	}
	body.Add(s.before.box)
	body.Add(para(tr("ritual.keys.before")))
	if s.list != nil {
		body.Add(container.NewHBox(newLink(tr("ritual.all"), s.list)))
	}
	start := newPrimaryButton(tr("ritual.start"), theme.MediaPlayIcon(), s.begin)
	return page(s.nav.Home, s.name(), body, start)
}

func (s *ritualRun) stepOf(v exercises.RitualView) *widget.Label {
	return widget.NewLabel(tr("ritual.step.of", map[string]any{"N": v.Index + 1, "Of": v.Steps}))
}

func (s *ritualRun) taskView(v exercises.RitualView) fyne.CanvasObject {
	text := heading(ritualStepName(v.Step, s.env))
	text.Alignment = fyne.TextAlignCenter
	hint := para(tr("ritual.task.hint"))
	hint.Alignment = fyne.TextAlignCenter
	body := container.NewVBox(s.stepOf(v), layout.NewSpacer(), text, hint, layout.NewSpacer(), para(tr("ritual.keys.task")))
	done := newPrimaryButton(tr("ritual.done"), theme.ConfirmIcon(), s.done)
	return page(nil, s.name(), body, s.actions(done))
}

func (s *ritualRun) handOverView(v exercises.RitualView) fyne.CanvasObject {
	next := heading(tr("ritual.next", map[string]any{"Step": ritualStepName(v.Step, s.env)}))
	next.Alignment = fyne.TextAlignCenter
	s.startsIn = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{})
	s.startsIn.SizeName = theme.SizeNameSubHeadingText
	s.showStartsIn(v)
	body := container.NewVBox(s.stepOf(v), layout.NewSpacer(), next, s.startsIn, layout.NewSpacer(), para(tr("ritual.keys.handover")))
	now := newPrimaryButton(tr("ritual.startnow"), theme.MediaPlayIcon(), s.startNow)
	s.startTicking()
	return page(nil, s.name(), body, s.actions(now))
}

// actions puts the primary button over Skip and Stop: three in a row do
// not fit a 360 px window.
func (s *ritualRun) actions(primary *button) fyne.CanvasObject {
	skip := newButton(tr("ex.skip"), theme.MediaSkipNextIcon(), s.skip)
	stop := newButton(tr("ritual.stop"), theme.MediaStopIcon(), s.stop)
	return container.NewVBox(container.NewCenter(primary), container.NewHBox(layout.NewSpacer(), skip, stop, layout.NewSpacer()))
}

func (s *ritualRun) showStartsIn(v exercises.RitualView) {
	secs := int(math.Ceil(v.StartsIn.Seconds()))
	setText(s.startsIn, tr("ritual.startsin", map[string]any{"Seconds": secs}))
}

func (s *ritualRun) afterView(v exercises.RitualView) fyne.CanvasObject {
	text := tr("ritual.after.done")
	if v.Stopped {
		text = tr("ritual.after.stopped")
	}
	s.after = newRatingRow(tr("rating.after"), exercises.NoRating, nil)
	body := container.NewVBox(para(text))
	if len(s.rr.Logged()) > 0 { // the rating goes on the last exercise logged; with none it would be lost
		body.Add(s.after.box)
	}
	finish := newPrimaryButton(tr("ex.finish"), theme.ConfirmIcon(), s.finish)
	return page(nil, s.name(), body, finish)
}

// startTicking counts the hand-over down once a second, and starts the next
// step when it runs out; leave stops it. A second is what the label shows.
func (s *ritualRun) startTicking() {
	s.stopTicking()
	stop := make(chan struct{})
	s.stopTick = stop
	go func() {
		t := time.NewTicker(time.Second)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				fyne.Do(func() {
					select {
					case <-stop: // left meanwhile
					default:
						s.run.guard(s.tick)
					}
				})
			}
		}
	}()
}

func (s *ritualRun) stopTicking() {
	if s.stopTick != nil {
		close(s.stopTick)
		s.stopTick = nil
	}
}

// tick reads the runner: the countdown, or the next step when it ran out.
// Tests call it after moving the fake clock.
func (s *ritualRun) tick() {
	v := s.rr.Now()
	if v.Phase != s.shown.Phase || v.Index != s.shown.Index {
		s.move()
		return
	}
	if v.Phase == exercises.RitualHandOver && s.startsIn != nil {
		s.showStartsIn(v)
	}
}

// move shows where the run is now: an exercise's own screen, or this one.
func (s *ritualRun) move() {
	if err := s.rr.Err(); err != nil && !s.errTold {
		s.errTold = true
		s.run.log.diaryError(err)
	}
	v := s.rr.Now()
	switch {
	case v.Phase == exercises.RitualRunning && v.Session != nil:
		s.nav.show(s.stepScreen(v))
	case v.Phase == exercises.RitualOver:
		s.nav.Home()
	default:
		s.nav.show(s)
	}
}

func (s *ritualRun) begin() {
	s.rr.Begin(s.before.value) // each exercise step holds the reminders while it runs
	s.move()
}

func (s *ritualRun) done()     { s.rr.Done(); s.move() }
func (s *ritualRun) skip()     { s.rr.Skip(); s.move() }
func (s *ritualRun) stop()     { s.rr.Stop(); s.move() }
func (s *ritualRun) startNow() { s.rr.StartNow(); s.move() }

func (s *ritualRun) finish() {
	s.rr.Finish(s.after.value)
	s.move()
}

func (s *ritualRun) key(e *fyne.KeyEvent) {
	switch s.shown.Phase {
	case exercises.RitualBefore:
		switch e.Name {
		case fyne.KeySpace, fyne.KeyReturn, fyne.KeyEnter:
			s.begin()
		case fyne.KeyEscape:
			s.nav.Home()
		}
	case exercises.RitualRunning:
		switch e.Name {
		case fyne.KeySpace, fyne.KeyReturn, fyne.KeyEnter:
			s.done()
		case fyne.KeyS:
			s.skip()
		case fyne.KeyEscape:
			s.stop()
		}
	case exercises.RitualHandOver:
		switch e.Name {
		case fyne.KeySpace, fyne.KeyReturn, fyne.KeyEnter:
			s.startNow()
		case fyne.KeyS:
			s.skip()
		case fyne.KeyEscape:
			s.stop()
		}
	case exercises.RitualAfter:
		switch e.Name {
		case fyne.KeySpace, fyne.KeyReturn, fyne.KeyEnter, fyne.KeyEscape:
			s.finish()
		}
	}
}

// leave stops the countdown. A ritual left half-way stays as the runner
// logged it: every exercise step that ended is in the diary.
func (s *ritualRun) leave() { s.stopTicking() }

// stepScreen is the running exercise's own screen, handing back here.
func (s *ritualRun) stepScreen(v exercises.RitualView) screen {
	var inner ritualStepRun
	st := v.Step
	switch st.Technique {
	case exercises.Breathing:
		p, _ := exercises.FindPattern(st.Variant, s.env.Patterns)
		inner = newBreathRun(s.nav, s.run, p, exercises.Length{Minutes: st.Minutes}, exercises.NoRating)
	case exercises.PMR:
		set, _ := exercises.FindPMRSet(st.Variant, s.env.PMRMine)
		inner = newPMRRun(s.nav, s.run, set, s.env.PMRTiming, exercises.NoRating)
	case exercises.MiniCheck:
		inner = newMiniCheckRun(s.nav, s.run, st.Variant == exercises.MiniCheckTimed, func(bool) {})
	default: // the five senses, at the user's pace
		inner = newPromptRun(s.nav, s.run, v.Session.Exercise())
	}
	inner.ritualStep(v.Session, s.stepOver)
	banner := tr("ritual.stepof", map[string]any{"Ritual": s.name(), "N": v.Index + 1, "Of": v.Steps})
	return &stepWrap{inner: inner, banner: banner, skipText: tr("ritual.skip"), onSkip: s.rr.Skip}
}

// stepOver is an exercise step's end: on to the hand-over, or, when the
// user quit meanwhile, only let the runner log it.
func (s *ritualRun) stepOver(left bool) {
	if left {
		s.rr.Now()
		return
	}
	s.move()
}

// stepWrap shows an exercise screen under a line that says where in the
// ritual (or pace test) it is, with a Skip button; S skips too.
type stepWrap struct {
	inner    ritualStepRun
	banner   string
	skipText string
	onSkip   func()
}

func (w *stepWrap) view() fyne.CanvasObject {
	line := widget.NewLabel(w.banner)
	line.Truncation = fyne.TextTruncateEllipsis
	skip := newButton(w.skipText, theme.MediaSkipNextIcon(), w.skip)
	skip.Importance = widget.LowImportance
	top := container.New(&maxWidth{width: 720}, container.NewBorder(nil, nil, nil, skip, line))
	return container.NewBorder(top, nil, nil, nil, w.inner.view())
}

// skip ends the step through its owner; the exercise screen then sees its
// session stopped and hands back.
func (w *stepWrap) skip() {
	w.onSkip()
	w.inner.frame()
}

func (w *stepWrap) key(e *fyne.KeyEvent) {
	if e.Name == fyne.KeyS {
		w.skip()
		return
	}
	w.inner.key(e)
}

func (w *stepWrap) leave() { w.inner.leave() }

// onShow starts the exercise inside.
func (w *stepWrap) onShow() {
	if sh, ok := w.inner.(showing); ok {
		sh.onShow()
	}
}

// promptRun runs a self-paced exercise (the five senses) inside a ritual:
// one prompt at a time, Next to go on. Notes belong to the five senses'
// own screen; in a ritual the eyes may already be closed.
type promptRun struct {
	timedRun
	step, text *widget.Label
}

func newPromptRun(nav navigator, run runDeps, ex exercises.Exercise) *promptRun {
	r := &promptRun{}
	r.init(nav, run, ex, exercises.NoRating, func(p exercises.Position) (Cue, bool) {
		return CueEnd, p.State == exercises.Finished
	}, r.frame, func() screen { return newPromptRun(nav, run, ex) })
	return r
}

func (r *promptRun) view() fyne.CanvasObject {
	r.step = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{})
	r.text = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{})
	r.text.SizeName = theme.SizeNameHeadingText
	r.text.Wrapping = fyne.TextWrapWord
	next := newPrimaryButton(tr("ex.next"), theme.NavigateNextIcon(), r.next)
	stop := newButton(tr("ex.stop"), theme.MediaStopIcon(), r.stop)
	body := container.NewVBox(layout.NewSpacer(), r.step, r.text, layout.NewSpacer())
	bottom := container.NewHBox(layout.NewSpacer(), next, stop, layout.NewSpacer())
	content := container.New(&maxWidth{width: 720},
		container.NewBorder(container.NewPadded(heading(tr("senses.title"))), container.NewPadded(bottom), nil, nil, body))
	return content
}

func (r *promptRun) frame() {
	p, changed := r.readFrame()
	if !changed {
		return
	}
	setText(r.step, tr("minicheck.step", map[string]any{"N": p.Index + 1, "Of": len(r.sess.Exercise().Steps)}))
	setText(r.text, tr(p.Step.Text))
}

func (r *promptRun) next() {
	if r.over {
		return
	}
	r.sess.Skip()
	r.loop.poke()
	r.frame()
}

func (r *promptRun) key(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeySpace, fyne.KeyReturn, fyne.KeyEnter, fyne.KeyRight:
		r.next()
	case fyne.KeyEscape:
		r.stop()
	}
}
