package ui

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ontspan/ontspan/exercises"
	"github.com/ontspan/ontspan/exercises/diary"
)

// fortnight is fourteen days of one technique, one session a day (today
// last); rate gives day i's (before, after), NoRating for a skipped one.
func fortnight(tech exercises.Technique, rate func(i int) (int, int)) diary.Evaluation {
	var es []exercises.Entry
	for i := 0; i < 14; i++ {
		b, a := rate(i)
		es = append(es, session(13-i, tech, "", 5, b, a))
	}
	return diary.Verdict(es, tech, testStart, time.Local)
}

// TestVerdictTextsSayOnlyWhatTheFiguresHold is a table over the verdict's
// sentences, in both languages, for diaries with no ratings, some ratings
// and only mini-checks: no "this is what your ratings say" without enough
// ratings, no advice to rate "before" for the mini-check (its screen never
// asks), and the average's change is the difference of the numbers shown.
func TestVerdictTextsSayOnlyWhatTheFiguresHold(t *testing.T) {
	t.Cleanup(func() { _ = setLanguage("en") })
	no := exercises.NoRating
	cases := []struct {
		name     string
		ev       diary.Evaluation
		kind     diary.Kind
		has, not map[string][]string // per language
	}{
		{"unrated", fortnight(exercises.Breathing, func(int) (int, int) { return no, no }), diary.TooFew,
			map[string][]string{"en": {"None of these sessions has a rating before and after", "before and after. From 5"},
				"nl": {"Geen van deze sessies heeft een cijfer", "Vanaf 5 sessies met cijfers"}},
			map[string][]string{"en": {"ratings say", "on average"}, "nl": {"eigen cijfers", "gemiddeld"}}},
		{"partly rated: before only on most days", fortnight(exercises.PMR, func(i int) (int, int) {
			if i < 3 {
				return 6, 4
			}
			return 6, no
		}), diary.TooFew,
			map[string][]string{"en": {"Only 3 sessions have a rating before and after: too few to say yet.", "Tension on average 6.0 before and 4.0 after: 2.0 points calmer"},
				"nl": {"Pas 3 sessies hebben een cijfer voor én na", "Spanning gemiddeld 6,0 voor en 4,0 na: 2,0 punt rustiger"}},
			map[string][]string{"en": {"ratings say"}, "nl": {"eigen cijfers"}}},
		{"rated, rounding once", fortnight(exercises.Breathing, func(i int) (int, int) {
			// before 93/14 = 6.64, after 61/14 = 4.36: shown 6.6 and 4.4, so 2.2 calmer.
			if i < 9 {
				return 7, 4
			}
			return 6, 5
		}), diary.Helps,
			map[string][]string{"en": {"This is what your own ratings say.", "6.6 before and 4.4 after: 2.2 points calmer", "on average 2.2 points lower"},
				"nl": {"Dit zeggen je eigen cijfers.", "6,6 voor en 4,4 na: 2,2 punt rustiger", "gemiddeld 2,2 punt lager"}},
			map[string][]string{"en": {"2.3"}, "nl": {"2,3"}}},
		{"mini-check, unrated", fortnight(exercises.MiniCheck, func(int) (int, int) { return no, no }), diary.TooFew,
			map[string][]string{"en": {"None of these mini-checks has a rating yet", "at the end of a mini-check"},
				"nl": {"Geen van deze mini-checks heeft al een cijfer", "aan het eind van een mini-check"}},
			map[string][]string{"en": {"before", "ratings say"}, "nl": {"voor én na", "voor en na", "eigen cijfers"}}},
		{"mini-check, a few rated", fortnight(exercises.MiniCheck, func(i int) (int, int) {
			if i%4 == 0 {
				return no, 3
			}
			return no, no
		}), diary.TooFew,
			map[string][]string{"en": {"Only 4 mini-checks have a rating: too few to say yet.", "4 mini-checks rated: on average 3.0 after"},
				"nl": {"Pas 4 mini-checks hebben een cijfer", "4 mini-checks met een cijfer: gemiddeld 3,0 erna"}},
			map[string][]string{"en": {"before and after", "ratings say"}, "nl": {"voor én na", "eigen cijfers"}}},
		{"mini-check, rated after", fortnight(exercises.MiniCheck, func(i int) (int, int) {
			if i < 7 {
				return no, 5
			}
			return no, 3
		}), diary.Observed,
			map[string][]string{"en": {"This is what your own ratings say.", "your tension was 4.0 out of 10 on average", "First week: on average 5.0 after (7 ratings)", "Second week: on average 3.0 after (7 ratings)"},
				"nl": {"gemiddeld een 4,0 op 10", "Eerste week: gemiddeld 5,0 erna (7 cijfers)"}},
			map[string][]string{"en": {"before and after", "rate before", "calmer"}, "nl": {"voor én na", "rustiger"}}},
		{"mini-check, high after", fortnight(exercises.MiniCheck, func(int) (int, int) { return no, 8 }), diary.StaysHigh,
			map[string][]string{"en": {"After your mini-checks your tension was 8.0 out of 10", "GP"}, "nl": {"huisarts"}},
			map[string][]string{"en": {"Before practising"}, "nl": {"Voor het oefenen"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.ev.Kind != c.kind || !c.ev.Offered() {
				t.Fatalf("kind %v offered %v, want %v", c.ev.Kind, c.ev.Offered(), c.kind)
			}
			for _, code := range []string{"en", "nl"} {
				if err := setLanguage(code); err != nil {
					t.Fatal(err)
				}
				text := strings.Join(cardTexts(c.ev), "\n")
				for _, w := range c.has[code] {
					if !strings.Contains(text, w) {
						t.Errorf("%s: no %q in:\n%s", code, w, text)
					}
				}
				for _, w := range c.not[code] {
					if strings.Contains(text, w) {
						t.Errorf("%s: %q should not be said here:\n%s", code, w, text)
					}
				}
				checkAverageAddsUp(t, text)
			}
		})
	}
}

var averageFact = regexp.MustCompile(`([0-9]+[.,][0-9]) (?:before|voor) (?:and|en) ([0-9]+[.,][0-9]) (?:after|na): ([0-9]+[.,][0-9])`)

// checkAverageAddsUp: in "6.6 before and 4.4 after: 2.2 points calmer" the
// last number is the difference of the first two.
func checkAverageAddsUp(t *testing.T, text string) {
	t.Helper()
	m := averageFact.FindStringSubmatch(text)
	if m == nil {
		return
	}
	num := func(s string) int {
		n, _ := strconv.Atoi(strings.NewReplacer(".", "", ",", "").Replace(s))
		return n // tenths
	}
	b, a, d := num(m[1]), num(m[2]), num(m[3])
	if diff := b - a; diff != d && -diff != d {
		t.Errorf("%q: %d − %d tenths is not %d", m[0], b, a, d)
	}
}
