//go:build !unix && !windows

package diary

import "os"

// Systems without file locks (wasm, plan9) run one Ontspan process at most.
func lockShared(f *os.File) error    { return nil }
func lockExclusive(f *os.File) error { return nil }
func unlock(f *os.File)              {}
