package exercises

import "strconv"

// WelcomeStep is a screen of the first-run welcome, or its end.
type WelcomeStep int

// The welcome's steps: at most three short screens.
const (
	WelcomeIntro WelcomeStep = iota // (a) a skill you train; two weeks; your data stays here
	WelcomeSetup                    // (b) language, sound, a daily practice reminder (off by default)
	WelcomeStart                    // (c) try 2 minutes of 4-6 now, help me choose, or look around
	WelcomeDone                     // finished or skipped: go where Choice says
)

// WelcomeChoice is how the welcome ended.
type WelcomeChoice int

// The ways out of the welcome.
const (
	WelcomeLook   WelcomeChoice = iota // look around: home (also what Skip means)
	WelcomeTry                         // start FirstSession at once
	WelcomeChoose                      // open the chooser
)

// MaxWelcomeShows is how often the welcome is shown when it keeps being
// left before its last step (a crash, the window killed): a second time,
// since the user has not yet seen the way to start, and then no more, so a
// welcome that fails can never stand between the user and the app.
const MaxWelcomeShows = 2

// welcomeFinished is the stored value once the welcome is done for good.
const welcomeFinished = "done"

// Welcome is the first-run welcome as a small state machine. What it
// stores is one short string: "" before it was ever shown, the number of
// times it was shown, or "done". Every method returns the value to store;
// the screen writes it before it shows the step, so a crash at any moment
// leaves the right value behind. It is "done" from the moment the last
// step is shown, and after a skip or a choice: the welcome never comes
// back once finished or skipped, also when the app dies right after.
type Welcome struct {
	Step   WelcomeStep
	Choice WelcomeChoice // set once Step is WelcomeDone
	shows  int           // times shown, this one included
	seen   bool          // the last step was shown: done for good, even after Back
}

// StartWelcome reads the stored value and reports whether to show the
// welcome at all. Write w.Save() before showing w.Step.
func StartWelcome(stored string) (w *Welcome, show bool) {
	w = &Welcome{}
	n, err := strconv.Atoi(stored)
	switch {
	case stored == "":
		n = 0
	case stored == welcomeFinished || err != nil || n < 0 || n >= MaxWelcomeShows:
		// Done, shown often enough, or an unknown value: never risk
		// showing a first-run screen to someone who has used the app.
		w.Step, w.seen = WelcomeDone, true
		return w, false
	}
	w.shows = n + 1
	return w, true
}

// Save is the value to store now.
func (w *Welcome) Save() string {
	if w.seen {
		return welcomeFinished
	}
	return strconv.Itoa(w.shows)
}

// Next goes from (a) to (b) to (c); on (c) the user must choose.
func (w *Welcome) Next() string {
	if w.Step < WelcomeStart {
		w.Step++
	}
	w.seen = w.seen || w.Step == WelcomeStart
	return w.Save()
}

// Back goes one screen back; not before (a), nor out of the end.
func (w *Welcome) Back() string {
	if w.Step > WelcomeIntro && w.Step < WelcomeDone {
		w.Step--
	}
	return w.Save()
}

// Skip ends the welcome from any screen and goes home.
func (w *Welcome) Skip() string { return w.Choose(WelcomeLook) }

// Choose ends the welcome with c. It is allowed from every screen, so a
// "Try 2 minutes now" on the first screen makes the first session one
// activation away.
func (w *Welcome) Choose(c WelcomeChoice) string {
	if w.Step != WelcomeDone {
		w.Step, w.Choice, w.seen = WelcomeDone, c, true
	}
	return w.Save()
}

// FirstSession is what "Try 2 minutes of 4-6 breathing now" starts: the
// seed's own exercise, short enough for anyone.
func FirstSession() Suggestion {
	return Suggestion{Technique: Breathing, Variant: Pattern46.ID, Minutes: 2,
		Name: "chooser.name.4-6", Reason: "chooser.reason.default.4-6"}
}
