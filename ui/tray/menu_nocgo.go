//go:build darwin && !cgo

package tray

// On macOS systray needs cgo (Cocoa). A build without it still gives
// reminders as notifications, just without the menu-bar icon.

func (a *agent) runTray() {
	a.log.Print("built without cgo: no menu-bar icon on macOS; reminders still come as notifications")
	<-a.quit
}

func quitTray() {}

// trayBuilt says whether this build can show a tray icon at all.
const trayBuilt = false
