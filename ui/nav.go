package ui

import (
	"time"

	"fyne.io/fyne/v2"

	"github.com/ontspan/ontspan/exercises"
)

// navigator is how a screen moves on: home, another screen, or one of the
// places any screen may lead to. *UI is the app's navigator; a screen keeps
// a navigator, never the whole *UI, so it can be read and tested alone.
type navigator interface {
	Home()
	show(screen)
	// window is the window, for dialogs and focus.
	window() fyne.Window

	Breathing()
	breatheWith(exercises.Pattern) // the set-up with this rhythm chosen
	StartBreathing(pattern string, l exercises.Length)
	PaceFinder()
	PMR()
	MiniCheck()
	Senses()
	ParkWorry()
	WorryNotebook()
	ReviewWorries()
	Diary()
	Settings()
	About()
	Chooser()
	runRitual(exercises.Ritual)
	StartSuggestion(exercises.Suggestion)
	FAQ()
	SeekHelp()
}

func (u *UI) window() fyne.Window { return u.win }

// sessionLog writes sessions to the diary and says plainly when it cannot.
// *appData is the app's; its methods do nothing without a diary.
type sessionLog interface {
	// record logs a session that ran at least minLogged; nil when not logged.
	record(s *exercises.Session, planned time.Duration, before int) *exercises.Entry
	// updateEntry saves only what changed between was and now.
	updateEntry(was, now exercises.Entry) error
	// diaryError tells the user that saving failed.
	diaryError(err error)
}

// runDeps are what a running exercise needs besides navigation: the clock,
// the tones, whether things may move, the diary, and the window's
// foreground hooks. Built once per screen by (*UI).runDeps.
type runDeps struct {
	clock  exercises.Clock
	cues   func() Player // the player when sound is on, else nil
	motion func() bool   // reduce motion off and Fyne's animations on
	log    sessionLog
	timing *TimingLog // nil unless --timing-log was given
	// foreground lets the running screen stop animating in the background;
	// nil, nil clears it.
	foreground func(front, back func())
	// holding tells the tray agent to hold reminders while a session runs.
	holding func(bool)
	// guard runs a frame or key with a failure caught and the session
	// saved; rescue does that for a failure caught elsewhere.
	guard  func(func())
	rescue func(r any, stack []byte)
	// offer is what the done screen adds after a logged session (the one-time
	// daily-reminder offer), or nil.
	offer func(*exercises.Entry) fyne.CanvasObject
	// notes shows the done screen's help notes (more tense after, early stops).
	notes helpNotes
}

// runDeps gives a run screen what it needs from the app.
func (u *UI) runDeps() runDeps {
	return runDeps{
		clock: u.data.clock,
		cues: func() Player {
			if u.data.prefs.Sound() {
				return u.data.sound
			}
			return nil
		},
		motion:     u.motion,
		log:        u.data,
		timing:     u.data.timing,
		foreground: u.onForeground,
		holding:    u.data.sessionRunning,
		guard:      u.guard,
		offer:      u.data.practiceOffer,
		notes:      u.helpNotes(),
		rescue:     u.recovered,
	}
}

// helpNotes gives a screen what its notes need from the app.
func (u *UI) helpNotes() helpNotes {
	return helpNotes{
		nav:      u,
		now:      u.data.clock.Now,
		get:      u.data.prefs.HelpNotes,
		set:      u.data.prefs.SetHelpNotes,
		outcomes: u.data.outcomes,
		recent:   u.data.recentSessions,
	}
}
