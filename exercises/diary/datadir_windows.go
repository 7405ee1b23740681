//go:build !ci

package diary

import (
	"os"
	"path/filepath"
)

// fyneConfigRoot mirrors Fyne's internal/app/config_windows.go: it is built
// from the home folder, not from %APPDATA%.
func fyneConfigRoot() (string, error) {
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(home, "AppData", "Roaming", "fyne"), nil
}
