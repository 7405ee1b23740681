package exercises

import (
	"testing"
	"time"
)

func TestWelcomeSteps(t *testing.T) {
	type act func(*Welcome) string
	next, back, skip := (*Welcome).Next, (*Welcome).Back, (*Welcome).Skip
	try := func(w *Welcome) string { return w.Choose(WelcomeTry) }
	choose := func(w *Welcome) string { return w.Choose(WelcomeChoose) }
	cases := []struct {
		name   string
		acts   []act
		step   WelcomeStep
		choice WelcomeChoice
		saved  string
	}{
		{"first screen", nil, WelcomeIntro, WelcomeLook, "1"},
		{"second", []act{next}, WelcomeSetup, WelcomeLook, "1"},
		{"last is marked done before it shows", []act{next, next}, WelcomeStart, WelcomeLook, "done"},
		{"next on the last stays", []act{next, next, next}, WelcomeStart, WelcomeLook, "done"},
		{"back from the last: still done", []act{next, next, back}, WelcomeSetup, WelcomeLook, "done"},
		{"back on the first stays", []act{back}, WelcomeIntro, WelcomeLook, "1"},
		{"skip on the first", []act{skip}, WelcomeDone, WelcomeLook, "done"},
		{"skip on the second", []act{next, skip}, WelcomeDone, WelcomeLook, "done"},
		{"try on the last", []act{next, next, try}, WelcomeDone, WelcomeTry, "done"},
		{"try straight from the first: one activation", []act{try}, WelcomeDone, WelcomeTry, "done"},
		{"help me choose", []act{next, next, choose}, WelcomeDone, WelcomeChoose, "done"},
		{"nothing moves after the end", []act{try, back, next, skip}, WelcomeDone, WelcomeTry, "done"},
	}
	for _, c := range cases {
		w, show := StartWelcome("")
		if !show {
			t.Fatalf("%s: a first launch shows no welcome", c.name)
		}
		saved := w.Save()
		for _, a := range c.acts {
			saved = a(w)
		}
		if w.Step != c.step || w.Choice != c.choice || saved != c.saved || w.Save() != saved {
			t.Errorf("%s: step %d choice %d saved %q, want %d %d %q", c.name, w.Step, w.Choice, saved, c.step, c.choice, c.saved)
		}
	}
}

// A crash can come after any action: the app starts again with whatever
// was stored last. Once the last screen was shown, or the welcome was
// skipped or ended with a choice, it never shows again; left earlier, it
// shows once more, and never a third time.
func TestWelcomeNeverAgainAfterACrash(t *testing.T) {
	acts := []func(*Welcome) string{
		(*Welcome).Next, (*Welcome).Back, (*Welcome).Skip,
		func(w *Welcome) string { return w.Choose(WelcomeTry) },
		func(w *Welcome) string { return w.Choose(WelcomeChoose) },
	}
	var walk func(seq []int)
	walk = func(seq []int) {
		w, _ := StartWelcome("")
		stored := w.Save()
		reachedEnd := false
		for _, i := range seq {
			stored = acts[i](w)
			reachedEnd = reachedEnd || w.Step >= WelcomeStart
		}
		// Crash: start again with what was stored.
		w2, show := StartWelcome(stored)
		if show == reachedEnd {
			t.Errorf("actions %v, stored %q: shown again %v", seq, stored, show)
		}
		if show {
			if w2.Step != WelcomeIntro {
				t.Errorf("actions %v: starts again at %d", seq, w2.Step)
			}
			// Left early a second time: no third time.
			if _, again := StartWelcome(w2.Save()); again {
				t.Errorf("actions %v: shown a third time", seq)
			}
		}
		if len(seq) < 5 {
			for i := range acts {
				walk(append(seq[:len(seq):len(seq)], i))
			}
		}
	}
	walk(nil)
}

func TestWelcomeStoredValues(t *testing.T) {
	for stored, show := range map[string]bool{"": true, "1": true, "2": false, "done": false, "-1": false, "garbage": false, "99": false} {
		w, got := StartWelcome(stored)
		if got != show {
			t.Errorf("%q: show %v, want %v", stored, got, show)
		}
		if !show && (w.Save() != "done" || w.Step != WelcomeDone) {
			t.Errorf("%q: not shown, but would store %q", stored, w.Save())
		}
	}
}

func TestFirstSessionIsTwoMinutesOf46(t *testing.T) {
	s := FirstSession()
	ex, err := s.Exercise()
	if err != nil {
		t.Fatal(err)
	}
	if ex.Technique != Breathing || ex.Variant != "4-6" || ex.Duration() != 2*time.Minute {
		t.Errorf("%s %s %v", ex.Technique, ex.Variant, ex.Duration())
	}
}
