package ui

import (
	"time"

	"fyne.io/fyne/v2/theme"

	"github.com/ontspan/ontspan/exercises"
)

// timedRun is what the breathing, muscle relaxation and mini-check screens
// share while an exercise runs: pause and go on, stop, finish with the done
// screen, and leave. However it ends, the session is logged once.
// A screen embeds it, builds its own widgets, and sets frame and again.
type timedRun struct {
	nav     navigator
	run     runDeps
	sess    *exercises.Session
	loop    *stepLoop
	planned time.Duration // what the user chose, for the diary
	before  int           // tension before, or exercises.NoRating
	pauseBt *button       // nil for an exercise without pause (the mini-check at its own pace)
	over    bool
	shown   stepShown // what the screen last drew; noneShown redraws
	// handBack, when set, ends the run instead of the log and the done
	// screen: a ritual's runner logs its own steps (once) and shows its
	// hand-over next. left is true when the user navigated or quit away.
	handBack func(left bool)

	frame func()        // the screen's redraw: reads the session, calls finish when over
	again func() screen // a fresh run of the same, for the done screen's "Again"
}

// init prepares a session of ex for the embedding screen r: frame is r's
// redraw and again makes a fresh run of the same.
func (t *timedRun) init(nav navigator, run runDeps, ex exercises.Exercise, before int,
	cueOf func(exercises.Position) (Cue, bool), frame func(), again func() screen) {
	t.nav, t.run, t.before, t.planned = nav, run, before, ex.Duration()
	t.frame, t.again, t.shown = frame, again, noneShown
	t.sess = exercises.NewSession(ex, run.clock)
	t.loop = newStepLoop(run, t.sess, frame, cueOf)
}

// ritualStep makes the screen run sess, started by a ritual's runner, and
// call back when it ends instead of logging it: the runner logs it.
func (t *timedRun) ritualStep(sess *exercises.Session, back func(left bool)) {
	first := t.loop.cueFirst
	t.sess, t.handBack = sess, back
	t.loop = newStepLoop(t.run, sess, t.frame, t.loop.cueOf)
	t.loop.cueFirst = first
}

// newPauseButton is the primary Pause / Go on button.
func (t *timedRun) newPauseButton() *button {
	t.pauseBt = newPrimaryButton(tr("ex.pause"), theme.MediaPauseIcon(), t.toggle)
	return t.pauseBt
}

// toggle pauses a running session or goes on with a paused one.
func (t *timedRun) toggle() {
	if t.over {
		return
	}
	t.sess.Toggle()
	paused := t.sess.Now().State == exercises.Paused
	if t.pauseBt != nil {
		if paused {
			t.pauseBt.SetText(tr("ex.resume"))
			t.pauseBt.SetIcon(theme.MediaPlayIcon())
		} else {
			t.pauseBt.SetText(tr("ex.pause"))
			t.pauseBt.SetIcon(theme.MediaPauseIcon())
		}
	}
	if paused {
		t.loop.pause()
	} else {
		t.loop.resume()
	}
	t.loop.poke()
	t.frame() // the screen's words follow the session's state
}

// readFrame opens every step screen's frame: the position now, finishing
// the session (and the screen) when it is over. changed says the step, its
// whole seconds or running/paused moved since the last frame drawn.
func (t *timedRun) readFrame() (p exercises.Position, changed bool) {
	if t.over {
		return p, false
	}
	p, shown, over := t.loop.read(t.run.clock.Now())
	if over {
		t.finish(p)
		return p, false
	}
	if shown == t.shown {
		return p, false
	}
	t.shown = shown
	return p, true
}

// onShow starts the session, its animation and its tones.
func (t *timedRun) onShow() { t.loop.start() }

// stop ends the session early; the next frame finishes it.
func (t *timedRun) stop() {
	t.sess.Stop()
	t.frame()
}

// finish logs the session and hands over to the done screen; once only.
func (t *timedRun) finish(p exercises.Position) {
	if t.over {
		return
	}
	t.over = true
	t.loop.checkCue(p, t.run.clock.Now())
	t.loop.end()
	if t.handBack != nil {
		t.run.holding(false)
		t.handBack(false)
		return
	}
	e := t.run.log.record(t.sess, t.planned, t.before)
	again := t.again
	t.nav.show(newDoneScreen(t.nav, t.run, t.sess, e, t.before, func() { t.nav.show(again()) }))
}

// leave stops and logs a session the user navigates or quits away from.
func (t *timedRun) leave() {
	t.loop.end()
	if !t.over {
		t.over = true
		t.sess.Stop()
		if t.handBack != nil {
			t.run.holding(false)
			t.handBack(true)
			return
		}
		t.run.log.record(t.sess, t.planned, t.before)
	}
}

func (t *timedRun) session() *exercises.Session { return t.sess }
