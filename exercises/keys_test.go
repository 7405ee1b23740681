package exercises

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/ontspan/ontspan/assets"
)

// guideKeys are the translation keys the chooser, help notes, welcome and
// FAQ point at, gathered from their data so a new rule or question cannot
// go out without its texts.
func guideKeys() []string {
	keys := []string{dontKnowK, "chooser.diary.helped", "chooser.diary.nothelped", "chooser.title", "chooser.step",
		"chooser.keys", "chooser.result", "chooser.start", "chooser.again", "chooser.suggested"}
	for _, q := range Questions() {
		keys = append(keys, q.Text)
		for _, a := range q.Answers {
			keys = append(keys, a.Text)
		}
	}
	for _, o := range chooserOptions {
		keys = append(keys, "chooser.name."+o.id, "chooser.reason.default."+o.id, o.s.Hint)
	}
	for _, r := range chooserRules {
		keys = append(keys, r.reason, r.hint)
	}
	keys = append(keys, "help.tenser", "help.tenser.try", "help.early", "help.early.try", "help.high", "help.nothelped",
		"help.choose", "help.seekhelp", "help.dismiss", "help.never")
	for _, w := range []string{"intro.title", "intro.text", "setup.title", "setup.language", "setup.sound", "setup.reminder",
		"setup.reminder.at", "setup.later", "start.title", "start.try", "start.choose", "start.look", "next", "back", "skip", "step"} {
		keys = append(keys, "welcome."+w)
	}
	keys = append(keys, "faq.title", "faq.search", "faq.none", "seekhelp.title", "seekhelp.signs", "seekhelp.gp",
		"seekhelp.sources.title", "seekhelp.sources.note")
	for _, g := range FAQ() {
		keys = append(keys, g.Title)
		for _, it := range g.Items {
			keys = append(keys, it.Question, it.Answer)
		}
	}
	for _, lang := range append(assets.Languages, "xx") {
		for _, c := range SeekHelp(lang) {
			keys = append(keys, c.Text)
		}
	}
	f := FirstSession()
	keys = append(keys, f.Name, f.Reason)
	return slices.DeleteFunc(keys, func(k string) bool { return k == "" })
}

// TestGuideKeysHaveTexts: every key the engine hands out has a text in
// both languages.
func TestGuideKeysHaveTexts(t *testing.T) {
	keys := guideKeys()
	if len(keys) < 50 {
		t.Fatalf("only %d keys", len(keys))
	}
	for _, lang := range assets.Languages {
		m, err := assets.Messages(lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range keys {
			if s, ok := m[k].(string); !ok || strings.TrimSpace(s) == "" {
				t.Errorf("%s: no text for %q", lang, k)
			}
		}
	}
	// And the guide's own file holds no text nothing points at.
	data, err := assets.Translation.ReadFile("translation/guide.en.json")
	if err != nil {
		t.Fatal(err)
	}
	var own map[string]any
	if err := json.Unmarshal(data, &own); err != nil {
		t.Fatal(err)
	}
	for k := range own {
		if !slices.Contains(keys, k) {
			t.Errorf("guide.en.json: %q is not used", k)
		}
	}
}
