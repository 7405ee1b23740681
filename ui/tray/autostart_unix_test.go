//go:build unix && !darwin

package tray

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestAutostartXDG(t *testing.T) {
	cfg := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", cfg)
	path := filepath.Join(cfg, "autostart", "io.github.ontspan.ontspan-reminders.desktop")

	if AutostartEnabled() {
		t.Fatal("enabled before Enable")
	}
	if err := EnableAutostart("/opt/Ontspan App/ontspan"); err != nil {
		t.Fatal(err)
	}
	if !AutostartEnabled() {
		t.Error("not enabled after Enable")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	got := string(b)
	for _, line := range []string{
		"[Desktop Entry]",
		"Type=Application",
		"Name=Ontspan reminders",
		"Name[nl]=Ontspan-herinneringen",
		`Exec="/opt/Ontspan App/ontspan" --tray`,
		"Icon=io.github.ontspan.ontspan",
		"Terminal=false",
	} {
		if !strings.Contains(got, line+"\n") {
			t.Errorf("entry lacks %q:\n%s", line, got)
		}
	}
	if !strings.HasPrefix(got, "[Desktop Entry]\n") {
		t.Error("the group header must come first")
	}

	// Enabling again replaces the entry (a moved program).
	if err := EnableAutostart("/usr/bin/ontspan"); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); !strings.Contains(string(b), "Exec=/usr/bin/ontspan --tray\n") {
		t.Errorf("not replaced:\n%s", b)
	}
	if err := DisableAutostart(); err != nil {
		t.Fatal(err)
	}
	if AutostartEnabled() {
		t.Error("still enabled after Disable")
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("file still there: %v", err)
	}
	if err := DisableAutostart(); err != nil {
		t.Errorf("Disable twice: %v", err)
	}
	if err := EnableAutostart("/bin/x\nExec=evil"); err == nil {
		t.Error("a line break in the path was accepted")
	}
}

func TestAutostartXDGFallback(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", "relative/is/ignored")
	p, err := autostartPath()
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(home, ".config", "autostart", "io.github.ontspan.ontspan-reminders.desktop"); p != want {
		t.Errorf("path %s, want %s", p, want)
	}
}
