package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// settingsScreen holds language, sound and motion.
type settingsScreen struct {
	u *UI

	language *widget.RadioGroup
	sound    *widget.Check
	motion   *widget.Check
}

func newSettingsScreen(u *UI) *settingsScreen { return &settingsScreen{u: u} }

// languageChoices pairs the stored codes with their shown names. Each
// language is named in itself, so it can be found whatever is showing.
func languageChoices() (codes, names []string) {
	return []string{"", "en", "nl"}, []string{tr("settings.language.system"), "English", "Nederlands"}
}

func (s *settingsScreen) view() fyne.CanvasObject {
	codes, names := languageChoices()
	s.language = widget.NewRadioGroup(names, nil)
	s.language.Required = true
	for i, c := range codes {
		if c == s.u.prefs.Language() {
			s.language.SetSelected(names[i])
		}
	}
	s.language.OnChanged = func(name string) {
		for i, n := range names {
			if n == name && codes[i] != s.u.prefs.Language() {
				s.u.prefs.SetLanguage(codes[i])
				s.u.applyLanguage(codes[i])
				s.u.show(newSettingsScreen(s.u)) // rebuilt, so every text is in the new language
			}
		}
	}
	s.sound = widget.NewCheck(tr("settings.sound"), s.u.prefs.SetSound)
	s.sound.SetChecked(s.u.prefs.Sound())
	s.motion = widget.NewCheck(tr("settings.motion"), s.u.prefs.SetReducedMotion)
	s.motion.SetChecked(s.u.prefs.ReducedMotion())

	bold := func(k string) *widget.Label {
		return widget.NewLabelWithStyle(tr(k), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	hint := func(k string) *widget.Label {
		l := para(tr(k))
		l.TextStyle.Italic = true
		return l
	}
	body := container.NewVBox(
		bold("settings.language"), s.language,
		widget.NewSeparator(),
		bold("settings.sound.title"), s.sound, hint("settings.sound.hint"),
		widget.NewSeparator(),
		bold("settings.motion.title"), s.motion, hint("settings.motion.hint"),
		widget.NewSeparator(),
		bold("remind.title"), newReminderSettings(s.u).view(),
	)
	return page(s.u.Home, tr("settings.title"), body)
}

func (s *settingsScreen) key(e *fyne.KeyEvent) {
	if e.Name == fyne.KeyEscape {
		s.u.Home()
	}
}
