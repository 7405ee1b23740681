//go:build unix

package diary

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// flock locks belong to the open file (not to the process, as fcntl locks
// do), so two Stores in one process exclude each other like two processes,
// and SQLite's own fcntl locks on the database are not disturbed. A call on
// a file that holds the other kind of lock converts it.
func lockShared(f *os.File) error    { return flock(f, unix.LOCK_SH) }
func lockExclusive(f *os.File) error { return flock(f, unix.LOCK_EX) }
func unlock(f *os.File)              { unix.Flock(int(f.Fd()), unix.LOCK_UN) }

func flock(f *os.File, how int) error {
	for {
		err := unix.Flock(int(f.Fd()), how|unix.LOCK_NB)
		if errors.Is(err, unix.EINTR) {
			continue
		}
		if errors.Is(err, unix.EWOULDBLOCK) {
			return errWouldBlock
		}
		return err
	}
}
