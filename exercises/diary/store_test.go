package diary

import (
	"errors"
	"testing"
	"time"

	"github.com/ontspan/ontspan/exercises"
)

func TestRoundTripEntries(t *testing.T) {
	s, dir := openTemp(t)
	var want []exercises.Entry
	for i := range 40 {
		e := sample(i)
		if err := s.Add(&e); err != nil {
			t.Fatalf("Add %d: %v", i, err)
		}
		if e.ID == 0 || len(e.UID) != 32 {
			t.Fatalf("Add did not set ID/UID: %+v", e)
		}
		want = append(want, e)
	}
	s.Close()

	s2, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	got := allEntries(t, s2)
	if len(got) != len(want) {
		t.Fatalf("got %d entries, want %d", len(got), len(want))
	}
	// Page is newest first; sample times increase with i.
	for i, g := range got {
		w := want[len(want)-1-i]
		if !sameEntry(g, w) {
			t.Errorf("entry %d:\n got %+v\nwant %+v", i, g, w)
		}
		one, err := s2.Entry(w.ID)
		if err != nil || !sameEntry(one, w) {
			t.Errorf("Entry(%d) = %+v, %v", w.ID, one, err)
		}
	}
	if n, err := s2.Count(); err != nil || n != len(want) {
		t.Errorf("Count = %d, %v", n, err)
	}
}

func TestPageKeysetWithEqualTimes(t *testing.T) {
	s, _ := openTemp(t)
	at := time.Date(2025, 5, 1, 8, 0, 0, 0, time.UTC)
	for i := range 25 {
		e := sample(i)
		e.Started = at.Add(time.Duration(i/5) * time.Hour) // five sessions share each start time
		if err := s.Add(&e); err != nil {
			t.Fatal(err)
		}
	}
	got := allEntries(t, s)
	if len(got) != 25 {
		t.Fatalf("paged %d entries, want 25", len(got))
	}
	seen := map[int64]bool{}
	for i, e := range got {
		if seen[e.ID] {
			t.Fatalf("entry %d seen twice", e.ID)
		}
		seen[e.ID] = true
		if i > 0 {
			p := got[i-1]
			if e.Started.After(p.Started) || e.Started.Equal(p.Started) && e.ID > p.ID {
				t.Fatalf("not newest first at %d", i)
			}
		}
	}
	if page, err := s.Page(time.Time{}, 0, 0); err != nil || len(page) != 0 {
		t.Errorf("limit 0: %v, %v", page, err)
	}
}

func TestUpdateDeleteRestore(t *testing.T) {
	s, _ := openTemp(t)
	e := sample(1)
	if err := s.Add(&e); err != nil {
		t.Fatal(err)
	}
	other := sample(2)
	if err := s.Add(&other); err != nil {
		t.Fatal(err)
	}
	e.Before, e.After, e.Note = 8, 4, "beter"
	if err := s.Update(e); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Entry(e.ID)
	if !sameEntry(got, e) {
		t.Fatalf("after Update: %+v", got)
	}

	// Delete the newest (highest id) row: without AUTOINCREMENT its id
	// would be handed out again and Undo could not put it back in place.
	deleted, err := s.Delete(other.ID)
	if err != nil || !sameEntry(deleted, other) {
		t.Fatalf("Delete = %+v, %v", deleted, err)
	}
	if _, err := s.Delete(other.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("second Delete: %v, want ErrNotFound", err)
	}
	if err := s.Update(deleted); !errors.Is(err, ErrNotFound) {
		t.Errorf("Update of deleted: %v, want ErrNotFound", err)
	}
	third := sample(3)
	if err := s.Add(&third); err != nil {
		t.Fatal(err)
	}
	if third.ID == deleted.ID {
		t.Fatalf("id %d reused", third.ID)
	}
	if err := s.Restore(deleted); err != nil {
		t.Fatal(err)
	}
	if err := s.Restore(deleted); err != nil { // undo twice: harmless
		t.Fatal(err)
	}
	back, err := s.Entry(deleted.ID)
	if err != nil || !sameEntry(back, deleted) {
		t.Fatalf("restored %+v, %v; want %+v", back, err, deleted)
	}
	if n, _ := s.Count(); n != 3 {
		t.Errorf("Count = %d, want 3", n)
	}
	dup := sample(9)
	dup.UID = e.UID
	if err := s.Add(&dup); !errors.Is(err, ErrDuplicate) {
		t.Errorf("Add with existing uid: %v, want ErrDuplicate", err)
	}
}

func TestBadInputs(t *testing.T) {
	s, _ := openTemp(t)
	long := make([]rune, MaxNoteRunes+1)
	for i := range long {
		long[i] = 'a'
	}
	huge := make([]byte, 100_000)
	for i := range huge {
		huge[i] = 'x'
	}
	emojiNote := ""
	for range MaxNoteRunes {
		emojiNote += "😌"
	}
	tests := []struct {
		name  string
		edit  func(e *exercises.Entry)
		want  error
		field string
	}{
		{"before 11", func(e *exercises.Entry) { e.Before = 11 }, ErrRatingRange, "before"},
		{"before -2", func(e *exercises.Entry) { e.Before = -2 }, ErrRatingRange, "before"},
		{"after 100", func(e *exercises.Entry) { e.After = 100 }, ErrRatingRange, "after"},
		{"note 1001 runes", func(e *exercises.Entry) { e.Note = string(long) }, ErrNoteTooLong, "note"},
		{"note 100000 chars", func(e *exercises.Entry) { e.Note = string(huge) }, ErrNoteTooLong, "note"},
		{"note with NUL", func(e *exercises.Entry) { e.Note = "a\x00b" }, ErrNUL, "note"},
		{"variant with NUL", func(e *exercises.Entry) { e.Variant = "4\x006" }, ErrNUL, "variant"},
		{"note invalid UTF-8", func(e *exercises.Entry) { e.Note = "\xff\xfe" }, ErrInvalidUTF8, "note"},
		{"no technique", func(e *exercises.Entry) { e.Technique = "" }, ErrEmpty, "technique"},
		{"negative duration", func(e *exercises.Entry) { e.Actual = -time.Second }, ErrDurationRange, "actual"},
		{"two-day session", func(e *exercises.Entry) { e.Planned = 48 * time.Hour }, ErrDurationRange, "planned"},
		{"zero start", func(e *exercises.Entry) { e.Started = time.Time{} }, ErrTimeRange, "started"},
		{"bad uid", func(e *exercises.Entry) { e.UID = "a b" }, ErrInvalidUID, "uid"},
		{"emoji note, 1000 runes", func(e *exercises.Entry) { e.Note = emojiNote }, nil, ""},
		{"ratings 0 and 10", func(e *exercises.Entry) { e.Before, e.After = 0, 10 }, nil, ""},
		{"skipped ratings", func(e *exercises.Entry) { e.Before, e.After = exercises.NoRating, exercises.NoRating }, nil, ""},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, _ := s.Count()
			e := sample(i)
			tt.edit(&e)
			err := s.Add(&e)
			after, _ := s.Count()
			if tt.want == nil {
				if err != nil {
					t.Fatalf("Add: %v", err)
				}
				got, _ := s.Entry(e.ID)
				if !sameEntry(got, e) {
					t.Fatalf("stored %+v", got)
				}
				return
			}
			if !errors.Is(err, tt.want) {
				t.Fatalf("Add: %v, want %v", err, tt.want)
			}
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Field != tt.field {
				t.Errorf("field = %v, want %q", err, tt.field)
			}
			if after != before {
				t.Errorf("count went from %d to %d", before, after)
			}
			t.Logf("message: %v", err)
		})
	}

	// Update validates too, and leaves the stored entry as it was.
	e := sample(1)
	if err := s.Add(&e); err != nil {
		t.Fatal(err)
	}
	bad := e
	bad.After = 12
	if err := s.Update(bad); !errors.Is(err, ErrRatingRange) {
		t.Errorf("Update: %v", err)
	}
	if got, _ := s.Entry(e.ID); !sameEntry(got, e) {
		t.Errorf("stored entry changed: %+v", got)
	}
}

func TestWorries(t *testing.T) {
	s, dir := openTemp(t)
	var want []exercises.Worry
	for i := range 12 {
		w := sampleWorry(i)
		if err := s.AddWorry(&w); err != nil {
			t.Fatalf("AddWorry %d: %v", i, err)
		}
		want = append(want, w)
	}
	s.Close()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()

	byUID := map[string]exercises.Worry{}
	for _, w := range want {
		byUID[w.UID] = w
	}
	waiting, err := s.Worries(exercises.WorryWaiting)
	if err != nil {
		t.Fatal(err)
	}
	archived, err := s.Worries(exercises.WorryArchived)
	if err != nil {
		t.Fatal(err)
	}
	if len(waiting)+len(archived) != len(want) || len(archived) != 4 {
		t.Fatalf("waiting %d archived %d", len(waiting), len(archived))
	}
	for i, w := range waiting {
		if !sameWorry(w, byUID[w.UID]) {
			t.Errorf("waiting %d: got %+v want %+v", i, w, byUID[w.UID])
		}
		if i > 0 && w.Revisit.Before(waiting[i-1].Revisit) {
			t.Errorf("waiting not by revisit at %d", i)
		}
	}
	for i, w := range archived {
		if !sameWorry(w, byUID[w.UID]) {
			t.Errorf("archived %d: got %+v want %+v", i, w, byUID[w.UID])
		}
		if i > 0 && w.Reviewed.After(archived[i-1].Reviewed) {
			t.Errorf("archived not newest first at %d", i)
		}
	}

	// Due: waiting worries with revisit <= now.
	now := want[5].Revisit // worries 0, 2, 3 and 5 are waiting and due
	due, err := s.DueWorries(now)
	if err != nil {
		t.Fatal(err)
	}
	if len(due) != 4 {
		t.Errorf("due = %d, want 4", len(due))
	}

	// Search ignores case, also for É, and accents: "een" finds "ÉÉN".
	found, err := s.SearchWorries("één DING")
	if err != nil || len(found) != 12 {
		t.Errorf("search: %d, %v", len(found), err)
	}
	for _, q := range []string{"een ding", "EEN", "eén"} {
		if found, err := s.SearchWorries(q); err != nil || len(found) != 12 {
			t.Errorf("search %q: %d, %v", q, len(found), err)
		}
	}
	if found, err := s.SearchWorries("één dingen"); err != nil || len(found) != 0 {
		t.Errorf("search for what is not there: %d, %v", len(found), err)
	}
	found, err = s.SearchWorries("HUISARTS")
	if err != nil || len(found) != 1 || found[0].Decision != exercises.DecisionNextStep {
		t.Errorf("search next step: %+v, %v", found, err)
	}
	found, err = s.SearchWorries("worry 11:")
	if err != nil || len(found) != 1 {
		t.Errorf("search worry 11: %d, %v", len(found), err)
	}
	if found, _ := s.SearchWorries("%"); len(found) != 0 {
		t.Errorf("search %%: %d results", len(found))
	}

	// Review one, delete and undo.
	w := waiting[0]
	w.State, w.Decision, w.Reviewed = exercises.WorryArchived, exercises.DecisionLetGo, now
	if err := s.UpdateWorry(w); err != nil {
		t.Fatal(err)
	}
	gone, err := s.DeleteWorry(w.ID)
	if err != nil || !sameWorry(gone, w) {
		t.Fatalf("DeleteWorry = %+v, %v", gone, err)
	}
	if err := s.UpdateWorry(w); !errors.Is(err, ErrNotFound) {
		t.Errorf("UpdateWorry deleted: %v", err)
	}
	if err := s.RestoreWorry(gone); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.WorryCount(); n != 12 {
		t.Errorf("WorryCount = %d", n)
	}

	bad := []struct {
		name string
		edit func(w *exercises.Worry)
		want error
	}{
		{"too long", func(w *exercises.Worry) { w.Text = string(make([]rune, MaxWorryRunes+1)) }, ErrNUL},
		{"2001 letters", func(w *exercises.Worry) {
			r := make([]rune, MaxWorryRunes+1)
			for i := range r {
				r[i] = 'ë'
			}
			w.Text = string(r)
		}, ErrWorryTooLong},
		{"NUL", func(w *exercises.Worry) { w.Text = "x\x00" }, ErrNUL},
		{"empty", func(w *exercises.Worry) { w.Text = "  " }, ErrEmpty},
		{"state", func(w *exercises.Worry) { w.State = "lost" }, ErrInvalidState},
		{"decision", func(w *exercises.Worry) { w.Decision = "maybe" }, ErrInvalidState},
		{"no revisit", func(w *exercises.Worry) { w.Revisit = time.Time{} }, ErrTimeRange},
		{"next step too long", func(w *exercises.Worry) { w.NextStep = string(make([]byte, 1001)) }, ErrNUL},
	}
	for _, tt := range bad {
		w := sampleWorry(0)
		tt.edit(&w)
		if err := s.AddWorry(&w); !errors.Is(err, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, err, tt.want)
		}
	}
	if _, err := s.Worries("lost"); !errors.Is(err, ErrInvalidState) {
		t.Errorf("Worries(lost): %v", err)
	}
}

func TestSettings(t *testing.T) {
	s, dir := openTemp(t)
	if _, ok, err := s.Setting("reminder.daily"); ok || err != nil {
		t.Fatalf("unset setting: %v %v", ok, err)
	}
	for _, v := range []string{"08:30", "21:00", ""} {
		if err := s.SetSetting("reminder.daily", v); err != nil {
			t.Fatal(err)
		}
		if got, ok, err := s.Setting("reminder.daily"); got != v || !ok || err != nil {
			t.Fatalf("Setting = %q %v %v, want %q", got, ok, err, v)
		}
	}
	// A second handle (as the tray agent would have) sees the same value.
	other, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if err := other.SetSetting("mute", "true"); err != nil {
		t.Fatal(err)
	}
	if got, _, _ := s.Setting("mute"); got != "true" {
		t.Errorf("shared setting = %q", got)
	}
	if err := s.DeleteSetting("mute"); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := other.Setting("mute"); ok {
		t.Error("deleted setting still there")
	}
	if err := s.SetSetting("", "x"); !errors.Is(err, ErrEmpty) {
		t.Errorf("empty key: %v", err)
	}
	if err := s.SetSetting("k", "a\x00"); !errors.Is(err, ErrNUL) {
		t.Errorf("NUL value: %v", err)
	}
}

func TestClosed(t *testing.T) {
	s, _ := openTemp(t)
	s.Close()
	e := sample(0)
	if err := s.Add(&e); !errors.Is(err, ErrClosed) {
		t.Errorf("Add after Close: %v", err)
	}
}

// TestUpdateChangedKeepsOtherFields is issue 16's case: the done screen
// rates a session while a note for it was saved meanwhile (in the diary
// screen or another window); the note must survive, and the rating arrive.
func TestUpdateChangedKeepsOtherFields(t *testing.T) {
	s, dir := openTemp(t)
	e := sample(1)
	e.Note, e.After = "", exercises.NoRating
	if err := s.Add(&e); err != nil {
		t.Fatal(err)
	}
	done := e // what the done screen holds

	other, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	fresh, _ := other.Entry(e.ID)
	edited := fresh
	edited.Note = "slept well"
	if err := other.UpdateChanged(fresh, edited); err != nil {
		t.Fatal(err)
	}

	rated := done
	rated.After = 3
	if err := s.UpdateChanged(done, rated); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Entry(e.ID)
	if got.Note != "slept well" || got.After != 3 || got.Before != e.Before {
		t.Errorf("after both edits: note %q, after %d, before %d", got.Note, got.After, got.Before)
	}
	st, _ := s.Stats(time.Now(), time.UTC)
	if len(st.Techniques) != 1 || st.Techniques[0].Rated != 1 {
		t.Errorf("totals not following the rating: %+v", st.Techniques)
	}

	if err := s.UpdateChanged(rated, rated); err != nil {
		t.Errorf("nothing changed: %v", err)
	}
	bad := rated
	bad.After = 11
	if err := s.UpdateChanged(rated, bad); !errors.Is(err, ErrRatingRange) {
		t.Errorf("invalid rating: %v", err)
	}
	s.Delete(e.ID)
	if err := s.UpdateChanged(rated, done); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleted session: %v, want ErrNotFound", err)
	}
}
