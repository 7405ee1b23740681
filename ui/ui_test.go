package ui

import (
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ontspan/ontspan/exercises"
	"github.com/ontspan/ontspan/exercises/diary"
)

// recorder is a Player that remembers what it played.
type recorder struct {
	mu   sync.Mutex
	cues []Cue
}

func (r *recorder) Play(c Cue) {
	r.mu.Lock()
	r.cues = append(r.cues, c)
	r.mu.Unlock()
}

func (r *recorder) played() []Cue {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]Cue(nil), r.cues...)
}

var testStart = time.Date(2026, 11, 25, 23, 5, 0, 0, time.Local)

// newTestUI builds the real UI on Fyne's test driver with a fake clock.
func newTestUI(t *testing.T) (*UI, *exercises.FakeClock, *recorder) {
	t.Helper()
	a := test.NewTempApp(t)
	w := a.NewWindow("Ontspan")
	w.Resize(fyne.NewSize(560, 720))
	c := exercises.NewFakeClock(testStart)
	rec := &recorder{}
	st, err := diary.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	u := New(a, w, Deps{Clock: c, Sound: rec, Store: st, NoAgent: true})
	u.Home() // as Open does once the welcome is done
	t.Cleanup(func() {
		defer st.Close()
		if l, ok := u.current.(leaving); ok {
			l.leave()
		}
		_ = setLanguage("en")
	})
	_ = setLanguage("en")
	u.Home()
	return u, c, rec
}

func press(u *UI, k fyne.KeyName) { u.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: k}) }

func TestBreathingRunsWithTheClock(t *testing.T) {
	u, c, rec := newTestUI(t)
	u.Breathing()
	setup := u.current.(*breathSetup)
	if setup.chosen.ID != "4-6" {
		t.Fatalf("default rhythm %q, want 4-6", setup.chosen.ID)
	}
	setup.lengths.SetSelected(trn("breath.minutes", 1))
	press(u, fyne.KeySpace) // Space starts
	run, ok := u.current.(*breathRun)
	if !ok {
		t.Fatalf("Space did not start: screen %T", u.current)
	}
	if got := run.phase.Text; got != "Breathe in… 4" {
		t.Errorf("phase %q, want Breathe in… 4", got)
	}
	if got := run.left.Text; got != "1:00 left" {
		t.Errorf("left %q", got)
	}
	if run.pacer.Scale() != minScale {
		t.Errorf("circle starts breathed out, got %.3f", run.pacer.Scale())
	}

	c.Advance(2 * time.Second)
	run.frame()
	if s := run.pacer.Scale(); s <= minScale || s >= 1 {
		t.Errorf("halfway in, scale %.3f", s)
	}
	if got := run.phase.Text; got != "Breathe in… 2" {
		t.Errorf("phase %q, want Breathe in… 2", got)
	}
	c.Advance(2 * time.Second)
	run.frame()
	if got := run.phase.Text; got != "Breathe out… 6" {
		t.Errorf("phase %q, want Breathe out… 6", got)
	}
	if run.pacer.Scale() != 1 {
		t.Errorf("full at the turn, got %.3f", run.pacer.Scale())
	}
	if got := rec.played(); len(got) != 2 || got[0] != CueIn || got[1] != CueOut {
		t.Errorf("cues %v, want in, out", got)
	}

	press(u, fyne.KeySpace) // pause
	if run.phase.Text != "Paused" || run.pauseBt.Text != "Go on" {
		t.Errorf("paused: %q / %q", run.phase.Text, run.pauseBt.Text)
	}
	if run.loop.animating.Load() {
		t.Error("a paused pacer must not animate")
	}
	c.Advance(time.Hour)
	press(u, fyne.KeySpace) // resume
	if got := run.phase.Text; got != "Breathe out… 6" {
		t.Errorf("after an hour's pause: %q, want Breathe out… 6", got)
	}

	c.Advance(56 * time.Second) // to the end of the minute (4 s + 56 s practised)
	run.frame()
	done, ok := u.current.(*doneScreen)
	if !ok {
		t.Fatalf("after a minute: screen %T", u.current)
	}
	if p := done.sess.Now(); p.State != exercises.Finished || p.Elapsed != time.Minute {
		t.Errorf("done: %+v", p)
	}
	if got := rec.played(); got[len(got)-1] != CueEnd {
		t.Errorf("last cue %v, want the end chime", got[len(got)-1])
	}
	press(u, fyne.KeyEscape)
	if _, ok := u.current.(*home); !ok {
		t.Errorf("Esc on done: %T", u.current)
	}
}

func TestEscStopsAndMuteIsSilent(t *testing.T) {
	u, c, rec := newTestUI(t)
	u.data.prefs.SetSound(false)
	u.StartBreathing("box", exercises.Length{Minutes: 2})
	run := u.current.(*breathRun)
	c.Advance(5 * time.Second)
	run.frame()
	if run.phase.Text != "Hold… 3" {
		t.Errorf("box at 5 s: %q", run.phase.Text)
	}
	press(u, fyne.KeyEscape)
	done, ok := u.current.(*doneScreen)
	if !ok {
		t.Fatalf("Esc: screen %T", u.current)
	}
	if p := done.sess.Now(); p.State != exercises.Stopped || p.Elapsed != 5*time.Second {
		t.Errorf("stopped: %+v", p)
	}
	if len(rec.played()) != 0 {
		t.Errorf("muted, yet played %v", rec.played())
	}
	if !run.over {
		t.Error("the run screen did not wind down")
	}
}

func TestReducedMotionShowsBar(t *testing.T) {
	u, c, _ := newTestUI(t)
	u.data.prefs.SetReducedMotion(true)
	u.StartBreathing("4-6", exercises.Length{Breaths: 3})
	run := u.current.(*breathRun)
	if !run.pacer.Reduced() {
		t.Fatal("reduced motion must show the bar")
	}
	c.Advance(time.Second)
	run.frame()
	if f := run.pacer.Fill(); f < 0.24 || f > 0.26 {
		t.Errorf("fill after 1 of 4 s: %.3f", f)
	}
	if run.pacer.Scale() != minScale {
		t.Error("the circle must not move in reduced motion")
	}
}

func TestSettingsPersist(t *testing.T) {
	u, _, _ := newTestUI(t)
	u.Settings()
	s := u.current.(*settingsScreen)
	test.Tap(s.sound)  // on → off
	test.Tap(s.motion) // off → on
	again := NewPrefs(u.app.Preferences())
	if again.Sound() || !again.ReducedMotion() {
		t.Errorf("not stored: sound %v motion %v", again.Sound(), again.ReducedMotion())
	}
	if u.motion() {
		t.Error("reduced motion setting ignored")
	}
}

func TestLanguageSwitchChangesTexts(t *testing.T) {
	u, _, _ := newTestUI(t)
	u.Settings()
	u.current.(*settingsScreen).language.SetSelected("Nederlands")
	if u.data.prefs.Language() != "nl" {
		t.Fatalf("stored language %q", u.data.prefs.Language())
	}
	if !hasLabel(u.Current(), "Taal") {
		t.Error("settings not redrawn in Dutch")
	}
	u.Home()
	if !hasLabel(u.Current(), "Instellingen") {
		t.Error("home not in Dutch")
	}
	u.StartBreathing("4-6", exercises.Length{Minutes: 1})
	if got := u.current.(*breathRun).phase.Text; got != "Adem in… 4" {
		t.Errorf("Dutch phase %q", got)
	}
	u.current.(*breathRun).stop()
	if !hasLabel(u.Current(), "Gestopt, en dat is prima") {
		t.Error("done screen not in Dutch")
	}
	u.Settings()
	u.current.(*settingsScreen).language.SetSelected("English")
	u.Home()
	if !hasLabel(u.Current(), "Settings") {
		t.Error("back to English failed")
	}
}

func TestCustomPatternValidationInDialog(t *testing.T) {
	u, _, _ := newTestUI(t)
	if _, err := u.data.prefs.SavePattern(exercises.Pattern{Name: "Slow", In: 5, Out: 25}); err != exercises.ErrOutRange {
		t.Errorf("out of range accepted: %v", err)
	}
	p, err := u.data.prefs.SavePattern(exercises.Pattern{Name: " Slow ", In: 5, Out: 7, HoldOut: 1})
	if err != nil || p.ID != "custom:slow" {
		t.Fatalf("save: %v %+v", err, p)
	}
	u.Breathing()
	s := u.current.(*breathSetup)
	s.choice.SetSelected("Slow")
	if !s.chosen.Custom || s.deleteBt.Hidden {
		t.Error("choosing a custom rhythm should offer delete")
	}
	s.begin()
	ex := u.current.(*breathRun).sess.Exercise()
	if ex.Variant != "custom:slow" || ex.Duration() != 23*13*time.Second { // 5 min of 13 s breaths → 23
		t.Errorf("custom session: %s, %v", ex.Variant, ex.Duration())
	}
	if err := u.data.prefs.DeletePattern("custom:slow"); err != nil || len(u.data.prefs.Patterns()) != 0 {
		t.Error("delete failed")
	}
}

func TestDamagedPatternsPrefIsIgnored(t *testing.T) {
	u, _, _ := newTestUI(t)
	u.app.Preferences().SetString(prefPatterns, "{not json")
	if ps := u.data.prefs.Patterns(); len(ps) != 0 {
		t.Errorf("damaged value gave %v", ps)
	}
	u.Breathing() // must still open
	if _, ok := u.current.(*breathSetup); !ok {
		t.Error("breathing setup failed on damaged prefs")
	}
}

// hasLabel reports whether any label, button, link or card on screen reads text.
func hasLabel(o fyne.CanvasObject, text string) bool {
	return anyText(test.LaidOutObjects(o), text)
}

func anyText(objs []fyne.CanvasObject, text string) bool {
	for _, o := range objs {
		switch w := o.(type) {
		case *widget.Label:
			if w.Text == text {
				return true
			}
		case *button:
			if w.Text == text {
				return true
			}
		case *link:
			if w.Text == text {
				return true
			}
		case *tile:
			if w.title == text {
				return true
			}
		}
	}
	return false
}

func exerciseMinutes(m int) exercises.Length { return exercises.Length{Minutes: m} }

func TestEscWorksWhileTypingANote(t *testing.T) {
	u, c, _ := newTestUI(t)
	u.StartBreathing("4-6", exerciseMinutes(1))
	c.Advance(20 * time.Second)
	u.current.(*breathRun).stop()
	d := u.current.(*doneScreen)
	test.Type(d.note, "felt ok")
	u.win.Canvas().Focus(d.note)
	d.note.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if _, ok := u.current.(*home); !ok {
		t.Fatalf("Esc in the note: still on %T", u.current)
	}
	if e, _ := u.data.store.Entry(d.entry.ID); e.Note != "felt ok" {
		t.Errorf("note not kept on Esc: %q", e.Note)
	}
}

func TestTabStartsAtTheTop(t *testing.T) {
	u, _, _ := newTestUI(t)
	u.Settings()
	u.win.Canvas().FocusNext()
	b, ok := u.win.Canvas().Focused().(*button)
	if !ok || b.Icon == nil || b.Icon.Name() != theme.NavigateBackIcon().Name() {
		t.Errorf("first Tab focuses %T, want the back button", u.win.Canvas().Focused())
	}
}
