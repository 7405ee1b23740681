package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/ontspan/ontspan/exercises"
)

// paceTrialScreen is the breathing screen of the pace being tried, or fails.
func paceTrialScreen(t *testing.T, u *UI) *breathRun {
	t.Helper()
	br, ok := stepScreen(t, u).inner.(*breathRun)
	if !ok {
		t.Fatalf("a pace runs in %T", stepScreen(t, u).inner)
	}
	return br
}

// TestPaceFinderFullRun breathes all six paces with the fake clock, rates
// 5.5 most comfortable (one pace skipped, the rest a 3), and finds "My pace
// (5.5/min)" saved under its fixed id, offered in the breathing set-up,
// logged once, and shown in the diary.
func TestPaceFinderFullRun(t *testing.T) {
	u, c, _ := newTestUI(t)
	u.PaceFinder()
	pf := u.current.(*paceFinder)
	press(u, fyne.KeySpace)
	seen := map[float64]bool{}
	for i := range 6 {
		tr, n, ok := pf.pr.Trial()
		if !ok || n != i {
			t.Fatalf("trial %d: %v %d", i, ok, n)
		}
		seen[tr.Pace] = true
		br := paceTrialScreen(t, u)
		if br.sess.Exercise().Variant != "pace-test" {
			t.Errorf("pace %g runs %q", tr.Pace, br.sess.Exercise().Variant)
		}
		if tr.Pace == 7 {
			c.Advance(20 * time.Second)
			press(u, fyne.KeyS) // skip this pace
			continue
		}
		d := br.sess.Exercise().Duration()
		if d < 90*time.Second || d > 101*time.Second {
			t.Errorf("pace %g lasts %v", tr.Pace, d)
		}
		c.Advance(d)
		br.frame()
		if u.current != pf || pf.phase != paceRating {
			t.Fatalf("after pace %g: %T, want the rating", tr.Pace, u.current)
		}
		if !pf.nextBt.Disabled() {
			t.Error("Next is enabled before a comfort is chosen")
		}
		if tr.Pace == 5.5 {
			press(u, fyne.Key5)
			pf.setFeel(exercises.FeelRight)
		} else {
			press(u, fyne.Key3)
		}
		press(u, fyne.KeyReturn)
	}
	if len(seen) != 6 {
		t.Errorf("tried %d different paces", len(seen))
	}
	if pf.phase != paceResult || !hasLabel(u.Current(), "Your pace: 5.5 breaths a minute. You find it with your rhythms.") {
		t.Fatalf("the result is not shown (phase %d)", pf.phase)
	}
	for _, want := range []string{"7 a minute: skipped", "5.5 a minute: 5 of 5 · Just right", "4.5 a minute: 3 of 5"} {
		if !hasLabel(u.Current(), want) {
			t.Errorf("the result lacks %q", want)
		}
	}
	p, ok := exercises.FindPattern(exercises.MyPaceID, u.data.prefs.Patterns())
	if !ok || p.Name != "My pace (5.5/min)" {
		t.Fatalf("my pace saved as %+v, %v", p, ok)
	}
	if got := 60 / (p.In + p.Out); got < 5.49 || got > 5.51 {
		t.Errorf("my pace breathes %.2f a minute", got)
	}
	tests, err := u.data.store.PaceTests(2)
	if err != nil || len(tests) != 1 || !tests[0].Finished || tests[0].Chosen != 5.5 || len(tests[0].Ratings) != 6 {
		t.Fatalf("logged %+v, %v", tests, err)
	}
	if es := allEntries(t, u); len(es) != 0 {
		t.Errorf("the trials were logged as sessions: %+v", es)
	}

	// A second test replaces "My pace" rather than adding one.
	if err := u.data.prefs.SavePace(exercises.PacePattern(6, "My pace (6/min)")); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, q := range u.data.prefs.Patterns() {
		if q.ID == exercises.MyPaceID {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d my-pace rhythms", n)
	}

	u.Breathing()
	offered := false
	for _, q := range u.current.(*breathSetup).patterns {
		offered = offered || patternName(q) == "My pace (6/min)"
	}
	if !offered {
		t.Error("the breathing set-up does not offer my pace")
	}
	openDiaryScreen(t, u)
	if !labelWith(u, "Pace test: 5.5 breaths a minute") {
		t.Error("the diary does not show the pace test")
	}
}

// TestPaceFinderStopped: Esc half way logs the test as not finished, keeps
// no pace, and says so.
func TestPaceFinderStopped(t *testing.T) {
	u, c, _ := newTestUI(t)
	u.PaceFinder()
	pf := u.current.(*paceFinder)
	press(u, fyne.KeySpace)
	br := paceTrialScreen(t, u)
	c.Advance(br.sess.Exercise().Duration())
	br.frame()
	press(u, fyne.Key4)
	press(u, fyne.KeyReturn)
	c.Advance(30 * time.Second)
	press(u, fyne.KeyEscape)
	if pf.phase != paceResult || !hasLabel(u.Current(), "The test was not finished, so your pace stays as it was.") {
		t.Fatalf("after Esc: %T, phase %d", u.current, pf.phase)
	}
	if _, ok := exercises.FindPattern(exercises.MyPaceID, u.data.prefs.Patterns()); ok {
		t.Error("an unfinished test saved my pace")
	}
	tests, err := u.data.store.PaceTests(2)
	if err != nil || len(tests) != 1 || tests[0].Finished || len(tests[0].Ratings) != 1 {
		t.Fatalf("logged %+v, %v", tests, err)
	}
	openDiaryScreen(t, u)
	if !labelWith(u, "Pace test, not finished") {
		t.Error("the diary does not say the test was not finished")
	}
}

// TestPaceAgainAfterFourWeeks: home offers the test again, quietly, four
// weeks after the last finished one, and not before.
func TestPaceAgainAfterFourWeeks(t *testing.T) {
	u, c, _ := newTestUI(t)
	ratings := []exercises.PaceRating{}
	for _, p := range exercises.PaceTestPaces {
		ratings = append(ratings, exercises.PaceRating{Pace: p, Comfort: 3})
	}
	pt := exercises.EndPaceTest(c.Now().Add(-27*24*time.Hour), ratings)
	if err := u.data.store.AddPaceTest(&pt); err != nil {
		t.Fatal(err)
	}
	u.Home()
	if hasLink(u.Current(), "Four weeks since your pace test. Your pace can shift over time: try it again?") {
		t.Error("offered again after 27 days")
	}
	c.Advance(24 * time.Hour)
	u.Home()
	if !hasLink(u.Current(), "Four weeks since your pace test. Your pace can shift over time: try it again?") {
		t.Error("not offered after 28 days")
	}
}

// hasLink reports whether a link with text is on screen.
func hasLink(o fyne.CanvasObject, text string) bool {
	for _, obj := range test.LaidOutObjects(o) {
		if l, ok := obj.(*link); ok && l.Text == text {
			return true
		}
	}
	return false
}

// TestMyPaceNamedInTheLanguageShown: "My pace" saved during an English
// test reads "Mijn tempo (5,5/min)" in Dutch.
func TestMyPaceNamedInTheLanguageShown(t *testing.T) {
	p := exercises.PacePattern(5.5, "My pace (5.5/min)")
	if got := patternName(p); got != "My pace (5.5/min)" {
		t.Errorf("en: %q", got)
	}
	_ = setLanguage("nl")
	defer func() { _ = setLanguage("en") }()
	if got := patternName(p); got != "Mijn tempo (5,5/min)" {
		t.Errorf("nl: %q", got)
	}
}
