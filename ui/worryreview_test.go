package ui

import (
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/ontspan/ontspan/exercises"
)

// parkDirect parks texts in the store, each due at its own time.
func parkDirect(t *testing.T, u *UI, at time.Time, texts ...string) {
	t.Helper()
	now := u.data.clock.Now()
	for i, s := range texts {
		w, err := exercises.Park(s, at.Add(time.Duration(i)*time.Minute), now)
		if err != nil {
			t.Fatal(err)
		}
		if err := u.data.store.AddWorry(&w); err != nil {
			t.Fatal(err)
		}
	}
}

func archived(t *testing.T, u *UI) map[string]exercises.Worry {
	t.Helper()
	ws, err := u.data.store.Worries(exercises.WorryArchived)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]exercises.Worry{}
	for _, w := range ws {
		out[w.Text] = w
	}
	return out
}

func TestReviewOneAtATime(t *testing.T) {
	u, c, _ := newTestUI(t)
	parkDirect(t, u, tomorrow10, "Rekening", "Ruzie", "Deadline", "Dak lekt", "Later")
	c.Set(tomorrow10.Add(3*time.Minute + 30*time.Second)) // four are due, "Later" is not
	u.ReviewWorries()
	r := u.current.(*worryReview)
	if len(r.queue) != 4 || r.progress.Text != "1 of 4" || r.text.Text != "Rekening" {
		t.Fatalf("start: %d due, %q, %q", len(r.queue), r.progress.Text, r.text.Text)
	}
	if r.meta.Text != "Parked yesterday 23:05" {
		t.Errorf("meta %q", r.meta.Text)
	}

	test.Tap(r.handledBt)
	if r.text.Text != "Ruzie" || r.progress.Text != "2 of 4" {
		t.Fatalf("after handled: %q %q", r.progress.Text, r.text.Text)
	}

	// Still matters: a next step is required.
	test.Tap(r.mattersBt)
	if r.stepBox.Hidden || u.win.Canvas().Focused() != r.step {
		t.Fatal("next step field not offered")
	}
	enter(r.step)
	if r.msg.Text != "Write down one small step, or choose another option above." || r.text.Text != "Ruzie" {
		t.Fatalf("empty step: %q", r.msg.Text)
	}
	if r.stepBack.Text != "This thought comes back tomorrow 10:00, with your step, so you can see how it went." {
		t.Errorf("when it comes back: %q", r.stepBack.Text)
	}
	test.Type(r.step, "Zaterdag samen koffie drinken")
	enter(r.step)
	if r.text.Text != "Deadline" {
		t.Fatalf("after next step: %q", r.text.Text)
	}

	// Re-park: a time in the past is refused with a suggestion.
	test.Tap(r.reparkBt)
	if r.reparkBox.Hidden || r.picker == nil {
		t.Fatal("re-park choices not shown")
	}
	r.picker.radio.SetSelected(r.picker.pick)
	yesterday := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	r.picker.date.SetDate(&yesterday)
	r.picker.clock.SetText("12:00")
	r.repark()
	if r.text.Text != "Deadline" || r.suggest.Hidden || r.suggest.Text != "Park it again for tomorrow 10:00" {
		t.Fatalf("past re-park: %q, suggest %q", r.msg.Text, r.suggest.Text)
	}
	test.Tap(r.suggest)
	if r.text.Text != "Dak lekt" {
		t.Fatalf("after re-park: %q", r.text.Text)
	}

	test.Tap(r.letGoBt)
	if !r.current.Hidden || r.end.Hidden || !hasLabel(u.Current(), "That was all of them. Well done for looking.") {
		t.Fatal("no end after the last one")
	}

	a := archived(t, u)
	if a["Rekening"].Decision != exercises.DecisionHandled || a["Dak lekt"].Decision != exercises.DecisionLetGo {
		t.Errorf("archive: %+v", a)
	}
	if w, ok := a["Ruzie"]; ok {
		t.Errorf("a worry that still matters went to the archive: %+v", w)
	}
	ws := waiting(t, u)
	if len(ws) != 3 {
		t.Fatalf("waiting: %+v", ws)
	}
	for _, w := range ws {
		if w.Text == "Deadline" && (!w.Revisit.Equal(time.Date(2026, 11, 27, 10, 0, 0, 0, time.Local)) || w.Reviewed.IsZero()) {
			t.Errorf("re-parked: %+v", w)
		}
		// Still matters: it waits with its step until the next look.
		if w.Text == "Ruzie" && (w.Decision != exercises.DecisionNextStep || w.NextStep != "Zaterdag samen koffie drinken" ||
			!w.Reviewed.Equal(c.Now()) || !w.Revisit.Equal(time.Date(2026, 11, 27, 10, 0, 0, 0, time.Local))) {
			t.Errorf("next step: %+v", w)
		}
	}
	if u.data.dueCount() != 0 {
		t.Errorf("still due: %d", u.data.dueCount())
	}
}

func TestReviewRepark(t *testing.T) {
	u, c, _ := newTestUI(t)
	parkDirect(t, u, tomorrow10, "Verhuizing")
	c.Set(tomorrow10.Add(time.Hour))
	u.ReviewWorries()
	r := u.current.(*worryReview)
	test.Tap(r.reparkBt)
	// 11:00 on Thursday: the default is Friday 10:00, the first choice.
	if r.picker.radio.Selected != "Tomorrow at 10:00" {
		t.Errorf("default %q", r.picker.radio.Selected)
	}
	r.picker.radio.SetSelected("Next Monday, 30 Nov, at 10:00")
	r.repark()
	ws := waiting(t, u)
	if len(ws) != 1 || !ws[0].Revisit.Equal(time.Date(2026, 11, 30, 10, 0, 0, 0, time.Local)) {
		t.Fatalf("re-parked %+v", ws)
	}
	if u.data.dueCount() != 0 || !hasLabel(u.Current(), "That was all of them. Well done for looking.") {
		t.Error("review did not end")
	}
}

func TestReviewNothingDue(t *testing.T) {
	u, _, _ := newTestUI(t)
	parkDirect(t, u, tomorrow10, "Morgen pas")
	u.ReviewWorries()
	r := u.current.(*worryReview)
	if !r.current.Hidden || !hasLabel(u.Current(), "Nothing is waiting to be looked at right now. The next parked thought comes back tomorrow 10:00.") {
		t.Error("nothing due: no calm message with the next time")
	}
	test.Tap(r.handledBt) // nothing to decide on: no panic, nothing changes
	if len(archived(t, u)) != 0 {
		t.Error("archived without a worry")
	}
}

func TestReviewShowsWorryTime(t *testing.T) {
	u, c, _ := newTestUI(t)
	s := exercises.DefaultWorrySettings()
	s.WorryTimeOn, s.WorryTime, s.WorryMinutes = true, "17:30", 15
	if err := storeWorrySettings(u.data.worryStore(), s); err != nil {
		t.Fatal(err)
	}
	parkDirect(t, u, time.Date(2026, 11, 26, 17, 30, 0, 0, time.Local), "Werk")
	c.Set(time.Date(2026, 11, 26, 17, 30, 0, 0, time.Local))
	u.Open(Launch{Start: "worry-review"}) // as the reminder does
	if !hasLabel(u.Current(), "Your worry time lasts 15 minutes. Whatever is left after that can wait until next time.") {
		t.Error("worry time not mentioned")
	}
	if r := u.current.(*worryReview); r.text.Text != "Werk" {
		t.Errorf("review shows %q", r.text.Text)
	}
}

// TestReviewStepComesBack: a worry that still matters comes back at the next
// look with the step written last time, to see how it went.
func TestReviewStepComesBack(t *testing.T) {
	u, c, _ := newTestUI(t)
	parkDirect(t, u, tomorrow10, "Ruzie")
	c.Set(tomorrow10.Add(time.Minute))
	u.ReviewWorries()
	r := u.current.(*worryReview)
	test.Tap(r.mattersBt)
	test.Type(r.step, "Zaterdag koffie")
	enter(r.step)
	if u.data.dueCount() != 0 {
		t.Fatalf("still due right after: %d", u.data.dueCount())
	}
	c.Set(time.Date(2026, 11, 27, 10, 0, 0, 0, time.Local))
	u.ReviewWorries()
	r = u.current.(*worryReview)
	if r.text.Text != "Ruzie" || r.meta.Text != "Parked Wed 25 Nov 23:05\nNext step: Zaterdag koffie" {
		t.Fatalf("came back as %q, %q", r.text.Text, r.meta.Text)
	}
	test.Tap(r.handledBt)
	if w := archived(t, u)["Ruzie"]; w.Decision != exercises.DecisionHandled || w.NextStep != "Zaterdag koffie" {
		t.Errorf("handled after its step: %+v", w)
	}
}

// TestReviewEndsWithTheBody: "close with a moment for your body" offers
// body exercises only: 4-6 breathing and the mini-check, not the notebook.
func TestReviewEndsWithTheBody(t *testing.T) {
	u, _, _ := newTestUI(t)
	u.ReviewWorries()
	r := u.current.(*worryReview)
	if r.end.Hidden {
		t.Fatal("nothing due, but no end")
	}
	var after []*button
	seen := false
	for _, o := range test.LaidOutObjects(r.end) {
		if l, ok := o.(*widget.Label); ok && l.Text == tr("worry.park.close") {
			seen = true
		}
		if b, ok := o.(*button); ok && seen {
			after = append(after, b)
		}
	}
	if !seen || len(after) != 2 {
		t.Fatalf("the close line and its two buttons: %v, %d", seen, len(after))
	}
	opens := func(b *button) string {
		u.ReviewWorries()
		r := u.current.(*worryReview)
		for _, o := range test.LaidOutObjects(r.end) {
			if x, ok := o.(*button); ok && x.Text == b.Text {
				test.Tap(x)
			}
		}
		return fmt.Sprintf("%T", u.current)
	}
	for _, b := range after {
		switch got := opens(b); got {
		case "*ui.breathRun", "*ui.miniCheckRun":
		default:
			t.Errorf("%q after the close line opens %s, not a body exercise", b.Text, got)
		}
	}
}
