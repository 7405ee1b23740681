//go:build !unix

package ui

// DebugStats is SIGUSR1 on Unix (debugstats_unix.go); Windows has no such signal.
func DebugStats() {}
