//go:build ci || android || ios || (!linux && !darwin && !windows && !freebsd && !openbsd && !netbsd)

package diary

import (
	"os"
	"path/filepath"
)

// fyneConfigRoot mirrors Fyne's internal/app/config_other.go, which Fyne
// uses for "ci" builds (its software test driver) and unknown systems.
func fyneConfigRoot() (string, error) {
	return filepath.Join(os.TempDir(), "fyne-test"), nil
}
