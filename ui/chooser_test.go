package ui

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/ontspan/ontspan/exercises"
)

// TestChooserFromHome: one click from home, one key per question, then two
// or three suggestions; Enter starts the first, and home then shows it as
// "Suggested for you" until the user asks again.
func TestChooserFromHome(t *testing.T) {
	u, _, _ := newTestUI(t)
	if labelWith(u, tr("chooser.suggested")) {
		t.Fatal("a suggestion on home before the chooser was used")
	}
	findTile(t, u.Current(), tr("chooser.title")).Tapped(nil)
	c, ok := u.current.(*chooser)
	if !ok {
		t.Fatalf("the card opened %T", u.current)
	}
	if !hasLabel(u.Current(), tr("chooser.q.focus")) || !hasLabel(u.Current(), tr("chooser.step", map[string]any{"N": 1, "Of": 5})) {
		t.Fatal("the first question is not shown")
	}
	if n := len(c.answers); n != 3 || !hasLabel(u.Current(), "3   "+tr("chooser.a.dontknow")) {
		t.Errorf("%d answers, the last not \"I don't know\"", n)
	}
	for _, k := range []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key9, fyne.Key2, fyne.Key1} {
		press(u, k) // head, no complaints, (9: no such answer), not restless, 2 minutes
	}
	if q, n, _, _ := c.run.Question(); n != 5 || q.ID != exercises.QPlace {
		t.Fatalf("at question %d %s, want 5 place (9 must be ignored)", n, q.ID)
	}
	press(u, fyne.KeyEscape) // back to the time question, 2 minutes marked
	if q, _, _, _ := c.run.Question(); q.ID != exercises.QTime {
		t.Fatalf("Esc went to %s", q.ID)
	}
	if !slices.ContainsFunc(test.LaidOutObjects(u.Current()), func(o fyne.CanvasObject) bool {
		l, ok := o.(*widget.Label)
		return ok && l.TextStyle.Bold && strings.HasPrefix(l.Text, "1   ")
	}) {
		t.Error("the answer given before is not marked")
	}
	u.win.Canvas().Focus(c.answers[2]) // Tab to an answer, then a number still answers
	c.answers[2].TypedKey(&fyne.KeyEvent{Name: fyne.Key1})
	if q, _, _, _ := c.run.Question(); q.ID != exercises.QPlace {
		t.Fatalf("a number on a focused answer: at %s", q.ID)
	}
	test.Tap(c.answers[1]) // at the desk, with a click
	if !c.run.Done() {
		t.Fatal("not done after five answers")
	}
	if n := len(c.result); n < 2 || n > 3 || len(c.starts) != n {
		t.Fatalf("%d suggestions, %d Start buttons", n, len(c.starts))
	}
	first := c.result[0]
	for _, s := range c.result {
		if s.Technique == exercises.PMR {
			t.Errorf("2 minutes suggested %s %s", s.Technique, s.Variant)
		}
		if !labelWith(u, tr(s.Reason, s.Data())) {
			t.Errorf("no reason shown for %s", s.Variant)
		}
	}
	if got, ok := u.data.prefs.Suggestion(); !ok || got != first {
		t.Errorf("stored %+v, want %+v", got, first)
	}
	press(u, fyne.KeyReturn)
	checkStarted(t, u, first)

	u.Home()
	if !hasLabel(u.Current(), tr("chooser.suggested")+": "+tr(first.Name, first.Data())) || !hasLabel(u.Current(), tr(first.Reason, first.Data())) {
		t.Error("home does not show the suggestion with its reason")
	}
	test.Tap(findButton(t, u.Current(), tr("chooser.start")))
	checkStarted(t, u, first)
}

// checkStarted: the screen runs what s suggested.
func checkStarted(t *testing.T, u *UI, s exercises.Suggestion) {
	t.Helper()
	switch r := u.current.(type) {
	case *breathRun:
		if s.Technique != exercises.Breathing || r.pattern.ID != s.Variant || r.length.Minutes != s.Minutes {
			t.Errorf("runs breathing %s %d min for %+v", r.pattern.ID, r.length.Minutes, s)
		}
	case *pmrRun:
		if s.Technique != exercises.PMR {
			t.Errorf("runs muscle relaxation for %+v", s)
		}
	case *miniCheckRun:
		if s.Technique != exercises.MiniCheck || r.timed != (s.Variant == exercises.MiniCheckTimed) {
			t.Errorf("runs the mini-check (timed %v) for %+v", r.timed, s)
		}
	case *sensesRun:
		if s.Technique != exercises.Senses || r.variant != s.Variant {
			t.Errorf("runs senses %s for %+v", r.variant, s)
		}
	default:
		t.Errorf("screen %T for %+v", u.current, s)
	}
}

// TestStartSuggestionStartsEach: every option the chooser can give starts
// its own exercise.
func TestStartSuggestionStartsEach(t *testing.T) {
	u, _, _ := newTestUI(t)
	for _, s := range []exercises.Suggestion{
		{Technique: exercises.Breathing, Variant: exercises.PatternBelly.ID, Minutes: 5},
		{Technique: exercises.PMR, Variant: exercises.PMRShort},
		{Technique: exercises.MiniCheck, Variant: exercises.MiniCheckTimed},
		{Technique: exercises.Senses, Variant: exercises.Senses54321},
	} {
		u.StartSuggestion(s)
		checkStarted(t, u, s)
		u.Home()
	}
}

// TestChooserEveryPathSuggests: whatever is answered ("I don't know"
// everywhere included), the result has two or three Start buttons.
func TestChooserEveryPathSuggests(t *testing.T) {
	u, _, _ := newTestUI(t)
	for last := 1; last <= 5; last++ {
		u.Chooser()
		c := u.current.(*chooser)
		for !c.run.Done() {
			press(u, fyne.KeyName(string(rune('0'+min(last, len(c.answers))))))
		}
		if n := len(c.starts); n < 2 || n > 3 {
			t.Errorf("answer %d everywhere: %d suggestions", last, n)
		}
	}
}

// TestChooserCountsTheDiary: once the diary's two-week verdict says 4-6
// breathing helped, the chooser says so under it.
func TestChooserCountsTheDiary(t *testing.T) {
	u, _, _ := newTestUI(t)
	var es []exercises.Entry
	for d := 0; d < 14; d++ {
		es = append(es, session(d, exercises.Breathing, exercises.Pattern46.ID, 5, 6, 3))
	}
	addEntries(t, u.data.store, es...)
	if o := u.data.outcomes(); o[exercises.Breathing] != exercises.Helped {
		t.Fatalf("fixture: outcomes %v", o)
	}
	u.Chooser()
	c := u.current.(*chooser)
	for !c.run.Done() {
		press(u, fyne.KeyName(strconv.Itoa(len(c.answers)))) // "I don't know" throughout
	}
	i := slices.IndexFunc(c.result, func(s exercises.Suggestion) bool { return s.Technique == exercises.Breathing })
	if i < 0 || c.result[i].Diary != "chooser.diary.helped" {
		t.Fatalf("result %+v: no breathing with the diary's word", c.result)
	}
	if !labelWith(u, tr("chooser.diary.helped")) {
		t.Error("the diary's word is not shown")
	}
}

// TestChooserOffersMyPace: once a pace test found the user's pace, a 4-6
// suggestion says so and starts at that pace.
func TestChooserOffersMyPace(t *testing.T) {
	u, _, _ := newTestUI(t)
	if err := u.data.prefs.SavePace(exercises.PacePattern(5.5, "My pace")); err != nil {
		t.Fatal(err)
	}
	found := false
	for last := 1; last <= 5 && !found; last++ {
		u.Chooser()
		c := u.current.(*chooser)
		for !c.run.Done() {
			press(u, fyne.KeyName(string(rune('0'+min(last, len(c.answers))))))
		}
		for i, s := range c.result {
			if s.Technique != exercises.Breathing || s.Variant != exercises.Pattern46.ID {
				continue
			}
			found = true
			if !labelWith(u, tr("chooser.mypace", map[string]any{"Pace": u.data.myPaceName()})) {
				t.Error("the 4-6 suggestion does not mention the user's pace")
			}
			test.Tap(c.starts[i])
			r, ok := u.current.(*breathRun)
			if !ok || r.pattern.ID != exercises.MyPaceID {
				t.Fatalf("Start opened %T (pattern %v), want breathing at my pace", u.current, r)
			}
			break
		}
		u.Home()
	}
	if !found {
		t.Fatal("no answers led to a 4-6 suggestion")
	}
}
