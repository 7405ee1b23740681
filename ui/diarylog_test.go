package ui

import (
	"testing"
	"time"
)

// TestRatingKeepsNoteSavedMeanwhile: a note saved for the session elsewhere
// (the diary, another window) while the done screen is open survives the
// rating given on the done screen (issue 16, section 2).
func TestRatingKeepsNoteSavedMeanwhile(t *testing.T) {
	u, c, _ := newTestUI(t)
	u.StartBreathing("4-6", exerciseMinutes(1))
	c.Advance(time.Minute)
	u.current.(*breathRun).frame()
	done := u.current.(*doneScreen)
	st := u.data.store
	id := done.entry.ID

	fresh, err := st.Entry(id)
	if err != nil {
		t.Fatal(err)
	}
	edited := fresh
	edited.Note = "written in the diary meanwhile"
	if err := st.Update(edited); err != nil {
		t.Fatal(err)
	}

	done.after.tap(4)
	done.leave() // the note field is empty here: nothing to save
	got, err := st.Entry(id)
	if err != nil {
		t.Fatal(err)
	}
	if got.After != 4 || got.Note != "written in the diary meanwhile" {
		t.Errorf("after rating: after %d, note %q", got.After, got.Note)
	}
}
