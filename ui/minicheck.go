package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ontspan/ontspan/exercises"
)

// miniCheckRun shows the three steps one at a time in big, calm text.
type miniCheckRun struct {
	timedRun // the session, pause/stop/finish/leave and the tones
	timed    bool
	remember func(timed bool) // keeps the pace chosen for next time

	step, text, count *widget.Label
	nextBt, paceBt    *button
}

func newMiniCheckRun(nav navigator, run runDeps, timed bool, remember func(bool)) *miniCheckRun {
	r := &miniCheckRun{timed: timed, remember: remember}
	r.init(nav, run, exercises.MiniCheckExercise(timed), exercises.NoRating, r.cueOf, r.frame,
		func() screen { return newMiniCheckRun(nav, run, timed, remember) })
	return r
}

// cueOf: a soft tone as each timed step begins, so the eyes can rest; the
// end chime either way.
func (r *miniCheckRun) cueOf(p exercises.Position) (Cue, bool) {
	switch {
	case p.State == exercises.Finished:
		return CueEnd, true
	case p.State == exercises.Running && r.timed:
		return CueRelease, true
	}
	return 0, false
}

func (r *miniCheckRun) view() fyne.CanvasObject {
	r.step = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{})
	r.text = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	r.text.SizeName = theme.SizeNameHeadingText
	r.text.Wrapping = fyne.TextWrapWord
	r.count = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{})
	r.count.SizeName = theme.SizeNameSubHeadingText

	stop := newButton(tr("ex.stop"), theme.MediaStopIcon(), r.stop)
	var actions []fyne.CanvasObject
	keys := tr("minicheck.keys.self")
	pace := tr("minicheck.pace.self")
	if r.timed {
		r.nextBt = newButton(tr("ex.next"), theme.MediaSkipNextIcon(), r.next)
		actions = []fyne.CanvasObject{r.newPauseButton(), r.nextBt, stop}
		keys = tr("minicheck.keys.timed")
	} else {
		r.nextBt = newPrimaryButton(tr("ex.next"), theme.NavigateNextIcon(), r.next)
		actions = []fyne.CanvasObject{r.nextBt, stop}
		pace = tr("minicheck.pace.timed")
	}
	r.paceBt = newButton(pace, nil, r.switchPace)
	r.paceBt.Importance = widget.LowImportance
	if r.handBack != nil {
		r.paceBt.Hide()
	}

	hint := para(keys)
	hint.Alignment = fyne.TextAlignCenter
	body := container.NewVBox(
		layout.NewSpacer(),
		r.step,
		r.text,
		r.count,
		layout.NewSpacer(),
	)
	intro := para(tr("minicheck.intro"))
	intro.Alignment = fyne.TextAlignCenter
	bottom := container.NewVBox(
		container.NewHBox(append(append([]fyne.CanvasObject{layout.NewSpacer()}, actions...), layout.NewSpacer())...),
		hint,
		container.NewCenter(r.paceBt),
	)
	top := container.NewVBox(heading(tr("minicheck.title")), intro)
	content := container.New(&maxWidth{width: 720},
		container.NewBorder(container.NewPadded(top), container.NewPadded(bottom), nil, nil, container.NewPadded(body)))
	return content
}

// frame reads the session and redraws what changed.
func (r *miniCheckRun) frame() {
	p, changed := r.readFrame()
	if !changed {
		return
	}
	shown := r.shown
	n := len(r.sess.Exercise().Steps)
	setText(r.step, tr("minicheck.step", map[string]any{"N": p.Index + 1, "Of": n}))
	setText(r.text, tr(p.Step.Text))
	switch {
	case p.State == exercises.Paused:
		setText(r.count, tr("ex.paused"))
	case r.timed:
		setText(r.count, tr("minicheck.left", map[string]any{"N": shown.secs}))
	default:
		setText(r.count, "")
	}
	if !r.timed && p.Index == n-1 {
		r.nextBt.SetText(tr("ex.finish"))
		r.nextBt.SetIcon(theme.ConfirmIcon())
	}
}

// next goes on to the next step; on the last it finishes.
func (r *miniCheckRun) next() {
	if r.over {
		return
	}
	r.sess.Skip()
	r.loop.poke()
	r.frame()
}

// toggle pauses the timed check; at its own pace there is nothing to pause.
func (r *miniCheckRun) toggle() {
	if r.timed {
		r.timedRun.toggle()
	}
}

// switchPace starts over at the other pace and remembers it; the check so
// far is logged as any check left early is.
func (r *miniCheckRun) switchPace() {
	if r.over || r.handBack != nil { // a ritual's step keeps its pace
		return
	}
	r.remember(!r.timed)
	r.nav.MiniCheck()
}

func (r *miniCheckRun) key(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeySpace:
		if r.timed {
			r.toggle()
		} else {
			r.next()
		}
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyRight:
		r.next()
	case fyne.KeyEscape:
		r.stop()
	}
}
