//go:build darwin

package tray

import (
	"context"
	"os/exec"
	"strconv"
	"time"
)

// osaDesktop shows notifications with AppleScript's "display notification":
// no entitlement, no bundle signing needed. It has no action buttons, so a
// click opens nothing; the mini-check text is the check all the same.
type osaDesktop struct{ done chan struct{} }

func openDesktop(launcher) (desktop, error) { return &osaDesktop{done: make(chan struct{})}, nil }

// Check: the menu bar is always there (if this build has the icon), and so
// is Notification Center.
func (*osaDesktop) Check() (tray, notifications bool) { return trayBuilt, true }

func (*osaDesktop) Notify(n note) error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	// strconv.Quote escapes " and \ the way AppleScript strings want them.
	script := "display notification " + strconv.Quote(n.Body) + " with title " + strconv.Quote(n.Title)
	return exec.CommandContext(ctx, "osascript", "-e", script).Run()
}

func (d *osaDesktop) Done() <-chan struct{} { return d.done }

func (*osaDesktop) Close() {}
