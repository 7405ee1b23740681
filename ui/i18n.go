package ui

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/ontspan/ontspan/assets"
)

// tr returns the text for key in the current language. The key is its own
// fallback, so a missing translation shows up on screen and in the key test
// instead of hiding behind an English default.
func tr(key string, data ...any) string {
	return lang.X(key, key, data...)
}

// trn is tr with a plural count; the data gets .N = n unless given.
func trn(key string, n int, data ...any) string {
	if len(data) == 0 {
		data = []any{map[string]any{"N": n}}
	}
	return lang.XN(key, key, n, data...)
}

// systemLanguage is the language the app uses when the user chose none: the
// system's if we have it, else English.
func systemLanguage() string {
	sys, _, _ := strings.Cut(lang.SystemLocale().LanguageString(), "-") // "nl-NL" → "nl"
	for _, l := range assets.Languages {
		if l == sys {
			return l
		}
	}
	return "en"
}

// setLanguage switches every text to code ("en", "nl", or "" for the system's).
//
// Fyne v2.7.1 always follows the system locale and has no override, so the
// chosen language's messages are registered under the system's own language
// tag: Fyne's lookup then finds ours. Fyne's own words (Cancel, OK…) are in
// our files too, so dialogs switch along.
func setLanguage(code string) error {
	if code == "" {
		code = systemLanguage()
	}
	data, err := assets.MessagesJSON(code)
	if err != nil {
		return fmt.Errorf("load %s texts: %w", code, err)
	}
	sys := fyne.Locale(lang.SystemLocale().LanguageString())
	return lang.AddTranslationsForLocale(data, sys)
}

// LanguageKey is where the window tells the reminder agent, which never
// loads Fyne's preferences, which language to speak.
const LanguageKey = "ui.language"

// localDecimal puts the language's decimal sign into a number Go wrote with
// a point: "7.5" reads "7,5" in Dutch.
func localDecimal(s string) string {
	return strings.Replace(s, ".", tr("diary.decimal"), 1)
}

// capitalize starts s with a capital letter: a Dutch weekday or month is
// written in lower case, but not at the start of a heading.
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
