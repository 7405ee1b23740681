// Ontspan: relaxation exercises and a private practice diary.
//
// main only wires: it reads the command line, then starts either the window
// (package ui) or the all-day reminder agent (ui/tray).
package main

import (
	"errors"
	"fmt"
	"log"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"runtime/pprof"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"github.com/ontspan/ontspan/assets"
	"github.com/ontspan/ontspan/exercises"
	"github.com/ontspan/ontspan/exercises/diary"
	"github.com/ontspan/ontspan/ui"
	"github.com/ontspan/ontspan/ui/sound"
	"github.com/ontspan/ontspan/ui/tray"
)

const appID = "io.github.ontspan.ontspan"

// startHeapLimit is the heap at which start-up collects once. Home
// allocates ~20 MB before its first frame, a breathing session ~24 MB
// (GODEBUG=gctrace=1); letting it all pile up raised the peak RSS by 8 MB.
const startHeapLimit = 20 << 20

func main() {
	// Until the first frame is drawn, collect only when the heap reaches
	// startHeapLimit: on a heap growing from nothing, GOGC=50 collected a
	// dozen times and cost ~30 ms of a ~300 ms start (docs/performance.md).
	// After it, half Go's default headroom keeps ~6 MB less resident.
	// GOGC in the environment still wins.
	gcAfterStart := func() {}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(-1)
		limit := debug.SetMemoryLimit(startHeapLimit)
		gcAfterStart = func() {
			debug.SetGCPercent(50)
			debug.SetMemoryLimit(limit)
		}
	}
	launch, err := ui.ParseArgs(os.Args[1:], os.Stderr)
	if errors.Is(err, ui.ErrHelp) {
		return
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	if launch.Tray {
		gcAfterStart() // the agent runs all day on little memory
		os.Exit(runTray())
	}
	if err := ui.CheckDisplay(os.Getenv); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if launch.CPUProfile != "" {
		stop, err := profile(launch.CPUProfile)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		defer stop()
	}
	var timing *ui.TimingLog
	if launch.TimingLog != "" {
		f, err := os.Create(launch.TimingLog)
		if err != nil {
			fmt.Fprintln(os.Stderr, "timing log:", err)
			os.Exit(1)
		}
		defer f.Close()
		timing = ui.NewTimingLog(f)
	}

	store, err := openDiary()
	if err != nil {
		log.Printf("diary: %v", err) // the window says it plainly; exercises still work
	}
	if store != nil {
		defer store.Close()
	}

	// Fyne rewrites its settings file in place; keep a good copy and put it
	// back if a crash left the file half written.
	prefs := ui.FynePrefsPath(appID)
	ui.GuardPrefs(prefs, log.Printf)
	a := app.NewWithID(appID)
	if root := a.Storage().RootURI().Path(); !ui.SamePath(root, filepath.Dir(prefs)) {
		log.Printf("settings: Fyne keeps them in %s, not %s: no copy is kept", root, filepath.Dir(prefs))
	}
	// Fyne calls this once the window is up and its first frame drawn.
	a.Lifecycle().SetOnStarted(gcAfterStart)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon()))
	w, err := openWindow(a)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	w.Resize(fyne.NewSize(560, 720))
	u := ui.New(a, w, ui.Deps{
		Clock:   exercises.RealClock{},
		Sound:   cues{sound.New(log.Printf)},
		Timing:  timing,
		Store:   store,
		DataDir: dataDir(),
		// set by rescue below when the last window stopped on a failure
		Recovered: os.Getenv(recoveredEnv) != "",
	})
	u.CheckDiary()
	u.Open(launch)
	quitOnSignal(a)
	ui.DebugStats()
	defer rescue(u, store)
	w.ShowAndRun()
}

// recoveredEnv marks a window started again after a failure.
const recoveredEnv = "ONTSPAN_RECOVERED"

// rescue catches a panic that reached the top (Fyne runs every callback on
// this goroutine): the session is saved and the failure logged first, then
// the window starts again with an apology. Once only: a second failure in a
// row exits, so a screen that fails at start cannot loop.
func rescue(u *ui.UI, store *diary.Store) {
	r := recover()
	if r == nil {
		return
	}
	u.Rescue(r, debug.Stack())
	if store != nil {
		store.Close()
	}
	if os.Getenv(recoveredEnv) == "" {
		if exe, err := os.Executable(); err == nil {
			cmd := exec.Command(exe)
			cmd.Env = append(os.Environ(), recoveredEnv+"=1")
			cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
			if cmd.Start() == nil {
				os.Exit(2)
			}
		}
	}
	os.Exit(2)
}

// quitOnSignal closes the app cleanly on SIGTERM or Ctrl+C (logging out,
// a shutdown), so a running session is wound down like any other stop.
func quitOnSignal(a fyne.App) {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-sig
		fyne.Do(a.Quit)
	}()
}

// openWindow creates the window. When DISPLAY is set but the X server
// cannot be reached (gone, or refusing clients), GLFW panics inside Fyne:
// say so in one sentence instead.
func openWindow(a fyne.App) (w fyne.Window, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("ontspan: could not open a window on display %q (%v); is your desktop session running?", os.Getenv("DISPLAY"), r)
		}
	}()
	return a.NewWindow("Ontspan"), nil
}

// cues adapts the sound player to the UI's cue type.
type cues struct{ p *sound.Player }

func (c cues) Play(q ui.Cue) { c.p.Play(int(q)) }

// SetVolume and Check let Settings set the loudness and say when no sound
// can play.
func (c cues) SetVolume(v float64) { c.p.SetVolume(v) }
func (c cues) Check() error        { return c.p.Check() }

// runTray runs the all-day reminder agent: no Fyne driver, no window. It
// shares the diary's database for its settings and logs to tray.log there.
func runTray() int {
	dir, err := diary.DataDir()
	if err != nil {
		fmt.Fprintln(os.Stderr, "ontspan --tray:", err)
		return 1
	}
	store, err := tray.OpenDiary(dir, time.Sleep) // waits while a window holds it busy
	if err != nil {
		fmt.Fprintln(os.Stderr, "ontspan --tray: cannot open the settings:", err)
		return 1
	}
	defer store.Close()
	exe, err := os.Executable()
	if err != nil {
		fmt.Fprintln(os.Stderr, "ontspan --tray:", err)
		return 1
	}
	logf, err := os.OpenFile(filepath.Join(dir, "tray.log"), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		fmt.Fprintln(os.Stderr, "ontspan --tray:", err)
		return 1
	}
	defer logf.Close()
	if tray.Running(dir) {
		fmt.Fprintln(os.Stderr, "ontspan --tray: reminders are already running")
		return 0
	}
	lang, _, _ := store.Setting(ui.LanguageKey)
	if lang == "" {
		lang = os.Getenv("LANG")
	}
	err = tray.Run(tray.Options{Exe: exe, DataDir: dir, KV: store, Clock: exercises.RealClock{}, Logger: logf, Lang: lang})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

func dataDir() string {
	dir, _ := diary.DataDir()
	return dir
}

// openDiary opens the practice diary in the app's storage folder
// (ONTSPAN_DATA_DIR overrides it).
func openDiary() (*diary.Store, error) {
	dir, err := diary.DataDir()
	if err != nil {
		return nil, err
	}
	return diary.Open(dir)
}

func profile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}
