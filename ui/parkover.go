package ui

import (
	"errors"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"

	"github.com/ontspan/ontspan/exercises"
	"github.com/ontspan/ontspan/exercises/diary"
)

// sessionScreen is a screen running an exercise.
type sessionScreen interface {
	session() *exercises.Session
}

// pausable screens pause and resume their session the way their own
// Pause button does, words and animation included.
type pausable interface {
	toggle()
}

func (r *breathRun) session() *exercises.Session    { return r.sess }
func (r *pmrRun) session() *exercises.Session       { return r.sess }
func (r *miniCheckRun) session() *exercises.Session { return r.sess }
func (r *sensesRun) session() *exercises.Session    { return r.sess }

// parkOver is Ctrl+P during an exercise: the session pauses and a small
// park field opens over it. A session is never ended by a thought that
// came up; closing the field (Park, Back or Esc) returns to it, paused, and
// Space goes on. What was typed but not parked stays as the notebook's
// draft, as on the park screen.
type parkOver struct {
	win      fyne.Window
	store    parkStore // nil without a diary
	clock    exercises.Clock
	settings exercises.WorrySettings
	gone     func() // tells the app the field is closed
	entry    *worryText
	msg      worryNote
	dlg      dialog.Dialog
	when     *revisitPicker
	// restored is the draft put in the field, so closing unchanged writes nothing
	restored string
}

// parkDuring pauses s and opens the park field over it, or focuses the
// field when it is open already (Ctrl+P twice).
func (u *UI) parkDuring(s sessionScreen) {
	if u.parking != nil {
		u.win.Canvas().Focus(u.parking.entry)
		return
	}
	if p, ok := s.(pausable); ok && s.session().Now().State == exercises.Running {
		p.toggle()
	}
	var o *parkOver
	o = newParkOver(u.win, u.data.worryStore(), u.data.clock, u.data.worrySettings(), func() {
		if u.parking == o {
			u.parking = nil
		}
		u.closeOverlay = nil
	})
	u.parking = o
	u.closeOverlay = o.close // Esc closes it, with its callbacks
	o.show()
}

// newParkOver builds the park field; st is nil without a diary.
func newParkOver(win fyne.Window, st parkStore, clock exercises.Clock, settings exercises.WorrySettings, gone func()) *parkOver {
	return &parkOver{win: win, store: st, clock: clock, settings: settings, gone: gone}
}

func (o *parkOver) show() {
	now := o.clock.Now()
	o.entry = newWorryText(true, tr("worry.park.placeholder"), o.park)
	o.msg = newWorryNote()
	o.entry.limitTo(exercises.MaxWorryRunes, o.msg.problem) // a paste past the limit is refused, and said
	o.when = newRevisitPicker(now, o.settings, o.park)
	parkBt := newPrimaryButton(tr("worry.park.button"), theme.ConfirmIcon(), o.park)
	backBt := newButton(tr("worry.over.back"), theme.NavigateBackIcon(), o.close)
	if o.store == nil {
		o.msg.problem(tr("worry.park.nostore"))
		o.entry.Disable()
		parkBt.Disable()
	} else if d, ok, err := o.store.Setting(worryDraftKey); err == nil && ok && utf8.RuneCountInString(d) <= exercises.MaxWorryRunes {
		o.entry.SetText(d)
		o.restored = d
	}
	body := container.NewVBox(
		para(tr("worry.over.intro")),
		o.entry,
		o.msg.Label,
		boldLabel(tr("worry.park.when")),
		o.when.box,
		container.NewHBox(layout.NewSpacer(), backBt, parkBt),
	)
	o.dlg = dialog.NewCustomWithoutButtons(tr("worry.park.title"), container.NewVScroll(body), o.win)
	o.dlg.SetOnClosed(o.closed)
	size := o.win.Canvas().Size()
	w := min(size.Width-16, 520)
	// Room for the form with a message under the field and Dutch's longer
	// intro; a window smaller than that scrolls the form.
	o.dlg.Resize(fyne.NewSize(w, min(size.Height-16, 600)))
	o.dlg.Show()
	o.win.Canvas().Focus(o.entry)
}

// park stores the worry; a problem is said beside the field and the text
// stays as typed.
func (o *parkOver) park() {
	st := o.store
	if st == nil {
		return
	}
	at, err := o.when.at()
	if err == nil {
		var w exercises.Worry
		now := o.clock.Now()
		if w, err = exercises.Park(o.entry.Text, at, now); err == nil {
			if err = st.AddWorry(&w); err != nil {
				fyne.LogError("park worry", err)
				o.msg.problem(tr("worry.err.save"))
				return
			}
			o.entry.SetText("")
			o.close()
			return
		}
	}
	if errors.Is(err, exercises.ErrWorryEmpty) {
		o.msg.hint(worryMessage(err, ""))
	} else {
		o.msg.problem(worryMessage(err, o.entry.Text))
	}
	o.win.Canvas().Focus(o.entry)
}

func (o *parkOver) close() { o.dlg.Hide() }

// closed keeps what was typed but not parked as the notebook's draft (the
// park screen shows it next time; cleared or parked, the draft goes), and
// hands the keys back to the session.
func (o *parkOver) closed() {
	o.gone()
	o.win.Canvas().Unfocus()
	st := o.store
	if st == nil || o.entry.Disabled() || o.entry.Text == o.restored {
		return
	}
	text := strings.ToValidUTF8(strings.ReplaceAll(o.entry.Text, "\x00", ""), "")
	for len(text) > diary.MaxSettingBytes { // a paste far beyond any worry: keep what fits
		_, n := utf8.DecodeLastRuneInString(text)
		text = text[:len(text)-n]
	}
	var err error
	if strings.TrimSpace(text) == "" {
		err = st.DeleteSetting(worryDraftKey)
	} else {
		err = st.SetSetting(worryDraftKey, text)
	}
	if err != nil {
		fyne.LogError("worry draft", err)
	}
}
