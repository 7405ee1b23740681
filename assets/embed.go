// Package assets holds what the app ships inside its binary: the icon and
// the translations.
package assets

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"sort"
	"strings"
)

//go:embed icon.png
var iconPNG []byte

// Icon returns the app icon as PNG bytes (256 px), for the window.
func Icon() []byte { return iconPNG }

//go:embed icons/ontspan-64.png
var trayPNG []byte

// TrayIcon returns the app icon at 64 px, the size tray hosts scale from.
// All the icon's sizes are rendered from icon.svg (make icons).
func TrayIcon() []byte { return trayPNG }

// Translation holds the translation files: en.json and nl.json for the core,
// and <feature>.en.json / <feature>.nl.json beside them, so each screen keeps
// its texts in a file of its own.
//
//go:embed translation
var Translation embed.FS

// Languages the app is translated into, in the order the settings list them.
var Languages = []string{"en", "nl"}

// Messages merges every translation file of one language into a single map.
func Messages(lang string) (map[string]any, error) {
	files, err := fs.Glob(Translation, "translation/*.json")
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	out := map[string]any{}
	for _, f := range files {
		base := strings.TrimSuffix(f[len("translation/"):], ".json")
		if base != lang && !strings.HasSuffix(base, "."+lang) {
			continue
		}
		data, err := Translation.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var m map[string]any
		if err := json.Unmarshal(data, &m); err != nil {
			return nil, fmt.Errorf("translation %s: %w", f, err)
		}
		for k, v := range m {
			if _, dup := out[k]; dup {
				return nil, fmt.Errorf("translation %s: key %q is defined twice", f, k)
			}
			out[k] = v
		}
	}
	return out, nil
}

// MessagesJSON is Messages encoded as JSON, the form Fyne's lang package reads.
func MessagesJSON(lang string) ([]byte, error) {
	m, err := Messages(lang)
	if err != nil {
		return nil, err
	}
	return json.Marshal(m)
}
