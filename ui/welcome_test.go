package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/ontspan/ontspan/exercises"
)

// restart builds a second window on the same app (the same settings), as
// the app started again after a crash or a quit.
func restart(t *testing.T, u *UI) *UI {
	t.Helper()
	w := u.app.NewWindow("Ontspan")
	w.Resize(fyne.NewSize(560, 720))
	u2 := New(u.app, w, Deps{Clock: u.data.clock, Sound: u.data.sound, Store: u.data.store, DataDir: u.data.dataDir, NoAgent: u.data.noAgent})
	t.Cleanup(func() { u2.Close() })
	u2.Open(Launch{})
	return u2
}

// firstLaunch is the UI on a plain first start: the welcome.
func firstLaunch(t *testing.T) (*UI, *exercises.FakeClock) {
	t.Helper()
	u, c, _ := newTestUI(t)
	u.Open(Launch{})
	if _, ok := u.current.(*welcome); !ok {
		t.Fatalf("first launch shows %T, want the welcome", u.current)
	}
	return u, c
}

// TestWelcomeToBreathingInTwoActivations: from the first launch, one click
// ("Try 2 minutes") or two keys (Tab to it, Enter) start 4-6 breathing.
func TestWelcomeToBreathingInTwoActivations(t *testing.T) {
	t.Run("click", func(t *testing.T) {
		u, c := firstLaunch(t)
		began := c.Now()
		tapLink(findLink(t, u.Current(), tr("welcome.start.try"))) // activation 1
		checkFirstSession(t, u, c.Now().Sub(began))
	})
	t.Run("keys", func(t *testing.T) {
		u, c := firstLaunch(t)
		began := c.Now()
		u.win.Canvas().FocusNext() // activation 1: Tab
		f, ok := u.win.Canvas().Focused().(*link)
		if !ok || f.Text != tr("welcome.start.try") {
			t.Fatalf("Tab focuses %T %v, want the try link", u.win.Canvas().Focused(), u.win.Canvas().Focused())
		}
		f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // activation 2: Enter
		checkFirstSession(t, u, c.Now().Sub(began))
	})
	t.Run("enter on the last screen", func(t *testing.T) {
		u, _ := firstLaunch(t)
		press(u, fyne.KeyReturn)
		press(u, fyne.KeyReturn)
		if w := u.current.(*welcome); w.w.Step != exercises.WelcomeStart {
			t.Fatalf("two Enters: step %v", w.w.Step)
		}
		press(u, fyne.KeyReturn)
		checkFirstSession(t, u, 0)
	})
}

func checkFirstSession(t *testing.T, u *UI, took time.Duration) {
	t.Helper()
	run, ok := u.current.(*breathRun)
	if !ok {
		t.Fatalf("screen %T, want a running breathing session", u.current)
	}
	if run.pattern.ID != exercises.Pattern46.ID || run.length.Minutes != 2 {
		t.Errorf("runs %s for %d min, want 4-6 for 2", run.pattern.ID, run.length.Minutes)
	}
	if st := run.sess.Now().State; st != exercises.Running {
		t.Errorf("session state %v, want running", st)
	}
	if took >= time.Minute {
		t.Errorf("took %v", took)
	}
	if u.data.prefs.Welcome() != "done" {
		t.Errorf("stored %q, want done", u.data.prefs.Welcome())
	}
}

// TestWelcomeNeverAgain: once skipped, finished or chosen from, the welcome
// stays away, also when the app dies right after.
func TestWelcomeNeverAgain(t *testing.T) {
	for name, end := range map[string]func(u *UI){
		"skip":      func(u *UI) { tapLink(findLink(t, u.Current(), tr("welcome.skip"))) },
		"esc":       func(u *UI) { press(u, fyne.KeyEscape) },
		"last step": func(u *UI) { press(u, fyne.KeyReturn); press(u, fyne.KeyReturn) }, // then "crash"
		"choose": func(u *UI) {
			press(u, fyne.KeyReturn)
			press(u, fyne.KeyReturn)
			test.Tap(findButton(t, u.Current(), tr("welcome.start.choose")))
			if _, ok := u.current.(*chooser); !ok {
				t.Errorf("Help me choose opened %T", u.current)
			}
		},
		"look": func(u *UI) {
			press(u, fyne.KeyReturn)
			press(u, fyne.KeyReturn)
			test.Tap(findButton(t, u.Current(), tr("welcome.start.look")))
			if _, ok := u.current.(*home); !ok {
				t.Errorf("Look around opened %T", u.current)
			}
		},
	} {
		t.Run(name, func(t *testing.T) {
			u, _ := firstLaunch(t)
			end(u)
			u2 := restart(t, u)
			if _, ok := u2.current.(*home); !ok {
				t.Errorf("after %s, the next start shows %T", name, u2.current)
			}
		})
	}
}

// TestWelcomeAfterCrashes: a welcome left before its last step (the app
// died) shows once more, then never again, so it cannot stand between
// the user and the app.
func TestWelcomeAfterCrashes(t *testing.T) {
	u, _ := firstLaunch(t)
	press(u, fyne.KeyReturn) // on the set-up step, then the app dies
	u2 := restart(t, u)
	w, ok := u2.current.(*welcome)
	if !ok || w.w.Step != exercises.WelcomeIntro {
		t.Fatalf("after one crash: %T, want the welcome from its start", u2.current)
	}
	u3 := restart(t, u2) // dies again on the first screen
	if _, ok := u3.current.(*home); !ok {
		t.Errorf("after two crashes: %T, want home", u3.current)
	}
	if l := restart(t, u3); l.current == nil {
		t.Fatal("no screen")
	} else if _, ok := l.current.(*home); !ok {
		t.Errorf("later: %T, want home", l.current)
	}
}

// TestWelcomeSetup: the set-up step changes the language and the tones at
// once, and turns the daily reminder on only when ticked.
func TestWelcomeSetup(t *testing.T) {
	u, _ := firstLaunch(t)
	press(u, fyne.KeyReturn)
	w := u.current.(*welcome)
	if w.w.Step != exercises.WelcomeSetup {
		t.Fatalf("step %v", w.w.Step)
	}
	if on, _ := u.data.practiceAt(); on {
		t.Fatal("the practice reminder is on before anyone asked")
	}
	test.Tap(findOnScreen(t, u.Current(), "sound", func(a *tapArea) bool { return true })) // the first row: tones, tapped on its text
	if u.data.prefs.Sound() {
		t.Error("sound still on")
	}
	w.remindOn.SetChecked(true)
	w.remindAt.SetText("25:00")
	press(u, fyne.KeyReturn)
	if w.w.Step != exercises.WelcomeSetup || !w.remindMsg.Visible() {
		t.Fatalf("a wrong time went on: step %v", w.w.Step)
	}
	w.remindAt.SetText("21:30")
	press(u, fyne.KeyReturn)
	if on, at := u.data.practiceAt(); !on || at != "21:30" {
		t.Errorf("reminder %v at %q, want on at 21:30", on, at)
	}
	press(u, fyne.KeyEscape) // back to the set-up
	test.Tap(findOnScreen(t, u.Current(), "Nederlands", func(r *radioItem) bool { return r.label == "Nederlands" }))
	defer func() { _ = setLanguage("en") }()
	if u.data.prefs.Language() != "nl" || !hasLabel(u.Current(), tr("welcome.setup.title")) || tr("welcome.skip") == "Skip" {
		t.Errorf("language %q; title shown %v", u.data.prefs.Language(), hasLabel(u.Current(), tr("welcome.setup.title")))
	}
}
