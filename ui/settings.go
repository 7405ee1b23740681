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
	theme    *widget.RadioGroup
	sound    *widget.Check
	motion   *widget.Check
}

func newSettingsScreen(u *UI) *settingsScreen { return &settingsScreen{u: u} }

// languageChoices pairs the stored codes with their shown names. Each
// language is named in itself, so it can be found whatever is showing.
func languageChoices() (codes, names []string) {
	return []string{"", "en", "nl"}, []string{tr("settings.language.system"), "English", "Nederlands"}
}

// themeChoices pairs the stored appearance choices with their shown names.
func themeChoices() (modes, names []string) {
	return []string{themeSystem, themeLight, themeDark},
		[]string{tr("settings.theme.system"), tr("settings.theme.light"), tr("settings.theme.dark")}
}

// themeRow offers light, dark or the system's; a change applies at once.
func (s *settingsScreen) themeRow() *widget.RadioGroup {
	modes, names := themeChoices()
	r := widget.NewRadioGroup(names, nil)
	r.Required = true
	for i, m := range modes {
		if m == s.u.prefs.Theme() {
			r.SetSelected(names[i])
		}
	}
	r.OnChanged = func(name string) {
		for i, n := range names {
			if n == name && modes[i] != s.u.prefs.Theme() {
				s.u.prefs.SetTheme(modes[i])
				s.u.app.Settings().SetTheme(themeFor(modes[i]))
			}
		}
	}
	return r
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
	s.theme = s.themeRow()
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
		bold("settings.theme"), s.theme,
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
