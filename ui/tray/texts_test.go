package tray

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/ontspan/ontspan/exercises/remind"
)

func TestTextsComplete(t *testing.T) {
	for a, b := range map[string]string{"en": "nl", "nl": "en"} {
		for k, v := range texts[a] {
			if _, ok := texts[b][k]; !ok {
				t.Errorf("%q is in %s but not in %s", k, a, b)
			}
			if strings.TrimSpace(v) == "" {
				t.Errorf("%s %q is empty", a, k)
			}
		}
	}
	for i := range miniCheckBodies {
		if _, ok := texts["en"][fmt.Sprintf("minicheck.body.%d", i)]; !ok {
			t.Errorf("minicheck.body.%d missing", i)
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
