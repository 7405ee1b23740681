package ui

import (
	"errors"
	"strings"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ontspan/ontspan/exercises"
	"github.com/ontspan/ontspan/exercises/diary"
	"github.com/ontspan/ontspan/exercises/remind"
)

// worryDefaultKey is the store key of the time of day a parked worry comes
// back the next day ("HH:MM"). The daily worry time is not stored here but
// in the reminder settings (remind.Load/Save), so the tray agent that
// reminds of it and this screen share one value.
const worryDefaultKey = "worry.defaultTime"

// worryStore is all the worry screens keep in the diary; each screen takes
// the narrower part it uses.
type worryStore interface {
	notebookStore
	parkStore
}

// worrySettings reads the notebook's settings: the default time from the
// store, the daily worry time from the shared reminder settings. Damaged or
// absent values give the defaults; DefaultRevisit copes with the rest.
func (d *appData) worrySettings() exercises.WorrySettings { return loadWorrySettings(d.worryStore()) }

// loadWorrySettings is worrySettings from st; the defaults when st is nil.
func loadWorrySettings(st remind.KV) exercises.WorrySettings {
	s := exercises.DefaultWorrySettings()
	if st == nil {
		return s
	}
	if v, ok, err := st.Setting(worryDefaultKey); err == nil && ok {
		if at, ok := exercises.NormalizeClock(v); ok {
			s.DefaultTime = at
		}
	}
	r, err := remind.Load(st)
	if err != nil {
		fyne.LogError("worry time", err) // Load still returned usable settings
	}
	s.WorryTimeOn, s.WorryTime, s.WorryMinutes = r.WorryTime.Enabled, r.WorryTime.At, r.WorryTime.Minutes
	return s
}

// storeWorrySettings stores s: the worry time in the reminder settings
// (which the tray agent reads), the default time under worryDefaultKey; st
// may be nil.
func storeWorrySettings(st remind.KV, s exercises.WorrySettings) error {
	if err := s.Validate(); err != nil {
		return err
	}
	if st == nil {
		return errWorryNoStore
	}
	// Only the worry time changes, on the settings as stored now (see remind.Update).
	_, err := remind.Update(st, func(r *remind.Settings) {
		r.WorryTime = remind.WorryReview{Enabled: s.WorryTimeOn, At: s.WorryTime, Minutes: s.WorryMinutes}
	})
	if err != nil {
		return err
	}
	return st.SetSetting(worryDefaultKey, s.DefaultTime)
}

var errWorryNoStore = errors.New("the diary is not open")

// dueCount is how many parked worries are waiting to be looked at now.
func (d *appData) dueCount() int { return countDue(d.worryStore(), d.clock.Now()) }

// dueWorries lists the worries due at now.
type dueWorries interface {
	DueWorries(now time.Time) ([]exercises.Worry, error)
}

// countDue is how many worries in st are due at now; 0 when st is nil.
func countDue(st dueWorries, now time.Time) int {
	if st == nil {
		return 0
	}
	due, err := st.DueWorries(now)
	if err != nil {
		fyne.LogError("due worries", err)
		return 0
	}
	return len(due)
}

// worryBadge is the home tile's badge for n due worries, or "".
func worryBadge(n int) string {
	if n > 0 {
		return trn("worry.badge", n)
	}
	return ""
}

// worryDueLine is a gentle line for the top of home when worries are due,
// so those that came due while the app was closed are seen at the next
// start. An empty box when none are. home counts once for both.
func (h *home) worryDueLine(n int) fyne.CanvasObject {
	if n == 0 {
		return container.NewVBox()
	}
	look := newButton(tr("worry.due.look"), theme.VisibilityIcon(), h.nav.ReviewWorries)
	return container.NewBorder(nil, nil, nil, look, para(trn("worry.due.line", n)))
}

// worryChoiceLabel is a quick choice's text, e.g. "Tomorrow at 10:00".
func worryChoiceLabel(c exercises.RevisitChoice) string {
	return tr(c.Key, map[string]any{"Time": exercises.FormatClock(c.At.Hour(), c.At.Minute()), "Date": shortDate(c.At)})
}

// worryMessage is the sentence shown next to the field for an engine error.
func worryMessage(err error, text string) string {
	var notTime *remind.TimeError
	switch {
	case errors.Is(err, exercises.ErrWorryEmpty):
		return tr("worry.park.empty")
	case errors.Is(err, exercises.ErrWorryTooLong):
		return tr("worry.park.long", map[string]any{"N": utf8.RuneCountInString(strings.TrimSpace(text)), "Max": exercises.MaxWorryRunes})
	case errors.Is(err, exercises.ErrWorryNUL):
		return tr("worry.park.nul")
	case errors.Is(err, exercises.ErrWorryInvalidUTF8):
		return tr("worry.park.utf8")
	case errors.Is(err, exercises.ErrNextStepEmpty):
		return tr("worry.review.step.empty")
	case errors.Is(err, exercises.ErrNextStepTooLong):
		return tr("worry.review.step.long", map[string]any{"Max": exercises.MaxNextStepRunes})
	case errors.Is(err, exercises.ErrRevisitPast):
		return tr("worry.park.past")
	case errors.Is(err, exercises.ErrRevisitTooFar):
		return tr("worry.park.far")
	case errors.Is(err, errWorryPickDate):
		return tr("worry.park.nodate")
	case errors.As(err, &notTime):
		return notATime(notTime.Value)
	case errors.Is(err, exercises.ErrWorryArchived):
		return tr("worry.err.archived")
	}
	return tr("worry.err.save")
}

var errWorryPickDate = errors.New("no date picked")

// worryNote is a label for hints and errors beside a field: quiet for a hint,
// red for a problem.
type worryNote struct{ *widget.Label }

func newWorryNote() worryNote { return worryNote{newProblemLabel()} }

func (m worryNote) hint(s string) {
	m.Importance, m.TextStyle.Italic = widget.MediumImportance, true
	m.SetText(s)
	m.Show()
}

func (m worryNote) problem(s string) {
	m.Importance, m.TextStyle.Italic = widget.DangerImportance, false
	m.SetText(s)
	m.Show()
}

func (m worryNote) clear() { m.SetText(""); m.Hide() }

// parkScreen writes a worry down fast: the field has focus at once, Enter
// parks, and the next one can follow straight away.
type parkScreen struct {
	nav      navigator
	store    parkStore // nil without a diary
	clock    exercises.Clock
	settings exercises.WorrySettings
	dataDir  string

	entry     *worryText
	msg       worryNote // about the text, under the field
	whenMsg   worryNote // about the moment chosen, under the picker, by Park
	suggest   *button
	suggested time.Time
	picker    *revisitPicker
	parkBt    *button
	recent    []exercises.Worry // parked in this sitting, newest first
	recentBox *fyne.Container
	actions   *fyne.Container // Notebook and Done; after parking, breathing, body check and Done
	breatheBt *button
	bodyBt    *button
	doneBt    *button
	long      bool   // the too-long message is showing
	refused   bool   // the field-is-full message is showing
	keepOld   bool   // an over-long draft stays in the store: do not overwrite it
	draft     string // the unparked text kept in the store, "" when none
	toEnd     bool   // put the cursor after the restored draft once focused
}

// worryDraftKey is the store key of the text typed on the park screen but
// not parked: leaving the screen (Esc, Back, Done, quitting) keeps it, and
// it is back in the field the next time, so nothing typed is ever lost and
// nobody is asked anything on the way out. It lives in the diary, which
// only its owner can read, as the worries do.
const worryDraftKey = "worry.draft"

// parkStore is what the park screen keeps in the diary: the worries and
// the draft.
type parkStore interface {
	dueWorries
	AddWorry(w *exercises.Worry) error
	DeleteWorry(id int64) (exercises.Worry, error)
	remind.KV
	DeleteSetting(key string) error
}

// newParkScreen builds the park screen; st is nil without a diary, dataDir
// "" without a data folder (for a draft too long for the field).
func newParkScreen(nav navigator, st parkStore, clock exercises.Clock, settings exercises.WorrySettings, dataDir string) *parkScreen {
	return &parkScreen{nav: nav, store: st, clock: clock, settings: settings, dataDir: dataDir}
}

func (p *parkScreen) view() fyne.CanvasObject {
	now := p.clock.Now()
	p.entry = newWorryText(true, tr("worry.park.placeholder"), p.park)
	p.entry.OnChanged = p.changed
	p.msg, p.whenMsg = newWorryNote(), newWorryNote()
	p.entry.limitTo(exercises.MaxWorryRunes, func(m string) { p.msg.problem(m); p.refused = true })
	p.suggest = newButton("", theme.HistoryIcon(), func() { p.parkAt(p.suggested) })
	p.suggest.Hide()
	p.picker = newRevisitPicker(now, p.settings, p.park)
	p.parkBt = newPrimaryButton(tr("worry.park.button"), theme.ConfirmIcon(), p.park)
	p.recentBox = container.NewVBox()
	// No icons on these three: they must fit side by side in a 360 px window.
	p.breatheBt = newButton(tr("worry.park.breathing"), nil, func() {
		p.nav.StartBreathing(exercises.Pattern46.ID, exercises.Length{Minutes: 2})
	})
	p.bodyBt = newButton(tr("worry.park.bodycheck"), nil, p.nav.MiniCheck)
	p.doneBt = newButton(tr("worry.park.finish"), nil, p.nav.Home)
	p.actions = container.NewHBox(newButton(tr("worry.park.notebook"), theme.ListIcon(), p.nav.WorryNotebook), p.doneBt)

	top := container.NewVBox()
	if n := countDue(p.store, now); n > 0 {
		look := newButton(tr("worry.due.look"), theme.VisibilityIcon(), p.nav.ReviewWorries)
		top.Add(container.NewBorder(nil, nil, nil, look, para(trn("worry.due.line", n))))
		top.Add(widget.NewSeparator())
	}
	if p.store == nil {
		top.Add(para(tr("worry.park.nostore")))
		p.entry.Disable()
		p.parkBt.Disable()
	}
	p.restoreDraft()
	keys := para(tr("worry.park.keys"))
	keys.TextStyle.Italic = true
	content := container.NewVBox(
		top,
		para(tr("worry.park.intro")),
		p.entry,
		p.msg.Label,
		boldLabel(tr("worry.park.when")),
		p.picker.box,
		p.whenMsg.Label,
		p.suggest,
		container.NewBorder(nil, nil, nil, p.parkBt, keys),
		p.recentBox,
	)
	return page(p.nav.Home, tr("worry.park.title"), content, p.actions)
}

func (p *parkScreen) focus() {
	if p.entry != nil && !p.entry.Disabled() {
		p.nav.window().Canvas().Focus(p.entry)
		if p.toEnd { // writing on where the draft stopped
			p.toEnd = false
			p.entry.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
		}
	}
}

// changed says at once when the text grows too long; nothing is cut off.
func (p *parkScreen) changed(s string) {
	if utf8.RuneCountInString(strings.TrimSpace(s)) > exercises.MaxWorryRunes {
		p.msg.problem(worryMessage(exercises.ErrWorryTooLong, s))
		p.long = true
	} else if p.long || p.refused {
		p.msg.clear()
		p.long, p.refused = false, false
	}
}

// park parks the text for the chosen time.
func (p *parkScreen) park() {
	at, err := p.picker.at()
	if err != nil {
		p.showError(err)
		return
	}
	p.parkAt(at)
}

func (p *parkScreen) parkAt(at time.Time) {
	if p.store == nil {
		return
	}
	now := p.clock.Now()
	w, err := exercises.Park(p.entry.Text, at, now)
	if err != nil {
		p.showError(err)
		return
	}
	if err := p.store.AddWorry(&w); err != nil {
		fyne.LogError("park worry", err)
		p.msg.problem(tr("worry.err.save"))
		return
	}
	p.suggest.Hide()
	p.whenMsg.clear()
	p.recent = append([]exercises.Worry{w}, p.recent...)
	p.entry.SetText("")
	p.saveDraft() // parked: the draft must not come back
	p.msg.hint(tr("worry.park.done", map[string]any{"When": momentText(w.Revisit, now)}))
	p.showRecent()
	p.actions.Objects = []fyne.CanvasObject{p.breatheBt, p.bodyBt, p.doneBt}
	p.actions.Refresh()
	p.focus()
}

// showError puts the message beside the field; the text stays as typed. A
// time in the past comes with the default time as a one-tap suggestion.
func (p *parkScreen) showError(err error) {
	p.suggest.Hide()
	p.whenMsg.clear()
	if aboutTheMoment(err) {
		// Said by the picker and the Park button, where the user looks and
		// acts; the page scrolls so that both can be seen.
		p.whenMsg.problem(worryMessage(err, p.entry.Text))
		if errors.Is(err, exercises.ErrRevisitPast) {
			now := p.clock.Now()
			p.suggested = exercises.DefaultRevisit(now, p.settings)
			p.suggest.SetText(tr("worry.park.suggest", map[string]any{"When": momentText(p.suggested, now)}))
			p.suggest.Show()
		}
		showFocused(p.parkBt)
		return
	}
	if errors.Is(err, exercises.ErrWorryEmpty) {
		p.msg.hint(worryMessage(err, ""))
		p.focus()
		return
	}
	p.msg.problem(worryMessage(err, p.entry.Text))
	p.long = errors.Is(err, exercises.ErrWorryTooLong)
	p.focus()
}

// aboutTheMoment reports whether err is about when to look again (no date,
// no time, past, too far) rather than about the text.
func aboutTheMoment(err error) bool {
	var notTime *remind.TimeError
	return errors.As(err, &notTime) || errors.Is(err, errWorryPickDate) ||
		errors.Is(err, exercises.ErrRevisitPast) || errors.Is(err, exercises.ErrRevisitTooFar)
}

// showRecent lists what was parked in this sitting, each with an undo.
func (p *parkScreen) showRecent() {
	p.recentBox.RemoveAll()
	if len(p.recent) == 0 {
		return
	}
	now := p.clock.Now()
	p.recentBox.Add(widget.NewSeparator())
	notebook := newButton(tr("worry.park.notebook"), theme.ListIcon(), p.nav.WorryNotebook)
	p.recentBox.Add(container.NewBorder(nil, nil, nil, notebook, boldLabel(tr("worry.park.recent"))))
	for _, w := range p.recent {
		undo := newButton(tr("common.undo"), theme.ContentUndoIcon(), func() { p.undo(w) })
		line := widget.NewLabel(momentText(w.Revisit, now) + "  ·  " + worryLine(w.Text, 60))
		line.Truncation = fyne.TextTruncateEllipsis
		p.recentBox.Add(container.NewBorder(nil, nil, nil, undo, line))
	}
}

// undo takes a worry parked just now out again and, when the field is
// empty, puts its text back to be changed.
func (p *parkScreen) undo(w exercises.Worry) {
	if _, err := p.store.DeleteWorry(w.ID); err != nil {
		fyne.LogError("undo park", err)
	}
	for i, r := range p.recent {
		if r.ID == w.ID {
			p.recent = append(p.recent[:i:i], p.recent[i+1:]...)
			break
		}
	}
	if strings.TrimSpace(p.entry.Text) == "" {
		p.entry.SetText(w.Text)
	}
	p.msg.hint(tr("worry.park.undone"))
	p.showRecent()
	p.focus()
}

// restoreDraft puts back what was typed but not parked last time, with a
// quiet line saying so.
func (p *parkScreen) restoreDraft() {
	st := p.store
	if st == nil {
		return
	}
	d, ok, err := st.Setting(worryDraftKey)
	if err != nil {
		fyne.LogError("worry draft", err)
		return
	}
	if !ok || strings.TrimSpace(d) == "" {
		return
	}
	if overLimit(d, exercises.MaxWorryRunes) {
		p.keepLongDraft(d)
		return
	}
	p.draft = d
	p.msg.hint(tr("worry.park.draft"))
	// Fyne wraps a long text by measuring it over and over, at every size
	// the window takes while it opens (~0.15 s a time at 2,000 characters,
	// issue 16): the draft goes in once the screen is drawn at its size.
	afterFirstFrame(func() {
		if p.entry.Text != "" { // typed already: the stored draft stays as it is
			p.keepOld = true
			return
		}
		p.entry.SetText(d)
		p.toEnd = true
		if p.nav.window().Canvas().Focused() == fyne.Focusable(p.entry) {
			p.focus()
		}
	})
}

// keepLongDraft handles a draft longer than the field takes (saved before
// the field had a limit): it is never put into the field, where wrapping it
// froze the window at every start. It moves to a file of its own in the
// data folder (0600, like the diary) and the message says where; only then
// is it taken out of the store. Without a data folder it stays in the store.
func (p *parkScreen) keepLongDraft(d string) {
	n := utf8.RuneCountInString(strings.TrimSpace(d))
	dir := p.dataDir
	p.keepOld = true
	if dir == "" {
		p.msg.problem(tr("worry.draft.long.kept", map[string]any{"N": n, "Max": exercises.MaxWorryRunes}))
		return
	}
	path, err := writePrivateText(dir, "worry-draft", p.clock.Now(), d)
	if err != nil {
		fyne.LogError("keep long worry draft", err)
		p.msg.problem(tr("worry.draft.long.kept", map[string]any{"N": n, "Max": exercises.MaxWorryRunes}))
		return
	}
	if err := p.store.DeleteSetting(worryDraftKey); err != nil {
		fyne.LogError("worry draft", err) // the file has it; the store keeps it too
	} else {
		p.keepOld = false
	}
	p.msg.problem(tr("worry.draft.long.file", map[string]any{"N": n, "Max": exercises.MaxWorryRunes, "Path": path}))
}

// saveDraft keeps the field's text for next time, or forgets the draft
// when the field is empty; it writes only when something changed.
func (p *parkScreen) saveDraft() {
	st := p.store
	if st == nil || p.entry == nil || p.keepOld {
		return
	}
	text := strings.ToValidUTF8(strings.ReplaceAll(p.entry.Text, "\x00", ""), "")
	if strings.TrimSpace(text) == "" {
		text = ""
	}
	for len(text) > diary.MaxSettingBytes { // a paste far beyond any worry: keep what fits
		_, n := utf8.DecodeLastRuneInString(text)
		text = text[:len(text)-n]
	}
	if text == p.draft {
		return
	}
	var err error
	if text == "" {
		err = st.DeleteSetting(worryDraftKey)
	} else {
		err = st.SetSetting(worryDraftKey, text)
	}
	if err != nil {
		fyne.LogError("worry draft", err)
		return
	}
	p.draft = text
}

// leave keeps an unparked text as a draft: Esc, Back, Done and quitting
// never throw it away.
func (p *parkScreen) leave() { p.saveDraft() }

func (p *parkScreen) key(e *fyne.KeyEvent) {
	if e.Name == fyne.KeyEscape {
		p.nav.Home()
	}
}

// worryLine is s on one line, cut to n characters with an ellipsis.
func worryLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return strings.TrimSpace(string(r[:n])) + "…"
	}
	return s
}

// worryColumns lays buttons out in as many equal columns as fit, each as
// wide as the widest button: side by side on a normal window, stacked at
// 360 px.
func worryColumns(bs ...*button) *fyne.Container {
	var w float32
	objs := make([]fyne.CanvasObject, len(bs))
	for i, b := range bs {
		w = max(w, b.MinSize().Width)
		objs[i] = b
	}
	return container.New(&columns{min: w}, objs...)
}
