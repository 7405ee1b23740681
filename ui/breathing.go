package ui

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ontspan/ontspan/assets"
	"github.com/ontspan/ontspan/exercises"
)

// lengthChoice is one entry of the length list: minutes or breaths.
type lengthChoice struct {
	l     exercises.Length
	label string
}

func lengthChoices() []lengthChoice {
	var cs []lengthChoice
	for _, m := range exercises.SessionMinutes {
		cs = append(cs, lengthChoice{exercises.Length{Minutes: m}, trn("breath.minutes", m)})
	}
	for _, b := range []int{10, 20, 30} {
		cs = append(cs, lengthChoice{exercises.Length{Breaths: b}, trn("breath.breaths", b)})
	}
	return cs
}

// patternName is a pattern's shown name: translated for built-ins.
func patternName(p exercises.Pattern) string {
	if p.ID == exercises.MyPaceID { // named in the language shown, not the one of the test
		return tr("pace.mine", map[string]any{"Pace": paceText(math.Round(600/(p.In+p.Out)) / 10)})
	}
	if p.Custom {
		return p.Name
	}
	return tr("pattern." + p.ID + ".name")
}

// patternRhythm says the numbers, e.g. "in 4 · out 6".
func patternRhythm(p exercises.Pattern) string {
	s := tr("breath.rhythm.in", map[string]any{"S": secsText(p.In)})
	if p.HoldIn > 0 {
		s += " · " + tr("breath.rhythm.hold", map[string]any{"S": secsText(p.HoldIn)})
	}
	s += " · " + tr("breath.rhythm.out", map[string]any{"S": secsText(p.Out)})
	if p.HoldOut > 0 {
		s += " · " + tr("breath.rhythm.hold", map[string]any{"S": secsText(p.HoldOut)})
	}
	return s
}

// secsText writes seconds with at most one decimal, with the language's
// decimal sign: "7,5" in Dutch, as it was typed.
func secsText(f float64) string {
	return localDecimal(strconv.FormatFloat(math.Round(f*10)/10, 'f', -1, 64))
}

// breathSetup is where the user picks a rhythm and a length, then starts.
type breathSetup struct {
	nav      navigator
	run      runDeps
	prefs    breathPrefs
	pace     func() // opens the pace test, which makes "My pace"
	patterns []exercises.Pattern
	chosen   exercises.Pattern
	length   exercises.Length

	choice   *radioGroup
	about    *widget.Label
	lengths  *selectBox
	start    *button
	deleteBt *button
	before   *ratingRow
}

// breathPrefs are the rhythms and the last choice, kept for next time (Prefs).
type breathPrefs interface {
	Patterns() []exercises.Pattern
	SavePattern(p exercises.Pattern) (exercises.Pattern, error)
	DeletePattern(id string) error
	LastPattern() string
	LastMinutes() int
	Remember(pattern string, minutes int)
}

func newBreathSetup(nav navigator, run runDeps, prefs breathPrefs, pace func()) *breathSetup {
	s := &breathSetup{nav: nav, run: run, prefs: prefs, pace: pace}
	s.length = exercises.Length{Minutes: prefs.LastMinutes()}
	return s
}

// again is a fresh set-up, after a rhythm was added or deleted.
func (s *breathSetup) again() { s.nav.show(newBreathSetup(s.nav, s.run, s.prefs, s.pace)) }

func (s *breathSetup) view() fyne.CanvasObject {
	s.patterns = append(exercises.BuiltinPatterns(), s.prefs.Patterns()...)
	var names []string
	for _, p := range s.patterns {
		names = append(names, patternName(p))
	}
	s.about = para("")
	s.choice = newRadioGroup(names, func(name string) {
		for _, p := range s.patterns {
			if patternName(p) == name {
				s.chosen = p
			}
		}
		s.describe()
	})
	s.deleteBt = newButton(tr("breath.pattern.delete"), theme.DeleteIcon(), s.confirmDelete)
	last, ok := exercises.FindPattern(s.prefs.LastPattern(), s.prefs.Patterns())
	if !ok {
		last = exercises.Pattern46
	}
	s.chosen = last
	s.choice.SetSelected(patternName(last))

	cs := lengthChoices()
	var labels []string
	for _, c := range cs {
		labels = append(labels, c.label)
	}
	s.lengths = newSelect(labels, func(label string) {
		for _, c := range cs {
			if c.label == label {
				s.length = c.l
			}
		}
	})
	selected := cs[3].label // five minutes
	for _, c := range cs {
		if c.l == s.length {
			selected = c.label
		}
	}
	s.lengths.SetSelected(selected)

	s.before = newRatingRow(tr("rating.before"), exercises.NoRating, nil)
	s.start = newPrimaryButton(tr("breath.start"), theme.MediaPlayIcon(), s.begin)
	newPattern := newButton(tr("breath.pattern.new"), theme.ContentAddIcon(), s.newPattern)
	body := container.NewVBox(
		boldLabel(tr("breath.choose")),
		s.choice,
		container.NewHBox(newPattern, s.deleteBt),
		container.NewHBox(newLink(tr("pace.title"), s.pace)), // the pace test makes "My pace"
		s.about,
		layout.NewSpacer(),
		boldLabel(tr("breath.length")),
		s.lengths,
		s.before.box,
		para(tr("breath.keys")),
	)
	s.describe()
	return page(s.nav.Home, tr("breath.title"), body, s.start)
}

// describe explains the chosen rhythm, with the belly cues before starting.
func (s *breathSetup) describe() {
	if s.about == nil {
		return
	}
	text := patternRhythm(s.chosen)
	if !s.chosen.Custom {
		text += "\n\n" + tr("pattern."+s.chosen.ID+".about")
	}
	if s.chosen.Belly {
		text += "\n\n" + tr("breath.belly.before")
	}
	s.about.SetText(text)
	if s.chosen.Custom {
		s.deleteBt.Show()
	} else {
		s.deleteBt.Hide()
	}
}

func (s *breathSetup) begin() {
	if s.length.Breaths == 0 {
		s.prefs.Remember(s.chosen.ID, s.length.Minutes)
	} else {
		s.prefs.Remember(s.chosen.ID, s.prefs.LastMinutes())
	}
	s.nav.show(newBreathRun(s.nav, s.run, s.chosen, s.length, s.before.value))
}

func (s *breathSetup) key(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeySpace, fyne.KeyReturn, fyne.KeyEnter:
		s.begin()
	case fyne.KeyEscape:
		s.nav.Home()
	}
}

// newPattern asks for a name and four numbers, checks them, and saves.
func (s *breathSetup) newPattern() {
	name := newEntry()
	name.SetPlaceHolder(tr("breath.pattern.name.hint"))
	in, holdIn, out, holdOut := numEntry("4"), numEntry("0"), numEntry("6"), numEntry("0")
	problem := newProblemLabel()
	name.limitTo(exercises.MaxNameRune, func(m string) { problem.SetText(m); problem.Show() })
	form := widget.NewForm(
		widget.NewFormItem(tr("breath.pattern.name"), name),
		widget.NewFormItem(tr("breath.pattern.in"), in),
		widget.NewFormItem(tr("breath.pattern.holdin"), holdIn),
		widget.NewFormItem(tr("breath.pattern.out"), out),
		widget.NewFormItem(tr("breath.pattern.holdout"), holdOut),
	)
	var d *dialog.CustomDialog
	save := func() {
		p := exercises.Pattern{Name: name.Text}
		var bad bool
		p.In, bad = parseSecs(in.Text, bad)
		p.HoldIn, bad = parseSecs(holdIn.Text, bad)
		p.Out, bad = parseSecs(out.Text, bad)
		p.HoldOut, bad = parseSecs(holdOut.Text, bad)
		if bad {
			problem.SetText(tr("breath.pattern.err.number"))
			return
		}
		if takenByBuiltin(p.Name) {
			problem.SetText(tr("breath.pattern.err.taken"))
			return
		}
		saved, err := s.prefs.SavePattern(p)
		if err != nil {
			problem.SetText(patternError(err))
			return
		}
		d.Hide()
		s.prefs.Remember(saved.ID, s.prefs.LastMinutes())
		s.again()
	}
	name.OnSubmitted = func(string) { save() }
	d = saveDialog(tr("breath.pattern.new"), container.NewVBox(form, problem), 420, s.nav.window(), save)
	d.Show()
	s.nav.window().Canvas().Focus(name)
}

func (s *breathSetup) confirmDelete() {
	p := s.chosen
	dialog.ShowConfirm(tr("breath.pattern.delete"), tr("breath.pattern.delete.ask", map[string]any{"Name": p.Name}), func(ok bool) {
		if !ok {
			return
		}
		if err := s.prefs.DeletePattern(p.ID); err != nil {
			dialog.ShowError(err, s.nav.window())
			return
		}
		s.prefs.Remember(exercises.Pattern46.ID, s.prefs.LastMinutes())
		s.again()
	}, s.nav.window())
}

// takenByBuiltin reports whether name is a built-in rhythm's name in any
// language: two entries called "4-6 breathing" could not be told apart.
func takenByBuiltin(name string) bool {
	name = strings.ToLower(strings.TrimSpace(name))
	for _, p := range exercises.BuiltinPatterns() {
		if strings.ToLower(p.ID) == name {
			return true
		}
		for _, l := range assets.Languages {
			if m, err := assets.Messages(l); err == nil {
				if n, ok := m["pattern."+p.ID+".name"].(string); ok && strings.ToLower(n) == name {
					return true
				}
			}
		}
	}
	return false
}

func numEntry(v string) *entry {
	e := newEntry()
	e.SetText(v)
	return e
}

// parseSecs reads seconds, accepting a decimal comma as Dutch users type it.
func parseSecs(text string, bad bool) (float64, bool) {
	f, err := strconv.ParseFloat(stringsReplaceComma(text), 64)
	if err != nil {
		return 0, true
	}
	return f, bad
}

func stringsReplaceComma(s string) string {
	out := []rune{}
	for _, r := range s {
		switch r {
		case ',':
			out = append(out, '.')
		case ' ':
		default:
			out = append(out, r)
		}
	}
	return string(out)
}

// patternError turns a validation error into a sentence.
func patternError(err error) string {
	switch err {
	case exercises.ErrPatternName:
		return tr("breath.pattern.err.name")
	case exercises.ErrPatternNameLong:
		return tr("breath.pattern.err.namelong", map[string]any{"N": exercises.MaxNameRune})
	case exercises.ErrInRange:
		return tr("breath.pattern.err.in")
	case exercises.ErrOutRange:
		return tr("breath.pattern.err.out")
	case exercises.ErrHoldRange:
		return tr("breath.pattern.err.hold")
	}
	return err.Error()
}

// breathRun is the running pacer: circle (or bar), the word and countdown,
// the time left, pause/resume and stop.
type breathRun struct {
	timedRun // the session, pause/stop/finish/leave and the tones
	pattern  exercises.Pattern
	length   exercises.Length

	pacer            *Pacer
	phase, left, cue *widget.Label
	lastFrame        time.Time // when frame last ran, for --timing-log
}

func newBreathRun(nav navigator, run runDeps, p exercises.Pattern, l exercises.Length, before int) *breathRun {
	r := &breathRun{pattern: p, length: l}
	r.init(nav, run, p.Exercise(l), before, breathCue, r.frame,
		func() screen { return newBreathRun(nav, run, p, l, exercises.NoRating) })
	r.loop.cueFirst = true // eyes closed from the start: "in" sounds at once
	return r
}

func (r *breathRun) view() fyne.CanvasObject {
	r.pacer = NewPacer(!r.run.motion())
	r.phase = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	r.phase.SizeName = theme.SizeNameHeadingText
	r.left = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{})
	r.cue = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{})
	r.cue.Wrapping = fyne.TextWrapWord
	pause := r.newPauseButton()
	stop := newButton(tr("ex.stop"), theme.MediaStopIcon(), r.stop)

	var pacerBox fyne.CanvasObject = container.NewPadded(r.pacer)
	if r.pacer.Reduced() {
		pacerBox = container.NewVBox(layout.NewSpacer(), container.NewPadded(r.pacer), layout.NewSpacer())
	}
	top := container.NewVBox(
		widget.NewLabelWithStyle(patternName(r.pattern), fyne.TextAlignCenter, fyne.TextStyle{Bold: true}),
		r.left,
	)
	bottom := container.NewVBox(r.phase, r.cue, container.NewHBox(layout.NewSpacer(), pause, stop, layout.NewSpacer()))
	content := container.New(&maxWidth{width: 720}, container.NewBorder(container.NewPadded(top), container.NewPadded(bottom), nil, nil, pacerBox))

	return content
}

// frame reads the session and updates what changed. It runs every animation
// frame and whenever a phase changes, so tests call it directly.
func (r *breathRun) frame() {
	now := r.run.clock.Now()
	p, shown, over := r.loop.read(now)
	if over {
		r.finish(p)
		return
	}
	r.pacer.Set(p.Step.Kind, p.Progress)
	// The words follow the step, its seconds and a pause, which shows its
	// own word in the phase line.
	if shown != r.shown {
		if shown.index != r.shown.index && r.run.timing != nil {
			if r.loop.animating.Load() && !r.lastFrame.IsZero() {
				r.run.timing.DrawnFrame(now, r.lastFrame, p)
			} else {
				r.run.timing.Drawn(now, p)
			}
		}
		r.shown = shown
		phase := tr("breath.phase."+p.Step.Kind.String(), map[string]any{"N": shown.secs})
		if p.State == exercises.Paused {
			phase = tr("ex.paused")
		}
		setText(r.phase, phase)
		setText(r.left, tr("breath.left", map[string]any{"Time": clockText(p.Remaining)}))
		setText(r.cue, r.cueText(p.Step.Kind))
	}
	r.lastFrame = now
}

// setText changes a label only when its text differs: SetText always
// shapes the text again and redraws the window.
func setText(l *widget.Label, text string) {
	if l.Text != text {
		l.SetText(text)
	}
}

func (r *breathRun) cueText(k exercises.Kind) string {
	if !r.pattern.Belly {
		return ""
	}
	switch k {
	case exercises.Inhale:
		return tr("breath.belly.in")
	case exercises.Exhale:
		return tr("breath.belly.out")
	}
	return ""
}

// breathCue is the tone for a new step: in, out, a quiet one for holds,
// and the end chime.
func breathCue(p exercises.Position) (Cue, bool) {
	switch {
	case p.State == exercises.Finished:
		return CueEnd, true
	case p.Step.Kind == exercises.Inhale:
		return CueIn, true
	case p.Step.Kind == exercises.Exhale:
		return CueOut, true
	}
	return CueHold, true
}

func (r *breathRun) key(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeySpace:
		r.toggle()
	case fyne.KeyEscape:
		r.stop()
	}
}

// clockText shows a duration as m:ss, rounded up so it never says 0:00 early.
func clockText(d time.Duration) string {
	s := int(math.Ceil(d.Seconds()))
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}
