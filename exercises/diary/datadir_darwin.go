//go:build !ci && !ios

package diary

import (
	"os"
	"path/filepath"
)

// fyneConfigRoot mirrors Fyne's internal/app/config_desktop_darwin.go.
func fyneConfigRoot() (string, error) {
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(home, "Library", "Preferences", "fyne"), nil
}
