package ui

import (
	"errors"
	"image/color"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ontspan/ontspan/exercises"
	"github.com/ontspan/ontspan/exercises/diary"
)

const (
	diaryPageSize = 100 // sessions loaded at a time into the list
	diaryNearEnd  = 20  // rows from the end at which the next page loads
)

// diaryTile is the home screen's card for the diary, with the days
// practised in the last two weeks as its badge.
func (h *home) diaryTile() *tile {
	t := newTile(tr("diary.tile"), tr("diary.tile.text"), theme.DocumentIcon(), h.nav.Diary)
	if n := h.facts.practisedDays(); n > 0 {
		t.badge = tr("diary.tile.badge", map[string]any{"N": n})
	}
	return t
}

// practisedDays counts the days practised in the last two weeks; 0 without
// a diary.
func (d *appData) practisedDays() int {
	if d.store == nil {
		return 0
	}
	s, err := d.store.Stats(d.clock.Now(), time.Local)
	if err != nil {
		return 0
	}
	return s.PractisedDays
}

// diaryRow is one line of the history list: a day's header or a session.
type diaryRow struct {
	header bool
	day    time.Time // local midnight of the session's day
	entry  exercises.Entry
}

// hider is what an open dialog offers so Esc can close it.
type hider interface{ Hide() }

// diaryScreen is the diary. The overview (days, chart, techniques, verdict,
// export) scrolls; the sessions are a virtualised list loaded a page at a
// time with Store.Page, so ten years of practice open as fast as one week.
type diaryScreen struct {
	nav      navigator
	st       *diary.Store // nil when it could not be opened
	openErr  error        // why st is nil
	clock    exercises.Clock
	prefs    diaryPrefs
	patterns []exercises.Pattern // the saved rhythms, read once per view: a row names its own
	notes    helpNotes           // the note when tension stays high
	now      time.Time

	overviewBt, sessionsBt *button
	body                   *fyne.Container // shows the overview or the sessions
	overview               *container.Scroll
	sessions               fyne.CanvasObject
	showingSessions        bool

	stats       diary.Stats
	evals       []diary.Evaluation
	marks       []dayMark
	chart       *tensionChart
	chartSpan   chartSpan       // the chart's view; the report covers the same
	chartHolder *fyne.Container // the chart block, rebuilt alone when the view changes

	list       *entryList
	rows       []diaryRow
	loaded     int  // sessions in rows
	more       bool // the diary holds older sessions than loaded
	loadQueued bool

	undoBar *undoBar

	editor *entryEditor
	dlg    hider        // the open dialog, closed by Esc
	status string       // the last message shown after an export or import
	async  func(func()) // runs slow work off the main goroutine; tests run it inline

	progressAfter time.Duration // an import taking longer shows a progress bar
}

// diaryPrefs are the preferences the diary reads: the saved rhythms' names,
// and the language the report is written in.
type diaryPrefs interface {
	Patterns() []exercises.Pattern
	Language() string
}

func newDiaryScreen(nav navigator, st *diary.Store, openErr error, clock exercises.Clock, prefs diaryPrefs, notes helpNotes) *diaryScreen {
	return &diaryScreen{nav: nav, st: st, openErr: openErr, clock: clock, prefs: prefs, notes: notes,
		async: func(f func()) { go f() }, progressAfter: importProgressAfter}
}

func (s *diaryScreen) view() fyne.CanvasObject {
	if s.st == nil {
		return page(s.nav.Home, tr("diary.title"), para(diaryOpenMessage(s.openErr)))
	}
	s.patterns = s.prefs.Patterns() // each reading parses the settings file
	s.overviewBt = newButton(tr("diary.tab.overview"), theme.GridIcon(), s.showOverview)
	s.sessionsBt = newButton(tr("diary.tab.sessions"), theme.ListIcon(), s.showSessions)
	s.overview = container.NewVScroll(nil)
	s.list = newEntryList(s.listLength, s.showRow, s.openRow)
	s.sessions = s.list

	s.undoBar = newUndoBar(s.clock, undoBelow)

	s.body = container.NewStack()
	top := container.NewBorder(nil, nil, newButton("", theme.NavigateBackIcon(), s.nav.Home), nil, heading(tr("diary.title")))
	tabs := container.NewGridWithColumns(2, s.overviewBt, s.sessionsBt)
	inner := container.NewBorder(container.NewVBox(container.NewPadded(top), container.NewPadded(tabs)), s.undoBar, nil, nil, s.body)

	s.refresh()
	s.reload(diaryPageSize)
	s.showOverview()
	return container.New(&maxWidth{width: 720}, inner)
}

func (s *diaryScreen) showOverview() {
	s.showingSessions = false
	s.overviewBt.Importance, s.sessionsBt.Importance = widget.HighImportance, widget.MediumImportance
	s.overviewBt.Refresh()
	s.sessionsBt.Refresh()
	s.body.Objects = []fyne.CanvasObject{s.overview}
	s.body.Refresh()
}

func (s *diaryScreen) showSessions() {
	s.showingSessions = true
	s.overviewBt.Importance, s.sessionsBt.Importance = widget.MediumImportance, widget.HighImportance
	s.overviewBt.Refresh()
	s.sessionsBt.Refresh()
	s.body.Objects = []fyne.CanvasObject{s.sessions}
	s.body.Refresh()
}

func (s *diaryScreen) key(e *fyne.KeyEvent) {
	if e.Name != fyne.KeyEscape {
		return
	}
	if s.dlg != nil {
		s.dlg.Hide()
		s.dlg = nil
		return
	}
	s.nav.Home()
}

// leave stops the undo timer: the deletion stands.
func (s *diaryScreen) leave() { s.undoBar.stop() }

// openDialog shows d and remembers it for Esc.
func (s *diaryScreen) openDialog(d dialog.Dialog) {
	s.dlg = d
	d.SetOnClosed(func() {
		if s.dlg == d {
			s.dlg = nil
		}
	})
	d.Show()
}

// tell shows a short message in a dialog and keeps it for tests.
func (s *diaryScreen) tell(title, msg string) {
	s.status = msg
	s.openDialog(newInformation(title, msg, s.nav.window()))
}

// refresh reads the statistics and verdicts again and rebuilds the overview.
// Stats costs about 2 ms even for ten years of heavy use, so it runs here.
func (s *diaryScreen) refresh() {
	s.now = s.clock.Now()
	st, err := s.st.Stats(s.now, time.Local)
	if err != nil {
		fyne.LogError("diary stats", err)
	}
	s.stats = st
	s.evals = s.evals[:0]
	for _, t := range st.Techniques {
		ev, err := s.st.Evaluate(t.Technique, s.now, time.Local)
		if err != nil {
			fyne.LogError("diary verdict", err)
			continue
		}
		s.evals = append(s.evals, ev)
	}
	// The new overview keeps the place scrolled to (by the import button,
	// say) rather than jumping back to the top.
	at := s.overview.Offset
	s.overview.Content = container.NewPadded(s.buildOverview())
	s.overview.Refresh()
	s.overview.ScrollToOffset(at)
}

func subheading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameSubHeadingText
	l.Wrapping = fyne.TextWrapWord
	return l
}

func (s *diaryScreen) buildOverview() fyne.CanvasObject {
	box := container.NewVBox(subheading(tr("diary.days.title")), s.dayMarks(), para(s.daysSentence()))
	for _, line := range ritualDiaryLines(s.st, s.now) {
		box.Add(para(line)) // "Evening ritual: 12 evenings in the last 14", the pace tests
	}
	if note := highNote(s.notes, s.st, s.now, outcomesFrom(s.evals)); note != nil {
		box.Add(note) // high up: it matters more than the figures below it
	}
	if s.stats.Sessions == 0 {
		box.Add(card(para(tr("diary.empty"))))
		box.Add(s.exportSection())
		return box
	}

	s.chartHolder = container.NewStack(s.chartBlock())
	box.Add(s.chartHolder)

	box.Add(subheading(tr("diary.techniques.title")))
	for _, t := range s.stats.Techniques {
		box.Add(s.techniqueBlock(t))
	}

	box.Add(subheading(tr("diary.verdict.heading")))
	offered := 0
	for _, ev := range s.evals {
		if ev.Offered() {
			box.Add(verdictCard(verdictText(ev)))
			offered++
		}
	}
	if offered == 0 {
		box.Add(para(tr("diary.verdict.notyet", map[string]any{"N": diary.VerdictMinDays})))
		for _, ev := range s.evals {
			box.Add(para(trn("diary.verdict.progress", ev.DaysPractised, map[string]any{
				"Technique": techniqueName(ev.Technique), "N": ev.DaysPractised})))
		}
	}
	box.Add(s.exportSection())
	return box
}

// dayMark is one of the fourteen circles: filled on a day with practice.
type dayMark struct {
	day    time.Time
	filled bool
	circle *canvas.Circle
}

func (s *diaryScreen) dayMarks() fyne.CanvasObject {
	today := dayOf(s.now)
	s.marks = s.marks[:0]
	objs := make([]fyne.CanvasObject, 0, 2*diary.VerdictDays)
	for i := 0; i < diary.VerdictDays; i++ {
		day := today.AddDate(0, 0, i-(diary.VerdictDays-1))
		m := dayMark{day: day, filled: s.stats.Practised[i]}
		m.circle = canvas.NewCircle(color.Transparent)
		m.circle.StrokeColor = theme.Color(theme.ColorNamePrimary)
		m.circle.StrokeWidth = 2
		if m.filled {
			m.circle.FillColor = theme.Color(theme.ColorNamePrimary)
		}
		initial := canvas.NewText(weekdayInitial(day.Weekday()), theme.Color(theme.ColorNameForeground))
		initial.Alignment = fyne.TextAlignCenter
		initial.TextSize = theme.TextSize() * 0.85
		if i == diary.VerdictDays-1 {
			initial.TextStyle.Bold = true
		}
		objs = append(objs, m.circle, initial)
		s.marks = append(s.marks, m)
	}
	return container.New(dayMarksLayout{}, objs...)
}

// daysSentence encourages, whatever the count: no streaks, no guilt.
func (s *diaryScreen) daysSentence() string {
	n := s.stats.PractisedDays
	switch {
	case n == 0:
		return tr("diary.days.none")
	case n >= diary.VerdictMinDays:
		return trn("diary.days.many", n)
	case n >= 5:
		return trn("diary.days.some", n)
	}
	return trn("diary.days.few", n)
}

func (s *diaryScreen) techniqueBlock(t diary.TechniqueStats) fyne.CanvasObject {
	totals := tr("diary.technique.totals", map[string]any{
		"Sessions": trn("diary.sessions", t.Sessions),
		"Minutes":  totalText(time.Duration(t.Minutes * float64(time.Minute))),
	})
	ratings := tr("diary.technique.norating")
	if t.Rated > 0 {
		ratings = trn("diary.technique.rated", t.Rated, map[string]any{
			"Before": decimal(t.Before), "After": decimal(t.After), "N": t.Rated})
	}
	return titled(techniqueName(t.Technique), para(totals+"\n"+ratings))
}

// totalText is a technique's time in all: "15 minutes", or "6 seconds"
// under a minute, where rounding up to "1 minute" would overstate it.
func totalText(d time.Duration) string {
	if d < time.Minute {
		return trn("diary.seconds", int(d.Seconds()))
	}
	return trn("diary.minutes", wholeMinutes(d))
}

func verdictCard(w verdictWords) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(w.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	title.SizeName = theme.SizeNameSubHeadingText
	facts := make([]string, len(w.Facts))
	for i, f := range w.Facts {
		facts[i] = "•  " + f
	}
	box := container.NewVBox(title, para(w.Why+" "+w.Summary),
		para(strings.Join(facts, "\n")),
		titled(tr("diary.next.title"), para(w.Next)))
	return card(box)
}

// titled is a bold line with its text close beneath it.
func titled(title string, body fyne.CanvasObject) fyne.CanvasObject {
	t := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.Wrapping = fyne.TextWrapWord
	return container.New(layout.NewCustomPaddedVBoxLayout(-theme.InnerPadding()-theme.Padding()), t, body)
}

func (s *diaryScreen) exportSection() fyne.CanvasObject {
	return container.NewVBox(
		subheading(tr("diary.export.title")),
		para(tr("diary.export.about")),
		newButton(tr("diary.export.report"), theme.DocumentPrintIcon(), func() { s.export("report") }),
		newButton(tr("diary.export.csv"), theme.DocumentSaveIcon(), func() { s.export("csv") }),
		newButton(tr("diary.export.json"), theme.DocumentSaveIcon(), func() { s.export("json") }),
		newButton(tr("diary.export.worries"), theme.DocumentSaveIcon(), func() { s.export("worries") }),
		newButton(tr("diary.import"), theme.FolderOpenIcon(), s.importDialog),
	)
}

// variantName is a session's variant in words, or "" when it says nothing
// more than the technique does. Custom breathing rhythms show their name.
func (s *diaryScreen) variantName(e exercises.Entry) string {
	if e.Variant == "" {
		return ""
	}
	if e.Technique == exercises.Breathing && strings.HasPrefix(e.Variant, "custom:") {
		if p, ok := exercises.FindPattern(e.Variant, s.patterns); ok && p.Name != "" {
			return p.Name
		}
		return strings.TrimPrefix(e.Variant, "custom:")
	}
	key := "diary.variant." + string(e.Technique) + "." + e.Variant
	if v := tr(key); v != key {
		return v
	}
	return e.Variant
}

// durationText is "5 min", or "40 s" under a minute.
func durationText(d time.Duration) string {
	if d < time.Minute {
		return tr("diary.seconds.short", map[string]any{"N": int(d.Seconds())})
	}
	return tr("diary.minutes.short", map[string]any{"N": int(math.Round(d.Minutes()))})
}

// ratingText is "Tension 6 → 3", with a dash for a skipped rating.
func ratingText(before, after int) string {
	if before == exercises.NoRating && after == exercises.NoRating {
		return tr("diary.entry.norating")
	}
	r := func(n int) string {
		if n == exercises.NoRating {
			return "–"
		}
		return strconv.Itoa(n)
	}
	return tr("diary.entry.rating", map[string]any{"Before": r(before), "After": r(after)})
}

// entryLines is a session's two lines in the list.
func (s *diaryScreen) entryLines(e exercises.Entry) (string, string) {
	parts := []string{clockOf(e.Started), techniqueName(e.Technique)}
	if v := s.variantName(e); v != "" {
		parts = append(parts, v)
	}
	parts = append(parts, durationText(e.Actual))
	if e.Completed {
		parts = append(parts, tr("diary.entry.completed"))
	} else {
		parts = append(parts, tr("diary.entry.stopped"))
	}
	second := ratingText(e.Before, e.After)
	if note := strings.Join(strings.Fields(e.Note), " "); note != "" {
		second += " · " + note
	}
	return strings.Join(parts, " · "), second
}

// reload reads the first n sessions again (after an edit, a delete or an
// import), keeping as many loaded as before.
func (s *diaryScreen) reload(n int) {
	s.rows, s.loaded, s.more = s.rows[:0], 0, true
	s.appendPage(max(n, diaryPageSize))
	s.list.Refresh()
}

// loadMore appends the next page; the list asks for it near its end.
func (s *diaryScreen) loadMore() {
	s.loadQueued = false
	if !s.more {
		return
	}
	s.appendPage(diaryPageSize)
	s.list.Refresh()
}

func (s *diaryScreen) appendPage(limit int) {
	var before time.Time
	var beforeID int64
	if n := len(s.rows); n > 0 {
		last := s.rows[n-1].entry
		before, beforeID = last.Started, last.ID
	}
	page, err := s.st.Page(before, beforeID, limit)
	if err != nil {
		fyne.LogError("diary page", err)
		s.more = false
		return
	}
	s.more = len(page) == limit
	for _, e := range page {
		day := dayOf(e.Started)
		if n := len(s.rows); n == 0 || !s.rows[n-1].day.Equal(day) {
			s.rows = append(s.rows, diaryRow{header: true, day: day})
		}
		s.rows = append(s.rows, diaryRow{day: day, entry: e})
		s.loaded++
	}
}

// listLength is the number of rows in the history list: a line that says
// there are no sessions yet when there are none.
func (s *diaryScreen) listLength() int {
	if len(s.rows) == 0 {
		return 1 // the "no sessions yet" line
	}
	return len(s.rows)
}

// showRow fills the list's row id, and loads more sessions as the end of
// the list comes near.
func (s *diaryScreen) showRow(id int, v *entryRowView) {
	if len(s.rows) == 0 {
		v.setHeader(tr("diary.sessions.none"))
		return
	}
	if id >= len(s.rows) {
		return
	}
	r := s.rows[id]
	if r.header {
		v.setHeader(dayHeader(r.day, s.now))
	} else {
		v.setEntry(s.entryLines(r.entry))
	}
	if id >= len(s.rows)-diaryNearEnd && s.more && !s.loadQueued {
		// Not now: the list is in the middle of laying out its rows.
		s.loadQueued = true
		fyne.Do(s.loadMore)
	}
}

// openRow opens the session on row id to change it; a day's header does
// nothing.
func (s *diaryScreen) openRow(id int) {
	if id < len(s.rows) && !s.rows[id].header {
		s.edit(s.rows[id].entry)
	}
}

// entryEditor is the dialog that changes a session's ratings and note.
type entryEditor struct {
	entry         exercises.Entry
	before, after *ratingRow
	note          *entry
	noteMsg       *widget.Label
	save, cancel  *button
	del           *button
	dlg           dialog.Dialog
}

// edit opens a session: its ratings and note can be changed, or it can be
// deleted.
func (s *diaryScreen) edit(e exercises.Entry) {
	ed := &entryEditor{entry: e}
	first, _ := s.entryLines(e)
	ed.before = newRatingRow(tr("diary.edit.before"), e.Before, nil)
	ed.after = newRatingRow(tr("diary.edit.after"), e.After, nil)
	ed.note, ed.noteMsg = newNoteField(e.Note, 3)
	ed.save = newPrimaryButton(tr("diary.edit.save"), theme.ConfirmIcon(), func() { s.saveEdit(ed) })
	ed.cancel = newButton(tr("diary.edit.cancel"), theme.CancelIcon(), func() { ed.dlg.Hide() })
	ed.del = newButton(tr("diary.edit.delete"), theme.DeleteIcon(), func() {
		ed.dlg.Hide()
		s.confirmDelete(ed.entry)
	})
	ed.del.Importance = widget.DangerImportance
	when := para(dayHeader(dayOf(e.Started), s.now) + "\n" + first)
	form := container.NewVBox(when, ed.before.box, ed.after.box,
		widget.NewLabelWithStyle(tr("diary.edit.note"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		ed.note, ed.noteMsg, container.NewHBox(ed.del))
	// Delete sits with the entry, apart from Cancel and Save: in one row the
	// three asked for 468 px in Dutch, wider than a 360 px window.
	buttons := container.NewHBox(layout.NewSpacer(), ed.cancel, ed.save)
	// Room on the right for the scroll bar, which Fyne draws over the content:
	// it covered the "10" of the rating rows.
	form = container.New(layout.NewCustomPaddedLayout(0, 0, 0, theme.ScrollBarSize()), form)
	content := container.NewBorder(nil, container.NewPadded(buttons), nil, nil, container.NewVScroll(form))
	ed.dlg = dialog.NewCustomWithoutButtons(tr("diary.edit.title"), content, s.nav.window())
	ws := s.nav.window().Canvas().Size()
	ed.dlg.Resize(fyne.NewSize(min(620, ws.Width-20), min(640, ws.Height-20)))
	s.editor = ed
	s.openDialog(ed.dlg)
}

// saveEdit writes the editor's ratings and note. A note that is too long
// keeps the dialog open with a message, and the text stays as typed.
func (s *diaryScreen) saveEdit(ed *entryEditor) {
	note, ok := noteText(ed.note, ed.noteMsg)
	if !ok {
		return
	}
	e := ed.entry
	e.Before, e.After, e.Note = ed.before.value, ed.after.value, note
	if err := s.st.UpdateChanged(ed.entry, e); err != nil { // the fields not edited stay as they are now
		fyne.LogError("diary update", err)
		msg := tr("diary.edit.failed")
		if errors.Is(err, diary.ErrNotFound) {
			msg = tr("diary.edit.gone")
		}
		ed.noteMsg.SetText(msg)
		ed.noteMsg.Show()
		return
	}
	ed.dlg.Hide()
	for i := range s.rows {
		if !s.rows[i].header && s.rows[i].entry.ID == e.ID {
			s.rows[i].entry = e
			s.list.RefreshItem(i)
		}
	}
	s.refresh()
}

func (s *diaryScreen) confirmDelete(e exercises.Entry) {
	first, _ := s.entryLines(e)
	msg := para(tr("diary.delete.ask", map[string]any{"Session": dayHeader(dayOf(e.Started), s.now) + ", " + first}))
	d := dialog.NewCustomConfirm(tr("diary.delete.title"), tr("diary.delete.yes"), tr("diary.delete.no"), msg,
		func(ok bool) {
			if ok {
				s.delete(e.ID)
			}
		}, s.nav.window())
	d.Resize(fyne.NewSize(min(480, s.nav.window().Canvas().Size().Width-20), 0))
	s.openDialog(d)
}

// delete removes a session and offers Undo for a few seconds.
func (s *diaryScreen) delete(id int64) {
	e, err := s.st.Delete(id)
	if err != nil {
		fyne.LogError("diary delete", err)
		s.tell(tr("diary.delete.title"), tr("diary.delete.failed"))
		return
	}
	s.undoBar.offer(tr("diary.deleted"), func() { s.restore(e) })
	s.reload(s.loaded)
	s.refresh()
}

// restore brings a deleted session back, the same as it was: the undo bar's
// Undo.
func (s *diaryScreen) restore(e exercises.Entry) {
	if err := s.st.Restore(e); err != nil {
		fyne.LogError("diary restore", err)
		s.tell(tr("diary.delete.title"), tr("diary.undo.failed"))
	}
	s.reload(s.loaded + 1)
	s.refresh()
}

// export asks where to save, then writes the sessions as CSV, the worries
// as CSV, everything as JSON, or the report for the therapist as HTML.
func (s *diaryScreen) export(kind string) {
	ext := map[string]string{"json": ".json", "report": ".html"}[kind]
	if ext == "" {
		ext = ".csv"
	}
	name := map[string]string{"csv": "ontspan-sessions-", "json": "ontspan-diary-", "worries": "ontspan-worries-", "report": "ontspan-report-"}[kind]
	// The report covers the chart's view, with the verdicts shown now;
	// copied here, as the writing runs off the main goroutine.
	span, evals := s.chartSpan, append([]diary.Evaluation(nil), s.evals...)
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			fyne.LogError("export dialog", err)
			s.tell(tr("diary.export.title"), tr("diary.export.failed"))
			return
		}
		if w == nil {
			return // cancelled
		}
		s.async(func() {
			err := s.writeExport(kind, w, span, evals)
			fyne.Do(func() { s.exported(w.URI(), err) })
		})
	}, s.nav.window())
	d.SetTitleText(tr("file.save.title")) // Fyne's own reads "Opslaan Bestand" in Dutch
	d.SetFileName(name + s.now.Format("2006-01-02") + ext)
	d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	s.openDialog(d) // through the bookkeeping, so a cancelled dialog is forgotten
}

// writeExport writes one export to w and closes it. A local file is made
// readable by its owner only before anything is written: it is health data.
func (s *diaryScreen) writeExport(kind string, w fyne.URIWriteCloser, span chartSpan, evals []diary.Evaluation) error {
	if u := w.URI(); u.Scheme() == "file" {
		if err := os.Chmod(u.Path(), 0o600); err != nil && !errors.Is(err, os.ErrNotExist) {
			fyne.LogError("export: restrict the file to its owner", err)
		}
	}
	var err error
	switch kind {
	case "csv":
		err = s.st.ExportCSV(w)
	case "worries":
		err = s.st.ExportWorriesCSV(w)
	case "report":
		err = s.writeReport(w, span, evals)
	default:
		err = s.st.ExportJSON(w)
	}
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	return err
}

func (s *diaryScreen) exported(to fyne.URI, err error) {
	if err != nil {
		fyne.LogError("export", err)
		s.tell(tr("diary.export.title"), tr("diary.export.failed"))
		return
	}
	s.tell(tr("diary.export.saved"), tr("diary.export.done", map[string]any{"Name": to.Name(), "Folder": folderOf(to)}))
}

// folderOf is where a file was saved, as the user would look for it: the
// folder's full path for a local file, else the parent's address.
func folderOf(u fyne.URI) string {
	if u.Scheme() == "file" {
		return filepath.Dir(u.Path())
	}
	if p, err := storage.Parent(u); err == nil {
		return p.String()
	}
	return u.String()
}

// importDialog asks for a JSON export and merges it into the diary.
func (s *diaryScreen) importDialog() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			fyne.LogError("import dialog", err)
			s.tell(tr("diary.import.title"), tr("diary.import.err.read"))
			return
		}
		if r == nil {
			return // cancelled
		}
		s.importFrom(r)
	}, s.nav.window())
	d.SetTitleText(tr("file.open.title"))
	d.SetFilter(storage.NewExtensionFileFilter([]string{".json"}))
	s.openDialog(d)
}

// importFrom merges an export into the diary off the main goroutine, then
// tells the user what happened. A bad file changes nothing.
func (s *diaryScreen) importFrom(r io.ReadCloser) {
	p := newImportProgress(s, s.progressAfter)
	s.async(func() {
		res, err := s.st.ImportJSONProgress(r, p.update)
		r.Close()
		fyne.Do(func() {
			p.close()
			s.imported(res, err)
		})
	})
}

func (s *diaryScreen) imported(res diary.ImportResult, err error) {
	if err != nil {
		fyne.LogError("import", err)
		if res.Added() > 0 { // part was added: show it
			s.reload(s.loaded)
			s.refresh()
		}
		s.tell(tr("diary.import.title"), importFailure(res, err))
		return
	}
	s.reload(s.loaded)
	s.refresh()
	s.tell(tr("diary.import.title"), importSummary(res, s.clock.Now()))
}

// importItemName is an import file's kind of item ("session", "worry",
// "ritual" or "pace test", as diary names them) in the user's words.
func importItemName(kind string) string {
	switch kind {
	case "worry":
		return tr("diary.import.item.worry")
	case "ritual":
		return tr("diary.import.item.ritual")
	case "pace test":
		return tr("diary.import.item.pacetest")
	}
	return tr("diary.import.item.session")
}

// importMessage says in plain words why a file could not be imported.
func importMessage(err error) string {
	var ie *diary.ImportError
	switch {
	case errors.Is(err, diary.ErrImportEmpty):
		return tr("diary.import.err.empty")
	case errors.Is(err, diary.ErrImportNotJSON):
		return tr("diary.import.err.notjson")
	case errors.Is(err, diary.ErrImportTruncated):
		return tr("diary.import.err.truncated")
	case errors.Is(err, diary.ErrImportForeign):
		return tr("diary.import.err.foreign")
	case errors.Is(err, diary.ErrImportNewerVersion):
		return tr("diary.import.err.newer")
	case errors.Is(err, diary.ErrImportTooLarge):
		return tr("diary.import.err.toolarge", map[string]any{"N": diary.MaxImportBytes >> 20})
	case errors.As(err, &ie):
		kind := importItemName(ie.Kind)
		return tr("diary.import.err.invalid", map[string]any{"Item": kind, "N": ie.Index + 1})
	case errors.Is(err, diary.ErrImportInvalid):
		return tr("diary.import.err.invalid.any")
	}
	return tr("diary.import.err.read")
}
