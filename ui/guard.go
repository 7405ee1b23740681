package ui

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"
)

// A bug in a screen must never cost the user what they just did. guard
// runs the window's own entry points (keys, animation frames, the cue
// goroutine's updates); when one panics, Rescue writes down what went
// wrong, stops and saves the running session, and the window goes home with
// an apology instead of vanishing.
func (u *UI) guard(f func()) {
	defer func() {
		if r := recover(); r != nil {
			u.recovered(r, debug.Stack())
		}
	}()
	f()
}

// recovered saves what can be saved after a panic caught elsewhere (the cue
// goroutine), and goes home with the apology.
func (u *UI) recovered(r any, stack []byte) {
	if u.Rescue(r, stack) {
		u.apologise()
	}
}

// Rescue logs a panic (to stderr and crash.log in the data folder) and then
// stops and saves the running session, so it is in the diary whatever
// happens next. main calls it too, for a panic that reached the top. It
// reports whether the window may go on (false while already rescuing).
func (u *UI) Rescue(r any, stack []byte) bool {
	u.failures++
	msg := fmt.Sprintf("%s ontspan: something failed: %v\n%s\n", u.data.clock.Now().Format(time.RFC3339), r, stack)
	log.Print(msg)
	if u.data.dataDir != "" {
		if f, err := os.OpenFile(filepath.Join(u.data.dataDir, "crash.log"), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600); err == nil {
			_, _ = f.WriteString(msg)
			_ = f.Close()
		}
	}
	if u.rescuing {
		return false // saving the session itself failed: do not loop
	}
	u.rescuing = true
	defer func() { u.rescuing = false }()
	func() {
		defer func() {
			if r := recover(); r != nil {
				log.Printf("ontspan: saving the session after a failure failed too: %v", r)
			}
		}()
		if l, ok := u.current.(leaving); ok {
			l.leave() // a running session stops here and is written
		}
	}()
	u.current = nil
	return true
}

// apologise shows home and says, without blame, what happened.
func (u *UI) apologise() {
	u.onForeground(nil, nil)
	u.closeOverlay = nil
	func() {
		defer func() {
			if r := recover(); r != nil {
				log.Printf("ontspan: home failed after a failure: %v", r)
			}
		}()
		u.Home()
	}()
	inform(tr("crash.title"), tr("crash.text"), u.win)
}
