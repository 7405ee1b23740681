package ui

import (
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/ontspan/ontspan/exercises"
)

func TestMiniCheckTimedToTheEnd(t *testing.T) {
	u, c, rec := newTestUI(t)
	es := logged(u)
	u.MiniCheck()
	r, ok := u.current.(*miniCheckRun)
	if !ok || !r.timed {
		t.Fatalf("mini-check opened %T (timed by default)", u.current)
	}
	if r.step.Text != "Step 1 of 3" || r.text.Text != "Unclench your jaw. Let your teeth come apart." || r.count.Text != "10 s" {
		t.Errorf("first step: %q %q %q", r.step.Text, r.text.Text, r.count.Text)
	}
	c.Advance(4 * time.Second)
	r.frame()
	if r.count.Text != "6 s" {
		t.Errorf("count %q", r.count.Text)
	}
	c.Advance(6 * time.Second)
	r.frame()
	if r.step.Text != "Step 2 of 3" || r.text.Text != "Lift your tongue off the roof of your mouth and let it rest low." {
		t.Errorf("second step: %q %q", r.step.Text, r.text.Text)
	}
	press(u, fyne.KeySpace) // pause
	if r.count.Text != "Paused" || r.loop.animating.Load() {
		t.Errorf("paused: %q", r.count.Text)
	}
	c.Advance(time.Hour)
	press(u, fyne.KeySpace)
	c.Advance(10 * time.Second)
	r.frame()
	if r.step.Text != "Step 3 of 3" {
		t.Errorf("third step: %q", r.step.Text)
	}
	c.Advance(10 * time.Second)
	r.frame()
	if _, ok := u.current.(*doneScreen); !ok {
		t.Fatalf("after 30 s: %T", u.current)
	}
	if got, want := rec.played(), []Cue{CueRelease, CueRelease, CueEnd}; !slices.Equal(got, want) {
		t.Errorf("cues %v, want %v", got, want)
	}
	if len(*es) != 1 {
		t.Fatalf("logged %d", len(*es))
	}
	e := (*es)[0]
	if e.Technique != exercises.MiniCheck || e.Variant != exercises.MiniCheckTimed || !e.Completed || e.Actual != 30*time.Second || e.Planned != 30*time.Second {
		t.Errorf("entry %+v", e)
	}
	if !r.loop.ended {
		t.Error("the loop still runs")
	}
}

func TestMiniCheckSelfPaced(t *testing.T) {
	u, c, rec := newTestUI(t)
	es := logged(u)
	u.MiniCheck()
	r := u.current.(*miniCheckRun)
	test.Tap(r.paceBt) // switch to my own pace: starts over, remembered
	r2, ok := u.current.(*miniCheckRun)
	if !ok || r2 == r || r2.timed {
		t.Fatalf("pace switch: %T", u.current)
	}
	if len(*es) != 0 {
		t.Error("a restart was logged")
	}
	if r2.count.Text != "" || r2.loop.animating.Load() {
		t.Error("self-paced shows no countdown and needs no frames")
	}
	for i := 0; i < 2; i++ {
		c.Advance(4 * time.Second)
		press(u, fyne.KeySpace)
	}
	if r2.step.Text != "Step 3 of 3" || r2.nextBt.Text != "Finish" {
		t.Errorf("last step: %q, %q", r2.step.Text, r2.nextBt.Text)
	}
	c.Advance(4 * time.Second)
	press(u, fyne.KeyReturn)
	if _, ok := u.current.(*doneScreen); !ok {
		t.Fatalf("after three steps: %T", u.current)
	}
	if len(*es) != 1 || (*es)[0].Variant != exercises.MiniCheckSelf || !(*es)[0].Completed || (*es)[0].Actual != 12*time.Second || (*es)[0].Planned != 0 {
		t.Errorf("logged %+v", *es)
	}
	if got := rec.played(); !slices.Equal(got, []Cue{CueEnd}) {
		t.Errorf("self-paced cues %v, want only the end", got)
	}
	u.MiniCheck()
	if u.current.(*miniCheckRun).timed {
		t.Error("the pace was not remembered")
	}
}

func TestMiniCheckEscStops(t *testing.T) {
	u, c, _ := newTestUI(t)
	es := logged(u)
	u.MiniCheck()
	c.Advance(6 * time.Second)
	press(u, fyne.KeyEscape)
	if _, ok := u.current.(*doneScreen); !ok {
		t.Fatalf("Esc: %T", u.current)
	}
	if len(*es) != 1 || (*es)[0].Completed || (*es)[0].Actual != 6*time.Second {
		t.Errorf("logged %+v", *es)
	}
}
