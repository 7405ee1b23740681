package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/ontspan/ontspan/exercises"
)

// TestRitualEditor copies the evening ritual, renames it, moves, removes and
// adds steps, saves it, and deletes it with undo.
func TestRitualEditor(t *testing.T) {
	u, c, _ := newTestUI(t)
	u.Rituals()
	l := u.current.(*ritualList)
	if l.buttons["edit:"+exercises.RitualEvening] != nil || l.buttons["delete:"+exercises.RitualEvening] != nil {
		t.Error("a built-in ritual offers Edit or Delete")
	}
	test.Tap(l.buttons["copy:"+exercises.RitualEvening])
	e, ok := u.current.(*ritualEditor)
	if !ok {
		t.Fatalf("Copy opened %T", u.current)
	}
	if e.name.Text != "My Evening ritual" || len(e.rows) != 3 {
		t.Fatalf("the copy: %q with %d steps", e.name.Text, len(e.rows))
	}
	if !e.rows[0].up.Disabled() || !e.rows[2].down.Disabled() {
		t.Error("the first step can move up or the last down")
	}
	test.Tap(e.rows[2].up) // breathing before the muscle relaxation
	if e.rows[1].label.Text != "2. 4-6 breathing, 5 min" {
		t.Errorf("after moving up: %q", e.rows[1].label.Text)
	}
	test.Tap(e.rows[0].remove) // no shower
	if len(e.rows) != 2 || e.rows[0].label.Text != "1. 4-6 breathing, 5 min" {
		t.Fatalf("after removing: %d rows, %q", len(e.rows), e.rows[0].label.Text)
	}
	e.choice.SetSelected("In my own words…")
	if e.own.Hidden || !e.minutes.Hidden {
		t.Error("own words: the text field hides or the minutes show")
	}
	e.add() // empty text
	if e.problem.Hidden || e.problem.Text != "Write a few words for this step." {
		t.Errorf("an empty step: %q", e.problem.Text)
	}
	e.own.SetText("A cup of herbal tea")
	e.add()
	if len(e.rows) != 3 || e.rows[2].label.Text != "3. A cup of herbal tea" {
		t.Fatalf("after adding: %d rows", len(e.rows))
	}
	e.name.SetText("  ")
	e.save()
	if e.problem.Text != "Give the ritual a name." {
		t.Errorf("no name: %q", e.problem.Text)
	}
	e.name.SetText("Before bed")
	e.save()
	l, ok = u.current.(*ritualList)
	if !ok {
		t.Fatalf("Save went to %T", u.current)
	}
	mine, err := u.data.store.Rituals()
	if err != nil || len(mine) != 1 {
		t.Fatalf("saved: %+v, %v", mine, err)
	}
	r := mine[0]
	if r.Name != "Before bed" || len(r.Steps) != 3 || r.Steps[0].Technique != exercises.Breathing || r.Steps[2].Text != "A cup of herbal tea" {
		t.Errorf("saved %+v", r)
	}

	// Edit: rename and save in place.
	test.Tap(l.buttons["edit:"+r.UID])
	e = u.current.(*ritualEditor)
	e.name.SetText("Slow evening")
	e.key(&fyne.KeyEvent{Name: fyne.KeyEscape}) // Esc leaves without saving
	if mine, _ := u.data.store.Rituals(); mine[0].Name != "Before bed" {
		t.Error("Esc saved the change")
	}
	l = u.current.(*ritualList)
	test.Tap(l.buttons["edit:"+r.UID])
	e = u.current.(*ritualEditor)
	e.name.SetText("Slow evening")
	e.save()
	if mine, _ := u.data.store.Rituals(); len(mine) != 1 || mine[0].Name != "Slow evening" || mine[0].UID != r.UID {
		t.Errorf("after renaming: %+v", mine)
	}

	// Delete, and undo.
	l = u.current.(*ritualList)
	l.undoBar.after = func(time.Duration, func()) *time.Timer { return time.NewTimer(time.Hour) }
	test.Tap(l.buttons["delete:"+r.UID])
	if mine, _ := u.data.store.Rituals(); len(mine) != 0 {
		t.Fatal("not deleted")
	}
	if l.undoBar.Hidden || l.undoBar.text.Text != "Deleted “Slow evening”." {
		t.Errorf("undo bar: hidden %v, %q", l.undoBar.Hidden, l.undoBar.text.Text)
	}
	c.Advance(5 * time.Second)
	l.undoBar.undo()
	mine, _ = u.data.store.Rituals()
	if len(mine) != 1 || mine[0].UID != r.UID || len(mine[0].Steps) != 3 {
		t.Fatalf("after undo: %+v", mine)
	}
	if l.buttons["start:"+r.UID] == nil {
		t.Error("the restored ritual is not listed")
	}
	// Too late: the undo does nothing.
	test.Tap(l.buttons["delete:"+r.UID])
	c.Advance(11 * time.Second)
	l.undoBar.undo()
	if mine, _ := u.data.store.Rituals(); len(mine) != 0 {
		t.Error("undo after 11 s brought it back")
	}
}

// TestRitualOwnRunsByName: one's own ritual starts by its name, as from a
// desktop shortcut, and its task shows the user's words.
func TestRitualOwnRunsByName(t *testing.T) {
	u, c, _ := newTestUI(t)
	r, _ := exercises.NewRitual("Tea time")
	r, _ = exercises.AddStep(r, exercises.TaskStep("A cup of tea"), 0)
	r, _ = exercises.AddStep(r, exercises.BreathingStep("box", 1), 1)
	if err := u.data.store.AddRitual(&r); err != nil {
		t.Fatal(err)
	}
	u.Open(Launch{Start: "ritual", Name: "tea TIME"})
	s := ritualScreen(t, u)
	press(u, fyne.KeySpace)
	if !hasLabel(u.Current(), "A cup of tea") {
		t.Error("the task's words are not shown")
	}
	press(u, fyne.KeySpace) // done: the hand-over
	press(u, fyne.KeySpace) // start the breathing now
	br := stepScreen(t, u).inner.(*breathRun)
	if br.pattern.ID != "box" {
		t.Fatalf("the step breathes %q", br.pattern.ID)
	}
	c.Advance(br.sess.Exercise().Duration()) // a minute in whole breaths
	br.frame()
	if s.shown.Phase != exercises.RitualAfter {
		t.Errorf("after the last step: phase %v", s.shown.Phase)
	}
	press(u, fyne.KeyReturn)
	es := allEntries(t, u)
	if len(es) != 1 || es[0].Ritual != r.UID || es[0].RitualName != "Tea time" || !es[0].Completed {
		t.Errorf("logged %+v; want one box breathing step of Tea time", es)
	}
}
