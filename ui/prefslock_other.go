//go:build !unix && !windows

package ui

import "os"

// lockPrefs: no file locks here; one window at a time is the norm.
func lockPrefs(*os.File) error { return nil }
