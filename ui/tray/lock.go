package tray

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

// lockName is the lock file in the data folder that keeps one agent running.
const lockName = "tray.lock"

// errLocked means another process holds the lock.
var errLocked = errors.New("locked by another process")

// lock is an exclusive lock on a file, held until release or until the
// process ends: the OS drops it when a crashed agent's file is closed, so
// a stale lock file never blocks the next agent.
type lock struct{ f *os.File }

// acquireLock takes the lock at path without waiting; errLocked when another
// agent holds it. The file is left in place on release: removing it would
// race with a second agent opening it.
func acquireLock(path string) (*lock, error) {
	l, err := tryLock(path)
	if err != nil {
		return nil, err
	}
	// The pid is only for people reading the folder; the lock is what counts.
	if err := l.f.Truncate(0); err == nil {
		l.f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	return l, nil
}

// tryLock takes the lock without touching the file's contents.
func tryLock(path string) (*lock, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open lock: %w", err)
	}
	if err := lockFile(f); err != nil {
		f.Close()
		return nil, err
	}
	return &lock{f: f}, nil
}

// acquireAgentLock is acquireLock for the agent itself. It tries for a
// second before giving up, because Running (in a window) may hold the lock
// for an instant to look: a new agent must not mistake that for another agent.
func acquireAgentLock(path string) (*lock, error) {
	var err error
	for range 10 {
		var l *lock
		if l, err = acquireLock(path); !errors.Is(err, errLocked) {
			return l, err
		}
		time.Sleep(100 * time.Millisecond)
	}
	return nil, err
}

func (l *lock) release() error {
	unlockFile(l.f)
	return l.f.Close()
}

// Running reports whether a reminder agent holds the lock in dataDir, so
// the UI knows whether reminders are being shown or it should show due
// ones itself.
func Running(dataDir string) bool {
	l, err := tryLock(filepath.Join(dataDir, lockName)) // look only: leave the pid alone
	if err != nil {
		return errors.Is(err, errLocked)
	}
	l.release()
	return false
}
