//go:build windows

package diary

import (
	"os"
	"testing"
)

// TestNoChmodOnWindows is issue 12's bug: Open changed the mode of
// diary.db-shm while SQLite held it, which Windows refuses with "Sharing
// violation", so no session was ever saved. Two stores open at once (a
// window and the tray agent) and a reopen must not call chmod at all.
func TestNoChmodOnWindows(t *testing.T) {
	calls := 0
	chmod = func(string, os.FileMode) error { calls++; return nil }
	defer func() { chmod = os.Chmod }()
	a, dir := openTemp(t)
	e := sample(0)
	if err := a.Add(&e); err != nil {
		t.Fatal(err)
	}
	b, err := Open(dir)
	if err != nil {
		t.Fatalf("second Open while the first holds the files: %v", err)
	}
	defer b.Close()
	e = sample(1)
	if err := b.Add(&e); err != nil {
		t.Fatal(err)
	}
	if calls != 0 {
		t.Errorf("chmod called %d times on Windows", calls)
	}
}
