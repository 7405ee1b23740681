package ui

import (
	"errors"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ontspan/ontspan/exercises"
	"github.com/ontspan/ontspan/exercises/remind"
	"github.com/ontspan/ontspan/ui/tray"
)

// reminderSettings is the Reminders part of the settings screen. The values
// live in the diary database, where the tray agent reads them.
type reminderSettings struct {
	store       remind.KV // nil without a diary
	clock       exercises.Clock
	dataDir     string                // "" without a data folder: no agent
	ensureAgent func(remind.Settings) // starts the agent when a reminder is on
	diaryError  func(error)           // says that saving failed
	s           remind.Settings       // as last read or written, for the state shown
	form        remind.Settings       // what the form's fields were built from or last saved
	msg         *widget.Label         // next to the mini-check fields
	practiceMsg *widget.Label         // next to the practice time
	windMsg     *widget.Label         // next to the wind-down time

	mini, practice, autostart *check
	windDown                  *check
	windDownAt                *entry
	windForm                  *widget.Form
	perDay                    *selectBox
	from, to, practiceAt      *entry
	days                      []*check
	miniForm, practiceForm    *widget.Form
	pause                     *button
	status                    *widget.Label
}

// reminderSettings builds the Reminders part of settings over the diary.
func (d *appData) reminderSettings() *reminderSettings {
	return newReminderSettings(d.settings(), d.clock, d.dataDir, d.ensureAgent, d.diaryError)
}

func newReminderSettings(st remind.KV, clock exercises.Clock, dataDir string, ensureAgent func(remind.Settings), diaryError func(error)) *reminderSettings {
	r := &reminderSettings{store: st, clock: clock, dataDir: dataDir, ensureAgent: ensureAgent, diaryError: diaryError, s: storedReminders(st)}
	r.form = r.s
	return r
}

// storedReminders is the reminder settings as stored (damaged values come
// back repaired), or the defaults when there is no store.
func storedReminders(st remind.KV) remind.Settings {
	if st == nil {
		return remind.Defaults()
	}
	s, _ := remind.Load(st)
	return s
}

// weekdays in the order a European week is shown.
var weekdays = []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday}

func (r *reminderSettings) view() fyne.CanvasObject {
	if r.store == nil {
		return para(tr("remind.nostore"))
	}
	r.msg = newProblemLabel()
	r.status = para("")

	r.mini = newCheck(tr("remind.mini"), func(bool) { r.save(); r.enableFields() })
	r.mini.Checked = r.s.MiniChecks.Enabled
	var counts []string
	for i := remind.MinPerDay; i <= remind.MaxPerDay; i++ {
		counts = append(counts, strconv.Itoa(i))
	}
	r.perDay = newSelect(counts, func(string) { r.save() })
	r.perDay.Selected = strconv.Itoa(r.s.MiniChecks.PerDay)
	r.from, r.to = timeEntry(r.s.MiniChecks.Start, r.save), timeEntry(r.s.MiniChecks.End, r.save)
	daysBox := container.NewGridWrap(fyne.NewSize(68, 36)) // wraps at 360 px instead of hiding Sa/Su
	r.days = nil
	for _, d := range weekdays {
		c := newCheck(tr(dayKey(d)+".short"), func(bool) { r.save() })
		c.Checked = !slices.Contains(r.s.MiniChecks.Skip, d)
		r.days = append(r.days, c)
		daysBox.Add(c)
	}
	r.practice = newCheck(tr("remind.practice"), func(bool) { r.save(); r.enableFields() })
	r.practice.Checked = r.s.Practice.Enabled
	r.practiceAt = timeEntry(r.s.Practice.At, r.save)
	r.windDown = newCheck(tr("remind.winddown"), func(bool) { r.save(); r.enableFields() })
	r.windDown.Checked = r.s.WindDown.Enabled
	r.windDownAt = timeEntry(r.s.WindDown.At, r.save)
	r.windForm = widget.NewForm(widget.NewFormItem(tr("remind.at"), r.windDownAt))
	r.windMsg = newProblemLabel()
	r.autostart = newCheck(tr("remind.autostart"), r.setAutostart)
	r.autostart.Checked = tray.AutostartEnabled()
	r.pause = newButton("", theme.MediaPauseIcon(), r.togglePause)

	r.miniForm = widget.NewForm(
		widget.NewFormItem(tr("remind.perday"), r.perDay),
		widget.NewFormItem(tr("remind.from"), r.from),
		widget.NewFormItem(tr("remind.to"), r.to),
	)
	r.practiceForm = widget.NewForm(widget.NewFormItem(tr("remind.at"), r.practiceAt))
	r.enableFields()
	r.showState()
	r.practiceMsg = newProblemLabel()
	return container.NewVBox(
		r.mini, r.miniForm, r.msg, para(tr("remind.days")), daysBox,
		widget.NewSeparator(),
		r.practice, r.practiceForm, r.practiceMsg,
		widget.NewSeparator(),
		r.windDown, r.windForm, r.windMsg, para(tr("remind.winddown.tip")),
		widget.NewSeparator(),
		r.autostart, r.pause, r.status,
	)
}

// enableFields greys out the details of a reminder that is off: they could
// be changed while mini-checks were off, which looked as if they counted.
func (r *reminderSettings) enableFields() {
	mini := []fyne.Disableable{r.perDay, r.from, r.to}
	for _, d := range r.days {
		mini = append(mini, d)
	}
	setEnabled(r.mini.Checked, mini...)
	setEnabled(r.practice.Checked, r.practiceAt)
	if r.windDown != nil {
		setEnabled(r.windDown.Checked, r.windDownAt)
	}
	for _, f := range []*widget.Form{r.miniForm, r.practiceForm, r.windForm} {
		if f != nil {
			f.Refresh() // a form greys its labels with its fields only when refreshed
		}
	}
}

func setEnabled(on bool, ws ...fyne.Disableable) {
	for _, w := range ws {
		if on {
			w.Enable()
		} else {
			w.Disable()
		}
	}
}

func dayKey(d time.Weekday) string {
	return [...]string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}[d]
}

// typedClock reads a typed time as the worry screens do ("9:00", "9.00")
// and stores it as "09:00"; anything else is checked, and refused, as typed.
func typedClock(s string) string {
	if n, ok := exercises.NormalizeClock(s); ok {
		return n
	}
	return s
}

func timeEntry(v string, changed func()) *entry {
	e := newShortEntry()
	e.SetText(v)
	e.SetPlaceHolder("09:00")
	e.OnSubmitted = func(string) { changed() }
	e.OnChanged = func(s string) {
		if len(s) == 5 { // a whole HH:MM typed: check and keep it
			changed()
		}
	}
	return e
}

// save checks the form and stores what changed in it. A wrong value gets a
// sentence next to the fields, and nothing already saved changes. Only the
// fields changed on this screen are written, onto the settings as stored
// now: the tray agent (a "pause today") or the worry notebook may have
// changed others since the screen was opened, and they must stay.
func (r *reminderSettings) save() {
	if r.mini == nil || r.practiceAt == nil || r.windDownAt == nil || r.pause == nil {
		return // still building the form
	}
	want := r.form
	want.MiniChecks.Enabled = r.mini.Checked
	want.MiniChecks.PerDay, _ = strconv.Atoi(r.perDay.Selected)
	want.MiniChecks.Start, want.MiniChecks.End = typedClock(r.from.Text), typedClock(r.to.Text)
	want.MiniChecks.Skip = nil
	for i, c := range r.days {
		if !c.Checked {
			want.MiniChecks.Skip = append(want.MiniChecks.Skip, weekdays[i])
		}
	}
	want.Practice.Enabled, want.Practice.At = r.practice.Checked, typedClock(r.practiceAt.Text)
	want.WindDown.Enabled, want.WindDown.At = r.windDown.Checked, typedClock(r.windDownAt.Text)
	err := want.Validate()
	var saved remind.Settings
	if err == nil {
		base := r.form
		saved, err = remind.Update(r.store, func(cur *remind.Settings) { mergeForm(cur, base, want) })
	}
	if err != nil && !invalidSetting(err) {
		r.diaryError(err)
		return
	}
	if err != nil {
		// Say it next to the field it is about; nothing is saved until it is right.
		msg := r.msg
		var te *remind.TimeError
		if errors.As(err, &te) && te.Value == want.Practice.At && te.Value != want.MiniChecks.Start && te.Value != want.MiniChecks.End {
			msg = r.practiceMsg
		}
		if errors.As(err, &te) && te.Field == "windDown.at" {
			msg = r.windMsg
		}
		r.msg.Hide()
		r.practiceMsg.Hide()
		r.windMsg.Hide()
		msg.SetText(reminderError(err) + " " + tr("remind.err.notsaved"))
		msg.Show()
		return
	}
	r.practiceMsg.Hide()
	r.windMsg.Hide()
	r.msg.Hide()
	r.form, r.s = want, saved
	r.ensureAgent(saved)
	r.showState()
}

// mergeForm puts into cur each field of the reminder form that the user
// changed from base to want, and leaves every other field as cur has it.
func mergeForm(cur *remind.Settings, base, want remind.Settings) {
	b, w, m := base.MiniChecks, want.MiniChecks, &cur.MiniChecks
	if w.Enabled != b.Enabled {
		m.Enabled = w.Enabled
	}
	if w.PerDay != b.PerDay {
		m.PerDay = w.PerDay
	}
	if w.Start != b.Start {
		m.Start = w.Start
	}
	if w.End != b.End {
		m.End = w.End
	}
	if !slices.Equal(w.Skip, b.Skip) {
		m.Skip = w.Skip
	}
	if want.Practice.Enabled != base.Practice.Enabled {
		cur.Practice.Enabled = want.Practice.Enabled
	}
	if want.Practice.At != base.Practice.At {
		cur.Practice.At = want.Practice.At
	}
	if want.WindDown.Enabled != base.WindDown.Enabled {
		cur.WindDown.Enabled = want.WindDown.Enabled
	}
	if want.WindDown.At != base.WindDown.At {
		cur.WindDown.At = want.WindDown.At
	}
}

// invalidSetting reports whether err is remind's word that a value is
// wrong (rather than that the store failed).
func invalidSetting(err error) bool {
	var te *remind.TimeError
	var we *remind.WindowError
	var ce *remind.CountError
	var de *remind.WeekdayError
	var pe *remind.DateError
	return errors.As(err, &te) || errors.As(err, &we) || errors.As(err, &ce) || errors.As(err, &de) || errors.As(err, &pe)
}

func reminderError(err error) string {
	var te *remind.TimeError
	var we *remind.WindowError
	switch {
	case errors.As(err, &we):
		return tr("remind.err.window")
	case errors.As(err, &te):
		return notATime(te.Value)
	}
	return tr("remind.err.other")
}

// notATime is the one message for a typed time that is none: the
// reminders, the worry time and the park screen say it alike.
func notATime(typed string) string {
	return tr("remind.err.time", map[string]any{"Value": strings.TrimSpace(typed)})
}

// togglePause does what the button says ("pause" or "resume"), on the
// settings as stored now.
func (r *reminderSettings) togglePause() {
	now := r.clock.Now()
	pause := !r.s.PausedToday(now)
	saved, err := remind.Update(r.store, func(cur *remind.Settings) { cur.PauseToday(now, pause) })
	if err != nil {
		r.diaryError(err)
		return
	}
	r.s = saved
	r.showState()
}

func (r *reminderSettings) setAutostart(on bool) {
	exe, err := os.Executable()
	if err == nil {
		if on {
			err = tray.EnableAutostart(exe)
		} else {
			err = tray.DisableAutostart()
		}
	}
	if err != nil {
		fyne.LogError("autostart", err)
		r.msg.SetText(tr("remind.err.autostart"))
		r.msg.Show()
	}
}

// showState says in words what will happen.
func (r *reminderSettings) showState() {
	now := r.clock.Now()
	if r.s.PausedToday(now) {
		r.pause.SetText(tr("remind.resume"))
	} else {
		r.pause.SetText(tr("remind.pause"))
	}
	switch on := remindersOn(r.s); {
	case on == "":
		r.status.SetText(tr("remind.status.off"))
	case r.dataDir != "" && tray.ShowsReminders(r.dataDir, r.store):
		r.status.SetText(on + " " + tr("remind.status.tray"))
	default:
		r.status.SetText(on + " " + tr("remind.status.window"))
	}
}

// remindersOn names the reminders that are on, or "" for none. The worry
// time is set in the worry notebook: without its name here, Settings said
// "reminders are on" under a column of empty boxes.
func remindersOn(s remind.Settings) string {
	var on []string
	if s.MiniChecks.Enabled {
		on = append(on, tr("remind.on.mini"))
	}
	if s.Practice.Enabled {
		on = append(on, tr("remind.on.practice", map[string]any{"Time": s.Practice.At}))
	}
	if s.WorryTime.Enabled {
		on = append(on, tr("remind.on.worry", map[string]any{"Time": s.WorryTime.At}))
	}
	if s.WindDown.Enabled {
		on = append(on, tr("remind.on.winddown", map[string]any{"Time": s.WindDown.At}))
	}
	if len(on) == 0 {
		return ""
	}
	return tr("remind.on", map[string]any{"List": strings.Join(on, "; ")})
}

// ensureAgent starts the tray agent when a reminder is on and none runs.
// The agent ends by itself when every reminder is off.
func (d *appData) ensureAgent(s remind.Settings) {
	if !s.AnyEnabled() || d.dataDir == "" || d.noAgent || tray.Running(d.dataDir) {
		return
	}
	exe, err := os.Executable()
	if err == nil {
		err = tray.StartAgent(exe)
	}
	if err != nil {
		fyne.LogError("start reminders", err)
	}
}

// sessionRunning tells the agent to hold reminders while an exercise runs.
func (d *appData) sessionRunning(on bool) {
	if d.store != nil {
		_ = remind.MarkSession(d.store, on, d.clock.Now())
	}
}

// dueReminder is the reminder to show on the home screen when no agent shows
// it: the latest one of the past hour, if any.
func (d *appData) dueReminder() (remind.Reminder, bool) {
	st := d.store
	if st == nil || (d.dataDir != "" && tray.ShowsReminders(d.dataDir, st)) {
		return remind.Reminder{}, false
	}
	s, _ := remind.Load(st)
	now := d.clock.Now()
	due := remind.Due(now.Add(-time.Hour), now, s)
	if len(due) == 0 {
		return remind.Reminder{}, false
	}
	return due[len(due)-1], true
}

// reminderCard is the home screen's gentle note for a due reminder.
func (h *home) reminderCard(r remind.Reminder) fyne.CanvasObject {
	switch r.Kind {
	case remind.MiniCheck:
		return newTile(tr("remind.card.mini"), tr("remind.card.mini.text"), theme.InfoIcon(), h.nav.MiniCheck)
	case remind.Practice:
		return newTile(tr("remind.card.practice"), tr("remind.card.practice.text"), theme.InfoIcon(), h.nav.Breathing)
	}
	return nil
}
