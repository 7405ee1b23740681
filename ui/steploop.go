package ui

import (
	"math"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"

	"github.com/ontspan/ontspan/exercises"
)

// stepLoop keeps a timed exercise screen up to date the way the breathing
// pacer does, at the pace its words need: while the session runs and the
// window is seen, an animation re-reads the session each frame (the screen's
// frame only redraws when a shown second or the step changes); and a
// goroutine sleeps until each step change to play its tone on time, even
// with the window hidden or the eyes closed. The mini-check uses it too.
type stepLoop struct {
	env   runDeps
	sess  *exercises.Session
	frame func()                               // reads the session and redraws; UI thread
	cueOf func(exercises.Position) (Cue, bool) // the tone of a new step, if any

	anim      *fyne.Animation
	animating atomic.Bool // read by the cue goroutine
	cueMu     sync.Mutex
	lastIndex int  // step whose cue was played (-1 none yet, -2 after a jump), guarded by cueMu
	cueFirst  bool // the first step sounds too (breathing: "in" as the session starts)
	wake      chan struct{}
	done      chan struct{}
	ended     bool // UI thread only
}

func newStepLoop(run runDeps, s *exercises.Session, frame func(), cueOf func(exercises.Position) (Cue, bool)) *stepLoop {
	l := &stepLoop{env: run, sess: s, frame: frame, cueOf: cueOf, lastIndex: -1,
		wake: make(chan struct{}, 1), done: make(chan struct{})}
	l.anim = &fyne.Animation{Duration: time.Second, RepeatCount: fyne.AnimationRepeatForever, Tick: func(float32) { l.guardedFrame() }}
	return l
}

// start begins the session and keeps the screen and the tones going.
func (l *stepLoop) start() {
	l.sess.Start()
	l.env.holding(true) // the tray agent holds reminders meanwhile
	l.env.foreground(l.resume, l.pause)
	l.frame()
	l.resume()
	go l.run()
}

// stepShown is what a step screen last drew: the step, the whole seconds
// left in it, and running or paused. A frame redraws only when it changes.
type stepShown struct {
	index, secs int
	state       exercises.State
}

// noneShown makes the next frame redraw.
var noneShown = stepShown{index: -1}

// read reads the session at now for a frame: where it is, what a frame
// would show, and whether it is over (the screen then finishes). A new
// step's tone sounds here if the cue goroutine has not played it yet.
func (l *stepLoop) read(now time.Time) (p exercises.Position, shown stepShown, over bool) {
	p = l.sess.At(now)
	if p.State == exercises.Finished || p.State == exercises.Stopped {
		return p, stepShown{}, true
	}
	l.checkCue(p, now)
	return p, stepShown{p.Index, int(math.Ceil(p.StepLeft.Seconds())), p.State}, false
}

// checkCue plays a new step's tone once, whether a frame or the goroutine
// notices the change first. The first step of a session plays none unless
// cueFirst: the user has just pressed start and is looking.
func (l *stepLoop) checkCue(p exercises.Position, now time.Time) {
	l.cueMu.Lock()
	defer l.cueMu.Unlock()
	if p.Index == l.lastIndex {
		return
	}
	first := l.lastIndex == -1
	l.lastIndex = p.Index
	c, ok := l.cueOf(p)
	if ok && (!first || l.cueFirst) {
		if pl := l.env.cues(); pl != nil {
			pl.Play(c)
			if l.env.timing != nil {
				l.env.timing.Heard(now, p)
			}
		}
	}
}

// jumped makes the step the user jumped to sound its tone, even when it is
// the step they were on (repeat on a group's first step).
func (l *stepLoop) jumped() {
	l.cueMu.Lock()
	l.lastIndex = -2
	l.cueMu.Unlock()
}

// run sleeps until the next step change, plays its tone and, while nothing
// animates, keeps the words right.
func (l *stepLoop) run() {
	defer func() {
		if r := recover(); r != nil {
			stack := debug.Stack()
			fyne.Do(func() { l.env.rescue(r, stack) })
		}
	}()
	for {
		now := l.env.clock.Now()
		at, ok := l.sess.NextChange(now)
		var timer <-chan time.Time
		var t *time.Timer
		if ok {
			t = time.NewTimer(at.Sub(now))
			timer = t.C
		}
		select {
		case <-l.done:
			if t != nil {
				t.Stop()
			}
			return
		case <-l.wake:
			if t != nil {
				t.Stop()
			}
		case <-timer:
			now := l.env.clock.Now()
			p := l.sess.At(now)
			l.checkCue(p, now)
			if p.State == exercises.Finished {
				fyne.Do(l.guardedFrame)
				return
			}
			if !l.animating.Load() {
				fyne.Do(l.guardedFrame)
			}
		}
	}
}

// guardedFrame is frame, with a failure caught and the session saved.
func (l *stepLoop) guardedFrame() { l.env.guard(l.frame) }

// poke makes the goroutine look again after a pause, a jump or a skip.
func (l *stepLoop) poke() {
	select {
	case l.wake <- struct{}{}:
	default:
	}
}

// resume animates only while the session runs and the window is seen, and
// only when something changes with time: a self-paced exercise never does.
func (l *stepLoop) resume() {
	if l.animating.Load() || l.ended || l.sess.Now().State != exercises.Running || l.sess.Exercise().Duration() == 0 {
		return
	}
	l.animating.Store(true)
	l.anim.Start()
}

func (l *stepLoop) pause() {
	if !l.animating.Load() {
		return
	}
	l.animating.Store(false)
	l.anim.Stop()
}

// end stops the animation and the goroutine; safe to call twice.
func (l *stepLoop) end() {
	if l.ended {
		return
	}
	l.ended = true
	l.pause()
	close(l.done)
	l.env.foreground(nil, nil)
}
