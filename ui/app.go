// Package ui holds Ontspan's Fyne screens and widgets: one file per screen,
// each a struct built with what it needs. The exercise logic lives in
// exercises/; screens only show a Session's position and pass on taps.
package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/ontspan/ontspan/exercises"
	"github.com/ontspan/ontspan/exercises/diary"
)

// Deps are what the window needs from main.
type Deps struct {
	Clock   exercises.Clock // the wall clock; tests pass a FakeClock
	Sound   Player          // nil plays nothing
	Timing  *TimingLog      // nil unless --timing-log was given
	Store   *diary.Store    // the practice diary; nil when it could not be opened
	DataDir string          // the app's data folder, where the tray agent keeps its lock
	NoAgent bool            // never start the tray agent (tests)
	// Recovered: the previous window stopped on a failure; say sorry once.
	Recovered bool
}

// UI is the window's navigation and shared state: one screen at a time.
type UI struct {
	app  fyne.App
	win  fyne.Window
	data *appData // the clock, diary, prefs and tones: what screens get parts of

	current screen
	opener  diaryOpener // tries again when main could not open the diary

	toFront      func() // what the current screen does when the window comes back
	toBack       func()
	closeOverlay func()       // closes a screen's own pop-up on Esc, with its callbacks; nil when none
	rescuing     bool         // Rescue is saving the session after a panic
	failures     int          // panics Rescue caught, for the tests
	parking      *parkOver    // the park field open over a paused session, or nil
	lateStore    *diary.Store // a diary that opened after start (it was busy); Close closes it
}

// screen is what every screen provides; the optional interfaces below add
// keys and clean-up.
type screen interface {
	view() fyne.CanvasObject
}

// keyed screens handle keys nothing focused took (Space, Esc).
type keyed interface {
	key(*fyne.KeyEvent)
}

// showing screens start what runs (a session, its animation) when shown,
// so that view only builds widgets.
type showing interface {
	onShow()
}

// leaving screens stop their animations and timers when replaced.
type leaving interface {
	leave()
}

// dialogKeeper screens track their own dialogs and close them on Esc.
type dialogKeeper interface {
	closeDialog() bool
}

// closeDialog lets the diary close its dialog through its own bookkeeping.
func (s *diaryScreen) closeDialog() bool {
	if s.dlg == nil {
		return false
	}
	s.key(&fyne.KeyEvent{Name: fyne.KeyEscape})
	return true
}

// New builds the UI in w; Open then shows the first screen.
func New(a fyne.App, w fyne.Window, d Deps) *UI {
	if d.Clock == nil {
		d.Clock = exercises.RealClock{}
	}
	if d.Sound == nil {
		d.Sound = silent{}
	}
	if d.DataDir != "" {
		a = withFilePrefs(a, d.DataDir) // not Fyne's file: see filePrefs
	}
	prefs := NewPrefs(a.Preferences())
	u := &UI{app: a, win: w, data: newAppData(d, prefs, w)}
	if v, ok := d.Sound.(volumeControl); ok {
		v.SetVolume(u.data.prefs.Volume())
	}
	u.applyLanguage(u.data.prefs.Language())
	u.applyTheme()
	w.Canvas().SetOnTypedKey(u.typedKey)
	a.Lifecycle().SetOnEnteredForeground(func() {
		if u.toFront != nil {
			u.toFront()
		}
	})
	a.Lifecycle().SetOnStopped(u.Close)
	// Ctrl+Q quits and Ctrl+W closes, as in other desktop apps (Cmd on macOS).
	for _, k := range []fyne.KeyName{fyne.KeyQ, fyne.KeyW} {
		w.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) { w.Close() })
	}
	u.registerWorryShortcut() // Ctrl+P from every screen, registered once
	a.Lifecycle().SetOnExitedForeground(func() {
		if u.toBack != nil {
			u.toBack()
		}
	})
	if d.Recovered {
		inform(tr("crash.title"), tr("crash.text"), w)
	}
	return u
}

// applyTheme sets the theme with the user's appearance and text size; Fyne
// redraws every screen with it at once.
func (u *UI) applyTheme() {
	u.app.Settings().SetTheme(themeWith(u.data.prefs.Theme(), u.data.prefs.TextSize()))
}

// Close winds the current screen down (a running session is stopped, and
// so kept) before the app exits.
func (u *UI) Close() {
	if l, ok := u.current.(leaving); ok {
		l.leave()
	}
	u.current = nil
	if u.lateStore != nil {
		u.lateStore.Close()
		u.lateStore = nil
	}
}

// show replaces the current screen.
func (u *UI) show(s screen) {
	if l, ok := u.current.(leaving); ok {
		l.leave()
	}
	u.current = s
	u.win.SetContent(s.view())
	u.win.Canvas().Unfocus()
	if sh, ok := s.(showing); ok {
		sh.onShow() // what runs (a session, its animation) starts once it is on screen
	}
}

func (u *UI) typedKey(e *fyne.KeyEvent) { u.guard(func() { u.key(e) }) }

func (u *UI) key(e *fyne.KeyEvent) {
	// Esc closes an open dialog first (as Cancel), before it means "back".
	if e.Name == fyne.KeyEscape {
		if top := u.win.Canvas().Overlays().Top(); top != nil {
			if f := u.closeOverlay; f != nil {
				u.closeOverlay = nil
				f()
				return
			}
			if d, ok := u.current.(dialogKeeper); ok && d.closeDialog() {
				return // the screen closed its own dialog, with its callbacks
			}
			top.Hide()
			return
		}
	}
	if u.parking != nil {
		return // keys meant for the park field must not resume the session behind it
	}
	if k, ok := u.current.(keyed); ok {
		k.key(e)
	}
}

// Current returns the screen's content, for tests and screenshots.
func (u *UI) Current() fyne.CanvasObject { return u.win.Content() }

// motion reports whether things may move: the app's setting and Fyne's own.
func (u *UI) motion() bool {
	return !u.data.prefs.ReducedMotion() && u.app.Settings().ShowAnimations()
}

// onForeground lets the current screen stop animating while the window is in
// the background; nil, nil clears it.
func (u *UI) onForeground(front, back func()) { u.toFront, u.toBack = front, back }

// setTextSize stores the text size and redraws everything with it.
func (u *UI) setTextSize(size string) {
	if size == u.data.prefs.TextSize() {
		return
	}
	u.data.prefs.SetTextSize(size)
	u.applyTheme()
}

// applyLanguage switches the texts and tells the agent. The translation
// files are embedded and tested, so English stays if loading fails.
func (u *UI) applyLanguage(code string) {
	_ = setLanguage(code)
	if code == "" {
		code = systemLanguage()
	}
	if st := u.data.store; st != nil {
		// A read is cheaper than a write, and the language is the same at
		// nearly every start.
		if was, ok, err := st.Setting(LanguageKey); err != nil || !ok || was != code {
			_ = st.SetSetting(LanguageKey, code)
		}
	}
}

// registerWorryShortcut makes Ctrl+P (Cmd+P on macOS) park a worry from
// anywhere in the window; New registers it once.
func (u *UI) registerWorryShortcut() {
	u.win.Canvas().AddShortcut(worryShortcut, func(fyne.Shortcut) { u.ParkWorry() })
}

var worryShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyP, Modifier: fyne.KeyModifierShortcutDefault}
