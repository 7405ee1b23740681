package ui

import (
	"math"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ontspan/ontspan/exercises"
	"github.com/ontspan/ontspan/exercises/remind"
)

// minLogged is the shortest session worth a diary line: shorter is a start
// tapped by accident, and would only clutter the days.
const minLogged = 5 * time.Second

// record logs a finished or stopped session at once, so nothing is lost if
// the app is closed on the done screen. It returns nil when not logged.
func (d *appData) record(s *exercises.Session, planned time.Duration, before int) *exercises.Entry {
	p := s.Now()
	d.sessionRunning(false)
	if d.store == nil || p.Elapsed < minLogged {
		return nil
	}
	ex := s.Exercise()
	e := &exercises.Entry{
		Technique: ex.Technique,
		Variant:   ex.Variant,
		Started:   s.Started(),
		Planned:   planned,
		Actual:    p.Elapsed,
		Completed: p.State == exercises.Finished,
		Before:    before,
		After:     exercises.NoRating,
	}
	if err := d.store.Add(e); err != nil {
		d.diaryError(err)
		return nil
	}
	if d.onLogged != nil {
		d.onLogged(*e)
	}
	return e
}

// diaryError tells the user plainly that saving failed; the practice itself
// still happened.
func (d *appData) diaryError(err error) {
	fyne.LogError("diary", err)
	inform(tr("diary.error.title"), tr("diary.error.save"), d.win)
}

// updateEntry saves what changed in a logged entry (the notes added after
// the session was recorded), leaving the other fields as they are now.
func (d *appData) updateEntry(was, now exercises.Entry) error {
	if d.store == nil {
		return nil
	}
	return d.store.UpdateChanged(was, now)
}

// doneScreen closes any session kindly: what was practised, an optional
// tension rating and note, then again or home.
type doneScreen struct {
	nav     navigator
	run     runDeps
	sess    *exercises.Session
	entry   *exercises.Entry
	saved   exercises.Entry // the entry as last written: only what differs is saved
	before  int
	again   func()
	note    *entry
	noteMsg *widget.Label
	after   *ratingRow
	help    *fyne.Container // the help notes (helpnote.go)
}

func newDoneScreen(nav navigator, run runDeps, s *exercises.Session, e *exercises.Entry, before int, again func()) *doneScreen {
	d := &doneScreen{nav: nav, run: run, sess: s, entry: e, before: before, again: again}
	if e != nil {
		d.saved = *e
	}
	return d
}

// save writes what changed in the entry since it was last saved, and only
// that: a note saved meanwhile in the diary or another window survives a
// rating given here.
func (d *doneScreen) save() {
	if err := d.run.log.updateEntry(d.saved, *d.entry); err != nil {
		d.run.log.diaryError(err)
		return
	}
	d.saved = *d.entry
}

func (d *doneScreen) view() fyne.CanvasObject {
	p := d.sess.Now()
	mins := int(math.Round(p.Elapsed.Minutes()))
	practised := trn("done.minutes", mins)
	if p.Elapsed < time.Minute { // "1 minute" for 30 s would be untrue; "60 seconds" after choosing "1 minute" reads oddly
		practised = tr("done.seconds", map[string]any{"N": int(p.Elapsed.Seconds())})
	}
	title := tr("done.title")
	if p.State == exercises.Stopped {
		title = tr("done.title.stopped")
	}
	body := container.NewVBox(para(practised))
	if d.entry != nil {
		d.after = newRatingRow(tr("rating.after"), d.entry.After, d.rate)
		d.note, d.noteMsg = newNoteField(d.entry.Note, 2) // e.g. the words typed in the five-senses exercise
		if d.before != exercises.NoRating {
			body.Add(para(tr("rating.before.was", map[string]any{"N": d.before})))
		}
		body.Add(d.after.box)
		body.Add(d.note)
		body.Add(d.noteMsg)
	}
	d.help = container.NewVBox(d.notes()...)
	body.Add(d.help)
	if offer := d.run.offer(d.entry); offer != nil {
		body.Add(offer)
	}
	body.Add(para(tr("done.note")))
	again := newPrimaryButton(tr("done.again"), theme.MediaReplayIcon(), d.goAgain)
	home := newButton(tr("done.home"), theme.HomeIcon(), d.goHome)
	return page(nil, title, body, again, home)
}

func (d *doneScreen) rate(n int) {
	if d.entry == nil {
		return
	}
	d.entry.After = n
	d.save()
	d.showNotes()
}

// saveNote keeps the note; a note that is too long stays on screen so
// nothing typed is lost, and the user is told.
func (d *doneScreen) saveNote() bool {
	if d.entry == nil || d.note == nil {
		return true
	}
	text, ok := noteText(d.note, d.noteMsg)
	if text == d.entry.Note {
		return true
	}
	if !ok {
		return false
	}
	d.entry.Note = text
	d.save()
	return true // the session itself is saved; a failed note was reported
}

func (d *doneScreen) goAgain() {
	if d.saveNote() {
		d.again()
	}
}

func (d *doneScreen) goHome() {
	if d.saveNote() {
		d.nav.Home()
	}
}

// leave keeps the note when the window closes on this screen.
func (d *doneScreen) leave() { d.saveNote() }

func (d *doneScreen) key(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyEscape:
		d.goHome()
	case fyne.KeySpace, fyne.KeyReturn:
		d.goAgain()
	}
}

// practiceOffer asks once, after the very first session, whether a daily
// reminder would help: off until the user says yes, and never asked again.
func (d *appData) practiceOffer(e *exercises.Entry) fyne.CanvasObject {
	st := d.store
	if e == nil || st == nil || d.prefs.PracticeOffered() {
		return nil
	}
	if n, err := st.Count(); err != nil || n != 1 {
		return nil
	}
	s, _ := remind.Load(st)
	if s.Practice.Enabled {
		return nil
	}
	d.prefs.SetPracticeOffered()
	at := timeEntry(s.Practice.At, func() {})
	msg := newProblemLabel()
	var box *fyne.Container
	yes := newButton(tr("offer.yes"), theme.ConfirmIcon(), func() {
		if problem := d.remindPractice(at.Text); problem != "" {
			msg.SetText(problem)
			msg.Show()
			return
		}
		on, when := d.practiceAt()
		if !on {
			return // not saved: diaryError has told why, and the offer stays
		}
		box.Objects = []fyne.CanvasObject{para(tr("offer.done", map[string]any{"At": when}))}
		box.Refresh()
	})
	no := newButton(tr("offer.no"), nil, func() {
		box.Objects = nil
		box.Refresh()
	})
	box = container.NewVBox(para(tr("offer.ask")), container.NewBorder(nil, nil, widget.NewLabel(tr("remind.at")), nil, at), msg, container.NewHBox(yes, no))
	return box
}
