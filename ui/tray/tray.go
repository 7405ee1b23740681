// Package tray is Ontspan's light all-day agent, `ontspan --tray`: a tray
// icon with a small menu, the reminder schedule, and notifications sent
// straight to the desktop.
//
// It deliberately does not import Fyne: Fyne's driver keeps a 60 Hz loop
// (~2% of a core, ~130 MB) even with no window, while this agent sleeps in a
// timer between reminders. Everything that needs a window starts the UI as a
// process of its own (`ontspan --start minicheck`, …).
package tray

import (
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/ontspan/ontspan/exercises"
	"github.com/ontspan/ontspan/exercises/remind"
)

// StatusKey is the KV key where the agent tells the UI what it can do. The
// UI shows due reminders on its home screen unless ShowsReminders is true.
const StatusKey = "tray.status"

// The values under StatusKey.
const (
	StatusOK              = "ok"               // tray icon and notifications
	StatusNoTray          = "no-tray"          // notifications, but no tray host for the icon
	StatusNoNotifications = "no-notifications" // an icon, but no notification service
	StatusNone            = "none"             // neither (e.g. no desktop session bus)
	StatusStopped         = "stopped"          // the agent has ended
)

// Options is what Run needs; main.go fills it in.
type Options struct {
	Exe     string          // the ontspan executable, started for every window
	DataDir string          // the app's data folder; the lock file lives here
	KV      remind.KV       // the store's settings table
	Clock   exercises.Clock // nil means the wall clock
	// Logger receives the agent's log. Run also points the standard logger
	// at it, because systray reports through that. Nil means os.Stderr.
	Logger io.Writer
	Lang   string // "nl" or "en" (default) for the menu and notifications
}

// Run is the agent. It returns when the user quits reminders, on SIGINT or
// SIGTERM, or when the desktop session ends. A second agent finds the lock
// taken, says "reminders are already running" and returns nil at once.
// Call it from the main goroutine: macOS wants the tray on the main thread.
func Run(opts Options) error {
	if opts.Exe == "" || opts.DataDir == "" || opts.KV == nil {
		return errors.New("tray: Options need Exe, DataDir and KV")
	}
	if opts.Clock == nil {
		opts.Clock = exercises.RealClock{}
	}
	if opts.Logger == nil {
		opts.Logger = os.Stderr
	}
	opts.Lang = language(opts.Lang)
	logger := log.New(opts.Logger, "ontspan --tray: ", log.LstdFlags)
	log.SetOutput(opts.Logger)

	if err := os.MkdirAll(opts.DataDir, 0o700); err != nil {
		return fmt.Errorf("tray: data folder: %w", err)
	}
	l, err := acquireAgentLock(filepath.Join(opts.DataDir, lockName))
	if errors.Is(err, errLocked) {
		logger.Print(tr(opts.Lang, "already"))
		return nil
	}
	if err != nil {
		return fmt.Errorf("tray: %w", err)
	}
	defer l.release()

	a := &agent{opts: opts, log: logger, quit: make(chan struct{}), poke: make(chan struct{}, 1)}
	return a.run()
}

// language picks "nl" for any Dutch locale name, else "en".
func language(lang string) string {
	if strings.HasPrefix(strings.ToLower(lang), "nl") {
		return "nl"
	}
	return "en"
}

// ShowsReminders reports whether a running agent is showing reminders as
// notifications. When it is false the UI should show due reminders itself.
func ShowsReminders(dataDir string, kv remind.KV) bool {
	if !Running(dataDir) {
		return false // a status left by a killed agent means nothing
	}
	st, _, _ := kv.Setting(StatusKey)
	return st == StatusOK || st == StatusNoTray
}

// agent is one running `ontspan --tray`.
type agent struct {
	opts Options
	log  *log.Logger
	desk desktop

	quit     chan struct{} // closed to end everything
	quitOnce sync.Once
	poke     chan struct{} // wakes the loop early, after a menu change

	mu        sync.Mutex
	status    string    // last written to KV
	tray      bool      // a tray host was there at the last check
	pauseItem checkItem // nil until the menu exists
}

func (a *agent) run() error {
	desk, err := openDesktop(a.startUI)
	if err != nil {
		a.log.Printf("%v: the agent cannot show anything, so it stops; the window shows due reminders instead", err)
		a.setStatus(StatusNone)
		return nil
	}
	a.desk = desk
	defer desk.Close()
	a.report(desk.Check())

	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sig)
	go func() {
		select {
		case <-sig:
		case <-desk.Done():
			a.log.Print("the desktop session ended")
		case <-a.quit:
		}
		a.stop()
	}()

	done := make(chan struct{})
	go func() { a.loop(); close(done) }()
	// Once the icon and menu are up, give back what start-up read.
	release := time.AfterFunc(3*time.Second, releaseStartupPages)
	defer release.Stop()
	a.runTray()
	a.stop()
	<-done
	a.setStatus(StatusStopped)
	a.log.Print("stopped")
	return nil
}

// stop ends the loop and the tray; safe to call more than once.
func (a *agent) stop() {
	a.quitOnce.Do(func() {
		close(a.quit)
		quitTray()
	})
}

// checkItem is a menu entry with a check mark (*systray.MenuItem).
type checkItem interface {
	Checked() bool
	Check()
	Uncheck()
}

func (a *agent) startUI(args []string) { startUI(a.opts.Exe, args, a.log) }

// togglePause flips "pause reminders today" in the stored settings, read
// and written in one step (remind.Update) so a change the window makes at
// the same moment is kept.
func (a *agent) togglePause() {
	now := a.opts.Clock.Now()
	_, err := remind.Update(a.opts.KV, func(s *remind.Settings) { s.PauseToday(now, !s.PausedToday(now)) })
	if err != nil {
		a.log.Printf("pause: %v", err) // nothing was written
	}
	select {
	case a.poke <- struct{}{}: // the loop re-reads and syncs the check mark
	default:
	}
}

// loop is the scheduler: it sleeps in one real timer until the next
// reminder or for at most a minute, then reloads the settings and asks the
// scheduler what to show. No ticker, no polling faster than that.
func (a *agent) loop() {
	sch := newScheduler(a.opts.Clock.Now())
	timer := time.NewTimer(0)
	defer timer.Stop()
	var lastCheck time.Time
	var lastErr string
	for {
		select {
		case <-a.quit:
			return
		case <-a.poke:
		case <-timer.C:
		}
		now := a.opts.Clock.Now()
		s, err := remind.Load(a.opts.KV)
		if msg := fmt.Sprint(err); err != nil && msg != lastErr {
			a.log.Print(msg) // once, not every minute
			lastErr = msg
		} else if err == nil {
			lastErr = ""
		}
		show, wait := sch.step(now, s, remind.SessionRunning(a.opts.KV, now))
		for _, r := range show {
			a.notify(noteFor(a.opts.Lang, r, s))
		}
		a.syncPause(s.PausedToday(now))

		if d := now.Sub(lastCheck); d >= maxWait-minWait || d < 0 {
			a.report(a.desk.Check()) // a tray host or notifier may come or go
			lastCheck = now
		}
		a.mu.Lock()
		tray := a.tray
		a.mu.Unlock()
		if !tray && !s.AnyEnabled() {
			a.log.Print("no tray icon and no reminder switched on: nothing to do, so the agent stops")
			a.stop()
			return
		}
		timer.Reset(wait)
	}
}

// notify shows n; whether that worked updates the status.
func (a *agent) notify(n note) {
	err := a.desk.Notify(n)
	a.mu.Lock()
	tray := a.tray
	a.mu.Unlock()
	a.report(tray, err == nil)
	if err == nil {
		a.log.Printf("reminded: %v", n.Kind)
	}
}

// syncPause keeps the menu's check mark in step with the settings: the UI
// may pause, and the pause lapses at midnight.
func (a *agent) syncPause(paused bool) {
	a.mu.Lock()
	item := a.pauseItem
	a.mu.Unlock()
	if item == nil || item.Checked() == paused {
		return
	}
	if paused {
		item.Check()
	} else {
		item.Uncheck()
	}
}

// report records what the desktop offers. It writes the status to KV and
// logs it only when it changes, so a missing service is said once.
func (a *agent) report(tray, notifications bool) {
	st := statusOf(tray, notifications)
	a.mu.Lock()
	a.tray = tray
	changed := st != a.status
	a.mu.Unlock()
	if !changed {
		return
	}
	a.log.Print(statusLog[st])
	a.setStatus(st)
}

func (a *agent) setStatus(st string) {
	a.mu.Lock()
	a.status = st
	a.mu.Unlock()
	if err := a.opts.KV.SetSetting(StatusKey, st); err != nil {
		a.log.Printf("write status: %v", err)
	}
}

// statusOf names what the desktop offers.
func statusOf(tray, notifications bool) string {
	switch {
	case tray && notifications:
		return StatusOK
	case notifications:
		return StatusNoTray
	case tray:
		return StatusNoNotifications
	}
	return StatusNone
}

var statusLog = map[string]string{
	StatusOK:              "tray icon and notifications available",
	StatusNoTray:          "no tray host (no StatusNotifierWatcher on the session bus): no icon, but notifications work",
	StatusNoNotifications: "no notification service: reminders cannot pop up; the window shows due reminders instead",
	StatusNone:            "no tray host and no notification service: the window shows due reminders instead",
}
