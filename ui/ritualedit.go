package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ontspan/ontspan/exercises"
)

// ritualStepChoice is one entry of the editor's "add a step" list.
type ritualStepChoice struct {
	label string
	step  exercises.RitualStep
	own   bool // the user's own words: the text field shows
}

// ritualStepChoices are the steps a ritual can have: the suggested tasks,
// one's own words, every rhythm (with minutes), the muscle sets, the five
// senses and the mini-check.
func ritualStepChoices(env exercises.RitualEnv) []ritualStepChoice {
	var cs []ritualStepChoice
	for _, k := range exercises.TaskSuggestions() {
		cs = append(cs, ritualStepChoice{label: tr(k), step: exercises.RitualStep{TextKey: k}})
	}
	cs = append(cs, ritualStepChoice{label: tr("ritual.edit.own"), own: true})
	for _, p := range append(exercises.BuiltinPatterns(), env.Patterns...) {
		cs = append(cs, ritualStepChoice{label: patternName(p), step: exercises.BreathingStep(p.ID, 5)})
	}
	sets := []string{exercises.PMRShort, exercises.PMRFull}
	if len(env.PMRMine) > 0 {
		sets = append(sets, exercises.PMRMine)
	}
	for _, id := range sets {
		cs = append(cs, ritualStepChoice{label: tr("ritual.step.pmr." + id), step: exercises.RitualStep{Technique: exercises.PMR, Variant: id}})
	}
	for _, v := range []string{exercises.SensesBasic, exercises.Senses54321} {
		cs = append(cs, ritualStepChoice{label: tr("ritual.step.senses." + v), step: exercises.RitualStep{Technique: exercises.Senses, Variant: v}})
	}
	cs = append(cs, ritualStepChoice{label: tr("minicheck.title"), step: exercises.RitualStep{Technique: exercises.MiniCheck, Variant: exercises.MiniCheckTimed}})
	return cs
}

// ritualEditor makes or changes one of the user's rituals: its name, and
// its steps added, removed and moved with buttons (Tab and Enter reach
// each). Nothing is saved until Save; the list's Delete has the undo.
type ritualEditor struct {
	nav   navigator
	store ritualStore
	env   exercises.RitualEnv
	r     exercises.Ritual // the working copy
	back  func()

	name    *entry
	steps   *fyne.Container
	choices []ritualStepChoice
	choice  *selectBox
	chosen  ritualStepChoice
	minutes *selectBox
	own     *entry
	problem *widget.Label
	rows    []ritualStepRow // for tests
}

// ritualStepRow is one step's line and its buttons.
type ritualStepRow struct {
	label            *widget.Label
	up, down, remove *button
}

func newRitualEditor(nav navigator, st ritualStore, env exercises.RitualEnv, r exercises.Ritual, back func()) *ritualEditor {
	return &ritualEditor{nav: nav, store: st, env: env, r: r, back: back}
}

func (e *ritualEditor) view() fyne.CanvasObject {
	e.name = newEntry()
	e.name.SetText(e.r.Name)
	e.name.SetPlaceHolder(tr("ritual.edit.name.hint"))
	e.steps = container.NewVBox()
	e.problem = newProblemLabel()

	e.choices = ritualStepChoices(e.env)
	var labels []string
	for _, c := range e.choices {
		labels = append(labels, c.label)
	}
	var mins []string
	for _, m := range exercises.SessionMinutes {
		mins = append(mins, trn("breath.minutes", m))
	}
	e.minutes = newSelect(mins, nil)
	e.minutes.SetSelected(trn("breath.minutes", 5))
	e.own = newEntry()
	e.own.SetPlaceHolder(tr("ritual.edit.own.hint"))
	e.own.OnSubmitted = func(string) { e.add() }
	e.choice = newSelect(labels, func(label string) {
		for _, c := range e.choices {
			if c.label == label {
				e.chosen = c
			}
		}
		e.showChoice()
	})
	e.choice.SetSelected(labels[0])
	add := newButton(tr("ritual.edit.add"), theme.ContentAddIcon(), e.add)
	e.fillSteps()

	body := container.NewVBox(
		boldLabel(tr("ritual.edit.name")),
		e.name,
		boldLabel(tr("ritual.edit.steps")),
		e.steps,
		boldLabel(tr("ritual.edit.addstep")),
		e.choice, e.minutes, e.own,
		container.NewHBox(add, layout.NewSpacer()),
		e.problem,
	)
	title := tr("ritual.edit.title")
	if e.r.ID == 0 {
		title = tr("ritual.new")
	}
	cancel := newButton(tr("common.cancel"), theme.CancelIcon(), e.back)
	save := newPrimaryButton(tr("common.save"), theme.ConfirmIcon(), e.save)
	return page(e.back, title, body, cancel, save)
}

// showChoice shows the minutes for a rhythm and the text field for one's
// own words.
func (e *ritualEditor) showChoice() {
	if e.minutes == nil || e.own == nil {
		return
	}
	if e.chosen.step.Technique == exercises.Breathing {
		e.minutes.Show()
	} else {
		e.minutes.Hide()
	}
	if e.chosen.own {
		e.own.Show()
	} else {
		e.own.Hide()
	}
}

func (e *ritualEditor) fillSteps() {
	e.steps.RemoveAll()
	e.rows = nil
	if len(e.r.Steps) == 0 {
		e.steps.Add(para(tr("ritual.edit.nosteps")))
	}
	for i, st := range e.r.Steps {
		row := ritualStepRow{
			label:  widget.NewLabel(tr("ritual.step.line", map[string]any{"N": i + 1, "Step": ritualStepName(st, e.env)})),
			up:     newButton("", theme.MoveUpIcon(), func() { e.move(i, -1) }),
			down:   newButton("", theme.MoveDownIcon(), func() { e.move(i, +1) }),
			remove: newButton("", theme.DeleteIcon(), func() { e.removeStep(i) }),
		}
		row.label.Wrapping = fyne.TextWrapWord
		if i == 0 {
			row.up.Disable()
		}
		if i == len(e.r.Steps)-1 {
			row.down.Disable()
		}
		e.rows = append(e.rows, row)
		e.steps.Add(container.NewBorder(nil, nil, nil, container.NewHBox(row.up, row.down, row.remove), row.label))
	}
}

// add puts the chosen step at the end.
func (e *ritualEditor) add() {
	st := e.chosen.step
	if e.chosen.own {
		st = exercises.TaskStep(e.own.Text)
	}
	if st.Technique == exercises.Breathing {
		st.Minutes = 5
		for _, m := range exercises.SessionMinutes {
			if trn("breath.minutes", m) == e.minutes.Selected {
				st.Minutes = m
			}
		}
	}
	if e.apply(exercises.AddStep(e.r, st, len(e.r.Steps))) {
		e.own.SetText("")
		e.problem.Hide()
	}
}

func (e *ritualEditor) move(i, delta int) {
	r, _, err := exercises.MoveStep(e.r, i, delta)
	e.apply(r, err)
}

func (e *ritualEditor) removeStep(i int) {
	e.apply(exercises.RemoveStep(e.r, i))
}

// apply shows r, the ritual after a change to its steps, or says why the
// change could not be made; it reports whether r was taken.
func (e *ritualEditor) apply(r exercises.Ritual, err error) bool {
	if err != nil {
		e.say(err)
		return false
	}
	e.r = r
	e.fillSteps()
	return true
}

// save checks the ritual and stores it (new, or in place of the old one),
// then goes back to the list.
func (e *ritualEditor) save() {
	if e.store == nil {
		return
	}
	r := e.r
	r.Name = e.name.Text
	r, err := exercises.ValidateRitual(r)
	if err != nil {
		e.say(err)
		return
	}
	if r.ID == 0 {
		err = e.store.AddRitual(&r)
	} else {
		_, err = e.store.UpdateRitual(r)
	}
	if err != nil {
		fyne.LogError("save ritual", err)
		e.problem.SetText(tr("ritual.err.save"))
		e.problem.Show()
		return
	}
	e.back()
}

// say shows what is wrong as a sentence by the fields.
func (e *ritualEditor) say(err error) {
	e.problem.SetText(ritualEditError(err))
	e.problem.Show()
}

// ritualEditError says what is wrong with a ritual, as a sentence: in the
// editor, and when a saved ritual cannot run (a rhythm it uses was deleted).
func ritualEditError(err error) string {
	var se *exercises.RitualStepError
	n := 0
	if errors.As(err, &se) {
		n = se.Index + 1
	}
	switch {
	case errors.Is(err, exercises.ErrRitualName):
		return tr("ritual.err.name")
	case errors.Is(err, exercises.ErrRitualNameTooLong):
		return tr("ritual.err.namelong", map[string]any{"N": exercises.MaxRitualNameRunes})
	case errors.Is(err, exercises.ErrRitualEmpty):
		return tr("ritual.err.empty")
	case errors.Is(err, exercises.ErrRitualTooLong):
		return tr("ritual.err.toolong", map[string]any{"N": exercises.MaxRitualSteps})
	case errors.Is(err, exercises.ErrTaskEmpty):
		return tr("ritual.err.taskempty")
	case errors.Is(err, exercises.ErrTaskTooLong):
		return tr("ritual.err.tasklong", map[string]any{"N": exercises.MaxRitualTaskRunes})
	case errors.Is(err, exercises.ErrStepRhythm):
		return tr("ritual.err.rhythm", map[string]any{"N": n})
	}
	return tr("ritual.err.step")
}

func (e *ritualEditor) key(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape {
		e.back()
	}
}
