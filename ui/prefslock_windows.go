//go:build windows

package ui

import (
	"os"

	"golang.org/x/sys/windows"
)

// lockPrefs waits for the settings lock (LockFileEx on f's first byte);
// Windows drops it when f is closed, also when the process dies.
func lockPrefs(f *os.File) error {
	var ol windows.Overlapped
	return windows.LockFileEx(windows.Handle(f.Fd()), windows.LOCKFILE_EXCLUSIVE_LOCK, 0, 1, 0, &ol)
}
