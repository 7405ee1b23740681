package ui

import (
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"

	"github.com/ontspan/ontspan/exercises"
)

// home shows the techniques as cards, and the way to settings and about.
type home struct {
	u     *UI
	tiles []*tile
}

func newHome(u *UI) *home { return &home{u: u} }

func (h *home) view() fyne.CanvasObject {
	h.tiles = []*tile{
		newTile(tr("home.breathing"), tr("home.breathing.text"), theme.MediaPlayIcon(), func() { h.u.breatheWith(exercises.Pattern46) }),
		newTile(tr("home.belly"), tr("home.belly.text"), theme.MediaPlayIcon(), func() { h.u.breatheWith(exercises.PatternBelly) }),
	}
	if again := h.againTile(); again != nil {
		h.tiles = append(h.tiles, again)
	}
	h.tiles = append(h.tiles,
		newTile(tr("home.pmr"), tr("home.pmr.text"), theme.AccountIcon(), h.u.PMR),
		newTile(tr("home.minicheck"), tr("home.minicheck.text"), theme.ConfirmIcon(), h.u.MiniCheck),
		newTile(tr("home.senses"), tr("home.senses.text"), theme.VisibilityIcon(), h.u.Senses),
		newTile(tr("chooser.title"), tr("home.choose.text"), theme.QuestionIcon(), h.u.Chooser),
		h.diaryTile(),
	)
	ritual := h.u.ritualTile() // the evening ritual after 18:00, above the other cards
	h.tiles = append(h.tiles, ritual)
	worry := newTile(tr("home.worry"), tr("home.worry.text"), theme.DocumentCreateIcon(), h.u.ParkWorry)
	due := h.u.dueCount()
	worry.SetBadge(worryBadge(due))
	h.tiles = append(h.tiles, worry)
	grid := h.tiles
	if h.u.eveningLeads() {
		grid = slices.DeleteFunc(slices.Clone(grid), func(t *tile) bool { return t == ritual })
	}
	cards := container.New(&columns{min: 280}, tilesAsObjects(grid)...)
	settings := newLink(tr("home.settings"), h.u.Settings)
	about := newLink(tr("home.about"), h.u.About)
	greeting := newWrapText(tr("home.greeting"))
	body := container.NewVBox(greeting, h.u.worryDueLine(due))
	if due := h.reminder(); due != nil {
		body.Add(due) // only when no tray agent shows reminders
	}
	if pace := h.u.paceAgainLine(); pace != nil {
		body.Add(pace) // four weeks after the last pace test
	}
	if sg := h.u.suggestedCard(); sg != nil {
		body.Add(sg)
	}
	if len(grid) < len(h.tiles) {
		body.Add(ritual)
	}
	body.Add(cards)
	faq := newLink(tr("faq.title"), h.u.FAQ)
	help := newLink(tr("help.seekhelp"), h.u.SeekHelp)
	bottom := container.NewVBox(
		container.NewHBox(layout.NewSpacer(), settings, about, layout.NewSpacer()),
		container.NewHBox(layout.NewSpacer(), faq, help, layout.NewSpacer()))
	return page(nil, tr("app.name"), body, bottom)
}

// breatheWith opens the breathing set-up with p chosen. Only starting makes
// a rhythm the last used one: a card opened and left changes nothing.
func (u *UI) breatheWith(p exercises.Pattern) {
	s := newBreathSetup(u)
	u.show(s)
	s.choice.SetSelected(patternName(p))
}

// againTile offers the rhythm used last, when it has no card of its own
// (box breathing, 4-7-8, one's own), so the 4-6 card can always mean 4-6.
func (h *home) againTile() *tile {
	last := h.u.prefs.LastPattern()
	if last == exercises.Pattern46.ID || last == exercises.PatternBelly.ID {
		return nil
	}
	p, ok := exercises.FindPattern(last, h.u.prefs.Patterns())
	if !ok {
		return nil
	}
	return newTile(tr("home.again", map[string]any{"Name": patternName(p)}), patternRhythm(p),
		theme.MediaReplayIcon(), func() { h.u.breatheWith(p) })
}

// reminder is the due reminder's card with a quiet "Not now" under it, or
// nil when none is due or the user put this one away.
func (h *home) reminder() fyne.CanvasObject {
	r, ok := h.u.dueReminder()
	if !ok {
		return nil
	}
	due := r.At.UTC().Format(time.RFC3339)
	if h.u.prefs.ReminderSeen() == due {
		return nil
	}
	card := h.u.reminderCard()
	if card == nil {
		return nil
	}
	var box *fyne.Container
	notNow := newLink(tr("remind.card.notnow"), func() {
		h.u.prefs.SetReminderSeen(due)
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
