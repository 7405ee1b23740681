package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/ontspan/ontspan/exercises"
	"github.com/ontspan/ontspan/exercises/remind"
)

// revisitPicker asks when to look at a worry again: the quick choices as
// radio buttons, and "another date and time" with Fyne's date entry and an
// HH:MM field.
type revisitPicker struct {
	loc     *time.Location
	choices []exercises.RevisitChoice
	labels  []string
	pick    string    // the label of "another date and time"
	def     time.Time // the default revisit time, to start the date and time fields from
	radio   *radioGroup
	date    *widget.DateEntry
	clock   *worryText
	custom  *fyne.Container
	box     *fyne.Container
}

// newRevisitPicker offers the quick choices for now, with the default
// revisit time selected; onEnter is what Enter in the time field does.
func newRevisitPicker(now time.Time, s exercises.WorrySettings, onEnter func()) *revisitPicker {
	p := &revisitPicker{loc: now.Location(), pick: tr("worry.when.pick")}
	p.choices = exercises.QuickChoices(now, s)
	def := exercises.DefaultRevisit(now, s)
	p.def = def
	if !worryHasChoice(p.choices, def) { // tomorrow's worry time, when today's has gone
		p.choices = append([]exercises.RevisitChoice{{Key: "worry.when.worrytime.tomorrow", At: def}}, p.choices...)
	}
	for _, c := range p.choices {
		p.labels = append(p.labels, worryChoiceLabel(c))
	}
	p.radio = newRadioGroup(append(append([]string(nil), p.labels...), p.pick), p.changed)
	p.date = widget.NewDateEntry()
	p.clock = newWorryText(false, "10:00", onEnter)
	dateLabel := widget.NewLabel(tr("worry.when.date"))
	clockLabel := widget.NewLabel(tr("worry.when.clock"))
	p.custom = container.New(layout.NewFormLayout(), dateLabel, p.date, clockLabel, p.clock)
	p.custom.Hide()
	p.box = container.NewVBox(p.radio, p.custom)
	p.choose(def)
	return p
}

func worryHasChoice(cs []exercises.RevisitChoice, t time.Time) bool {
	for _, c := range cs {
		if c.At.Equal(t) {
			return true
		}
	}
	return false
}

func (p *revisitPicker) changed(label string) {
	if label == p.pick {
		if p.date.Date == nil && p.clock.Text == "" {
			p.fill(p.def)
		}
		p.custom.Show()
	} else {
		p.custom.Hide()
	}
}

// choose selects the quick choice at t, or fills in the date and time.
func (p *revisitPicker) choose(t time.Time) {
	for i, c := range p.choices {
		if c.At.Equal(t) {
			p.radio.SetSelected(p.labels[i])
			return
		}
	}
	p.fill(t)
	p.radio.SetSelected(p.pick)
}

// fill puts t in the date and time fields.
func (p *revisitPicker) fill(t time.Time) {
	t = t.In(p.loc)
	d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC) // the date entry's own form
	p.date.SetDate(&d)
	p.clock.SetText(exercises.FormatClock(t.Hour(), t.Minute()))
}

// at is the chosen moment, or errWorryPickDate, or a *remind.TimeError.
func (p *revisitPicker) at() (time.Time, error) {
	for i, l := range p.labels {
		if l == p.radio.Selected {
			return p.choices[i].At, nil
		}
	}
	if p.date.Date == nil {
		return time.Time{}, errWorryPickDate
	}
	h, m, ok := exercises.ParseClock(p.clock.Text, exercises.ClockTyped)
	if !ok {
		return time.Time{}, &remind.TimeError{Field: "revisit", Value: p.clock.Text}
	}
	y, mo, d := p.date.Date.Date()
	return time.Date(y, mo, d, h, m, 0, 0, p.loc), nil
}
