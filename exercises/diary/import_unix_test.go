//go:build unix

package diary

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// importFigures is what importWhileProbing measured.
type importFigures struct {
	size          int64         // the file, in bytes
	took          time.Duration // the import, in the child
	peakRSS       int64         // the importing child's peak resident memory, in bytes
	maxOpen       time.Duration // the longest a second process waited for Open
	maxAdd        time.Duration // the longest its Add took
	probes, fails int
}

// importWhileProbing writes an export of n sessions, imports it in a child
// process, and meanwhile opens the diary, adds a session and closes it
// again every 100 ms in this one, as a second window would.
func importWhileProbing(t *testing.T, n, noteLen int) importFigures {
	t.Helper()
	dir := t.TempDir()
	file := filepath.Join(t.TempDir(), "export.json")
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := writeExport(f, n, noteLen); err != nil {
		t.Fatal(err)
	}
	fi, _ := f.Stat()
	f.Close()
	// The diary exists and is current before the import starts, as in use.
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	cmd := helper(dir, "import", dir, file)
	var out, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()

	fig := importFigures{size: fi.Size()}
	var waitErr error
probe:
	for i := 0; ; i++ {
		select {
		case waitErr = <-exited:
			break probe
		case <-time.After(100 * time.Millisecond):
		}
		fig.probes++
		start := time.Now()
		s, err := Open(dir)
		fig.maxOpen = max(fig.maxOpen, time.Since(start))
		if err != nil {
			fig.fails++
			t.Logf("probe %d: Open: %v", i, err)
			continue
		}
		e := sample(i)
		start = time.Now()
		err = s.Add(&e)
		fig.maxAdd = max(fig.maxAdd, time.Since(start))
		if err != nil {
			fig.fails++
			t.Logf("probe %d: Add: %v", i, err)
		}
		s.Close()
	}
	if waitErr != nil {
		t.Fatalf("importing child: %v: %s", waitErr, stderr.String())
	}
	fields := strings.Fields(out.String())
	if len(fields) != 3 {
		t.Fatalf("child printed %q", out.String())
	}
	ms, _ := strconv.Atoi(fields[0])
	added, _ := strconv.Atoi(fields[1])
	if added != n {
		t.Errorf("child imported %d sessions, want %d", added, n)
	}
	fig.took = time.Duration(ms) * time.Millisecond
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		fig.peakRSS = int64(ru.Maxrss) * 1024 // kilobytes on Linux
	}
	t.Logf("import of %.1f MB (%d sessions, %d worries): %v, peak RSS %.0f MB; a second process meanwhile (%d tries, %d failed): Open waited at most %v, Add at most %v",
		float64(fig.size)/1e6, n, n/10, fig.took.Round(time.Millisecond), float64(fig.peakRSS)/1e6,
		fig.probes, fig.fails, fig.maxOpen.Round(time.Millisecond), fig.maxAdd.Round(time.Millisecond))
	return fig
}

// TestImportLetsOthersIn: while a large file is imported, another process
// opens the diary and writes to it without waiting for the whole import
// (issue 16, section 4: a window had no diary and an add failed after 15 s).
func TestImportLetsOthersIn(t *testing.T) {
	if testing.Short() {
		t.Skip("imports a large file in a child process")
	}
	fig := importWhileProbing(t, 40_000, 400)
	if fig.fails > 0 {
		t.Errorf("%d of %d tries of a second process failed during the import", fig.fails, fig.probes)
	}
	if limit := time.Second; fig.maxOpen > limit || fig.maxAdd > limit {
		t.Errorf("a second process waited %v to open and %v to add; want under %v (the import took %v)",
			fig.maxOpen, fig.maxAdd, limit, fig.took)
	}
}

// TestBigImport measures issue 16's case, a ~200 MB import: its time, its
// peak memory and how long a second process waits meanwhile. It takes a
// minute or two, so it runs only when ONTSPAN_BIG_IMPORT is set.
func TestBigImport(t *testing.T) {
	if testing.Short() || os.Getenv("ONTSPAN_BIG_IMPORT") == "" {
		t.Skip("set ONTSPAN_BIG_IMPORT=1 to import ~200 MB")
	}
	fig := importWhileProbing(t, 330_000, 1000)
	if fig.fails > 0 {
		t.Errorf("%d of %d tries of a second process failed during the import", fig.fails, fig.probes)
	}
	if fig.peakRSS > 300<<20 {
		t.Errorf("peak RSS %d MB for a streamed import", fig.peakRSS>>20)
	}
}
