//go:build !darwin || cgo

package tray

import (
	"runtime"

	"fyne.io/systray"

	"github.com/ontspan/ontspan/exercises/remind"
)

// runTray shows the icon and menu until stop. systray must not take the
// agent down with it: a failure inside it is logged, and the reminders go on.
func (a *agent) runTray() {
	defer func() {
		if r := recover(); r != nil {
			a.log.Printf("tray icon failed: %v", r)
			<-a.quit
		}
	}()
	systray.Run(a.buildMenu, nil)
}

// buildMenu runs once systray is ready, then serves the menu. The goroutine
// blocks in select: clicks cost nothing while nobody clicks.
func (a *agent) buildMenu() {
	// systray calls this on a goroutine of its own, where runTray's recover
	// cannot reach: a D-Bus connection closing while the agent stops would
	// otherwise crash the process.
	defer func() {
		if r := recover(); r != nil {
			a.log.Printf("tray menu failed: %v", r)
		}
	}()
	lang := a.opts.Lang
	systray.SetIcon(trayIcon())
	if runtime.GOOS != "darwin" { // on macOS a title is text beside the icon
		systray.SetTitle("Ontspan")
	}
	systray.SetTooltip(tr(lang, "tooltip"))
	mini := systray.AddMenuItem(tr(lang, "menu.minicheck"), "")
	breathe := systray.AddMenuItem(tr(lang, "menu.breathing"), "")
	worry := systray.AddMenuItem(tr(lang, "menu.worry"), "")
	ritual := systray.AddMenuItem(tr(lang, "menu.ritual"), "")
	open := systray.AddMenuItem(tr(lang, "menu.open"), "")
	systray.AddSeparator()
	s, _ := remind.Load(a.opts.KV)
	pause := systray.AddMenuItemCheckbox(tr(lang, "menu.pause"), "", s.PausedToday(a.opts.Clock.Now()))
	quit := systray.AddMenuItem(tr(lang, "menu.quit"), "")
	a.mu.Lock()
	a.pauseItem = pause
	a.mu.Unlock()
	go func() {
		for {
			select {
			case <-mini.ClickedCh:
				a.startUI(argsMiniCheck)
			case <-breathe.ClickedCh:
				a.startUI(argsBreathing)
			case <-worry.ClickedCh:
				a.startUI(argsWorry)
			case <-ritual.ClickedCh:
				a.startUI(argsWindDown)
			case <-open.ClickedCh:
				a.startUI(argsOpen)
			case <-pause.ClickedCh:
				a.togglePause()
			case <-quit.ClickedCh:
				a.log.Print("quit from the menu")
				a.stop()
				return
			case <-a.quit:
				return
			}
		}
	}()
}

// quitTray ends systray.Run.
func quitTray() { systray.Quit() }

// trayBuilt says whether this build can show a tray icon at all.
const trayBuilt = true
