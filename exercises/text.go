package exercises

import (
	"strings"
	"unicode/utf8"
)

// textErrs are what cleanText returns for each problem, so every kind of
// text (a worry, a next step, a ritual's name or task) keeps its own words.
type textErrs struct{ nul, invalid, empty, tooLong error }

// cleanText trims s and checks it: a NUL byte, invalid UTF-8, empty after
// trimming, and over max runes are errors. Everything else, emoji and
// right-to-left text included, is kept exactly as typed.
func cleanText(s string, max int, e textErrs) (string, error) {
	if strings.IndexByte(s, 0) >= 0 {
		return "", e.nul
	}
	if !utf8.ValidString(s) {
		return "", e.invalid
	}
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return "", e.empty
	case utf8.RuneCountInString(s) > max:
		return "", e.tooLong
	}
	return s, nil
}
