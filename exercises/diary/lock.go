package diary

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
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
// exclusively (while it checks and moves a damaged file: two quick checks,
// ~0.1 s each for ten years of heavy use). The window waits for Open
// before it appears, and tries again in the background after.
const lockWait = 2 * time.Second

// procLock is this Store's hold on the lock file. The OS drops it when the
// file is closed, also when the process dies, so a stale file never blocks.
type procLock struct {
	f         *os.File
	exclusive bool
	// unsupported: the file system refuses locks (some network shares).
	// The diary still opens; moving aside then relies on the checks alone.
	unsupported bool
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
			l.unsupported = err != nil
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
	if l.unsupported {
		return true, nil
	}
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

// writersName is the second lock file. Every write holds a shared lock on
// it while it waits for SQLite's write lock and writes; an import, between
// two batches, waits until it could take it exclusively, so whoever is
// waiting to write (a window logging a session, the tray agent) goes first
// instead of polling for a gap between batches (SQLite's busy handler
// sleeps up to 100 ms between tries and would lose to the next batch).
const writersName = "diary-writers.lock"

// maxYield is the longest an import pauses for other writers per batch.
const maxYield = 2 * time.Second

// writers is a Store's hold on the writers lock: shared while any of its
// goroutines writes (flock is per open file, so a count keeps the first
// one's unlock from releasing the others').
type writers struct {
	mu sync.Mutex
	n  int
	f  *os.File
}

func openWriters(dir string) (*writers, error) {
	f, err := os.OpenFile(filepath.Join(dir, writersName), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	return &writers{f: f}, nil
}

// enter marks a write as waiting or running. The lock is advisory: if an
// import holds it exclusively for that instant, the write goes on anyway.
func (w *writers) enter() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.n++; w.n == 1 {
		lockShared(w.f)
	}
}

func (w *writers) leave() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.n--; w.n == 0 {
		unlock(w.f)
	}
}

func (w *writers) close() { w.f.Close() }

// yieldToWriters waits (up to maxYield) until no other write is waiting or
// running, in this process or another. An import calls it between batches.
func yieldToWriters(dir string) {
	f, err := os.OpenFile(filepath.Join(dir, writersName), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return
	}
	defer f.Close()
	deadline := time.Now().Add(maxYield)
	for {
		err := lockExclusive(f)
		if err == nil {
			unlock(f)
			return
		}
		if !errors.Is(err, errWouldBlock) || time.Now().After(deadline) {
			return
		}
		time.Sleep(2 * time.Millisecond)
	}
}
