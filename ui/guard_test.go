package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/ontspan/ontspan/exercises"
)

// failingPlayer fails the way a bug in a screen would, at a phase change.
type failingPlayer struct{}

func (failingPlayer) Play(Cue) { panic("a bug in a screen") }

// TestAFailingScreenKeepsTheSession: a panic while a session runs logs the
// failure, writes the session to the diary, and shows home with an apology.
func TestAFailingScreenKeepsTheSession(t *testing.T) {
	u, c, _ := newTestUI(t)
	u.data.dataDir = t.TempDir()
	es := logged(u)
	u.StartBreathing(exercises.Pattern46.ID, exercises.Length{Minutes: 1})
	run := u.current.(*breathRun)
	c.Advance(3 * time.Second)
	run.frame()
	u.data.sound = failingPlayer{}
	c.Advance(9 * time.Second) // into the next phase: its tone fails
	run.loop.anim.Tick(0)      // the next animation frame plays it, and fails
	if u.failures != 1 {
		t.Fatalf("failures caught: %d, want 1", u.failures)
	}
	if len(*es) != 1 || (*es)[0].Actual != 12*time.Second || (*es)[0].Completed {
		t.Fatalf("diary after the failure: %+v, want one stopped session of 12 s", *es)
	}
	if _, ok := u.current.(*home); !ok {
		t.Errorf("after the failure the window shows %T, want home", u.current)
	}
	top := u.win.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(strings.Join(labels(top), " "), "kept in your diary") {
		t.Errorf("no apology shown: %v", top)
	}
	log, err := os.ReadFile(filepath.Join(u.data.dataDir, "crash.log"))
	if err != nil || !strings.Contains(string(log), "a bug in a screen") {
		t.Errorf("crash.log: %q, %v", log, err)
	}
	if fi, err := os.Stat(filepath.Join(u.data.dataDir, "crash.log")); err == nil && fi.Mode().Perm()&0o077 != 0 {
		t.Errorf("crash.log is %v, want private", fi.Mode().Perm())
	}
}

// TestParkDuringASessionPausesIt: Ctrl+P during an exercise pauses it and
// opens the park field over it; parking returns to the same paused session.
func TestParkDuringASessionPausesIt(t *testing.T) {
	u, c, _ := newTestUI(t)
	es := logged(u)
	u.StartBreathing("box", exercises.Length{Minutes: 2})
	run := u.current.(*breathRun)
	c.Advance(9 * time.Second)
	run.frame()
	u.ParkWorry() // what Ctrl+P does
	if u.current != run {
		t.Fatalf("Ctrl+P replaced the session with %T", u.current)
	}
	if p := run.sess.Now(); p.State != exercises.Paused {
		t.Fatalf("session %v under the park field, want paused", p.State)
	}
	if u.parking == nil || u.win.Canvas().Overlays().Top() == nil {
		t.Fatal("no park field over the session")
	}
	press(u, fyne.KeySpace) // meant for the field: must not resume behind it
	if run.sess.Now().State != exercises.Paused {
		t.Error("Space resumed the session behind the park field")
	}
	u.parking.entry.SetText("The report for Monday")
	u.parking.park()
	if u.parking != nil || u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("parking did not close the field")
	}
	ws, err := u.data.store.DueWorries(c.Now().Add(30 * 24 * time.Hour))
	if err != nil || len(ws) != 1 || ws[0].Text != "The report for Monday" {
		t.Fatalf("parked worries %+v, %v", ws, err)
	}
	if u.current != run || run.sess.Now().State != exercises.Paused || len(*es) != 0 {
		t.Fatalf("after parking: screen %T, state %v, %d logged; want the same session, paused, none logged", u.current, run.sess.Now().State, len(*es))
	}
	press(u, fyne.KeySpace)
	if run.sess.Now().State != exercises.Running {
		t.Error("Space did not go on after parking")
	}

	// Esc closes the field without parking; what was typed stays as the draft.
	u.ParkWorry()
	u.parking.entry.SetText("half a thought")
	press(u, fyne.KeyEscape)
	if u.parking != nil || u.current != run || run.sess.Now().State != exercises.Paused {
		t.Fatalf("Esc on the park field: parking %v, screen %T, state %v", u.parking, u.current, run.sess.Now().State)
	}
	if d, ok, _ := u.data.store.Setting(worryDraftKey); !ok || d != "half a thought" {
		t.Errorf("draft %q, want the unparked text", d)
	}
	press(u, fyne.KeyEscape) // now Esc stops the session, as always
	if len(*es) != 1 {
		t.Errorf("%d sessions logged after Esc, want 1", len(*es))
	}
}
