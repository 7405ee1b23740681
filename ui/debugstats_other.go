//go:build !unix

package ui

// DebugStats is SIGUSR1 on Unix (debug_unix.go); Windows has no such signal.
func DebugStats() {}
