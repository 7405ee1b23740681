package ui

import (
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"

	"github.com/ontspan/ontspan/exercises"
	"github.com/ontspan/ontspan/exercises/remind"
)

// home shows the techniques as cards, and the way to settings and about.
type home struct {
	nav   navigator
	facts homeFacts
	prefs homePrefs
	tiles []*tile
}

// homeFacts is what home reads to show what is due now: worries, a
// reminder, the ritual for this hour, the diary's days, the pace test.
// *appData is the app's.
type homeFacts interface {
	dueCount() int
	dueReminder() (remind.Reminder, bool)
	eveningLeads() bool
	ritualNow() exercises.Ritual
	ritualEnv() exercises.RitualEnv
	practisedDays() int
	paceTestDue() bool
}

// homePrefs are the preferences home reads: the last rhythm, the chooser's
// suggestion, the reminder put away with "Not now".
type homePrefs interface {
	LastPattern() string
	Patterns() []exercises.Pattern
	Suggestion() (exercises.Suggestion, bool)
	ReminderSeen() string
	SetReminderSeen(due string)
}

func newHome(nav navigator, facts homeFacts, prefs homePrefs) *home {
	return &home{nav: nav, facts: facts, prefs: prefs}
}

func (h *home) view() fyne.CanvasObject {
	h.tiles = []*tile{
		newTile(tr("home.breathing"), tr("home.breathing.text"), theme.MediaPlayIcon(), func() { h.nav.breatheWith(exercises.Pattern46) }),
		newTile(tr("home.belly"), tr("home.belly.text"), theme.MediaPlayIcon(), func() { h.nav.breatheWith(exercises.PatternBelly) }),
	}
	if again := h.againTile(); again != nil {
		h.tiles = append(h.tiles, again)
	}
	h.tiles = append(h.tiles,
		newTile(tr("home.pmr"), tr("home.pmr.text"), theme.AccountIcon(), h.nav.PMR),
		newTile(tr("home.minicheck"), tr("home.minicheck.text"), theme.ConfirmIcon(), h.nav.MiniCheck),
		newTile(tr("home.senses"), tr("home.senses.text"), theme.VisibilityIcon(), h.nav.Senses),
		newTile(tr("chooser.title"), tr("home.choose.text"), theme.QuestionIcon(), h.nav.Chooser),
		h.diaryTile(),
	)
	ritual := h.ritualTile() // the evening ritual after 18:00, above the other cards
	h.tiles = append(h.tiles, ritual)
	worry := newTile(tr("home.worry"), tr("home.worry.text"), theme.DocumentCreateIcon(), h.nav.ParkWorry)
	due := h.facts.dueCount()
	worry.SetBadge(worryBadge(due))
	h.tiles = append(h.tiles, worry)
	grid := h.tiles
	if h.facts.eveningLeads() {
		grid = slices.DeleteFunc(slices.Clone(grid), func(t *tile) bool { return t == ritual })
	}
	cards := container.New(&columns{min: 280}, tilesAsObjects(grid)...)
	settings := newLink(tr("home.settings"), h.nav.Settings)
	about := newLink(tr("home.about"), h.nav.About)
	greeting := newWrapText(tr("home.greeting"))
	body := container.NewVBox(greeting, h.worryDueLine(due))
	if due := h.reminder(); due != nil {
		body.Add(due) // only when no tray agent shows reminders
	}
	if pace := h.paceAgainLine(); pace != nil {
		body.Add(pace) // four weeks after the last pace test
	}
	if sg := h.suggestedCard(); sg != nil {
		body.Add(sg)
	}
	if len(grid) < len(h.tiles) {
		body.Add(ritual)
	}
	body.Add(cards)
	faq := newLink(tr("faq.title"), h.nav.FAQ)
	help := newLink(tr("help.seekhelp"), h.nav.SeekHelp)
	bottom := container.NewVBox(
		container.NewHBox(layout.NewSpacer(), settings, about, layout.NewSpacer()),
		container.NewHBox(layout.NewSpacer(), faq, help, layout.NewSpacer()))
	return page(nil, tr("app.name"), body, bottom)
}

// againTile offers the rhythm used last, when it has no card of its own
// (box breathing, 4-7-8, one's own), so the 4-6 card can always mean 4-6.
func (h *home) againTile() *tile {
	last := h.prefs.LastPattern()
	if last == exercises.Pattern46.ID || last == exercises.PatternBelly.ID {
		return nil
	}
	p, ok := exercises.FindPattern(last, h.prefs.Patterns())
	if !ok {
		return nil
	}
	return newTile(tr("home.again", map[string]any{"Name": patternName(p)}), patternRhythm(p),
		theme.MediaReplayIcon(), func() { h.nav.breatheWith(p) })
}

// reminder is the due reminder's card with a quiet "Not now" under it, or
// nil when none is due or the user put this one away.
func (h *home) reminder() fyne.CanvasObject {
	r, ok := h.facts.dueReminder()
	if !ok {
		return nil
	}
	due := r.At.UTC().Format(time.RFC3339)
	if h.prefs.ReminderSeen() == due {
		return nil
	}
	card := h.reminderCard(r)
	if card == nil {
		return nil
	}
	var box *fyne.Container
	notNow := newLink(tr("remind.card.notnow"), func() {
		h.prefs.SetReminderSeen(due)
		box.Hide()
	})
	box = container.NewVBox(card, container.NewHBox(layout.NewSpacer(), notNow))
	return box
}

func tilesAsObjects(ts []*tile) []fyne.CanvasObject {
	out := make([]fyne.CanvasObject, len(ts))
	for i, t := range ts {
		out[i] = t
	}
	return out
}

func (h *home) key(e *fyne.KeyEvent) {
	if e.Name == fyne.KeySpace && len(h.tiles) > 0 {
		h.tiles[0].Tapped(nil) // the first card is the one most people want
	}
}
