package ui

import (
	"math"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ontspan/ontspan/exercises"
)

// pmrPrefs are the muscle relaxation choices kept for next time (Prefs).
type pmrPrefs interface {
	PMRSet() string
	SetPMRSet(id string)
	PMRRelease() int
	SetPMRRelease(secs int)
	PMRMine() []string
	SetPMRMine(ids []string)
	PMRNoted() bool
	SetPMRNoted()
}

// pmrReleaseChoices are the release times offered, in seconds.
var pmrReleaseChoices = []int{10, 15, 20, 25, 30, 35, 40}

// pmrRelease keeps a stored release time within the choices offered.
func pmrRelease(secs int) int {
	return min(max(secs, pmrReleaseChoices[0]), pmrReleaseChoices[len(pmrReleaseChoices)-1])
}

// pmrSetName is a set's shown name.
func pmrSetName(id string) string { return tr("pmr.set." + id) }

// pmrSetup is where the user picks a set (or makes their own), the release
// time and an optional rating, then starts.
type pmrSetup struct {
	nav     navigator
	run     runDeps
	prefs   pmrPrefs
	setID   string
	release int             // seconds
	order   []string        // every group ID, as the own-set editor lists them
	chosen  map[string]bool // the groups ticked for the own set

	sets     *radioGroup
	about    *widget.Label
	releases *selectBox
	editor   *fyne.Container
	mineBox  *fyne.Container
	problem  *widget.Label
	checks   map[string]*check
	start    *button
	before   *ratingRow
}

func newPMRSetup(nav navigator, run runDeps, p pmrPrefs) *pmrSetup {
	s := &pmrSetup{nav: nav, run: run, prefs: p, chosen: map[string]bool{}}
	s.setID = p.PMRSet()
	if _, err := exercises.FindPMRSet(s.setID, nil); err != nil && s.setID != exercises.PMRMine {
		s.setID = exercises.PMRShort
	}
	s.release = pmrRelease(p.PMRRelease())

	// The own set: the saved groups first, in their order, then the rest.
	// Unknown or doubled IDs (a damaged setting) are dropped, not run.
	saved := p.PMRMine()
	if saved == nil {
		for _, g := range exercises.PMRSets()[0].Groups {
			saved = append(saved, g.ID)
		}
	}
	for _, id := range saved {
		if _, ok := exercises.FindMuscleGroup(id); ok && !s.chosen[id] {
			s.chosen[id] = true
			s.order = append(s.order, id)
		}
	}
	for _, g := range exercises.MuscleGroups() {
		if !s.chosen[g.ID] {
			s.order = append(s.order, g.ID)
		}
	}
	return s
}

func (s *pmrSetup) view() fyne.CanvasObject {
	s.start = newPrimaryButton(tr("pmr.start"), theme.MediaPlayIcon(), s.begin)
	ids := []string{exercises.PMRShort, exercises.PMRFull, exercises.PMRMine}
	var names []string
	for _, id := range ids {
		names = append(names, pmrSetName(id))
	}
	s.about = para("")
	s.sets = newRadioGroup(names, func(name string) {
		for _, id := range ids {
			if pmrSetName(id) == name {
				s.setID = id
			}
		}
		s.prefs.SetPMRSet(s.setID)
		s.describe()
	})

	var labels []string
	for _, n := range pmrReleaseChoices {
		labels = append(labels, trn("pmr.seconds", n))
	}
	s.releases = newSelect(labels, func(label string) {
		for _, n := range pmrReleaseChoices {
			if trn("pmr.seconds", n) == label {
				s.release = n
			}
		}
		s.prefs.SetPMRRelease(s.release)
		s.describe()
	})
	s.releases.SetSelected(trn("pmr.seconds", s.release))
	if s.releases.Selected == "" { // a saved value between the steps
		s.release = 15
		s.releases.SetSelected(trn("pmr.seconds", s.release))
	}

	s.problem = newProblemLabel()
	s.editor = container.NewVBox()
	s.mineBox = container.NewVBox(para(tr("pmr.set.mine.about")), s.editor, s.problem)
	s.fillEditor()

	s.before = newRatingRow(tr("rating.before"), exercises.NoRating, nil)
	body := container.NewVBox(para(tr("pmr.about")))
	if !s.prefs.PMRNoted() {
		note := container.NewVBox(
			container.NewBorder(nil, nil, widget.NewIcon(theme.InfoIcon()), nil, boldLabel(tr("pmr.safety.title"))),
			para(tr("pmr.safety")))
		body.Add(card(note))
	}
	body.Add(boldLabel(tr("pmr.set")))
	body.Add(s.sets)
	body.Add(s.about)
	body.Add(s.mineBox)
	body.Add(boldLabel(tr("pmr.release")))
	body.Add(para(tr("pmr.release.hint")))
	body.Add(s.releases)
	body.Add(s.before.box)
	body.Add(para(tr("pmr.keys")))
	s.sets.SetSelected(pmrSetName(s.setID))
	s.describe()
	return page(s.nav.Home, tr("pmr.title"), body, s.start)
}

// mineIDs are the ticked groups in the editor's order.
func (s *pmrSetup) mineIDs() []string {
	var ids []string
	for _, id := range s.order {
		if s.chosen[id] {
			ids = append(ids, id)
		}
	}
	return ids
}

// set is the chosen set, or why the own set cannot run.
func (s *pmrSetup) set() (exercises.PMRSet, error) {
	return exercises.FindPMRSet(s.setID, s.mineIDs())
}

func (s *pmrSetup) timing() exercises.PMRTiming {
	t := exercises.DefaultPMRTiming()
	t.Release = time.Duration(s.release) * time.Second
	return t
}

// describe says what the chosen set holds and how long it takes, and shows
// the editor for the own set with its problem, if any, beside it.
func (s *pmrSetup) describe() {
	if s.about == nil || s.mineBox == nil {
		return
	}
	set, err := s.set()
	text := ""
	if s.setID != exercises.PMRMine {
		text = tr("pmr.set."+s.setID+".about") + "\n"
	}
	if err == nil {
		mins := int(math.Round(set.Exercise(s.timing()).Duration().Minutes()))
		text += trn("pmr.groups", len(set.Groups)) + " · " + trn("pmr.minutes", mins)
	}
	s.about.SetText(text)
	if s.setID == exercises.PMRMine {
		s.mineBox.Show()
	} else {
		s.mineBox.Hide()
	}
	if err != nil {
		s.problem.SetText(tr("pmr.mine.empty"))
		s.problem.Show()
		s.start.Disable()
	} else {
		s.problem.Hide()
		s.start.Enable()
	}
}

// fillEditor lists every group with a tick box and up/down buttons.
func (s *pmrSetup) fillEditor() {
	s.editor.RemoveAll()
	s.checks = map[string]*check{}
	for i, id := range s.order {
		g, _ := exercises.FindMuscleGroup(id)
		box := newCheck(tr(g.NameKey()), nil)
		box.SetChecked(s.chosen[id])
		box.OnChanged = func(on bool) { s.chosen[id] = on; s.saveMine() }
		s.checks[id] = box
		up := newButton("", theme.MoveUpIcon(), func() { s.move(i, -1) })
		down := newButton("", theme.MoveDownIcon(), func() { s.move(i, +1) })
		if i == 0 {
			up.Disable()
		}
		if i == len(s.order)-1 {
			down.Disable()
		}
		s.editor.Add(container.NewBorder(nil, nil, nil, container.NewHBox(up, down), box))
	}
}

// move shifts the group at i one place up (-1) or down (+1).
func (s *pmrSetup) move(i, by int) {
	j := i + by
	if j < 0 || j >= len(s.order) {
		return
	}
	s.order[i], s.order[j] = s.order[j], s.order[i]
	s.fillEditor()
	s.saveMine()
}

func (s *pmrSetup) saveMine() {
	s.prefs.SetPMRMine(s.mineIDs())
	s.describe()
}

func (s *pmrSetup) begin() {
	set, err := s.set()
	if err != nil {
		s.describe()
		return
	}
	s.prefs.SetPMRNoted()
	s.nav.show(newPMRRun(s.nav, s.run, set, s.timing(), s.before.value))
}

func (s *pmrSetup) key(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeySpace, fyne.KeyReturn, fyne.KeyEnter:
		s.begin()
	case fyne.KeyEscape:
		s.nav.Home()
	}
}

// pmrRun guides through the set: the instruction and countdown for the
// current step, and the checklist of groups with their states.
type pmrRun struct {
	timedRun // the session, pause/stop/finish/leave and the tones
	set      exercises.PMRSet
	timing   exercises.PMRTiming
	ex       exercises.Exercise
	marks    exercises.GroupMarks // groups skipped or left partway

	left, group               *widget.Label
	instruction, count, round *steadyLabel
	rows                      []*groupRow
	list                      *container.Scroll
}

func newPMRRun(nav navigator, run runDeps, set exercises.PMRSet, t exercises.PMRTiming, before int) *pmrRun {
	r := &pmrRun{set: set, timing: t, marks: exercises.GroupMarks{}}
	r.ex = set.Exercise(t)
	r.init(nav, run, r.ex, before, pmrCue, r.frame,
		func() screen { return newPMRRun(nav, run, set, t, exercises.NoRating) })
	return r
}

// pmrCue is the tone of a new step: tense, let go, the end. Noticing, the
// intro and the closing are quiet.
func pmrCue(p exercises.Position) (Cue, bool) {
	switch {
	case p.State == exercises.Finished:
		return CueEnd, true
	case p.State == exercises.Stopped:
		return 0, false
	case p.Step.Kind == exercises.Tense:
		return CueTense, true
	case p.Step.Kind == exercises.Release:
		return CueRelease, true
	}
	return 0, false
}

func (r *pmrRun) view() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(pmrSetName(r.set.ID), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	r.left = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{})
	r.group = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	r.group.SizeName = theme.SizeNameSubHeadingText
	// The instruction, countdown and round keep the height of their tallest
	// text, so Repeat, Skip and the checklist below never move.
	var says []textStyle
	for _, st := range r.ex.Steps {
		says = append(says, instructionStyle(st))
	}
	r.instruction = newSteadyLabel(true, says)
	r.count = newSteadyLabel(false, []textStyle{
		{tr("ex.paused"), theme.SizeNameSubHeadingText, true},
		{tr("pmr.count", map[string]any{"N": 10}), theme.SizeNameHeadingText, true},
		{tr("pmr.wait", map[string]any{"N": 40}), theme.SizeNameText, true},
	})
	r.round = newSteadyLabel(false, []textStyle{{tr("pmr.round", map[string]any{"N": 2, "Of": 2}), theme.SizeNameText, false}})

	rows := container.NewVBox()
	r.rows = nil
	for i, g := range r.set.Groups {
		row := newGroupRow(tr(g.NameKey()), func() { r.jump(i) })
		r.rows = append(r.rows, row)
		rows.Add(row)
	}
	r.list = container.NewVScroll(rows)
	r.list.SetMinSize(fyne.NewSize(0, 2*44)) // two lines at least; more as the window allows

	r.newPauseButton()
	skip := newButton(tr("ex.skip"), theme.MediaSkipNextIcon(), r.skip)
	repeat := newButton(tr("pmr.repeat"), theme.MediaReplayIcon(), r.repeat)
	stop := newButton(tr("ex.stop"), theme.MediaStopIcon(), r.stop)

	// No caption over the checklist: at 360x640 its line is what the screen
	// cannot spare, and the lines with their states speak for themselves.
	top := container.NewVBox(
		container.NewHBox(layout.NewSpacer(), title, r.left, layout.NewSpacer()),
		r.group, r.instruction, r.count, r.round,
		container.NewHBox(layout.NewSpacer(), repeat, skip, layout.NewSpacer()),
	)
	// Pause as wide as "Go on" too, so Stop beside it stays put.
	pauseSize := r.pauseBt.MinSize()
	r.pauseBt.SetText(tr("ex.resume"))
	pauseSize = pauseSize.Max(r.pauseBt.MinSize())
	r.pauseBt.SetText(tr("ex.pause"))
	bottom := container.NewHBox(layout.NewSpacer(), container.NewGridWrap(pauseSize, r.pauseBt), stop, layout.NewSpacer())
	// Tab follows the screen from top to bottom: Fyne's focus order is the
	// order of the objects, and container.NewBorder puts its centre (the
	// checklist) before its top (Repeat and Skip), so the layout is given
	// its parts in screen order instead.
	topBox, bottomBox := container.NewPadded(top), container.NewPadded(bottom)
	content := container.New(&maxWidth{width: 720},
		container.New(layout.NewBorderLayout(topBox, bottomBox, nil, nil), topBox, container.NewPadded(r.list), bottomBox))
	return content
}

// frame reads the session and redraws what changed. The step loop calls it
// while the session runs and is seen; actions and tests call it directly.
func (r *pmrRun) frame() {
	was := r.shown.index
	p, changed := r.readFrame()
	if !changed {
		return
	}
	moved := r.shown.index != was
	r.left.SetText(tr("pmr.left", map[string]any{"Time": clockText(p.Remaining)}))
	r.showStep(p)
	if moved {
		r.marks.Enter(r.ex, p.Index)
		r.showStates(p)
	}
}

// showStep puts the current step's words on screen: the group, the
// instruction large, the countdown, the round.
func (r *pmrRun) showStep(p exercises.Position) {
	g := exercises.GroupOf(r.ex, p.Index)
	switch {
	case g != exercises.NoGroup:
		setText(r.group, tr(r.set.Groups[g].NameKey()))
		n, of := r.roundOf(p.Index)
		r.round.show(textStyle{tr("pmr.round", map[string]any{"N": n, "Of": of}), theme.SizeNameText, false})
	case p.Index == 0:
		setText(r.group, tr("pmr.intro.title"))
		r.round.show(textStyle{"", theme.SizeNameText, false})
	default:
		setText(r.group, tr("pmr.closing.title"))
		r.round.show(textStyle{"", theme.SizeNameText, false})
	}
	r.instruction.show(instructionStyle(p.Step))
	switch {
	case p.State == exercises.Paused:
		r.count.show(textStyle{tr("ex.paused"), theme.SizeNameSubHeadingText, true})
	case p.Step.Kind == exercises.Tense:
		r.count.show(textStyle{tr("pmr.count", map[string]any{"N": r.shown.secs}), theme.SizeNameHeadingText, true})
	case p.Step.Kind == exercises.Release:
		r.count.show(textStyle{"", theme.SizeNameText, true})
	default:
		r.count.show(textStyle{tr("pmr.wait", map[string]any{"N": r.shown.secs}), theme.SizeNameText, true})
	}
}

// instructionStyle is how a step's instruction is shown: tensing and letting
// go are said loudly, the rest is quieter.
func instructionStyle(st exercises.Step) textStyle {
	if st.Kind == exercises.Tense || st.Kind == exercises.Release {
		return textStyle{tr(st.Text), theme.SizeNameHeadingText, true}
	}
	return textStyle{tr(st.Text), theme.SizeNameSubHeadingText, false}
}

// roundOf says which tensing of its group step i belongs to, and how many
// the group has.
func (r *pmrRun) roundOf(i int) (n, of int) {
	g := exercises.GroupOf(r.ex, i)
	for j, st := range r.ex.Steps {
		if st.Group != g || st.Kind != exercises.Tense {
			continue
		}
		of++
		if j <= i {
			n = of
		}
	}
	return max(n, 1), of
}

// showStates updates the checklist and keeps the current group in view.
func (r *pmrRun) showStates(p exercises.Position) {
	states := exercises.GroupStates(r.ex, p, r.marks)
	for i, row := range r.rows {
		if i < len(states) {
			row.setState(states[i])
		}
	}
	g := exercises.GroupOf(r.ex, p.Index)
	if g == exercises.NoGroup || g >= len(r.rows) || r.list == nil {
		return
	}
	row := r.rows[g]
	y, h, view := row.Position().Y, row.Size().Height, r.list.Size().Height
	switch {
	case y < r.list.Offset.Y:
		r.list.ScrollToOffset(fyne.NewPos(0, y))
	case y+h > r.list.Offset.Y+view && view > 0:
		r.list.ScrollToOffset(fyne.NewPos(0, y+h-view))
	}
}

// redraw shows the position after an action, whatever was shown before.
func (r *pmrRun) redraw() {
	r.shown = noneShown
	r.loop.poke()
	r.frame()
}

// jump goes to group g (a tapped checklist line). Groups passed over on the
// way forward count as skipped; the one being left, once begun, as partly
// done (exercises.GroupMarks.Jump).
func (r *pmrRun) jump(g int) {
	p := r.sess.Now()
	if r.over || p.State != exercises.Running && p.State != exercises.Paused {
		return
	}
	r.sess.GoTo(r.marks.Jump(r.ex, p, g))
	r.loop.jumped()
	r.redraw()
}

// skip passes over the current group (or the intro, or ends the closing).
func (r *pmrRun) skip() {
	p := r.sess.Now()
	if r.over || p.State != exercises.Running && p.State != exercises.Paused {
		return
	}
	if to, ok := r.marks.Skip(r.ex, p); ok {
		r.sess.GoTo(to)
	} else {
		r.sess.Skip()
	}
	r.loop.jumped()
	r.redraw()
}

// repeat goes back to the start of the current group (or step).
func (r *pmrRun) repeat() {
	p := r.sess.Now()
	if r.over || p.State != exercises.Running && p.State != exercises.Paused {
		return
	}
	to := p.Index
	if g := exercises.GroupOf(r.ex, p.Index); g != exercises.NoGroup {
		to = exercises.FirstStepOfGroup(r.ex, g)
	}
	r.sess.GoTo(to)
	r.loop.jumped()
	r.redraw()
}

func (r *pmrRun) key(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeySpace:
		r.toggle()
	case fyne.KeyEscape:
		r.stop()
	}
}
