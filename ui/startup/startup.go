// Package startup holds what main does around the window that is not
// wiring: memory tuning until the first frame, profiling and the timing log
// for performance work, quitting on a signal, and starting again after a
// failure. It needs no cgo, so main stays a page of wiring.
package startup

import (
	"fmt"
	"log"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"runtime/pprof"
	"syscall"

	"fyne.io/fyne/v2"

	"github.com/ontspan/ontspan/assets"
	"github.com/ontspan/ontspan/exercises/diary"
	"github.com/ontspan/ontspan/ui"
)

// startHeapLimit is the heap at which start-up collects once. Home
// allocates ~20 MB before its first frame, a breathing session ~24 MB
// (GODEBUG=gctrace=1); letting it all pile up raised the peak RSS by 8 MB.
const startHeapLimit = 20 << 20

// HoldGC collects only when the heap reaches startHeapLimit until the
// returned func is called (at the first frame): on a heap growing from
// nothing, GOGC=50 collected a dozen times and cost ~30 ms of a ~300 ms
// start (docs/performance.md). After it, half Go's default headroom keeps
// ~6 MB less resident. GOGC in the environment still wins.
func HoldGC() (afterStart func()) {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	debug.SetGCPercent(-1)
	limit := debug.SetMemoryLimit(startHeapLimit)
	return func() {
		debug.SetGCPercent(50)
		debug.SetMemoryLimit(limit)
	}
}

// Perf starts what --cpu-profile and --timing-log ask for; stop ends both.
func Perf(l ui.Launch) (timing *ui.TimingLog, stop func(), err error) {
	var stops []func()
	stop = func() {
		for _, f := range stops {
			f()
		}
	}
	if l.CPUProfile != "" {
		f, err := os.Create(l.CPUProfile)
		if err != nil {
			return nil, stop, fmt.Errorf("cpu profile: %w", err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			f.Close()
			return nil, stop, fmt.Errorf("cpu profile: %w", err)
		}
		stops = append(stops, func() { pprof.StopCPUProfile(); f.Close() })
	}
	if l.TimingLog != "" {
		f, err := os.Create(l.TimingLog)
		if err != nil {
			return nil, stop, fmt.Errorf("timing log: %w", err)
		}
		stops = append(stops, func() { f.Close() })
		timing = ui.NewTimingLog(f)
	}
	return timing, stop, nil
}

// QuitOnSignal closes the app cleanly on SIGTERM or Ctrl+C (logging out, a
// shutdown), so a running session is wound down like any other stop.
func QuitOnSignal(a fyne.App) {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-sig
		fyne.Do(a.Quit)
	}()
}

// OpenWindow creates the 560x720 window with the app's icon; afterStart
// runs once its first frame is drawn. When DISPLAY is set but the X server
// cannot be reached (gone, or refusing clients), GLFW panics inside Fyne:
// say so in one sentence instead.
func OpenWindow(a fyne.App, afterStart func()) (w fyne.Window, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("ontspan: could not open a window on display %q (%v); is your desktop session running?", os.Getenv("DISPLAY"), r)
		}
	}()
	a.Lifecycle().SetOnStarted(afterStart)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon()))
	w = a.NewWindow("Ontspan")
	w.Resize(fyne.NewSize(560, 720))
	return w, nil
}

// recoveredEnv marks a window started again after a failure.
const recoveredEnv = "ONTSPAN_RECOVERED"

// Recovered reports that this window was started again after a failure.
func Recovered() bool { return os.Getenv(recoveredEnv) != "" }

// Rescue, deferred in main, catches a panic that reached the top (Fyne runs
// every callback on main's goroutine): the failure is logged and the session
// saved first (u.Rescue), then close runs and the window starts again with an
// apology. Once only: a second failure in a row exits, so a screen that
// fails at start cannot loop.
func Rescue(u *ui.UI, close func()) {
	r := recover()
	if r == nil {
		return
	}
	u.Rescue(r, debug.Stack())
	close()
	if !Recovered() {
		if exe, err := os.Executable(); err == nil {
			cmd := exec.Command(exe)
			cmd.Env = append(os.Environ(), recoveredEnv+"=1")
			cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
			_ = cmd.Start()
		}
	}
	os.Exit(2)
}

// OpenDiary opens the diary in the app's data folder (ONTSPAN_DATA_DIR
// overrides it). A failure is logged and store is nil: the window says it
// plainly and keeps trying, and the exercises still work.
func OpenDiary() (dir string, store *diary.Store, close func()) {
	dir, err := diary.DataDir()
	if err == nil {
		store, err = diary.Open(dir)
	}
	if err != nil {
		log.Printf("diary: %v", err)
	}
	return dir, store, func() {
		if store != nil {
			store.Close()
		}
	}
}

// GuardPrefs keeps a good copy of Fyne's settings file, which Fyne rewrites
// in place, and puts it back if a crash left it half written. The returned
// check says when Fyne keeps its settings elsewhere (no copy is kept then).
func GuardPrefs(appID string) (check func(fyne.App)) {
	prefs := ui.FynePrefsPath(appID)
	ui.GuardPrefs(prefs, log.Printf)
	return func(a fyne.App) {
		if root := a.Storage().RootURI().Path(); !ui.SamePath(root, filepath.Dir(prefs)) {
			log.Printf("settings: Fyne keeps them in %s, not %s: no copy is kept", root, filepath.Dir(prefs))
		}
	}
}

// ExitIf ends the process with code when err is set, saying err on stderr.
func ExitIf(code int, err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(code)
	}
}
