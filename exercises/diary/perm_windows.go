//go:build windows

package diary

import "os"

// chmod is never called on Windows; the tests check that.
var chmod = os.Chmod

// restrictMode only checks that path exists on Windows: permissions there
// are ACLs, the data folder under %APPDATA% is private to the user already,
// and changing a file that SQLite (in this or another process) holds open
// fails with "Sharing violation", which lost every session before.
func restrictMode(path string, _ os.FileMode) error {
	_, err := os.Stat(path)
	return err
}
