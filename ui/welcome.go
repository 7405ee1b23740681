package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ontspan/ontspan/exercises"
	"github.com/ontspan/ontspan/exercises/remind"
)

// practiceAt is the daily practice reminder's time and whether it is on.
func (d *appData) practiceAt() (on bool, at string) {
	s := storedReminders(d.settings())
	return s.Practice.Enabled, s.Practice.At
}

// remindPractice turns the daily practice reminder on at at; an invalid
// time comes back as a sentence to show. Only the practice reminder
// changes, on the settings as stored now. The welcome and the offer after
// the first session both turn it on here.
func (d *appData) remindPractice(at string) string {
	if d.store == nil {
		return tr("diary.error.save")
	}
	saved, err := remind.Update(d.store, func(cur *remind.Settings) { cur.Practice.Enabled, cur.Practice.At = true, at })
	if invalidSetting(err) {
		return reminderError(err)
	}
	if err != nil {
		d.diaryError(err)
		return ""
	}
	d.ensureAgent(saved)
	return ""
}

// welcomeSetup is what the welcome reads and writes besides navigation.
type welcomeSetup struct {
	save      func(string) // the welcome's state, written before each step shows
	language  func() string
	setLang   func(code string)
	sound     func() bool
	setSound  func(bool)
	remind    func() (on bool, at string)
	setRemind func(at string) string // "" when saved, else what is wrong
}

// welcome is the first-run welcome: at most three short screens, each
// with Skip. Its state is stored before a step shows, so a crash mid-way
// never brings it back more than exercises.MaxWelcomeShows times.
type welcome struct {
	nav   navigator
	w     *exercises.Welcome
	setup welcomeSetup

	primary   *button // Enter
	remindOn  *check
	remindAt  *entry
	remindMsg *widget.Label
}

func newWelcome(nav navigator, w *exercises.Welcome, setup welcomeSetup) *welcome {
	setup.save(w.Save())
	return &welcome{nav: nav, w: w, setup: setup}
}

func (s *welcome) view() fyne.CanvasObject {
	skip := newLink(tr("welcome.skip"), s.skip)
	try := func() fyne.CanvasObject { return newLink(tr("welcome.start.try"), s.try) }
	step := widget.NewLabel(tr("welcome.step", map[string]any{"N": int(s.w.Step) + 1, "Of": 3}))
	switch s.w.Step {
	case exercises.WelcomeIntro:
		s.primary = newPrimaryButton(tr("welcome.next"), theme.NavigateNextIcon(), s.next)
		body := container.NewVBox(step, para(tr("welcome.intro.text")), try())
		return page(nil, tr("welcome.intro.title"), body, s.primary, skip)
	case exercises.WelcomeSetup:
		s.primary = newPrimaryButton(tr("welcome.next"), theme.NavigateNextIcon(), s.next)
		back := newButton(tr("welcome.back"), theme.NavigateBackIcon(), s.back)
		return page(nil, tr("welcome.setup.title"), s.setupBody(step), back, s.primary, skip)
	default:
		s.primary = newPrimaryButton(tr("welcome.start.try"), theme.MediaPlayIcon(), s.try)
		choose := newButton(tr("welcome.start.choose"), theme.QuestionIcon(), func() { s.end(exercises.WelcomeChoose) })
		look := newButton(tr("welcome.start.look"), theme.HomeIcon(), s.skip)
		body := container.NewVBox(step, container.NewGridWithColumns(1, s.primary, choose, look))
		return page(nil, tr("welcome.start.title"), body) // "Look around" is the skip here
	}
}

// setupBody offers the language, the tones and a daily practice reminder
// (off unless ticked).
func (s *welcome) setupBody(step fyne.CanvasObject) fyne.CanvasObject {
	codes, names := languageChoices()
	lang := newChoiceRow(codes, names, s.setup.language(), func(code string) {
		if code != s.setup.language() {
			s.setup.setLang(code)
			s.nav.show(s) // every text in the new language
		}
	})
	sound, soundRow := wrapCheck(tr("welcome.setup.sound"), s.setup.setSound)
	sound.SetChecked(s.setup.sound())
	on, at := s.setup.remind()
	var remindRow fyne.CanvasObject
	s.remindOn, remindRow = wrapCheck(tr("welcome.setup.reminder"), nil)
	s.remindOn.SetChecked(on)
	s.remindAt = timeEntry(at, func() {})
	s.remindMsg = newProblemLabel()
	later := para(tr("welcome.setup.later"))
	later.TextStyle.Italic = true
	return container.NewVBox(step,
		boldLabel(tr("welcome.setup.language")), lang,
		soundRow,
		remindRow,
		container.NewBorder(nil, nil, widget.NewLabel(tr("welcome.setup.reminder.at")), nil, s.remindAt),
		s.remindMsg,
		later)
}

// wrapCheck is a check whose text wraps (a Fyne check's does not, and at
// larger text it would widen the window): the check, without text, with a
// wrapping label beside its box, and over both a tap area that toggles it
// (a Fyne check answers taps on its own box and text only).
func wrapCheck(text string, changed func(bool)) (*check, fyne.CanvasObject) {
	c := newCheck("", changed)
	l := para(text)
	inset := theme.IconInlineSize() + theme.InnerPadding()
	over := newTapArea(func() { c.SetChecked(!c.Checked) })
	return c, container.NewStack(c, container.New(layout.NewCustomPaddedLayout(0, 0, inset, 0), l), over)
}

// next goes on; leaving the set-up saves the reminder when it was ticked.
func (s *welcome) next() {
	if s.w.Step == exercises.WelcomeSetup && s.remindOn != nil && s.remindOn.Checked {
		if msg := s.setup.setRemind(s.remindAt.Text); msg != "" {
			s.remindMsg.SetText(msg)
			s.remindMsg.Show()
			return
		}
	}
	s.setup.save(s.w.Next())
	s.nav.show(s)
}

func (s *welcome) back() {
	s.setup.save(s.w.Back())
	s.nav.show(s)
}

func (s *welcome) skip() { s.end(exercises.WelcomeLook) }
func (s *welcome) try()  { s.end(exercises.WelcomeTry) }

// end stores that the welcome is over before going anywhere, so it never
// comes back, even if what follows fails.
func (s *welcome) end(c exercises.WelcomeChoice) {
	s.setup.save(s.w.Choose(c))
	switch c {
	case exercises.WelcomeTry:
		s.nav.StartSuggestion(exercises.FirstSession())
	case exercises.WelcomeChoose:
		s.nav.Chooser()
	default:
		s.nav.Home()
	}
}

func (s *welcome) key(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if s.primary != nil {
			s.primary.Tapped(nil)
		}
	case fyne.KeyEscape:
		if s.w.Step == exercises.WelcomeIntro {
			s.skip()
		} else {
			s.back()
		}
	}
}
