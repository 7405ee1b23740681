//go:build windows

package diary

import (
	"errors"
	"os"

	"golang.org/x/sys/windows"
)

// LockFileEx on the first byte. Windows cannot convert a lock in place, so
// each call first drops what the handle holds; the caller takes the shared
// lock again when the exclusive one is refused.
func lockShared(f *os.File) error    { return lockFileEx(f, 0) }
func lockExclusive(f *os.File) error { return lockFileEx(f, windows.LOCKFILE_EXCLUSIVE_LOCK) }

func unlock(f *os.File) {
	var ol windows.Overlapped
	windows.UnlockFileEx(windows.Handle(f.Fd()), 0, 1, 0, &ol)
}

func lockFileEx(f *os.File, flags uint32) error {
	unlock(f) // not held: ERROR_NOT_LOCKED, which is fine
	var ol windows.Overlapped
	err := windows.LockFileEx(windows.Handle(f.Fd()), flags|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &ol)
	if errors.Is(err, windows.ERROR_LOCK_VIOLATION) {
		return errWouldBlock
	}
	return err
}
