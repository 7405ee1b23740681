package ui

import (
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"

	"github.com/ontspan/ontspan/exercises"
	"github.com/ontspan/ontspan/exercises/diary"
)

// helpNotes shows the short, kind notes of help in context (a session
// rated more tense after, two early stops, tension that stays high): never
// blocking, each put away with "Not now" or "Don't show this again".
type helpNotes struct {
	nav      navigator
	now      func() time.Time
	get      func() exercises.Dismissals
	set      func(exercises.Dismissals)
	outcomes func() exercises.Outcomes
	// recent are the latest sessions, this one e included (also when it was
	// too short for the diary), for the early-stop note.
	recent func(e exercises.Entry) []exercises.Entry
}

// recentSessions are the diary's latest sessions with e, and the sessions
// of this run too short to be written down (a start and a stop).
func (d *appData) recentSessions(e exercises.Entry) []exercises.Entry {
	var es []exercises.Entry
	if d.store != nil {
		es, _ = d.store.Page(time.Time{}, 0, 5)
	}
	if e.ID == 0 && !slices.ContainsFunc(d.unlogged, func(x exercises.Entry) bool { return x.Started.Equal(e.Started) }) {
		d.unlogged = append(d.unlogged, e)
		if len(d.unlogged) > 5 {
			d.unlogged = d.unlogged[1:]
		}
	}
	for _, x := range append(d.unlogged, e) {
		if !slices.ContainsFunc(es, func(y exercises.Entry) bool { return y.Started.Equal(x.Started) }) {
			es = append(es, x)
		}
	}
	return es
}

// card is note n as a card, or nil when the user put it away.
func (h helpNotes) card(n exercises.Note) fyne.CanvasObject {
	if h.get == nil || !h.get().Shows(n, h.now()) {
		return nil
	}
	box := container.NewVBox()
	text := tr(n.Text, map[string]any{"Technique": techniqueName(n.Technique)})
	box.Add(para(text))
	if s := n.Suggest; s != nil {
		start := newButton(tr("chooser.start"), theme.MediaPlayIcon(), func() { h.nav.StartSuggestion(*s) })
		// The note's own text says why; the suggestion's reason would repeat it.
		name := para(tr(s.Name, s.Data()))
		name.TextStyle.Bold = true
		box.Add(container.NewBorder(nil, nil, nil, container.NewCenter(start), name))
	}
	var links []fyne.CanvasObject
	if n.Chooser {
		links = append(links, newLink(tr("help.choose"), h.nav.Chooser))
	}
	if n.SeekHelp {
		links = append(links, newLink(tr("help.seekhelp"), h.nav.SeekHelp))
	}
	if len(links) > 0 {
		box.Add(container.NewHBox(links...))
	}
	var shown fyne.CanvasObject
	notNow := newLink(tr("help.dismiss"), func() {
		d := h.get()
		d.Dismiss(n, h.now())
		h.set(d)
		shown.Hide()
	})
	never := newLink(tr("help.never"), func() {
		d := h.get()
		d.NeverAgain(n.ID)
		h.set(d)
		shown.Hide()
	})
	box.Add(container.NewHBox(layout.NewSpacer(), notNow, never))
	shown = card(box)
	return shown
}

// notes are the done screen's notes: more tense after than before, and a
// second stop in the first half minute.
func (d *doneScreen) notes() []fyne.CanvasObject {
	h := d.run.notes
	if h.get == nil {
		return nil
	}
	var out []fyne.CanvasObject
	var history exercises.Outcomes
	if d.entry != nil && d.entry.Before != exercises.NoRating && d.entry.After > d.entry.Before {
		history = h.outcomes()
		if n, ok := exercises.TenserNote(*d.entry, history); ok {
			if c := h.card(n); c != nil {
				out = append(out, c)
			}
		}
	}
	if p := d.sess.Now(); p.State == exercises.Stopped && p.Elapsed < exercises.EarlyStop {
		if history == nil {
			history = h.outcomes()
		}
		if n, ok := exercises.EarlyNote(h.recent(d.thisEntry()), history); ok {
			if c := h.card(n); c != nil {
				out = append(out, c)
			}
		}
	}
	return out
}

// thisEntry is the session as the diary holds it, or as it would have,
// when it was too short to write down.
func (d *doneScreen) thisEntry() exercises.Entry {
	if d.entry != nil {
		return *d.entry
	}
	p, ex := d.sess.Now(), d.sess.Exercise()
	return exercises.Entry{Technique: ex.Technique, Variant: ex.Variant, Started: d.sess.Started(),
		Actual: p.Elapsed, Completed: p.State == exercises.Finished, Before: d.before, After: exercises.NoRating}
}

// showNotes puts the notes that apply now into the done screen.
func (d *doneScreen) showNotes() {
	if d.help == nil {
		return
	}
	d.help.Objects = d.notes()
	d.help.Refresh()
}

// highNote is the diary's note when tension stays high, or a technique has
// not helped after two weeks; nil when neither, or put away.
func highNote(notes helpNotes, st *diary.Store, now time.Time, history exercises.Outcomes) fyne.CanvasObject {
	if st == nil {
		return nil
	}
	es, err := st.Page(time.Time{}, 0, 500)
	if err != nil {
		return nil
	}
	n, ok := exercises.HighNote(es, history, now, time.Local)
	if !ok {
		return nil
	}
	return notes.card(n)
}
