//go:build unix

package diary

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// childEnv makes the test binary act as a helper process in
// TestHelperProcess: "crash <dir>" writes until killed, "write <dir> <tag> <n>"
// adds n sessions with uids <tag>-<i> and exits, "hold <dir>" adds a session
// and keeps the diary open until its stdin is closed, "import <dir> <file>"
// imports the file and prints milliseconds taken, sessions and worries added.
const childEnv = "ONTSPAN_DIARY_TEST_CHILD"

// TestHelperProcess is not a test: the tests below run the test binary
// again with childEnv set, and this is what that child does.
func TestHelperProcess(t *testing.T) {
	args := strings.Fields(os.Getenv(childEnv))
	if len(args) == 0 {
		t.Skip("only runs as a child of the crash and concurrency tests")
	}
	s, err := Open(args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "open:", err)
		os.Exit(2)
	}
	switch args[0] {
	case "crash":
		// Write in a loop; after each commit, report it on stdout (unbuffered:
		// one write(2) per line) so the parent knows what must survive.
		for i := 0; ; i++ {
			e := sample(i)
			e.Note = strings.Repeat("ontspan ", i%50)
			if err := s.Add(&e); err != nil {
				fmt.Fprintln(os.Stderr, "add:", err)
				os.Exit(3)
			}
			fmt.Fprintf(os.Stdout, "session %s\n", e.UID)
			if i%5 == 0 {
				w := sampleWorry(i)
				if err := s.AddWorry(&w); err != nil {
					fmt.Fprintln(os.Stderr, "add worry:", err)
					os.Exit(3)
				}
				fmt.Fprintf(os.Stdout, "worry %s\n", w.UID)
			}
			if i%7 == 0 {
				e.After = i % 11
				if err := s.Update(e); err != nil {
					fmt.Fprintln(os.Stderr, "update:", err)
					os.Exit(3)
				}
			}
		}
	case "hold":
		// Keep the diary open, with a fresh session in the WAL, until the
		// parent closes stdin.
		e := sample(99)
		if err := s.Add(&e); err != nil {
			fmt.Fprintln(os.Stderr, "add:", err)
			os.Exit(3)
		}
		fmt.Fprintln(os.Stdout, "ready")
		io.Copy(io.Discard, os.Stdin)
		s.Close()
		os.Exit(0)
	case "import":
		// Import the file and report the time and the result.
		f, err := os.Open(args[2])
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(5)
		}
		start := time.Now()
		res, err := s.ImportJSON(f)
		if err != nil {
			fmt.Fprintln(os.Stderr, "import:", err)
			os.Exit(5)
		}
		fmt.Fprintf(os.Stdout, "%d %d %d\n", time.Since(start).Milliseconds(), res.SessionsAdded, res.WorriesAdded)
		s.Close()
		os.Exit(0)
	case "write":
		n, _ := strconv.Atoi(args[3])
		if err := writeTagged(s, args[2], n); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(4)
		}
		s.Close()
		os.Exit(0)
	}
}

// writeTagged adds n sessions with uids tag-0 … tag-(n-1), and a setting.
func writeTagged(s *Store, tag string, n int) error {
	for i := range n {
		e := sample(i)
		e.UID = fmt.Sprintf("%s-%d", tag, i)
		if err := s.Add(&e); err != nil {
			return fmt.Errorf("%s: add %d: %w", tag, i, err)
		}
		if err := s.SetSetting("last-writer", tag); err != nil {
			return fmt.Errorf("%s: setting %d: %w", tag, i, err)
		}
	}
	return nil
}

func helper(dir string, args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), childEnv+"="+strings.Join(args, " "))
	return cmd
}

// TestCrashSafety kills a writing child with SIGKILL at random moments, over
// and over, and then checks that the database is sound and holds every
// session and worry the child reported as committed.
func TestCrashSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("starts and kills child processes")
	}
	dir := t.TempDir()
	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7))
	committed := map[string]string{} // uid → "session" or "worry"
	const kills = 25
	start := time.Now()
	for k := range kills {
		cmd := helper(dir, "crash", dir)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := make(chan string, 1024)
		go func() {
			defer close(lines)
			br := bufio.NewReader(out)
			for {
				line, err := br.ReadString('\n')
				if err != nil {
					return // a line cut off by the kill was not reported
				}
				lines <- strings.TrimSuffix(line, "\n")
			}
		}()
		if k%5 == 0 {
			// Kill it early: while it starts, opens or migrates the database.
			time.Sleep(time.Duration(5+r.IntN(60)) * time.Millisecond)
		} else {
			// Let it write for a random while after its first commit.
			first, ok := <-lines
			if !ok {
				cmd.Wait()
				t.Fatalf("child %d reported nothing: %s", k, stderr.String())
			}
			record(t, committed, first)
			time.Sleep(time.Duration(r.IntN(150)) * time.Millisecond)
		}
		cmd.Process.Signal(syscall.SIGKILL)
		for line := range lines {
			record(t, committed, line)
		}
		err = cmd.Wait()
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
			t.Fatalf("child %d ended by itself (%v): %s", k, err, stderr.String())
		}
	}
	elapsed := time.Since(start)

	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.Recovered() != "" {
		t.Fatalf("database taken for damaged after kills: moved to %s", s.Recovered())
	}
	if err := s.IntegrityCheck(); err != nil {
		t.Fatalf("integrity_check after %d kills: %v", kills, err)
	}
	if err := s.Verify(); err != nil {
		t.Fatal(err)
	}
	missing := 0
	for uid, table := range committed {
		var n int
		q := "SELECT COUNT(*) FROM sessions WHERE uid = ?"
		if table == "worry" {
			q = "SELECT COUNT(*) FROM worries WHERE uid = ?"
		}
		if err := s.conn().QueryRow(q, uid).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 1 {
			missing++
			t.Errorf("%s %s reported committed but not in the diary", table, uid)
		}
	}
	sessions, _ := s.Count()
	worries, _ := s.WorryCount()
	t.Logf("%d SIGKILLs in %v: %d commits reported, %d sessions and %d worries in the diary, %d missing, integrity ok",
		kills, elapsed.Round(time.Millisecond), len(committed), sessions, worries, missing)
	// The totals the triggers keep survive the kills too.
	st, err := s.Stats(time.Now(), time.UTC)
	if err != nil || st.Sessions != sessions {
		t.Errorf("stats: %d sessions, %v; want %d", st.Sessions, err, sessions)
	}
}

func record(t *testing.T, committed map[string]string, line string) {
	t.Helper()
	kind, uid, ok := strings.Cut(line, " ")
	if !ok || (kind != "session" && kind != "worry") || len(uid) != 32 {
		t.Fatalf("child wrote %q", line)
	}
	committed[uid] = kind
}

// TestConcurrentWriters has two processes and two Store handles in this
// process (with two goroutines each) write at once: no error, nothing lost.
func TestConcurrentWriters(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	dir := t.TempDir()
	first, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	second, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()

	const n = 60
	start := time.Now()
	var cmds []*exec.Cmd
	var outs []*strings.Builder
	for _, tag := range []string{"procA", "procB"} {
		cmd := helper(dir, "write", dir, tag, strconv.Itoa(n))
		var out strings.Builder
		cmd.Stdout, cmd.Stderr = io.Discard, &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds, outs = append(cmds, cmd), append(outs, &out)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for i, s := range []*Store{first, first, second, second} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- writeTagged(s, fmt.Sprintf("goroutine%d", i), n)
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	for i, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Errorf("child %d: %v: %s", i, err, outs[i])
		}
	}
	count, err := second.Count()
	if err != nil || count != 6*n {
		t.Errorf("Count = %d, %v; want %d", count, err, 6*n)
	}
	var distinct int
	first.conn().QueryRow(`SELECT COUNT(DISTINCT uid) FROM sessions`).Scan(&distinct)
	if distinct != 6*n {
		t.Errorf("%d distinct uids, want %d", distinct, 6*n)
	}
	if err := first.IntegrityCheck(); err != nil {
		t.Error(err)
	}
	t.Logf("6 writers (2 processes, 4 goroutines on 2 handles) × %d sessions and settings in %v", n, time.Since(start).Round(time.Millisecond))
}
