package tray

import (
	"encoding/json"
	"fmt"
	"log"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/ontspan/ontspan/assets"
	"github.com/ontspan/ontspan/exercises/remind"
)

// The agent's words live in the app's translation files
// (assets/translation/tray.<lang>.json, keys "tray.…"), one source for the
// window and the agent. The agent reads only its own file, not the whole
// set, and keeps it small and Fyne-free. The mini-check bodies are the
// check itself, so a glance at the notification is enough even when nobody
// clicks it.

// miniCheckBodies is how many "minicheck.body.N" texts there are; they take
// turns so the check does not become wallpaper.
const miniCheckBodies = 3

var (
	textsMu sync.Mutex
	texts   = map[string]map[string]string{} // by language, read once each
)

// textsFor is the agent's texts in lang, read from its translation file;
// none (and a log line) when the file is missing or damaged.
func textsFor(lang string) map[string]string {
	textsMu.Lock()
	defer textsMu.Unlock()
	if m, ok := texts[lang]; ok {
		return m
	}
	m := map[string]string{}
	data, err := assets.Translation.ReadFile("translation/tray." + lang + ".json")
	if err == nil {
		err = json.Unmarshal(data, &m)
	}
	if err != nil && slices.Contains(assets.Languages, lang) {
		log.Printf("reminder texts %s: %v", lang, err)
	}
	texts[lang] = m
	return m
}

// tr returns the text for key in lang, falling back to English.
func tr(lang, key string) string {
	if s, ok := textsFor(lang)["tray."+key]; ok {
		return s
	}
	return textsFor("en")["tray."+key]
}

// trN is tr with the number n in the place of {{.N}}, as the window's
// texts write it.
func trN(lang, key string, n int) string {
	return strings.ReplaceAll(tr(lang, key), "{{.N}}", strconv.Itoa(n))
}

// note is one notification, ready to show.
type note struct {
	Kind   remind.Kind
	Title  string
	Body   string
	Action string   // label of the button that starts Args
	Args   []string // UI arguments to start when clicked
}

// UI arguments for `ontspan --start …`; main.go parses them.
var (
	argsMiniCheck   = []string{"--start", "minicheck"}
	argsBreathing   = []string{"--start", "breathing", "--pattern", "4-6", "--minutes", "2"}
	argsWorry       = []string{"--start", "worry"}
	argsWorryReview = []string{"--start", "worry-review"}
	argsWindDown    = []string{"--start", "ritual", "--name", "evening"} // the evening ritual, by its id
	argsOpen        = []string{}
)

// noteFor words reminder r in lang.
func noteFor(lang string, r remind.Reminder, s remind.Settings) note {
	switch r.Kind {
	case remind.MiniCheck:
		// Turn by the minute of the day, so the choice is stable for a reminder.
		i := (r.At.Hour()*60 + r.At.Minute()) % miniCheckBodies
		return note{r.Kind, tr(lang, "minicheck.title"), tr(lang, fmt.Sprintf("minicheck.body.%d", i)), tr(lang, "minicheck.action"), argsMiniCheck}
	case remind.Practice:
		return note{r.Kind, tr(lang, "practice.title"), tr(lang, "practice.body"), tr(lang, "practice.action"), argsOpen}
	case remind.WorryTime:
		return note{r.Kind, tr(lang, "worry.title"), trN(lang, "worry.body", s.WorryTime.Minutes), tr(lang, "worry.action"), argsWorryReview}
	default:
		return note{r.Kind, tr(lang, "winddown.title"), tr(lang, "winddown.body"), tr(lang, "winddown.action"), argsWindDown}
	}
}
