//go:build unix

package diary

import (
	"bufio"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// holdDiary starts a child process that opens the diary in dir, adds a
// session and keeps the diary open until the returned function is called.
func holdDiary(t *testing.T, dir string) (release func()) {
	t.Helper()
	cmd := helper(dir, "hold", dir)
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, _ := bufio.NewReader(out).ReadString('\n')
	if line != "ready\n" {
		in.Close()
		cmd.Wait()
		t.Fatalf("child holding the diary: %q, %s", line, stderr.String())
	}
	done := false
	release = func() {
		if done {
			return
		}
		done = true
		in.Close()
		go io.Copy(io.Discard, out)
		if err := cmd.Wait(); err != nil {
			t.Errorf("child holding the diary: %v: %s", err, stderr.String())
		}
	}
	t.Cleanup(release)
	return release
}

// TestBusyDiaryNeverMovedAside is issue 16's case: another process writes
// to the diary, its -wal file is deleted, and a second window starts. The
// second window may fail to read pages, but must never take the diary for
// damaged and move it aside under the first one's feet.
func TestBusyDiaryNeverMovedAside(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process")
	}
	dir := filledDiary(t, 10)
	path := filepath.Join(dir, FileName)
	holdDiary(t, dir)
	if err := os.Remove(path + "-wal"); err != nil {
		t.Fatal(err)
	}

	s, err := Open(dir)
	if err != nil {
		// Not opening is acceptable (the window retries); moving is not.
		t.Logf("Open: %v", err)
	} else {
		defer s.Close()
		if s.Recovered() != "" {
			t.Fatalf("a busy diary was moved aside at open to %s", s.Recovered())
		}
		err := s.Verify()
		t.Logf("Verify: %v", err)
		if errors.Is(err, ErrDamaged) {
			// What the window does on damage: it must refuse while the other holds it.
			moved, err := s.Recover()
			if moved != "" || !errors.Is(err, ErrInUse) {
				t.Fatalf("Recover on a diary another process has open: moved to %q, %v; want ErrInUse", moved, err)
			}
		}
	}
	if got := damagedFiles(t, dir); len(got) != 0 {
		t.Fatalf("moved aside: %v", got)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("the diary is gone: %v", err)
	}
}

// TestDamagedNotMovedWhileInUse: even a database damaged beyond doubt stays
// where it is while another process has it open; once that one is closed,
// the next Open moves it aside.
func TestDamagedNotMovedWhileInUse(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process")
	}
	dir := filledDiary(t, 10)
	path := filepath.Join(dir, FileName)
	release := holdDiary(t, dir)
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteAt([]byte("this is no database anymore"), 0)
	f.Close()

	s, err := Open(dir)
	if !errors.Is(err, ErrInUse) {
		if s != nil {
			s.Close()
		}
		t.Fatalf("Open of a damaged diary another process holds: %v, want ErrInUse", err)
	}
	t.Logf("message: %v", err)
	if got := damagedFiles(t, dir); len(got) != 0 {
		t.Fatalf("moved aside while in use: %v", got)
	}

	release()
	s, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.Recovered() == "" || len(damagedFiles(t, dir)) != 1 {
		t.Errorf("not moved aside once free: Recovered() = %q, %v", s.Recovered(), damagedFiles(t, dir))
	}
}

// TestCheckResult: a page that could not be read is not damage.
func TestCheckResult(t *testing.T) {
	tests := []struct {
		lines []string
		want  error
	}{
		{[]string{"ok"}, nil},
		{[]string{"*** in database main ***\nTree 5 page 5: unable to get the page. error code=522"}, ErrUnreadable},
		{[]string{"unable to get the page. error code=10"}, ErrUnreadable},
		{[]string{"unable to get the page. error code=5"}, ErrUnreadable},
		{[]string{"unable to get the page. error code=11"}, ErrDamaged},
		{[]string{"Tree 2 page 2: btreeInitPage() returns error code 11"}, ErrDamaged},
		{[]string{"Page 7 is never used"}, ErrDamaged},
	}
	for _, tt := range tests {
		err := checkResult("check", tt.lines)
		if tt.want == nil && err != nil || tt.want != nil && !errors.Is(err, tt.want) {
			t.Errorf("%q: %v, want %v", tt.lines, err, tt.want)
		}
		if tt.want == ErrUnreadable && errors.Is(err, ErrDamaged) {
			t.Errorf("%q taken for damage", tt.lines)
		}
	}
}
