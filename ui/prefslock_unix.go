//go:build unix

package ui

import (
	"os"

	"golang.org/x/sys/unix"
)

// lockPrefs waits for the settings lock (flock on f); the kernel drops it
// when f is closed, also when the process dies.
func lockPrefs(f *os.File) error { return unix.Flock(int(f.Fd()), unix.LOCK_EX) }
