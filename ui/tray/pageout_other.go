//go:build !linux

package tray

// releaseStartupPages is Linux-only (MADV_PAGEOUT); elsewhere the OS keeps
// the pages as it sees fit.
func releaseStartupPages() {}
