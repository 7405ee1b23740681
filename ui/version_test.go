package ui

import (
	"bytes"
	"errors"
	"os"
	"regexp"
	"testing"
)

// TestVersionMatchesFyneAppToml: the CLI's version and the packaged app's
// metadata must not drift apart.
func TestVersionMatchesFyneAppToml(t *testing.T) {
	data, err := os.ReadFile("../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*Version\s*=\s*"([^"]+)"`).FindSubmatch(data)
	if m == nil {
		t.Fatal("no Version in FyneApp.toml")
	}
	if string(m[1]) != Version {
		t.Errorf("FyneApp.toml says %s, ui.Version %s", m[1], Version)
	}
}

func TestVersionFlagPrintsAndQuits(t *testing.T) {
	var out bytes.Buffer
	if _, err := ParseArgs([]string{"--version"}, &out); !errors.Is(err, ErrHelp) {
		t.Errorf("--version: %v, want ErrHelp (nothing more to do)", err)
	}
	if got := out.String(); got != "ontspan "+Version+"\n" {
		t.Errorf("--version printed %q", got)
	}
}

func TestAboutShowsTheVersion(t *testing.T) {
	u, _, _ := newTestUI(t)
	u.About()
	if !hasLabel(u.Current(), "Ontspan "+Version) {
		t.Error("About does not show the version")
	}
}
