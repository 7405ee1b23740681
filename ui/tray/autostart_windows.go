//go:build windows

package tray

import (
	"errors"
	"os"
	"path/filepath"
)

// autostartPath is in the user's Startup folder, where Explorer runs
// everything at login and where the user can see and delete it.
func autostartPath() (string, error) {
	appData := os.Getenv("APPDATA")
	if appData == "" {
		return "", errors.New("APPDATA is not set")
	}
	return filepath.Join(appData, "Microsoft", "Windows", "Start Menu", "Programs", "Startup", "Ontspan reminders.cmd"), nil
}

func autostartContent(exe string) string { return startupCmd(exe) }
