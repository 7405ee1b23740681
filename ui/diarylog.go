package ui

import (
	"errors"
	"math"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ontspan/ontspan/exercises"
	"github.com/ontspan/ontspan/exercises/diary"
	"github.com/ontspan/ontspan/exercises/remind"
)

// minLogged is the shortest session worth a diary line: shorter is a start
// tapped by accident, and would only clutter the days.
const minLogged = 5 * time.Second

// record logs a finished or stopped session at once, so nothing is lost if
// the app is closed on the done screen. It returns nil when not logged.
func (u *UI) record(s *exercises.Session, planned time.Duration, before int) *exercises.Entry {
	p := s.Now()
	u.sessionRunning(false)
	if u.deps.Store == nil || p.Elapsed < minLogged {
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
	if err := u.deps.Store.Add(e); err != nil {
		u.diaryError(err)
		return nil
	}
	if u.OnSessionLogged != nil {
		u.OnSessionLogged(*e)
	}
	return e
}

// diaryError tells the user plainly that saving failed; the practice itself
// still happened.
func (u *UI) diaryError(err error) {
	fyne.LogError("diary", err)
	inform(tr("diary.error.title"), tr("diary.error.save"), u.win)
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

// CheckDiary tells the user, once, when their diary file was damaged and
// moved aside, and finishes the slower check of the whole file in the
// background (it would cost start-up time otherwise). When main could not
// open the diary, it tries again in the background and says why in words
// the user can act on.
func (u *UI) CheckDiary() {
	st := u.deps.Store
	if st == nil {
		u.reopenDiary()
		return
	}
	u.verifyDiary(st)
}

func (u *UI) verifyDiary(st *diary.Store) {
	if moved := st.Recovered(); moved != "" {
		u.diaryMoved(moved)
	}
	go func() {
		if err := st.Verify(); !errors.Is(err, diary.ErrDamaged) {
			return
		}
		moved, err := st.Recover()
		fyne.Do(func() {
			switch {
			case err != nil:
				inform(tr("diary.error.title"), diaryOpenMessage(err), u.win)
			case moved != "":
				u.diaryMoved(moved)
			}
		})
	}()
}

// diaryRetry is how often a window without its diary tries to open it
// again while the cause may pass (another Ontspan process busy with it).
const diaryRetry = 3 * time.Second

// diaryOpener is a window's second chance at its diary.
type diaryOpener struct {
	open func(dir string) (*diary.Store, error) // diary.Open; tests replace it
	err  error                                  // why the diary is not open, on the main goroutine
	told dialog.Dialog                          // the message saying why, once shown
}

// reopenDiary tries to open the diary again off the main goroutine, every
// diaryRetry while the failure is one that passes, instead of giving up
// for the whole run: a window started during a long import or a check of
// a damaged file gets its diary a moment later.
func (u *UI) reopenDiary() {
	if u.deps.DataDir == "" {
		inform(tr("diary.error.title"), tr("diary.error.open"), u.win)
		return
	}
	go func() {
		for u.tryOpenDiary() {
			time.Sleep(diaryRetry)
		}
	}()
}

// tryOpenDiary makes one attempt; it reports whether trying again may help.
func (u *UI) tryOpenDiary() (again bool) {
	open := u.opener.open
	if open == nil {
		open = diary.Open
	}
	st, err := open(u.deps.DataDir)
	fyne.Do(func() {
		if err == nil {
			u.deps.Store, u.opener.err = st, nil
			u.lateStore = st // opened here, so closed here (main closes the one it opened)
			if u.opener.told != nil {
				u.opener.told.Hide() // "busy" is no longer true
			}
			switch u.current.(type) { // show what the diary adds to the screen
			case *home:
				u.Home()
			case *diaryScreen:
				u.Diary()
			}
			u.verifyDiary(st)
			return
		}
		fyne.LogError("diary", err)
		u.opener.err = err
		if u.opener.told == nil {
			u.opener.told = newInformation(tr("diary.error.title"), diaryOpenMessage(err), u.win)
			u.opener.told.Show()
		}
	})
	return err != nil && diaryRetryable(err)
}

// diaryRetryable: errors that pass by themselves.
func diaryRetryable(err error) bool {
	return errors.Is(err, diary.ErrBusy) || errors.Is(err, diary.ErrInUse) || errors.Is(err, diary.ErrUnreadable)
}

// diaryOpenMessage says what is wrong with the diary and what to do, with
// the path where it helps.
func diaryOpenMessage(err error) string {
	var oe *diary.OpenError
	switch {
	case errors.Is(err, diary.ErrNewerDatabase):
		return tr("diary.error.newer")
	case errors.As(err, &oe) && errors.Is(oe.Kind, diary.ErrNotFolder):
		return tr("diary.error.notfolder", map[string]any{"Path": oe.Path})
	case errors.As(err, &oe) && errors.Is(oe.Kind, diary.ErrReadOnly):
		return tr("diary.error.readonly", map[string]any{"Path": oe.Path})
	case errors.Is(err, diary.ErrInUse):
		return tr("diary.error.inuse")
	case diaryRetryable(err):
		return tr("diary.error.busy")
	}
	return tr("diary.error.open")
}

func (u *UI) diaryMoved(path string) {
	inform(tr("diary.moved.title"), tr("diary.moved", map[string]any{"Path": path}), u.win)
}

// practiceOffer asks once, after the very first session, whether a daily
// reminder would help: off until the user says yes, and never asked again.
func (u *UI) practiceOffer(e *exercises.Entry) fyne.CanvasObject {
	st := u.deps.Store
	if e == nil || st == nil || u.prefs.PracticeOffered() {
		return nil
	}
	if n, err := st.Count(); err != nil || n != 1 {
		return nil
	}
	s, _ := remind.Load(st)
	if s.Practice.Enabled {
		return nil
	}
	u.prefs.SetPracticeOffered()
	at := timeEntry(s.Practice.At, func() {})
	msg := newProblemLabel()
	var box *fyne.Container
	yes := newButton(tr("offer.yes"), theme.ConfirmIcon(), func() {
		// Only the practice reminder changes, on the settings as stored now.
		saved, err := remind.Update(st, func(cur *remind.Settings) { cur.Practice.Enabled, cur.Practice.At = true, at.Text })
		if invalidSetting(err) {
			msg.SetText(reminderError(err))
			msg.Show()
			return
		}
		if err != nil {
			u.diaryError(err)
			return
		}
		s = saved
		u.ensureAgent(s)
		box.Objects = []fyne.CanvasObject{para(tr("offer.done", map[string]any{"At": s.Practice.At}))}
		box.Refresh()
	})
	no := newButton(tr("offer.no"), nil, func() {
		box.Objects = nil
		box.Refresh()
	})
	box = container.NewVBox(para(tr("offer.ask")), container.NewBorder(nil, nil, widget.NewLabel(tr("remind.at")), nil, at), msg, container.NewHBox(yes, no))
	return box
}
