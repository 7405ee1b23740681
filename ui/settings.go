package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// settingsScreen holds language, sound and motion.
type settingsScreen struct {
	nav          navigator
	prefs        *Prefs
	player       Player
	apply        settingsApply
	remindersFor func() *reminderSettings // the Reminders part, built with the screen

	language  *radioGroup
	theme     *radioGroup
	sound     *check
	volume    *slider
	testTone  *button
	soundNote *widget.Label   // said when no sound can play
	noteBox   *fyne.Container // holds soundNote while it applies
	motion    *check
	reminders *reminderSettings

	// async runs a slow check (opening the audio device) off the UI
	// goroutine; tests run it at once.
	async func(func())
}

// settingsApply puts a changed look into effect at once.
type settingsApply struct {
	theme    func()            // the stored theme
	language func(code string) // every text
	textSize func(size string) // stores and applies the size
}

func newSettingsScreen(nav navigator, prefs *Prefs, player Player, apply settingsApply, reminders func() *reminderSettings) *settingsScreen {
	return &settingsScreen{nav: nav, prefs: prefs, player: player, apply: apply, remindersFor: reminders, async: func(f func()) { go f() }}
}

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
func (s *settingsScreen) themeRow() *radioGroup {
	modes, names := themeChoices()
	return newChoiceRow(modes, names, s.prefs.Theme(), func(mode string) {
		if mode != s.prefs.Theme() {
			s.prefs.SetTheme(mode)
			s.apply.theme()
		}
	})
}

func (s *settingsScreen) view() fyne.CanvasObject {
	codes, names := languageChoices()
	s.language = newChoiceRow(codes, names, s.prefs.Language(), func(code string) {
		if code != s.prefs.Language() {
			s.prefs.SetLanguage(code)
			s.apply.language(code)
			// rebuilt, so every text is in the new language
			s.nav.show(newSettingsScreen(s.nav, s.prefs, s.player, s.apply, s.remindersFor))
		}
	})
	s.theme = s.themeRow()
	s.reminders = s.remindersFor()
	s.motion = newCheck(tr("settings.motion"), s.prefs.SetReducedMotion)
	s.motion.SetChecked(s.prefs.ReducedMotion())

	hint := func(k string) *widget.Label {
		l := para(tr(k))
		l.TextStyle.Italic = true
		return l
	}
	body := container.NewVBox(
		boldLabel(tr("settings.language")), s.language,
		widget.NewSeparator(),
		boldLabel(tr("settings.theme")), s.theme,
		widget.NewSeparator(),
		boldLabel(tr("settings.textsize")), newTextSizeRow(s.prefs.TextSize(), s.apply.textSize),
		widget.NewSeparator(),
		boldLabel(tr("settings.sound.title")), s.soundRows(), hint("settings.sound.hint"),
		widget.NewSeparator(),
		boldLabel(tr("settings.motion.title")), s.motion, hint("settings.motion.hint"),
		widget.NewSeparator(),
		boldLabel(tr("remind.title")), s.reminders.view(),
	)
	return page(s.nav.Home, tr("settings.title"), body)
}

func (s *settingsScreen) key(e *fyne.KeyEvent) {
	if e.Name == fyne.KeyEscape {
		s.nav.Home()
	}
}

// soundRows are the tones switch, the volume with a test tone, and a note
// that shows when no sound can play (no audio device): the log said so,
// while Settings still showed the tones on.
func (s *settingsScreen) soundRows() fyne.CanvasObject {
	s.soundNote = para(tr("settings.sound.none"))
	s.soundNote.Importance = widget.WarningImportance
	s.noteBox = container.NewVBox()
	s.volume = newSlider(0, 100, s.prefs.Volume()*100, func(v float64) {
		s.prefs.SetVolume(v / 100)
		if vc, ok := s.player.(volumeControl); ok {
			vc.SetVolume(v / 100)
		}
		s.playTestTone() // hear the new level at once
	})
	s.volume.Step = 5
	s.testTone = newButton(tr("settings.sound.test"), theme.VolumeUpIcon(), s.playTestTone)
	s.sound = newCheck(tr("settings.sound"), nil)
	s.sound.Checked = s.prefs.Sound() // before OnChanged: opening is not a change
	s.sound.OnChanged = func(on bool) {
		s.prefs.SetSound(on)
		s.enableVolume(on)
		if on {
			s.checkSound()
		}
	}
	s.enableVolume(s.sound.Checked)
	if s.sound.Checked {
		s.checkSound()
	}
	volume := container.NewBorder(nil, nil, widget.NewLabel(tr("settings.sound.volume")), s.testTone, s.volume)
	return container.NewVBox(s.sound, volume, s.noteBox)
}

func (s *settingsScreen) enableVolume(on bool) {
	if on {
		s.volume.Enable()
		s.testTone.Enable()
	} else {
		s.volume.Disable()
		s.testTone.Disable()
	}
}

// playTestTone plays a breath-in tone at the set volume, then tells if no
// sound could play.
func (s *settingsScreen) playTestTone() {
	if !s.prefs.Sound() {
		return
	}
	s.player.Play(CueIn)
	s.checkSound()
}

// checkSound asks the player, off the UI goroutine (opening an audio device
// can take a moment), whether sound can play, and shows the note if not.
func (s *settingsScreen) checkSound() {
	c, ok := s.player.(soundCheck)
	if !ok {
		return
	}
	box, note := s.noteBox, s.soundNote
	s.async(func() {
		err := c.Check()
		fyne.Do(func() {
			// Added and removed, not shown and hidden: a label shown this
			// late stayed unseen in the real window (Fyne 2.7.1).
			switch {
			case err != nil && len(box.Objects) == 0:
				box.Add(note)
			case err == nil && len(box.Objects) > 0:
				box.RemoveAll()
			}
		})
	})
}
