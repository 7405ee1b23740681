package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/ontspan/ontspan/exercises"
)

func openNotebook(t *testing.T, u *UI) *notebook {
	t.Helper()
	u.WorryNotebook()
	n, ok := u.current.(*notebook)
	if !ok {
		t.Fatalf("notebook opened %T", u.current)
	}
	return n
}

func shownTexts(n *notebook) []string {
	var out []string
	for _, w := range n.shown {
		out = append(out, w.Text)
	}
	return out
}

func TestNotebookLists(t *testing.T) {
	u, c, _ := newTestUI(t)
	parkDirect(t, u, tomorrow10, "Eerste", "Tweede", "Derde")
	n := openNotebook(t, u)
	if n.tab != tabWaiting || len(n.shown) != 3 {
		t.Fatalf("tab %s, %d shown", n.tab, len(n.shown))
	}
	if n.tabs[tabWaiting].Text != "Waiting (3)" || n.tabs[tabDue].Text != "Due (0)" || !n.review.Hidden {
		t.Errorf("tabs %q %q", n.tabs[tabWaiting].Text, n.tabs[tabDue].Text)
	}
	if !hasLabel(u.Current(), "Look again: tomorrow 10:00") {
		t.Error("no human-friendly time")
	}

	c.Set(tomorrow10.Add(90 * time.Second)) // two are due
	n = openNotebook(t, u)
	if n.tab != tabDue || strings.Join(shownTexts(n), ",") != "Eerste,Tweede" || n.review.Hidden {
		t.Fatalf("due tab %s: %v", n.tab, shownTexts(n))
	}
	if !hasLabel(u.Current(), "Waiting since today 10:00") {
		t.Error("due rows do not say since when")
	}
	test.Tap(n.review)
	r := u.current.(*worryReview)
	test.Tap(r.handledBt)
	n = openNotebook(t, u)
	n.show(tabArchive)
	if len(n.shown) != 1 || !hasLabel(u.Current(), "Handled · today 10:01") {
		t.Errorf("archive: %v", shownTexts(n))
	}
}

func TestNotebookSearch(t *testing.T) {
	u, _, _ := newTestUI(t)
	parkDirect(t, u, tomorrow10, "Brief van de BANK", "Ruzie met buren", "bankpas kwijt")
	n := openNotebook(t, u)
	n.search.SetText("bank")
	if got := shownTexts(n); len(got) != 2 || !n.tabBar.Hidden || n.count.Text != "2 found" {
		t.Fatalf("search: %v (%q)", got, n.count.Text)
	}
	n.search.SetText("niets")
	if len(n.shown) != 0 || n.count.Text != "0 found" {
		t.Errorf("no match: %v", shownTexts(n))
	}
	n.search.SetText("")
	if len(n.shown) != 3 || n.tabBar.Hidden {
		t.Errorf("cleared: %v", shownTexts(n))
	}
}

func TestNotebookUndoDelete(t *testing.T) {
	u, c, _ := newTestUI(t)
	parkDirect(t, u, tomorrow10, "Weg ermee", "Blijft")
	n := openNotebook(t, u)
	var fired func()
	n.undoBar.after = func(d time.Duration, f func()) *time.Timer {
		if d != 10*time.Second {
			t.Errorf("undo lasts %v", d)
		}
		fired = f
		return time.NewTimer(time.Hour) // stopped by undo or leave
	}
	gone := n.shown[0]
	n.remove(gone)
	if len(waiting(t, u)) != 1 || n.undoBar.Hidden || len(n.shown) != 1 {
		t.Fatal("not deleted, or no undo offered")
	}
	c.Advance(9 * time.Second)
	n.undoBar.undo()
	ws := waiting(t, u)
	if len(ws) != 2 || ws[0].UID != gone.UID || ws[0].Text != "Weg ermee" || !n.undoBar.Hidden {
		t.Fatalf("undo: %+v", ws)
	}

	// Too late: after ten seconds the undo is gone.
	n.remove(ws[0])
	c.Advance(11 * time.Second)
	n.undoBar.undo()
	if len(waiting(t, u)) != 1 || !n.undoBar.Hidden {
		t.Error("undo worked after ten seconds")
	}
	n.remove(waiting(t, u)[0])
	fired() // the timer hides the bar
	if !n.undoBar.Hidden || n.undoBar.pending() {
		t.Error("timer did not end the undo")
	}
}

func TestNotebookEdit(t *testing.T) {
	u, _, _ := newTestUI(t)
	parkDirect(t, u, tomorrow10, "Oud")
	n := openNotebook(t, u)
	n.edit(n.shown[0])
	e := n.editing
	if e == nil || e.text.Text != "Oud" || e.picker.radio.Selected != "Tomorrow at 10:00" {
		t.Fatalf("edit dialog: %+v", e)
	}
	e.text.SetText("  ")
	e.save()
	if n.editing == nil || e.msg.Hidden {
		t.Fatal("empty text accepted")
	}
	e.text.SetText("Nieuw ✨")
	e.picker.radio.SetSelected(e.picker.pick)
	d := time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC)
	e.picker.date.SetDate(&d)
	e.picker.clock.SetText("08:30")
	enter(e.text) // Enter saves
	ws := waiting(t, u)
	if len(ws) != 1 || ws[0].Text != "Nieuw ✨" || !ws[0].Revisit.Equal(time.Date(2026, 12, 3, 8, 30, 0, 0, time.Local)) {
		t.Fatalf("edited %+v", ws)
	}
	if n.editing != nil || !hasLabel(u.Current(), "Look again: Thu 3 Dec 08:30") {
		t.Error("dialog not closed or list not refreshed")
	}
}

func TestNotebookEditKeepsPassedTime(t *testing.T) {
	u, c, _ := newTestUI(t)
	parkDirect(t, u, tomorrow10, "Was al aan de beurt")
	c.Set(tomorrow10.Add(time.Hour))
	n := openNotebook(t, u)
	n.edit(n.shown[0])
	n.editing.text.SetText("Tekst verbeterd")
	n.editing.save()
	ws := waiting(t, u)
	if len(ws) != 1 || ws[0].Text != "Tekst verbeterd" || !ws[0].Revisit.Equal(tomorrow10) {
		t.Errorf("edit of a due worry: %+v", ws)
	}
}

func TestNotebookPaging(t *testing.T) {
	u, _, _ := newTestUI(t)
	var texts []string
	for i := range notebookPageSize + 5 {
		texts = append(texts, strings.Repeat("x", i+1))
	}
	parkDirect(t, u, tomorrow10, texts...)
	n := openNotebook(t, u)
	if len(n.shown) != notebookPageSize || !hasLabel(u.Current(), "Show more") {
		t.Fatalf("first page: %d", len(n.shown))
	}
	n.limit += notebookPageSize
	n.refresh()
	if len(n.shown) != notebookPageSize+5 {
		t.Errorf("second page: %d", len(n.shown))
	}
	_ = exercises.WorryWaiting
}

// TestWaitingWorryShowsItsNextStep: a worry kept as "still important" with
// a next step waits with that step in the notebook, not only once archived.
func TestWaitingWorryShowsItsNextStep(t *testing.T) {
	_ = setLanguage("en")
	now := testStart
	w := exercises.Worry{Text: "The report", State: exercises.WorryWaiting, Revisit: now.Add(24 * time.Hour), NextStep: "Mail Anna at nine"}
	if got := worryMeta(w, now); !strings.Contains(got, "Mail Anna at nine") {
		t.Errorf("waiting worry with a step: %q", got)
	}
	w.NextStep = ""
	if got := worryMeta(w, now); strings.Contains(got, "\n") {
		t.Errorf("a worry without a step has a second line: %q", got)
	}
}
