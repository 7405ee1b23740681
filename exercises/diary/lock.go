package diary

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// lockName is the lock file beside the database. Every process that opens
// the diary (windows and the tray agent) holds a shared lock on it for as
// long as the Store is open; moving a damaged database aside needs the
// exclusive lock, so it never happens under another process's feet.
const lockName = "diary.lock"

// ErrBusy: another Ontspan process kept the diary locked for longer than
// Open waits (it is checking a damaged file, migrating, or importing). The
// diary is fine; trying again a little later works.
var ErrBusy = errors.New("the diary is busy in another Ontspan process")

// ErrInUse: the diary looks damaged but another Ontspan window or the
// reminder agent has it open, so it is left where it is. Once the others are
// closed, opening it again checks it and moves it aside if it is damaged.
var ErrInUse = errors.New("the diary looks damaged, but another Ontspan process has it open")

// errWouldBlock is what the OS-specific lock calls return when another
// process holds a conflicting lock.
var errWouldBlock = errors.New("locked by another process")

// lockWait is how long Open waits for a process that holds the lock
// exclusively (while it checks and moves a damaged file).
const lockWait = busyTimeout

// procLock is this Store's hold on the lock file. The OS drops it when the
// file is closed, also when the process dies, so a stale file never blocks.
type procLock struct {
	f         *os.File
	exclusive bool
}

// takeShared opens dir's lock file and takes a shared lock, waiting up to
// lockWait for a process that holds it exclusively.
func takeShared(dir string) (*procLock, error) {
	f, err := os.OpenFile(filepath.Join(dir, lockName), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	l := &procLock{f: f}
	if err := l.waitShared(); err != nil {
		f.Close()
		return nil, err
	}
	return l, nil
}

// waitShared takes the shared lock, polling: the OS calls cannot wait with
// a timeout, and an exclusive holder is only ever brief.
func (l *procLock) waitShared() error {
	deadline := time.Now().Add(lockWait)
	for {
		err := lockShared(l.f)
		if !errors.Is(err, errWouldBlock) {
			if err != nil {
				return fmt.Errorf("lock the diary: %w", err)
			}
			return nil
		}
		if time.Now().After(deadline) {
			return ErrBusy
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// tryExclusive turns the shared lock into an exclusive one without waiting.
// It reports false when another process holds the lock too; the shared lock
// is then held again (converting may drop it for a moment, on every OS).
func (l *procLock) tryExclusive() (bool, error) {
	err := lockExclusive(l.f)
	if err == nil {
		l.exclusive = true
		return true, nil
	}
	if errors.Is(err, errWouldBlock) {
		return false, l.waitShared()
	}
	return false, fmt.Errorf("lock the diary: %w", err)
}

// shared turns an exclusive lock back into a shared one.
func (l *procLock) shared() error {
	if !l.exclusive {
		return nil
	}
	l.exclusive = false
	return l.waitShared()
}

func (l *procLock) close() {
	unlock(l.f)
	l.f.Close()
}
