//go:build !windows

package diary

import "os"

// chmod is os.Chmod; a test replaces it to see which files are touched.
var chmod = os.Chmod

// restrictMode sets path to mode if it has another one. Callers use it only
// before this process's SQLite opens the file (see restrictFiles).
func restrictMode(path string, mode os.FileMode) error {
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	if fi.Mode().Perm() != mode {
		return chmod(path, mode)
	}
	return nil
}
