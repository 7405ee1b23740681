package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestGuardPrefsRestoresADamagedFile(t *testing.T) {
	good := `{"language":"nl","patterns":"[{\"id\":\"mine\"}]","sound":false}`
	for name, damaged := range map[string]string{
		"cut off mid-write": good[:25],
		"emptied":           "",
		"not an object":     "null",
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "preferences.json")
			writeTestFile(t, path, good)
			var said []string
			logf := func(f string, a ...any) { said = append(said, fmt.Sprintf(f, a...)) }
			GuardPrefs(path, logf) // a good start keeps a copy
			writeTestFile(t, path, damaged)
			GuardPrefs(path, logf) // the next start finds the file damaged
			if got := readTestFile(t, path); got != good {
				t.Errorf("after restore: %q, want the last good %q", got, good)
			}
			if len(said) != 1 || !strings.Contains(said[0], "restored") {
				t.Errorf("logged %q", said)
			}
		})
	}
}

func TestGuardPrefsKeepsTheLatestGoodCopyPrivately(t *testing.T) {
	path := filepath.Join(t.TempDir(), "preferences.json")
	nolog := func(string, ...any) {}
	writeTestFile(t, path, `{"sound":true}`)
	GuardPrefs(path, nolog)
	writeTestFile(t, path, `{"sound":false}`) // changed during that run
	GuardPrefs(path, nolog)
	if got := readTestFile(t, path+".last-good"); got != `{"sound":false}` {
		t.Errorf("copy %q, want the newer settings", got)
	}
	if fi, err := os.Stat(path + ".last-good"); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("copy mode %v (%v), want 0600", fi.Mode().Perm(), err)
	}
}

func TestGuardPrefsLeavesMissingAndHopelessFilesAlone(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "preferences.json")
	var said []string
	logf := func(f string, a ...any) { said = append(said, fmt.Sprintf(f, a...)) }
	GuardPrefs(path, logf) // first start: nothing there
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("a missing file was created: %v", err)
	}
	writeTestFile(t, path, `{"sound":`) // damaged, and no copy was ever kept
	GuardPrefs(path, logf)
	if got := readTestFile(t, path); got != `{"sound":` {
		t.Errorf("file changed to %q", got)
	}
	if len(said) != 1 || !strings.Contains(said[0], "no good copy") {
		t.Errorf("logged %q", said)
	}
	if _, err := os.Stat(path + ".last-good"); !os.IsNotExist(err) {
		t.Errorf("a damaged file was kept as the good copy: %v", err)
	}
}

func writeTestFile(t *testing.T, path, s string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), 0o600); err != nil {
		t.Fatal(err)
	}
}

func readTestFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestSamePath(t *testing.T) {
	for _, tt := range []struct {
		a, b    string
		windows bool
		want    bool
	}{
		// Fyne's storage root against filepath.Dir of the prefs file.
		{`C:/users/ann/AppData/Roaming/fyne/io.github.ontspan.ontspan`, `C:\users\ann\AppData\Roaming\fyne\io.github.ontspan.ontspan`, true, true},
		{`/C:/Users/Ann/AppData/Roaming/fyne/x`, `c:\users\ann\appdata\roaming\fyne\x`, true, true},
		{`C:\Users\ann\fyne\x\`, `C:\Users\ann\fyne\x`, true, true},
		{`C:\Users\ann\fyne\x`, `C:\Users\bob\fyne\x`, true, false},
		{`C:\Users\ann\fyne\x`, `D:\Users\ann\fyne\x`, true, false},
		{"/home/ann/.config/fyne/x/", "/home/ann/.config/fyne/x", false, true},
		{"/home/ann/.config/fyne/X", "/home/ann/.config/fyne/x", false, false}, // Linux names are case-sensitive
		{"/home/ann/a/../fyne/x", "/home/ann/fyne/x", false, true},
	} {
		if got := samePath(tt.a, tt.b, tt.windows); got != tt.want {
			t.Errorf("samePath(%q, %q, windows=%v) = %v, want %v", tt.a, tt.b, tt.windows, got, tt.want)
		}
	}
}
