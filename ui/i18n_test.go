package ui

import (
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/ontspan/ontspan/assets"
	"github.com/ontspan/ontspan/exercises"
)

// TestTranslationFilesMatch fails when a key is in one language's file and
// not in the other's.
func TestTranslationFilesMatch(t *testing.T) {
	files, _ := filepath.Glob("../assets/translation/*.en.json")
	files = append(files, "../assets/translation/en.json")
	for _, en := range files {
		nl := strings.TrimSuffix(en, "en.json") + "nl.json"
		a, b := keysOf(t, en), keysOf(t, nl)
		for k := range a {
			if !b[k] {
				t.Errorf("%s: %q has no Dutch text", filepath.Base(nl), k)
			}
		}
		for k := range b {
			if !a[k] {
				t.Errorf("%s: %q has no English text", filepath.Base(en), k)
			}
		}
	}
}

func keysOf(t *testing.T, path string) map[string]bool {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	keys := map[string]bool{}
	for k, v := range m {
		keys[k] = true
		if s, ok := v.(string); ok && strings.TrimSpace(s) == "" {
			t.Errorf("%s: %q is empty", path, k)
		}
	}
	return keys
}

// TestEveryKeyUsedExists reads the source for tr("…")/trn("…") and checks
// each literal key, plus the keys built from engine data, in both languages.
func TestEveryKeyUsedExists(t *testing.T) {
	used := map[string]bool{}
	re := regexp.MustCompile(`\btrn?\("([a-z0-9.\-]+)"\s*[,)]`)
	srcs, _ := filepath.Glob("*.go")
	for _, f := range srcs {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		data, _ := os.ReadFile(f)
		for _, m := range re.FindAllStringSubmatch(string(data), -1) {
			used[m[1]] = true
		}
	}
	for _, p := range exercises.BuiltinPatterns() {
		used["pattern."+p.ID+".name"], used["pattern."+p.ID+".about"] = true, true
	}
	for _, k := range []exercises.Kind{exercises.Inhale, exercises.HoldIn, exercises.Exhale, exercises.HoldOut} {
		used["breath.phase."+k.String()] = true
	}
	if len(used) < 50 {
		t.Fatalf("found only %d keys: is the pattern still right?", len(used))
	}
	assertKeys(t, slices.Collect(maps.Keys(used)))
}

// assertKeys fails for every key that has no non-empty text in a language.
// Tests of keys built at run time ("pattern."+id …) share it.
func assertKeys(t *testing.T, keys []string) {
	t.Helper()
	for _, lang := range assets.Languages {
		m, err := assets.Messages(lang)
		if err != nil {
			t.Fatal(err)
		}
		var missing []string
		for _, k := range keys {
			if s, ok := m[k].(string); !ok || strings.TrimSpace(s) == "" {
				if _, plural := m[k].(map[string]any); !plural {
					missing = append(missing, k)
				}
			}
		}
		sort.Strings(missing)
		if len(missing) > 0 {
			t.Errorf("%s lacks %v", lang, missing)
		}
	}
}
