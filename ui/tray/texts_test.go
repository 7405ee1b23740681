package tray

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ontspan/ontspan/assets"
	"github.com/ontspan/ontspan/exercises/remind"
)

// agentKeys are every text the agent uses (menu.go, tray.go, autostart.go
// and noteFor), without the "tray." prefix of the translation files.
var agentKeys = []string{
	"tooltip", "menu.minicheck", "menu.breathing", "menu.worry", "menu.ritual", "menu.open", "menu.pause", "menu.quit",
	"minicheck.title", "minicheck.action", "practice.title", "practice.body", "practice.action",
	"worry.title", "worry.body", "worry.action", "winddown.title", "winddown.body", "winddown.action",
	"already", "autostart.name", "autostart.note",
}

// TestTextsComplete: every text the agent uses is in the app's translation
// files in both languages, and the files hold no agent text nobody uses.
func TestTextsComplete(t *testing.T) {
	keys := append([]string(nil), agentKeys...)
	for i := range miniCheckBodies {
		keys = append(keys, fmt.Sprintf("minicheck.body.%d", i))
	}
	for _, lang := range assets.Languages {
		m := textsFor(lang)
		for _, k := range keys {
			if strings.TrimSpace(m["tray."+k]) == "" {
				t.Errorf("%s: tray.%s is missing or empty", lang, k)
			}
		}
		for k := range m {
			if !slices.Contains(keys, strings.TrimPrefix(k, "tray.")) {
				t.Errorf("%s: %s is not used by the agent", lang, k)
			}
		}
		if !strings.Contains(m["tray.worry.body"], "{{.N}}") {
			t.Errorf("%s: worry.body lost its number: %q", lang, m["tray.worry.body"])
		}
	}
}

func TestNotes(t *testing.T) {
	s := remind.Defaults()
	s.WorryTime.Minutes = 20
	for _, lang := range []string{"en", "nl"} {
		for _, k := range remind.Kinds {
			for minute := range miniCheckBodies {
				n := noteFor(lang, remind.Reminder{At: time.Date(2026, 5, 12, 10, minute, 0, 0, time.UTC), Kind: k}, s)
				if n.Kind != k || n.Title == "" || n.Body == "" || n.Action == "" || n.Args == nil {
					t.Errorf("%s %v: incomplete note %+v", lang, k, n)
				}
				if strings.Contains(n.Body, "%!") {
					t.Errorf("%s %v: bad format %q", lang, k, n.Body)
				}
			}
		}
		n := noteFor(lang, remind.Reminder{Kind: remind.WorryTime}, s)
		if !strings.Contains(n.Body, "20") || strings.Join(n.Args, " ") != "--start worry-review" {
			t.Errorf("%s worry note: %+v", lang, n)
		}
	}
	// The wind-down opens the evening ritual (ui's TestWindDownArgs parses these).
	if n := noteFor("en", remind.Reminder{Kind: remind.WindDown}, s); strings.Join(n.Args, " ") != "--start ritual --name evening" ||
		!strings.Contains(n.Body, "an hour before bed") {
		t.Errorf("wind-down note: %+v", n)
	}
	if tr("de", "menu.quit") != "Quit reminders" || tr("nl", "menu.quit") != "Herinneringen stoppen" {
		t.Error("fallback to English broken")
	}
	for in, want := range map[string]string{"nl": "nl", "nl_NL.UTF-8": "nl", "NL": "nl", "en": "en", "": "en", "de_DE": "en"} {
		if got := language(in); got != want {
			t.Errorf("language(%q) = %q, want %q", in, got, want)
		}
	}
}
