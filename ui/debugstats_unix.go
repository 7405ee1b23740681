//go:build unix

package ui

import (
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"syscall"
)

// DebugStats answers SIGUSR1 with one line on stderr — the goroutine count
// and heap in use — so tools/soak.sh can watch for leaks across hundreds of
// sessions without a debug build. It costs one goroutine blocked on a channel.
func DebugStats() {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGUSR1)
	go func() {
		for range sig {
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			fmt.Fprintf(os.Stderr, "debug-stats goroutines=%d heap_inuse_kb=%d\n", runtime.NumGoroutine(), m.HeapInuse/1024)
		}
	}()
}
