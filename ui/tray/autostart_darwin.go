//go:build darwin

package tray

import (
	"os"
	"path/filepath"
)

// autostartPath is the user's LaunchAgents folder; launchd loads it at login.
func autostartPath() (string, error) {
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(home, "Library", "LaunchAgents", autostartID+".plist"), nil
}

func autostartContent(exe string) string { return launchAgentPlist(exe) }
