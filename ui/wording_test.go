package ui

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ontspan/ontspan/assets"
	"github.com/ontspan/ontspan/exercises"
)

// inLanguage runs f with the texts in lang, and English again after.
func inLanguage(t *testing.T, lang string, f func()) {
	t.Helper()
	if err := setLanguage(lang); err != nil {
		t.Fatal(err)
	}
	defer setLanguage("en")
	f()
}

// TestNumbersUseTheLanguagesDecimalSign: a Dutch custom rhythm read "uit
// 7.5 s" though 7,5 was typed.
func TestNumbersUseTheLanguagesDecimalSign(t *testing.T) {
	p := exercises.Pattern{Name: "Lang uit", In: 4, Out: 7.5, HoldOut: 1.5}
	for lang, want := range map[string][]string{"nl": {"7,5", "1,5"}, "en": {"7.5", "1.5"}} {
		inLanguage(t, lang, func() {
			got := patternRhythm(p)
			for _, w := range want {
				if !strings.Contains(got, w) {
					t.Errorf("%s: %q lacks %q", lang, got, w)
				}
			}
		})
	}
	// No Dutch text may carry a number with a decimal point.
	m, err := assets.Messages("nl")
	if err != nil {
		t.Fatal(err)
	}
	point := regexp.MustCompile(`\d\.\d`)
	for k, v := range m {
		if s, ok := v.(string); ok && point.MatchString(s) {
			t.Errorf("nl %s: %q has a decimal point", k, s)
		}
	}
}

// TestOneNameForEachThing: the Dutch texts said Mini-check in one place and
// Lichaamscheck in another, and the card "Piekerschrift" opened a screen
// called "Een zorg parkeren".
func TestOneNameForEachThing(t *testing.T) {
	for _, lang := range assets.Languages {
		m, err := assets.Messages(lang)
		if err != nil {
			t.Fatal(err)
		}
		for k, v := range m {
			s, _ := v.(string)
			if l := strings.ToLower(s); strings.Contains(l, "lichaamscheck") || strings.Contains(l, "body check") || strings.Contains(l, "korte check") {
				t.Errorf("%s %s: %q names the mini-check differently", lang, k, s)
			}
		}
		inLanguage(t, lang, func() {
			for card, screen := range map[string]string{"home.worry": "worry.park.title", "home.minicheck": "minicheck.title", "home.senses": "senses.title"} {
				if tr(card) != tr(screen) {
					t.Errorf("%s: card %q opens a screen called %q", lang, tr(card), tr(screen))
				}
			}
		})
	}
}

// TestDiaryDayHeadersStartWithACapital: "Vandaag, maandag…" stood above
// "zaterdag 28 november".
func TestDiaryDayHeadersStartWithACapital(t *testing.T) {
	for _, lang := range assets.Languages {
		inLanguage(t, lang, func() {
			today := dayOf(testStart)
			for back := 0; back < 9; back++ {
				h := dayHeader(today.AddDate(0, 0, -back), testStart)
				if r := []rune(h)[0]; !unicode.IsUpper(r) {
					t.Errorf("%s, %d days back: %q", lang, back, h)
				}
			}
		})
	}
}

// TestAWholeMinuteIsSaidInMinutes: "Je hebt 60 seconden geoefend" after
// choosing "1 minuut".
func TestAWholeMinuteIsSaidInMinutes(t *testing.T) {
	u, c, _ := newTestUI(t)
	u.StartBreathing("4-6", exercises.Length{Minutes: 1})
	c.Advance(time.Minute)
	u.current.(*breathRun).frame()
	if !hasLabel(u.Current(), "You practised 1 minute.") {
		t.Error("a finished minute is not said as 1 minute")
	}
	u.StartBreathing("4-6", exercises.Length{Minutes: 1})
	c.Advance(40 * time.Second)
	u.current.(*breathRun).stop()
	if !hasLabel(u.Current(), "You practised 40 seconds.") {
		t.Error("40 s is not said in seconds")
	}
}

// TestDutchBreathCuesReadNaturally: "In 3… / Uit 6… / Vast 3…" was terse.
func TestDutchBreathCuesReadNaturally(t *testing.T) {
	inLanguage(t, "nl", func() {
		for kind, want := range map[string]string{"inhale": "Adem in… 3", "exhale": "Adem uit… 3", "hold-in": "Houd vast… 3"} {
			if got := tr("breath.phase."+kind, map[string]any{"N": 3}); got != want {
				t.Errorf("%s: %q, want %q", kind, got, want)
			}
		}
	})
}

// TestHintsFitANarrowField: a placeholder was cut ("…de huisarts belle").
// At 360 px a field on a page has about 290 px for its text.
func TestHintsFitANarrowField(t *testing.T) {
	_, _, _ = newTestUI(t) // the app's theme and text size
	for _, lang := range assets.Languages {
		inLanguage(t, lang, func() {
			for _, k := range []string{"worry.review.step.hint", "senses.note.hint", "worry.park.placeholder", "worry.notebook.search"} {
				if w := fyne.MeasureText(tr(k), theme.TextSize(), fyne.TextStyle{}).Width; w > 290 {
					t.Errorf("%s %s: %q is %.0f px wide", lang, k, tr(k), w)
				}
			}
		})
	}
}

// TestFileDialogsReadNaturally: Fyne titles its file dialogs "Opslaan
// Bestand" and "Openen Bestand" in Dutch (verb + noun, glued), and cut
// "(Bovenliggende map)" to "(Bovenliggen…" under its icon.
func TestFileDialogsReadNaturally(t *testing.T) {
	u, _, _ := newTestUI(t)
	u.data.prefs.SetLanguage("nl")
	_ = setLanguage("nl")
	s := openDiaryScreen(t, u)
	for name, open := range map[string]func(){"Bestand opslaan": func() { s.export("csv") }, "Bestand openen": s.importDialog} {
		open()
		top := u.win.Canvas().Overlays().Top()
		if top == nil {
			t.Fatalf("%s: no dialog", name)
		}
		var titles []string
		for _, o := range visibleObjects(top) {
			if l, ok := o.(*widget.Label); ok && l.TextStyle.Bold {
				titles = append(titles, l.Text)
			}
		}
		if !slices.Contains(titles, name) {
			t.Errorf("dialog titles %q, want %q", titles, name)
		}
		top.Hide()
	}
	if w := fyne.MeasureText("("+tr("file.parent")+")", theme.TextSize(), fyne.TextStyle{}).Width; w > 80 {
		t.Errorf("the parent folder's name is %.0f px; Fyne cuts it at about 80", w)
	}
}
