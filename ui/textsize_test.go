package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/ontspan/ontspan/exercises"
)

// TestTextSizeAppliesAtOnce: choosing larger text in Settings changes the
// theme's text sizes at once, survives a change of appearance and a
// restart, and leaves the spacing as it was.
func TestTextSizeAppliesAtOnce(t *testing.T) {
	u, _, _ := newTestUI(t)
	size := func(n fyne.ThemeSizeName) float32 { return u.app.Settings().Theme().Size(n) }
	text, heading, pad := size(theme.SizeNameText), size(theme.SizeNameHeadingText), size(theme.SizeNamePadding)
	u.Settings()
	test.Tap(findOnScreen(t, u.Current(), "Larger", func(r *radioItem) bool { return r.label == tr("settings.textsize.larger") }))
	if got := size(theme.SizeNameText); got != text*1.4 {
		t.Errorf("text %v, want %v", got, text*1.4)
	}
	if got := size(theme.SizeNameHeadingText); got != heading*1.4 {
		t.Errorf("heading %v, want %v", got, heading*1.4)
	}
	if size(theme.SizeNamePadding) != pad {
		t.Error("the padding changed with the text")
	}
	test.Tap(findOnScreen(t, u.Current(), "Light", func(r *radioItem) bool { return r.label == tr("settings.theme.light") }))
	if got := size(theme.SizeNameText); got != text*1.4 {
		t.Errorf("after a change of appearance: text %v", got)
	}
	u.app.Settings().SetTheme(theme.DefaultTheme())
	restart(t, u)
	if got := size(theme.SizeNameText); got != text*1.4 {
		t.Errorf("after a restart: text %v", got)
	}
}

// TestLargerTextFits: at "larger", in a 560x720 window and in both
// languages, the pacer, the muscle checklist, the diary, the chooser and
// the welcome ask for no more width than the window has.
func TestLargerTextFits(t *testing.T) {
	for _, lang := range []string{"en", "nl"} {
		u, _, _ := newTestUI(t)
		_ = setLanguage(lang)
		u.setTextSize(textLarger)
		addEntries(t, u.data.store, practisedMonth()...)
		screens := map[string]func(){
			"home":      u.Home,
			"breathing": func() { u.StartBreathing("4-6", exercises.Length{Minutes: 2}) },
			"pmr":       func() { u.StartSuggestion(exercises.Suggestion{Technique: exercises.PMR, Variant: exercises.PMRShort}) },
			"diary":     u.Diary,
			"chooser":   u.Chooser,
			"chooser result": func() {
				u.Chooser()
				for _, k := range []fyne.KeyName{fyne.Key1, fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key3} {
					press(u, k)
				}
			},
			"welcome": func() { u.show(newWelcome(u, &exercises.Welcome{Step: exercises.WelcomeSetup}, u.welcomeSetup())) },
			"faq":     u.FAQ,
			"help":    u.SeekHelp,
		}
		for name, open := range screens {
			open()
			if w := u.Current().MinSize().Width; w > 560 {
				t.Errorf("%s %s: needs %.0f px", lang, name, w)
			}
			u.Home()
		}
		_ = setLanguage("en")
	}
}
