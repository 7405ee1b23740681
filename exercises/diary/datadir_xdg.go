//go:build !ci && !android && (linux || openbsd || freebsd || netbsd)

package diary

import (
	"os"
	"path/filepath"
)

// fyneConfigRoot mirrors Fyne's internal/app/config_xdg.go.
func fyneConfigRoot() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "fyne"), nil
}
