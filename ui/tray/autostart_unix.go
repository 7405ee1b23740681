//go:build unix && !darwin

package tray

import (
	"errors"
	"os"
	"path/filepath"
)

// autostartPath is $XDG_CONFIG_HOME/autostart/<id>.desktop, with
// ~/.config when XDG_CONFIG_HOME is unset or not absolute (as the XDG spec says).
func autostartPath() (string, error) {
	dir := os.Getenv("XDG_CONFIG_HOME")
	if !filepath.IsAbs(dir) {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", err
		}
		if home == "" {
			return "", errors.New("no home folder")
		}
		dir = filepath.Join(home, ".config")
	}
	return filepath.Join(dir, "autostart", autostartID+".desktop"), nil
}

func autostartContent(exe string) string { return desktopEntry(exe) }
