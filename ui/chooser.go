package ui

import (
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ontspan/ontspan/exercises"
	"github.com/ontspan/ontspan/exercises/diary"
)

// myPaceName is the shown name of the pace found by the pace test, or ""
// when there is none.
func (d *appData) myPaceName() string {
	if p, ok := exercises.FindPattern(exercises.MyPaceID, d.prefs.Patterns()); ok {
		return patternName(p)
	}
	return ""
}

// verdicts is the part of the diary the chooser reads.
type verdicts interface {
	Evaluate(t exercises.Technique, now time.Time, loc *time.Location) (diary.Evaluation, error)
}

// chooserTechniques are the techniques the chooser can suggest.
var chooserTechniques = []exercises.Technique{exercises.Breathing, exercises.PMR, exercises.MiniCheck, exercises.Senses}

// outcomes is what the diary's two-week verdicts say, for the chooser's
// ranking and the help notes; none without a diary.
func (d *appData) outcomes() exercises.Outcomes {
	if d.store == nil {
		return nil
	}
	return outcomesOf(d.store, d.clock.Now())
}

func outcomesOf(st verdicts, now time.Time) exercises.Outcomes {
	var evs []diary.Evaluation
	for _, t := range chooserTechniques {
		if ev, err := st.Evaluate(t, now, time.Local); err == nil {
			evs = append(evs, ev)
		}
	}
	return outcomesFrom(evs)
}

// outcomesFrom reduces verdicts to what the chooser and the notes need.
func outcomesFrom(evs []diary.Evaluation) exercises.Outcomes {
	out := exercises.Outcomes{}
	for _, ev := range evs {
		if !ev.Offered() {
			continue
		}
		switch ev.Kind {
		case diary.Helps:
			out[ev.Technique] = exercises.Helped
		case diary.NoChange:
			out[ev.Technique] = exercises.NotHelped
		}
	}
	return out
}

// chooser shows one question per screen, answered with one click or its
// number key, then two or three suggestions, each with a Start button.
type chooser struct {
	nav      navigator
	run      *exercises.ChooserRun
	history  exercises.Outcomes
	remember func(exercises.Suggestion) // keeps the first pick for home
	myPace   string                     // the pace test's rhythm by name, "" when none

	answers []*answerButton // the current question's, in number order
	result  []exercises.Suggestion
	starts  []*button
}

func newChooser(nav navigator, history exercises.Outcomes, remember func(exercises.Suggestion), myPace string) *chooser {
	return &chooser{nav: nav, run: exercises.NewChooserRun(history), history: history, remember: remember, myPace: myPace}
}

func (c *chooser) view() fyne.CanvasObject {
	if c.run.Done() {
		return c.resultView()
	}
	q, n, of, _ := c.run.Question()
	c.answers, c.result, c.starts = nil, nil, nil
	list := container.NewVBox()
	for i, a := range q.Answers {
		k := i + 1
		b, row := answerRow(strconv.Itoa(k)+"   "+tr(a.Text), c.run.Chosen(q.ID) == a.Value, func() { c.answer(k) })
		c.answers = append(c.answers, b)
		list.Add(row)
	}
	step := widget.NewLabel(tr("chooser.step", map[string]any{"N": n, "Of": of}))
	question := heading(tr(q.Text))
	question.SizeName = theme.SizeNameSubHeadingText
	hint := para(tr("chooser.keys"))
	hint.TextStyle.Italic = true
	return page(c.back, tr("chooser.title"), container.NewVBox(step, question, list, hint))
}

func (c *chooser) resultView() fyne.CanvasObject {
	c.answers = nil
	c.result = c.run.Result()
	if len(c.result) > 0 && c.remember != nil {
		c.remember(c.result[0])
	}
	c.starts = nil
	body := container.NewVBox(boldLabel(tr("chooser.result")))
	for i, s := range c.result {
		start := newButton(strconv.Itoa(i+1)+"   "+tr("chooser.start"), theme.MediaPlayIcon(), func() { c.nav.StartSuggestion(s) })
		if i == 0 {
			start.Importance = widget.HighImportance
		}
		c.starts = append(c.starts, start)
		pace := "" // the pace found is said by 4-6 breathing, whose pace it sets
		if s.Technique == exercises.Breathing && s.Variant == exercises.Pattern46.ID {
			pace = c.myPace
		}
		body.Add(card(suggestionBox(s, pace, start)))
	}
	hint := para(tr("chooser.result.keys"))
	hint.TextStyle.Italic = true
	body.Add(hint)
	again := newLink(tr("chooser.again"), c.again)
	home := newLink(tr("chooser.home"), c.nav.Home)
	return page(c.back, tr("chooser.title"), body, again, home)
}

// answerRow is a button whose text wraps (a Fyne button's does not, and
// the longer Dutch answers at larger text would widen the window): the
// button lies under a wrapping label, which lets taps through to it. The
// answer given before going back is bold, in the primary colour.
func answerRow(text string, chosen bool, tapped func()) (*answerButton, fyne.CanvasObject) {
	b := &answerButton{}
	b.OnTapped = tapped
	b.ExtendBaseWidget(b)
	l := para(text)
	if chosen {
		l.TextStyle.Bold = true
		l.Importance = widget.HighImportance
	}
	return b, container.NewStack(b, l)
}

// answerButton is a button that hands number keys to the window as well as
// Esc, so a number answers also when Tab has put the focus on an answer.
type answerButton struct{ button }

func (b *answerButton) TypedKey(e *fyne.KeyEvent) {
	if _, err := strconv.Atoi(string(e.Name)); err == nil || e.Name == fyne.KeyEscape {
		passToWindow(b, e)
		return
	}
	b.button.TypedKey(e)
}

func (b *answerButton) FocusGained() { b.button.FocusGained(); showFocused(b) }

// suggestionBox shows a suggestion: what it is, why, how to do it here,
// what the diary says, the user's own pace when myPace is not "", and its
// Start button.
func suggestionBox(s exercises.Suggestion, myPace string, start fyne.CanvasObject) fyne.CanvasObject {
	name := para(tr(s.Name, s.Data()))
	name.TextStyle.Bold = true
	why := tr(s.Reason, s.Data())
	if s.Hint != "" {
		why += "\n" + tr(s.Hint, s.Data()) // one label: less room between the lines than two
	}
	box := container.NewVBox(name, para(why))
	if s.Diary != "" {
		d := para(tr(s.Diary, s.Data()))
		d.TextStyle.Italic = true
		box.Add(d)
	}
	if myPace != "" {
		box.Add(para(tr("chooser.mypace", map[string]any{"Pace": myPace})))
	}
	box.Add(container.NewHBox(start))
	return box
}

func (c *chooser) answer(n int) {
	if c.run.Answer(n) {
		c.nav.show(c)
	}
}

// back goes to the previous question (from the result, the last one), or
// home from the first.
func (c *chooser) back() {
	if !c.run.Back() {
		c.nav.Home()
		return
	}
	c.nav.show(c)
}

// again starts the questions afresh.
func (c *chooser) again() {
	c.run = exercises.NewChooserRun(c.history)
	c.nav.show(c)
}

func (c *chooser) key(e *fyne.KeyEvent) {
	if e.Name == fyne.KeyEscape {
		c.back()
		return
	}
	if c.run.Done() && (e.Name == fyne.KeyReturn || e.Name == fyne.KeyEnter) && len(c.starts) > 0 {
		c.starts[0].Tapped(nil)
		return
	}
	n, err := strconv.Atoi(string(e.Name))
	if err != nil {
		return
	}
	if c.run.Done() {
		if n >= 1 && n <= len(c.starts) {
			c.starts[n-1].Tapped(nil)
		}
		return
	}
	c.answer(n)
}

// suggestedCard is home's "Suggested for you": the chooser's last first
// pick with its reason and a Start button, until the user asks again; nil
// before the chooser was ever used.
func (h *home) suggestedCard() fyne.CanvasObject {
	s, ok := h.prefs.Suggestion()
	if !ok {
		return nil
	}
	start := newButton(tr("chooser.start"), theme.MediaPlayIcon(), func() { h.nav.StartSuggestion(s) })
	again := newLink(tr("chooser.again"), h.nav.Chooser)
	name := para(tr("chooser.suggested") + ": " + tr(s.Name, s.Data()))
	name.TextStyle.Bold = true
	box := container.NewVBox(name, para(tr(s.Reason, s.Data())), container.NewHBox(start, again))
	return card(box)
}
