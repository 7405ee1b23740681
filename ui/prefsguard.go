package ui

import (
	"bytes"
	"encoding/json"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"
)

// FynePrefsPath is where Fyne v2.7 keeps an app's preferences file on this
// system (fyne.io/fyne/v2/internal/app.RootConfigDir + the app's ID).
// main checks it against the app's storage root once the app exists.
func FynePrefsPath(appID string) string {
	home, _ := os.UserHomeDir()
	var root string
	switch runtime.GOOS {
	case "windows":
		root = filepath.Join(home, "AppData", "Roaming", "fyne")
	case "darwin":
		root = filepath.Join(home, "Library", "Preferences", "fyne")
	default:
		cfg, _ := os.UserConfigDir()
		root = filepath.Join(cfg, "fyne")
	}
	return filepath.Join(root, appID, "preferences.json")
}

// SamePath reports whether two names of a folder or file are the same name:
// cleaned, and on Windows with either slash (Fyne's storage URI gives
// C:/Users/…, filepath gives C:\Users\…) and any case, as Windows file
// names are case-insensitive. main compares Fyne's storage root with the
// folder GuardPrefs watches through it.
func SamePath(a, b string) bool { return samePath(a, b, runtime.GOOS == "windows") }

func samePath(a, b string, windows bool) bool {
	if !windows {
		return filepath.Clean(a) == filepath.Clean(b)
	}
	norm := func(p string) string {
		p = path.Clean(strings.ReplaceAll(p, `\`, "/"))
		// A file URI's path may start /C:/…; the drive is what counts.
		if len(p) >= 3 && p[0] == '/' && p[2] == ':' {
			p = p[1:]
		}
		return p
	}
	return strings.EqualFold(norm(a), norm(b))
}

// GuardPrefs keeps a last good copy of Fyne's preferences file and puts it
// back when the file is damaged. Fyne rewrites the file in place
// (truncate, then write), so a crash or power cut at that moment would
// otherwise reset the language, the sound and the user's own rhythms.
// Ontspan now keeps its settings in a file of its own (filePrefs); Fyne's
// is the source they are carried over from the first time, and what an
// older Ontspan reads. Call it before Fyne reads the file. A missing file
// is left alone: that is a first start, or a user who deleted it on purpose.
func GuardPrefs(path string, logf func(string, ...any)) {
	backup := path + ".last-good"
	data, err := os.ReadFile(path)
	if err != nil {
		return
	}
	if validPrefs(data) {
		if old, err := os.ReadFile(backup); err != nil || !bytes.Equal(old, data) {
			if err := writeAtomic(backup, data); err != nil {
				logf("settings: could not keep a copy: %v", err)
			}
		}
		return
	}
	good, err := os.ReadFile(backup)
	if err != nil || !validPrefs(good) {
		logf("settings: %s is damaged and there is no good copy; starting with the defaults", path)
		return
	}
	if err := writeAtomic(path, good); err != nil {
		logf("settings: %s is damaged and could not be restored: %v", path, err)
		return
	}
	logf("settings: %s was damaged; restored the last good copy", path)
}

// validPrefs reports whether data is what Fyne writes: one JSON object.
func validPrefs(data []byte) bool {
	var m map[string]any
	return json.Unmarshal(data, &m) == nil && m != nil
}

// writeAtomic replaces path with data through a temporary file and a
// rename, so a reader sees the old file or the new one, never half.
func writeAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".prefs-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // gone after the rename; cleans up on error
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
