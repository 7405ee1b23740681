package ui

import (
	"cmp"
	"maps"
	"math/rand/v2"
	"slices"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ontspan/ontspan/exercises"
)

// SavePace stores p as the user's "My pace" rhythm, first of the saved
// ones, in place of the one before. It keeps the id exercises.MyPaceID
// (SavePattern would derive an id from the translated name).
func (s *Prefs) SavePace(p exercises.Pattern) error {
	if err := p.Validate(); err != nil {
		return err
	}
	ps := []exercises.Pattern{p}
	for _, q := range s.Patterns() {
		if q.ID != exercises.MyPaceID {
			ps = append(ps, q)
		}
	}
	return s.storePatterns(ps)
}

// paceText writes a pace as typed in the language: "5,5" in Dutch.
func paceText(p float64) string { return localDecimal(strconv.FormatFloat(p, 'f', -1, 64)) }

// paceStore is where pace tests are logged: *diary.Store.
type paceStore interface {
	AddPaceTest(t *exercises.PaceTest) error
}

// paceAgainLine is home's quiet line four weeks after the last pace test,
// or nil. Never-tested users find the test with the breathing rhythms.
func (h *home) paceAgainLine() fyne.CanvasObject {
	if !h.facts.paceTestDue() {
		return nil
	}
	return newLink(tr("pace.again"), h.nav.PaceFinder)
}

// paceTestDue reports whether four weeks have passed since the last pace
// test; never before a first one.
func (d *appData) paceTestDue() bool {
	if d.store == nil {
		return false
	}
	last, ok, err := d.store.LastFinishedPaceTest()
	return err == nil && ok && exercises.PaceTestDue(last.Started, d.clock.Now())
}

// The pace finder's screens, in order.
const (
	paceIntro = iota
	paceRating
	paceResult
)

// paceFinder runs the pace test: the intro, each pace breathed in the
// breathing screen, a one-tap rating after each, and the result, saved as
// the "My pace" rhythm when the test was finished.
type paceFinder struct {
	nav   navigator
	run   runDeps
	store paceStore // nil without a diary
	save  func(exercises.Pattern) error
	rnd   *rand.Rand

	pr       *exercises.PaceRun
	phase    int
	skipping bool // the running pace is being skipped (S)
	result   exercises.PaceTest
	ended    bool

	comfort    int
	feel       exercises.PaceFeel
	comfortBts []*button
	feelBts    map[exercises.PaceFeel]*button
	nextBt     *button
}

func newPaceFinder(nav navigator, run runDeps, st paceStore, save func(exercises.Pattern) error, rnd *rand.Rand) *paceFinder {
	return &paceFinder{nav: nav, run: run, store: st, save: save, rnd: rnd}
}

func (s *paceFinder) view() fyne.CanvasObject {
	switch s.phase {
	case paceRating:
		return s.ratingView()
	case paceResult:
		return s.resultView()
	}
	start := newPrimaryButton(tr("ritual.start"), theme.MediaPlayIcon(), s.begin)
	return page(s.nav.Home, tr("pace.title"), container.NewVBox(para(tr("pace.intro")), para(tr("pace.keys"))), start)
}

func (s *paceFinder) begin() {
	s.pr = exercises.NewPaceRun(exercises.PacePlan(s.rnd), s.run.clock.Now())
	s.trial()
}

// trial breathes the next pace in the breathing screen, or ends the test.
func (s *paceFinder) trial() {
	t, n, ok := s.pr.Trial()
	if !ok {
		s.end()
		s.nav.show(s)
		return
	}
	p := t.Pattern
	p.Custom = true // shown by its name, not a translation key
	p.Name = s.trialName(t, n)
	inner := newBreathRun(s.nav, s.run, p, exercises.Length{Breaths: t.Breaths}, exercises.NoRating)
	sess := exercises.NewSession(t.Exercise(), s.run.clock)
	inner.ritualStep(sess, func(left bool) { s.trialOver(sess, left) })
	s.nav.show(&stepWrap{inner: inner, banner: tr("pace.title"), skipText: tr("pace.skip"), onSkip: func() {
		s.skipping = true
		sess.Stop()
	}})
}

func (s *paceFinder) trialName(t exercises.PaceTrial, n int) string {
	return tr("pace.trial", map[string]any{"N": n + 1, "Of": s.pr.Trials(), "Pace": paceText(t.Pace)})
}

// trialOver: after a pace breathed to its end comes the rating; a skipped
// one goes on to the next; Esc (or quitting) ends the test unfinished.
func (s *paceFinder) trialOver(sess *exercises.Session, left bool) {
	switch {
	case left:
		s.end()
	case s.skipping:
		s.skipping = false
		_ = s.pr.Skip()
		s.trial()
	case sess.Now().State == exercises.Finished:
		s.phase, s.comfort, s.feel = paceRating, 0, ""
		s.nav.show(s)
	default:
		s.end()
		s.nav.show(s)
	}
}

func (s *paceFinder) ratingView() fyne.CanvasObject {
	t, n, _ := s.pr.Trial()
	s.comfortBts = nil
	grid := container.NewGridWithColumns(5)
	for i := 1; i <= 5; i++ {
		b := newButton(strconv.Itoa(i), nil, func() { s.setComfort(i) })
		s.comfortBts = append(s.comfortBts, b)
		grid.Add(b)
	}
	low := widget.NewLabel(tr("pace.comfort.low"))
	high := widget.NewLabelWithStyle(tr("pace.comfort.high"), fyne.TextAlignTrailing, fyne.TextStyle{})
	s.feelBts = map[exercises.PaceFeel]*button{}
	feels := container.NewGridWithColumns(1)
	for _, f := range []exercises.PaceFeel{exercises.FeelShort, exercises.FeelRight, exercises.FeelSlow} {
		b := newButton(tr("pace.feel."+string(f)), nil, func() { s.setFeel(f) })
		s.feelBts[f] = b
		feels.Add(b)
	}
	s.nextBt = newPrimaryButton(tr("ex.next"), theme.NavigateNextIcon(), s.rate)
	s.nextBt.Disable()
	skip := newButton(tr("pace.skip"), theme.MediaSkipNextIcon(), s.skipRating)
	body := container.NewVBox(
		boldLabel(s.trialName(t, n)),
		para(tr("pace.comfort")), grid, container.NewBorder(nil, nil, low, high),
		para(tr("pace.feel")), feels,
		para(tr("pace.keys.rate")),
	)
	return page(nil, tr("pace.title"), body, s.nextBt, skip)
}

func (s *paceFinder) setComfort(n int) {
	s.comfort = n
	markChosen(slices.All(s.comfortBts), n-1)
	s.nextBt.Enable()
}

func (s *paceFinder) setFeel(f exercises.PaceFeel) {
	if s.feel == f {
		f = "" // a second tap clears it: the feel is optional
	}
	s.feel = f
	markChosen(maps.All(s.feelBts), f)
}

// rate records the answer and breathes the next pace.
func (s *paceFinder) rate() {
	if s.comfort == 0 {
		return
	}
	if err := s.pr.Rate(s.comfort, s.feel); err != nil {
		fyne.LogError("pace rating", err)
		return
	}
	s.trial()
}

func (s *paceFinder) skipRating() {
	_ = s.pr.Skip()
	s.trial()
}

// end logs the test, finished or not, and keeps the pace found as "My pace".
func (s *paceFinder) end() {
	if s.ended {
		return
	}
	s.ended = true
	s.phase = paceResult
	s.result = s.pr.End()
	if s.store != nil && len(s.result.Ratings) > 0 {
		if err := s.store.AddPaceTest(&s.result); err != nil {
			s.run.log.diaryError(err)
		}
	}
	if s.result.Finished && s.result.Chosen > 0 {
		p := exercises.PacePattern(s.result.Chosen, tr("pace.mine", map[string]any{"Pace": paceText(s.result.Chosen)}))
		if err := s.save(p); err != nil {
			fyne.LogError("save my pace", err)
		}
	}
}

func (s *paceFinder) resultView() fyne.CanvasObject {
	home := newButton(tr("ritual.home"), theme.HomeIcon(), s.nav.Home)
	if !s.result.Finished || s.result.Chosen == 0 {
		return page(s.nav.Home, tr("pace.title"), para(tr("pace.noresult")), home)
	}
	text := tr("pace.result", map[string]any{"Pace": paceText(s.result.Chosen)})
	breathe := newPrimaryButton(tr("pace.breathe"), theme.MediaPlayIcon(), func() {
		s.nav.StartBreathing(exercises.MyPaceID, exercises.Length{Minutes: 5})
	})
	body := container.NewVBox(para(text), boldLabel(tr("pace.result.all")))
	for _, line := range paceRatingLines(s.result.Ratings) {
		body.Add(widget.NewLabel(line))
	}
	return page(s.nav.Home, tr("pace.title"), body, breathe, home)
}

func (s *paceFinder) key(e *fyne.KeyEvent) {
	switch s.phase {
	case paceIntro:
		switch e.Name {
		case fyne.KeySpace, fyne.KeyReturn, fyne.KeyEnter:
			s.begin()
		case fyne.KeyEscape:
			s.nav.Home()
		}
	case paceRating:
		switch e.Name {
		case fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5:
			s.setComfort(int(e.Name[0] - '0'))
		case fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace:
			s.rate()
		case fyne.KeyS:
			s.skipRating()
		case fyne.KeyEscape:
			s.end()
			s.nav.show(s)
		}
	case paceResult:
		if e.Name == fyne.KeyEscape || e.Name == fyne.KeyReturn {
			s.nav.Home()
		}
	}
}

// paceRatingLines say what was answered for each pace, fastest first:
// "6.5 a minute: 4 of 5 · Just right", or skipped.
func paceRatingLines(rs []exercises.PaceRating) []string {
	rs = slices.Clone(rs)
	slices.SortFunc(rs, func(a, b exercises.PaceRating) int { return cmp.Compare(b.Pace, a.Pace) })
	var out []string
	for _, r := range rs {
		if r.Skipped {
			out = append(out, tr("pace.result.skipped", map[string]any{"Pace": paceText(r.Pace)}))
			continue
		}
		line := tr("pace.result.line", map[string]any{"Pace": paceText(r.Pace), "Comfort": r.Comfort})
		if r.Feel != "" {
			line += " · " + tr("pace.feel."+string(r.Feel))
		}
		out = append(out, line)
	}
	return out
}

// paceDiaryLines are the diary's lines for the last pace test and the one
// before: the pace found, or that the test was not finished.
func paceDiaryLines(tests []exercises.PaceTest, now time.Time) []string {
	var out []string
	for _, t := range tests {
		line := tr("pace.diary.unfinished")
		if t.Finished && t.Chosen > 0 {
			line = tr("pace.diary", map[string]any{"Pace": paceText(t.Chosen)})
		}
		out = append(out, longDate(dayOf(t.Started), now)+": "+line)
	}
	return out
}
