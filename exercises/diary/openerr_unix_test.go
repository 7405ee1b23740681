//go:build unix

package diary

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// makeReadOnly makes dir refuse new files until the test ends: by its mode,
// or for root (whom modes do not stop) with chattr +i.
func makeReadOnly(t *testing.T, dir string) {
	t.Helper()
	if os.Geteuid() != 0 {
		if err := os.Chmod(dir, 0o500); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(dir, 0o700) })
		return
	}
	if out, err := exec.Command("chattr", "+i", dir).CombinedOutput(); err != nil {
		t.Skipf("running as root and chattr +i fails (%v: %s): cannot make a read-only folder", err, out)
	}
	t.Cleanup(func() { exec.Command("chattr", "-i", dir).Run() })
}

// TestOpenErrorsSayWhatAndWhere: a read-only folder and a file where the
// folder should be give errors that say so and name the path, so the window
// can tell the user what to do (issue 16, section 5).
func TestOpenErrorsSayWhatAndWhere(t *testing.T) {
	check := func(t *testing.T, dir string, kind error, path string) {
		t.Helper()
		s, err := Open(dir)
		if err == nil {
			s.Close()
			t.Fatalf("Open(%s) succeeded", dir)
		}
		var oe *OpenError
		if !errors.Is(err, kind) || !errors.As(err, &oe) || oe.Path != path {
			t.Fatalf("Open: %v; want %v naming %s", err, kind, path)
		}
		t.Logf("message: %v", err)
	}
	t.Run("read-only folder, no diary yet", func(t *testing.T) {
		dir := t.TempDir()
		makeReadOnly(t, dir)
		check(t, dir, ErrReadOnly, dir)
	})
	t.Run("read-only folder with a diary", func(t *testing.T) {
		dir := filledDiary(t, 3)
		makeReadOnly(t, dir)
		check(t, dir, ErrReadOnly, dir)
	})
	t.Run("read-only parent of a new folder", func(t *testing.T) {
		parent := t.TempDir()
		makeReadOnly(t, parent)
		check(t, filepath.Join(parent, "ontspan"), ErrReadOnly, parent)
	})
	t.Run("the folder is a file", func(t *testing.T) {
		file := filepath.Join(t.TempDir(), "ontspan")
		os.WriteFile(file, []byte("not a folder"), 0o600)
		check(t, file, ErrNotFolder, file)
	})
	t.Run("a folder above is a file", func(t *testing.T) {
		file := filepath.Join(t.TempDir(), "fyne")
		os.WriteFile(file, []byte("not a folder"), 0o600)
		check(t, filepath.Join(file, AppID), ErrNotFolder, file)
	})
}
