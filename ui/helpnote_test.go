package ui

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/ontspan/ontspan/exercises"
)

// shows reports whether a visible label on screen starts like key's text.
func shows(u *UI, key string) bool {
	want := tr(key, map[string]any{"Technique": techniqueName(exercises.Breathing)})
	return slices.ContainsFunc(labels(u.Current()), func(s string) bool { return strings.HasPrefix(s, want[:30]) })
}

// breatheFor runs a 1-minute 4-6 session rated before, for d, then stops
// it (or lets it end) and returns the done screen.
func breatheFor(t *testing.T, u *UI, c *exercises.FakeClock, before int, d time.Duration) *doneScreen {
	t.Helper()
	r := newBreathRun(u, u.runDeps(), exercises.Pattern46, exercises.Length{Minutes: 1}, before)
	u.show(r)
	c.Advance(d)
	if d < time.Minute {
		press(u, fyne.KeyEscape)
	} else {
		r.frame()
	}
	done, ok := u.current.(*doneScreen)
	if !ok {
		t.Fatalf("after the session: %T", u.current)
	}
	return done
}

// TestTenserNote: rated more tense after, the done screen says so kindly,
// with something shorter or more physical to start; "Not now" puts it away
// for this session, "Don't show this again" for good.
func TestTenserNote(t *testing.T) {
	u, c, _ := newTestUI(t)
	d := breatheFor(t, u, c, 4, time.Minute)
	if shows(u, "help.tenser") {
		t.Fatal("the note shows before any after-rating")
	}
	d.after.buttons[3].Tapped(nil) // calmer
	if shows(u, "help.tenser") {
		t.Fatal("the note shows after a calmer session")
	}
	d.after.buttons[6].Tapped(nil) // more tense
	if !shows(u, "help.tenser") {
		t.Fatal("no note after a session rated more tense")
	}
	if len(d.help.Objects) != 1 {
		t.Errorf("%d notes, want one", len(d.help.Objects))
	}
	findButton(t, d.help, tr("chooser.start"))       // the one-click alternative
	findLink(t, d.help, tr("help.seekhelp"))         // and the way to help
	tapLink(findLink(t, d.help, tr("help.dismiss"))) // Not now
	if shows(u, "help.tenser") {
		t.Error("Not now left the note")
	}
	d.after.buttons[7].Tapped(nil)
	if shows(u, "help.tenser") {
		t.Error("a put-away note came back for the same session")
	}

	c.Advance(time.Hour)
	d = breatheFor(t, u, c, 2, time.Minute)
	d.after.buttons[5].Tapped(nil)
	if !shows(u, "help.tenser") {
		t.Fatal("a new tenser session shows no note")
	}
	tapLink(findLink(t, d.help, tr("help.never")))
	if shows(u, "help.tenser") {
		t.Error("Don't show again left the note")
	}
	c.Advance(time.Hour)
	d = breatheFor(t, u, c, 2, time.Minute)
	d.after.buttons[5].Tapped(nil)
	if shows(u, "help.tenser") {
		t.Error("the note came back after Don't show this again")
	}
	if got := u.data.prefs.HelpNotes().Never; !slices.Equal(got, []exercises.NoteID{exercises.NoteTenser}) {
		t.Errorf("stored never %v", got)
	}
}

// TestEarlyNote: two stops in the first half minute in a row (the second
// too short for the diary) offer something shorter or different; one stop
// does not, nor does a stop after a session that went on.
func TestEarlyNote(t *testing.T) {
	u, c, _ := newTestUI(t)
	breatheFor(t, u, c, exercises.NoRating, 20*time.Second)
	if shows(u, "help.early") {
		t.Fatal("the note after one early stop")
	}
	c.Advance(time.Minute)
	d := breatheFor(t, u, c, exercises.NoRating, 2*time.Second)
	if !shows(u, "help.early") {
		t.Fatal("no note after two early stops in a row")
	}
	findLink(t, d.help, tr("help.choose"))
	test.Tap(findButton(t, d.help, tr("chooser.start")))
	if _, ok := u.current.(*doneScreen); ok {
		t.Fatal("the note's Start did not start anything")
	}
	if l, ok := u.current.(leaving); ok {
		l.leave()
	}

	c.Advance(time.Minute)
	breatheFor(t, u, c, exercises.NoRating, 10*time.Second)
	d, _ = u.current.(*doneScreen)
	if !shows(u, "help.early") {
		t.Fatal("a third early stop: the note went")
	}
	tapLink(findLink(t, d.help, tr("help.dismiss")))
	c.Advance(time.Minute)
	breatheFor(t, u, c, exercises.NoRating, 10*time.Second)
	if shows(u, "help.early") {
		t.Error("the same run of early stops shows the note again after Not now")
	}

	c.Advance(time.Minute)
	breatheFor(t, u, c, exercises.NoRating, time.Minute) // one that went on
	c.Advance(time.Minute)
	breatheFor(t, u, c, exercises.NoRating, 10*time.Second)
	if shows(u, "help.early") {
		t.Error("the note after one early stop following a whole session")
	}
}

// TestHighNote: tension at 8 or more after most sessions of two weeks, or a
// technique that did not help, brings a gentle note to the diary; without
// either there is none, and Not now keeps it away.
func TestHighNote(t *testing.T) {
	t.Run("none", func(t *testing.T) {
		u, _, _ := newTestUI(t)
		addEntries(t, u.data.store, practisedMonth()...)
		openDiaryScreen(t, u)
		if labelWith(u, tr("help.high")[:30]) || labelWith(u, tr("help.dismiss")) {
			t.Error("a help note without its trigger")
		}
	})
	t.Run("high", func(t *testing.T) {
		u, _, _ := newTestUI(t)
		var es []exercises.Entry
		for d := 0; d < 14; d += 2 {
			es = append(es, session(d, exercises.Breathing, "4-6", 5, 9, 8))
		}
		addEntries(t, u.data.store, es...)
		openDiaryScreen(t, u)
		if !labelWith(u, tr("help.high")[:30]) {
			t.Fatal("no note when tension stays high")
		}
		findLink(t, u.Current(), tr("help.seekhelp"))
		tapLink(findLink(t, u.Current(), tr("help.dismiss")))
		openDiaryScreen(t, u)
		if labelWith(u, tr("help.high")[:30]) {
			t.Error("Not now: the note is back at once")
		}
	})
	t.Run("not helped", func(t *testing.T) {
		u, _, _ := newTestUI(t)
		var es []exercises.Entry
		for d := 0; d < 14; d++ {
			es = append(es, session(d, exercises.Breathing, "4-6", 5, 5, 5))
		}
		addEntries(t, u.data.store, es...)
		if o := u.data.outcomes(); o[exercises.Breathing] != exercises.NotHelped {
			t.Fatalf("fixture: outcomes %v", o)
		}
		openDiaryScreen(t, u)
		want := tr("help.nothelped", map[string]any{"Technique": techniqueName(exercises.Breathing)})
		if !labelWith(u, want[:30]) {
			t.Fatal("no note when a technique did not help")
		}
		tapLink(findLink(t, u.Current(), tr("help.choose")))
		if _, ok := u.current.(*chooser); !ok {
			t.Errorf("Help me choose opened %T", u.current)
		}
	})
}
