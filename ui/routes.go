package ui

import (
	"math/rand/v2"
	"strings"

	"github.com/ontspan/ontspan/exercises"
)

// Every screen's way in, in the order home lists them: each builds its
// screen with the parts of the app it uses (navigation, the clock, a narrow
// view of the diary, the preferences) and shows it. To find a screen, start
// here; its constructor and view are in the file named after it (the park
// screen of ParkWorry is in worry.go, the rituals' list in rituals.go).

// Home shows the home screen.
func (u *UI) Home() { u.show(newHome(u, u.data, u.data.prefs)) }

// Breathing shows the breathing set-up, with the last choice selected.
func (u *UI) Breathing() { u.show(newBreathSetup(u, u.runDeps(), u.data.prefs, u.PaceFinder)) }

// breatheWith opens the breathing set-up with p chosen. Only starting makes
// a rhythm the last used one: a card opened and left changes nothing.
func (u *UI) breatheWith(p exercises.Pattern) {
	s := newBreathSetup(u, u.runDeps(), u.data.prefs, u.PaceFinder)
	u.show(s)
	s.choice.SetSelected(patternName(p))
}

// StartBreathing opens straight into a running session, as from the command
// line or the tray menu.
func (u *UI) StartBreathing(pattern string, l exercises.Length) {
	p, ok := exercises.FindPattern(pattern, u.data.prefs.Patterns())
	if !ok {
		p, _ = exercises.FindPattern(u.data.prefs.LastPattern(), u.data.prefs.Patterns())
	}
	if p.ID == "" {
		p = exercises.Pattern46
	}
	if l.Minutes == 0 && l.Breaths == 0 {
		l.Minutes = u.data.prefs.LastMinutes()
	}
	u.show(newBreathRun(u, u.runDeps(), p, l, exercises.NoRating))
}

// PMR shows the muscle relaxation set-up, with the last choice selected.
func (u *UI) PMR() { u.show(newPMRSetup(u, u.runDeps(), u.data.prefs)) }

// MiniCheck starts a body mini-check at once, at the pace chosen last: it is
// half a minute between two tasks, so there is nothing to set up first.
func (u *UI) MiniCheck() {
	u.show(newMiniCheckRun(u, u.runDeps(), u.data.prefs.MiniTimed(), u.data.prefs.SetMiniTimed))
}

// Senses shows the five-senses set-up, with the last variant selected.
func (u *UI) Senses() {
	u.show(newSensesSetup(u, u.runDeps(), u.data.prefs.SensesVariant(), u.data.prefs.SetSensesVariant))
}

// Chooser asks "What suits me?", one question at a time.
func (u *UI) Chooser() {
	u.show(newChooser(u, u.data.outcomes(), u.data.prefs.SetSuggestion, u.data.myPaceName()))
}

// StartSuggestion starts what the chooser (or a help note) suggested, as
// its own screen would: breathing with its rhythm and minutes, the muscle
// relaxation set with the user's release time, the mini-check at the
// suggested pace, the five-senses variant.
func (u *UI) StartSuggestion(s exercises.Suggestion) {
	switch s.Technique {
	case exercises.Breathing:
		id := s.Variant
		if id == exercises.Pattern46.ID && u.data.myPaceName() != "" {
			id = exercises.MyPaceID // 4-6 at the pace the user's own test found
		}
		u.StartBreathing(id, exercises.Length{Minutes: s.Minutes})
	case exercises.PMR:
		set, err := exercises.FindPMRSet(s.Variant, nil)
		if err != nil {
			u.PMR()
			return
		}
		u.show(newPMRRun(u, u.runDeps(), set, u.data.ritualEnv().PMRTiming, exercises.NoRating))
	case exercises.MiniCheck:
		u.show(newMiniCheckRun(u, u.runDeps(), s.Variant != exercises.MiniCheckSelf,
			u.data.prefs.SetMiniTimed))
	case exercises.Senses:
		u.show(newSensesRun(u, u.runDeps(), s.Variant, exercises.NoRating))
	default:
		u.Home()
	}
}

// PaceFinder opens the pace test.
func (u *UI) PaceFinder() {
	seed := uint64(u.data.clock.Now().UnixNano())
	u.show(newPaceFinder(u, u.runDeps(), u.data.paceStore(), u.data.prefs.SavePace, rand.New(rand.NewPCG(seed, seed>>1))))
}

// Rituals shows the list of rituals.
func (u *UI) Rituals() {
	u.show(newRitualList(u, u.data.ritualStore(), u.data.clock, u.data.ritualEnv(), u.runRitual, u.editRitual))
}

// runRitual opens r's first screen (the before-rating), or says why it
// cannot run (a saved rhythm it uses was deleted).
func (u *UI) runRitual(r exercises.Ritual) {
	s, err := newRitualRun(u, u.runDeps(), r, u.data.ritualEnv(), u.data.ritualLog(), u.Rituals)
	if err != nil {
		u.Rituals()
		inform(ritualName(r), ritualEditError(err), u.win)
		return
	}
	u.show(s)
}

// StartRitual opens a ritual by the name or id a desktop shortcut or the
// tray gives ("ontspan --start ritual --name ..."); without one, the ritual
// home offers first at this hour. An unknown name shows the list.
func (u *UI) StartRitual(name string) {
	mine := myRituals(u.data.ritualStore())
	if strings.TrimSpace(name) == "" {
		u.runRitual(exercises.RitualsAt(u.data.clock.Now(), mine)[0])
		return
	}
	if r, ok := findRitualNamed(name, mine); ok {
		u.runRitual(r)
		return
	}
	u.Rituals()
	inform(tr("ritual.list.title"), tr("ritual.err.notfound", map[string]any{"Name": name}), u.win)
}

// editRitual opens the editor for r (a new ritual when r has no steps and
// no name), back to the list after.
func (u *UI) editRitual(r exercises.Ritual) {
	u.show(newRitualEditor(u, u.data.ritualStore(), u.data.ritualEnv(), r, u.Rituals))
}

// ParkWorry opens the park screen with the cursor in the text field, or
// only moves the cursor there when it is already open (Ctrl+P twice).
func (u *UI) ParkWorry() {
	if s, ok := u.current.(sessionScreen); ok {
		u.parkDuring(s) // an exercise pauses, never ends, for a thought
		return
	}
	p, ok := u.current.(*parkScreen)
	if !ok {
		p = newParkScreen(u, u.data.worryStore(), u.data.clock, u.data.worrySettings(), u.data.dataDir)
		u.show(p)
	}
	p.focus()
}

// WorryNotebook shows the parked worries: due, waiting and the archive.
func (u *UI) WorryNotebook() { u.show(newNotebook(u, u.data.worryStore(), u.data.clock)) }

// ReviewWorries opens the review of the worries that are due, one at a time.
func (u *UI) ReviewWorries() {
	u.show(newWorryReview(u, u.data.worryStore(), u.data.clock, u.data.worrySettings()))
}

// Diary shows the practice diary: the days practised, the chart, the totals
// per technique, the two-week verdict, and every session.
func (u *UI) Diary() {
	u.show(newDiaryScreen(u, u.data.store, u.opener.err, u.data.clock, u.data.prefs, u.helpNotes()))
}

// Settings shows the settings screen.
func (u *UI) Settings() { u.show(u.settingsScreen()) }

func (u *UI) settingsScreen() *settingsScreen {
	apply := settingsApply{theme: u.applyTheme, language: u.applyLanguage, textSize: u.setTextSize}
	return newSettingsScreen(u, u.data.prefs, u.data.sound, apply, u.data.reminderSettings)
}

// About shows what Ontspan is and when to seek help.
func (u *UI) About() { u.show(newAbout(u, appVersion(u.app))) }

// FAQ shows the questions people ask; back returns to where it was opened.
func (u *UI) FAQ() {
	prev := u.current
	u.show(newFAQ(u.backTo(prev), u.SeekHelp))
}

// SeekHelp shows when to get help; back returns to where it was opened.
func (u *UI) SeekHelp() {
	lang := u.data.prefs.Language()
	if lang == "" {
		lang = systemLanguage()
	}
	u.show(newSeekHelp(u.backTo(u.current), lang, u.app.OpenURL))
}

// backTo returns to screen prev, or home when there was none.
func (u *UI) backTo(prev screen) func() {
	return func() {
		if prev == nil {
			u.Home()
			return
		}
		u.show(prev)
	}
}

// showWelcome shows the first-run welcome when it is due, and reports
// whether it did. Only a plain start asks: tests and --start never see it.
func (u *UI) showWelcome() bool {
	w, show := exercises.StartWelcome(u.data.prefs.Welcome())
	if !show {
		return false
	}
	u.show(newWelcome(u, w, u.welcomeSetup()))
	return true
}

func (u *UI) welcomeSetup() welcomeSetup {
	return welcomeSetup{
		save:      u.data.prefs.SetWelcome,
		language:  u.data.prefs.Language,
		setLang:   func(code string) { u.data.prefs.SetLanguage(code); u.applyLanguage(code) },
		sound:     u.data.prefs.Sound,
		setSound:  u.data.prefs.SetSound,
		remind:    u.data.practiceAt,
		setRemind: u.data.remindPractice,
	}
}

// starters are what --start can open, by name (and the tray menu, which
// starts the window with --start).
var starters = map[string]func(*UI, Launch){
	"breathing": func(u *UI, l Launch) {
		u.StartBreathing(l.Pattern, exercises.Length{Minutes: l.Minutes, Breaths: l.Breaths})
	},
	"pmr":          func(u *UI, _ Launch) { u.PMR() },
	"minicheck":    func(u *UI, _ Launch) { u.MiniCheck() },
	"senses":       func(u *UI, _ Launch) { u.Senses() },
	"pace":         func(u *UI, _ Launch) { u.PaceFinder() },
	"ritual":       func(u *UI, l Launch) { u.StartRitual(l.Name) },
	"rituals":      func(u *UI, _ Launch) { u.Rituals() },
	"worry":        func(u *UI, _ Launch) { u.ParkWorry() },
	"worry-review": func(u *UI, _ Launch) { u.ReviewWorries() },
	"diary":        func(u *UI, _ Launch) { u.Diary() },
}

// Open shows what the command line asked for, or the first-run welcome on
// a plain first start, or home. New shows nothing itself, so no screen is
// built at start-up only to be replaced (home reads the diary five times).
func (u *UI) Open(l Launch) {
	if start, ok := starters[l.Start]; ok {
		start(u, l)
		return
	}
	if !u.showWelcome() {
		u.Home()
	}
}
