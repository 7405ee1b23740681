package ui

import (
	"fyne.io/fyne/v2"

	"github.com/ontspan/ontspan/exercises"
	"github.com/ontspan/ontspan/exercises/diary"
	"github.com/ontspan/ontspan/exercises/remind"
)

// appData is what the screens share besides navigation: the clock, the
// diary, the preferences, the tones and the data folder. *UI builds it once
// from Deps and hands screens the narrow parts they use (a store interface,
// the clock, a function); a screen never holds appData or *UI itself.
type appData struct {
	clock   exercises.Clock
	store   *diary.Store // nil while the diary is not open (it may open later)
	prefs   *Prefs
	sound   Player
	timing  *TimingLog // nil unless --timing-log was given
	dataDir string     // where the tray agent keeps its lock; "" in tests
	noAgent bool       // never start the tray agent (tests)
	win     fyne.Window

	// onLogged is called after a session is written to the diary (tests).
	onLogged func(exercises.Entry)
	// unlogged are this run's sessions too short for the diary, for the
	// early-stop note.
	unlogged []exercises.Entry
}

func newAppData(d Deps, prefs *Prefs, win fyne.Window) *appData {
	return &appData{clock: d.Clock, store: d.Store, prefs: prefs, sound: d.Sound, timing: d.Timing,
		dataDir: d.DataDir, noAgent: d.NoAgent, win: win}
}

// storeAs is the diary as the narrow interface T, or T's nil without a
// diary: a nil *diary.Store inside an interface would not compare equal to
// nil. The store implements every view used here (checked below, when
// compiling).
func storeAs[T any](st *diary.Store) T {
	var none T
	if st == nil {
		return none
	}
	return any(st).(T)
}

var (
	_ worryStore          = (*diary.Store)(nil)
	_ ritualStore         = (*diary.Store)(nil)
	_ exercises.RitualLog = (*diary.Store)(nil)
	_ paceStore           = (*diary.Store)(nil)
	_ remind.KV           = (*diary.Store)(nil)
)

// worryStore is the diary for the worry screens.
func (d *appData) worryStore() worryStore { return storeAs[worryStore](d.store) }

// ritualStore is where the user's rituals live.
func (d *appData) ritualStore() ritualStore { return storeAs[ritualStore](d.store) }

// ritualLog is where a ritual's runner logs its steps.
func (d *appData) ritualLog() exercises.RitualLog { return storeAs[exercises.RitualLog](d.store) }

// paceStore is where pace tests are logged.
func (d *appData) paceStore() paceStore { return storeAs[paceStore](d.store) }

// settings is the diary's settings table, where the reminders live.
func (d *appData) settings() remind.KV { return storeAs[remind.KV](d.store) }
