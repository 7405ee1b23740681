// Ontspan: relaxation exercises and a private practice diary. main only
// wires: it reads the command line, then runs the reminder agent (ui/tray)
// or the window (ui) on the diary; what surrounds the window is ui/startup.
package main

import (
	"errors"
	"log"
	"os"

	"fyne.io/fyne/v2/app"

	"github.com/ontspan/ontspan/exercises"
	"github.com/ontspan/ontspan/ui"
	"github.com/ontspan/ontspan/ui/sound"
	"github.com/ontspan/ontspan/ui/startup"
	"github.com/ontspan/ontspan/ui/tray"
)

const appID = "io.github.ontspan.ontspan"

func main() {
	gcAfterStart := startup.HoldGC()
	launch, err := ui.ParseArgs(os.Args[1:], os.Stdout) // --help and --version print there, as usual
	if errors.Is(err, ui.ErrHelp) {
		return
	}
	startup.ExitIf(2, err)
	if launch.Tray {
		gcAfterStart() // the agent runs all day on little memory
		os.Exit(tray.Main(ui.LanguageKey))
	}
	startup.ExitIf(1, ui.CheckDisplay(os.Getenv))
	timing, stopPerf, err := startup.Perf(launch)
	defer stopPerf()
	startup.ExitIf(1, err)
	dir, store, closeStore := startup.OpenDiary()
	defer closeStore()
	checkPrefs := startup.GuardPrefs(appID)
	a := app.NewWithID(appID)
	checkPrefs(a)
	w, err := startup.OpenWindow(a, gcAfterStart)
	startup.ExitIf(1, err)
	u := ui.New(a, w, ui.Deps{Clock: exercises.RealClock{}, Sound: sound.New(log.Printf), Timing: timing,
		Store: store, DataDir: dir, Recovered: startup.Recovered()})
	u.CheckDiary()
	u.Open(launch)
	startup.QuitOnSignal(a)
	ui.DebugStats()
	defer startup.Rescue(u, closeStore)
	w.ShowAndRun()
	u.Close() // saves a running session also when Fyne ended without calling OnStopped
}
