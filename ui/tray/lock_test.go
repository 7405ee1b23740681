package tray

import (
	"errors"
	"path/filepath"
	"testing"
)

func TestLock(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, lockName)
	if Running(dir) {
		t.Fatal("Running before any agent")
	}
	first, err := acquireLock(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := acquireLock(path); !errors.Is(err, errLocked) {
		t.Fatalf("second acquire: %v, want errLocked", err)
	}
	if !Running(dir) {
		t.Error("Running while locked = false")
	}
	if err := first.release(); err != nil {
		t.Fatal(err)
	}
	if Running(dir) {
		t.Error("Running after release")
	}
	again, err := acquireLock(path)
	if err != nil {
		t.Fatalf("acquire after release: %v", err)
	}
	again.release()
}
