package diary

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/ontspan/ontspan/exercises"
)

// TestMigrateFromVersion2 builds a version-2 diary (sessions, settings and
// worries, no rituals yet) with data in it, and opens it with this version.
func TestMigrateFromVersion2(t *testing.T) {
	dir := t.TempDir()
	db, err := sql.Open("sqlite", dsn(filepath.Join(dir, FileName)))
	if err != nil {
		t.Fatal(err)
	}
	if err := migrateTo(context.Background(), db, 2); err != nil {
		t.Fatal(err)
	}
	started := time.Date(2026, 5, 2, 22, 0, 0, 0, time.UTC)
	_, err = db.Exec(`INSERT INTO sessions (uid, technique, variant, started, planned, actual, completed, before, after, note)
			VALUES ('v2session', 'pmr', 'short', ?1, 240000000000, 240000000000, 1, 6, 3, 'versie 2');
		INSERT INTO worries (uid, text, created, revisit, state) VALUES ('v2worry', 'de auto', ?1, ?1, 'waiting');
		INSERT INTO settings (key, value) VALUES ('lang', 'nl');`, started.UnixNano())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("SELECT ritual FROM sessions"); err == nil {
		t.Fatal("version 2 fixture already has rituals")
	}
	db.Close()

	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v := userVersion(t, s); v != len(migrations) {
		t.Fatalf("user_version = %d after migration", v)
	}
	page, err := s.Page(time.Time{}, 0, 10)
	if err != nil || len(page) != 1 || page[0].UID != "v2session" || page[0].Before != 6 || page[0].Ritual != "" {
		t.Fatalf("version-2 session after migration: %+v, %v", page, err)
	}
	ws, err := s.Worries(exercises.WorryWaiting)
	if err != nil || len(ws) != 1 || ws[0].Text != "de auto" {
		t.Errorf("version-2 worry: %+v %v", ws, err)
	}
	if v, ok, _ := s.Setting("lang"); !ok || v != "nl" {
		t.Errorf("version-2 setting: %q %v", v, ok)
	}
	e := exercises.Entry{Technique: exercises.Breathing, Variant: "4-6", Started: started.Add(24 * time.Hour),
		Before: exercises.NoRating, After: exercises.NoRating, Ritual: exercises.RitualEvening}
	if err := s.Add(&e); err != nil {
		t.Fatal(err)
	}
	if n, err := s.RitualDays(exercises.RitualEvening, started.Add(25*time.Hour), time.UTC, 14); err != nil || n != 1 {
		t.Errorf("ritual days after migration: %d %v", n, err)
	}
	r := myRitual()
	if err := s.AddRitual(&r); err != nil {
		t.Errorf("rituals after migration: %v", err)
	}
	if err := s.IntegrityCheck(); err != nil {
		t.Error(err)
	}
}

func myRitual() exercises.Ritual {
	return exercises.Ritual{Name: " Mijn avond 🌙 ", Steps: []exercises.RitualStep{
		{TextKey: exercises.TaskLights},
		exercises.TaskStep(" Thee zonder cafeïne "),
		{Technique: exercises.PMR, Variant: exercises.PMRShort},
		exercises.BreathingStep("custom:langzaam", 7),
		{Technique: exercises.Senses, Variant: exercises.SensesBasic},
	}}
}

func TestRitualCRUD(t *testing.T) {
	s, _ := openTemp(t)
	r := myRitual()
	if err := s.AddRitual(&r); err != nil {
		t.Fatal(err)
	}
	if r.ID == 0 || r.UID == "" || r.Name != "Mijn avond 🌙" || r.Steps[1].Text != "Thee zonder cafeïne" {
		t.Errorf("added: %+v", r)
	}
	second, _ := exercises.CopyRitual(exercises.BuiltinRituals()[1], "Bureau")
	if err := s.AddRitual(&second); err != nil {
		t.Fatal(err)
	}
	list, err := s.Rituals()
	if err != nil || len(list) != 2 || !reflect.DeepEqual(list[0], r) || list[1].Name != "Bureau" {
		t.Fatalf("list: %+v %v", list, err)
	}

	edited := r
	edited.Name = "Slapen"
	edited, _, _ = exercises.MoveStep(edited, 4, -1)
	saved, err := s.UpdateRitual(edited)
	if err != nil {
		t.Fatal(err)
	}
	list, _ = s.Rituals()
	if !reflect.DeepEqual(list[0], saved) || list[0].Name != "Slapen" || list[0].Steps[3].Technique != exercises.Senses {
		t.Errorf("after update: %+v", list[0])
	}

	gone, err := s.DeleteRitual(r.ID)
	if err != nil || !reflect.DeepEqual(gone, saved) {
		t.Fatalf("delete: %+v %v", gone, err)
	}
	if list, _ := s.Rituals(); len(list) != 1 {
		t.Errorf("after delete: %+v", list)
	}
	if _, err := s.DeleteRitual(r.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("delete twice: %v", err)
	}
	if _, err := s.UpdateRitual(saved); !errors.Is(err, ErrNotFound) {
		t.Errorf("update a deleted ritual: %v", err)
	}
	for range 2 { // Undo, tapped twice
		if err := s.RestoreRitual(gone); err != nil {
			t.Fatal(err)
		}
	}
	list, _ = s.Rituals()
	if len(list) != 2 || !reflect.DeepEqual(list[0], saved) {
		t.Errorf("after undo: %+v", list)
	}

	bad := []struct {
		name string
		r    exercises.Ritual
		want error
	}{
		{"no name", exercises.Ritual{Steps: r.Steps}, exercises.ErrRitualName},
		{"no steps", exercises.Ritual{Name: "x"}, exercises.ErrRitualEmpty},
		{"bad step", exercises.Ritual{Name: "x", Steps: []exercises.RitualStep{exercises.BreathingStep("4-6", 0)}}, exercises.ErrStepMinutes},
		{"NUL in a task", exercises.Ritual{Name: "x", Steps: []exercises.RitualStep{exercises.TaskStep("a\x00")}}, exercises.ErrRitualText},
		{"a built-in", exercises.BuiltinRituals()[0], exercises.ErrRitualBuiltin},
		{"a built-in's uid", exercises.Ritual{UID: exercises.RitualEvening, Name: "x", Steps: r.Steps}, ErrDuplicate},
		{"bad uid", exercises.Ritual{UID: "a b", Name: "x", Steps: r.Steps}, ErrInvalidUID},
	}
	for _, c := range bad {
		x := c.r
		if err := s.AddRitual(&x); !errors.Is(err, c.want) {
			t.Errorf("%s: %v, want %v", c.name, err, c.want)
		}
	}
	dup := myRitual()
	dup.UID = r.UID
	if err := s.AddRitual(&dup); !errors.Is(err, ErrDuplicate) {
		t.Errorf("same uid twice: %v", err)
	}
	if list, _ := s.Rituals(); len(list) != 2 {
		t.Errorf("invalid rituals were saved: %d", len(list))
	}
}

func TestEntryKeepsItsRitual(t *testing.T) {
	s, _ := openTemp(t)
	e := sample(1)
	e.Ritual, e.RitualName = "r-123", "Mijn avond"
	if err := s.Add(&e); err != nil {
		t.Fatal(err)
	}
	got, err := s.Entry(e.ID)
	if err != nil || got.Ritual != "r-123" || got.RitualName != "Mijn avond" {
		t.Fatalf("read back: %+v %v", got, err)
	}
	now := got
	now.RitualName = "Slapen"
	if err := s.UpdateChanged(got, now); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Entry(e.ID); got.RitualName != "Slapen" {
		t.Errorf("UpdateChanged lost the ritual name: %+v", got)
	}
	for _, c := range []struct {
		ritual, name string
		want         error
	}{{"a b", "", ErrInvalidUID}, {"ok", "a\x00", ErrNUL}, {"ok", strings.Repeat("a", MaxLabelRunes+1), ErrTooLong}} {
		x := sample(2)
		x.Ritual, x.RitualName = c.ritual, c.name
		if err := s.Add(&x); !errors.Is(err, c.want) {
			t.Errorf("ritual %q name %q: %v, want %v", c.ritual, c.name, err, c.want)
		}
	}
}

func TestRitualDays(t *testing.T) {
	s, _ := openTemp(t)
	now := time.Date(2026, 3, 30, 21, 0, 0, 0, amsterdam) // the day after the switch to summer time
	at := func(daysAgo, h, m int) time.Time {
		y, mo, d := now.Date()
		return time.Date(y, mo, d-daysAgo, h, m, 0, 0, amsterdam)
	}
	add := func(ritual string, t0 time.Time) {
		e := exercises.Entry{Technique: exercises.Breathing, Started: t0, Before: -1, After: -1, Ritual: ritual}
		if err := s.Add(&e); err != nil {
			t.Fatal(err)
		}
	}
	add(exercises.RitualEvening, at(0, 20, 30))  // tonight
	add(exercises.RitualEvening, at(0, 20, 40))  // tonight again: one evening
	add(exercises.RitualEvening, at(1, 23, 50))  // last night
	add(exercises.RitualEvening, at(1, 0, 30))   // 00:30 yesterday: the evening before it
	add(exercises.RitualEvening, at(5, 22, 0))   //
	add(exercises.RitualEvening, at(13, 22, 0))  // the first day of 14
	add(exercises.RitualEvening, at(14, 22, 0))  // 15 days ago: out
	add(exercises.RitualEvening, at(-1, 22, 0))  // tomorrow (a clock set back): out
	add(exercises.RitualDeskReset, at(3, 10, 0)) // another ritual
	add("", at(4, 22, 0))                        // a session on its own
	cases := []struct {
		uid  string
		n    int
		want int
	}{
		{exercises.RitualEvening, 14, 5}, // today, yesterday, 2 days ago (the 00:30), 5, 13
		{exercises.RitualEvening, 1, 1},
		{exercises.RitualEvening, 2, 2},
		{exercises.RitualEvening, 3, 3},
		{exercises.RitualEvening, 13, 4},
		{exercises.RitualDeskReset, 14, 1},
		{"nothing", 14, 0},
		{exercises.RitualEvening, 0, 0},
	}
	for _, c := range cases {
		if got, err := s.RitualDays(c.uid, now, amsterdam, c.n); err != nil || got != c.want {
			t.Errorf("%s in %d days: %d %v, want %d", c.uid, c.n, got, err, c.want)
		}
	}
	// Just after midnight the evening that began yesterday is still "today".
	if got, _ := s.RitualDays(exercises.RitualEvening, at(-1, 1, 0), amsterdam, 1); got != 1 {
		t.Errorf("at 01:00 tonight's ritual counts %d, want 1", got)
	}
}

func TestPaceTestsLogged(t *testing.T) {
	s, _ := openTemp(t)
	start := time.Date(2026, 2, 1, 21, 0, 0, 0, amsterdam)
	var all []exercises.PaceRating
	for i, p := range []float64{6, 4.5, 7, 5.5, 5, 6.5} {
		all = append(all, exercises.PaceRating{Pace: p, Comfort: []int{3, 2, 1, 5, 4, 3}[i], Feel: exercises.FeelRight})
	}
	all[1] = exercises.PaceRating{Pace: 4.5, Skipped: true}
	first := exercises.EndPaceTest(start, all)
	half := exercises.EndPaceTest(start.AddDate(0, 1, 0), all[:2])
	third := exercises.EndPaceTest(start.AddDate(0, 0, 10), all)
	for _, x := range []*exercises.PaceTest{&first, &half, &third} {
		if err := s.AddPaceTest(x); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.PaceTests(2)
	if err != nil || len(got) != 2 {
		t.Fatalf("last two: %+v %v", got, err)
	}
	if got[0].UID != half.UID || got[0].Finished || got[0].Chosen != 0 || len(got[0].Ratings) != 2 {
		t.Errorf("the newest, stopped half way: %+v", got[0])
	}
	if got[1].UID != third.UID || !got[1].Finished || got[1].Chosen != 5.5 || !reflect.DeepEqual(got[1].Ratings, all) {
		t.Errorf("the one before: %+v", got[1])
	}
	last, ok, err := s.LastFinishedPaceTest()
	if err != nil || !ok || last.UID != third.UID || !last.Started.Equal(third.Started) {
		t.Errorf("last finished: %+v %v %v", last, ok, err)
	}
	forged := exercises.EndPaceTest(start, all[:3])
	forged.Chosen = 6
	if err := s.AddPaceTest(&forged); !errors.Is(err, exercises.ErrPaceResult) {
		t.Errorf("a forged result: %v", err)
	}
	if err := s.AddPaceTest(&exercises.PaceTest{}); !errors.Is(err, ErrTimeRange) {
		t.Errorf("no start time: %v", err)
	}
	dup := first
	if err := s.AddPaceTest(&dup); !errors.Is(err, ErrDuplicate) {
		t.Errorf("the same uid twice: %v", err)
	}
	gone, err := s.DeletePaceTest(third.ID)
	if err != nil || gone.UID != third.UID || !reflect.DeepEqual(gone.Ratings, all) {
		t.Fatalf("delete: %+v %v", gone, err)
	}
	if last, _, _ := s.LastFinishedPaceTest(); last.UID != first.UID {
		t.Errorf("after delete the last finished is %q", last.UID)
	}
	if _, err := s.DeletePaceTest(third.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("delete twice: %v", err)
	}
	for range 2 {
		if err := s.RestorePaceTest(gone); err != nil {
			t.Fatal(err)
		}
	}
	if got, _ := s.PaceTests(10); len(got) != 3 || got[1].ID != third.ID {
		t.Errorf("after undo: %+v", got)
	}
	s2, _ := openTemp(t)
	if _, ok, err := s2.LastFinishedPaceTest(); ok || err != nil {
		t.Errorf("an empty diary has a pace test: %v %v", ok, err)
	}
}

// The store is what a ritual run logs to.
var _ exercises.RitualLog = (*Store)(nil)

// TestRitualRunKilledHalfWay runs the evening ritual against a real diary,
// "kills" it during the breathing (the store is closed, the run dropped)
// and opens the diary again: the muscle relaxation is there with the
// before-rating and the ritual, and the evening counts.
func TestRitualRunKilledHalfWay(t *testing.T) {
	s, dir := openTemp(t)
	start := time.Date(2026, 4, 10, 21, 30, 0, 0, amsterdam)
	c := exercises.NewFakeClock(start)
	rr, err := exercises.NewRitualRunner(exercises.BuiltinRituals()[0], exercises.RitualEnv{}, c, s)
	if err != nil {
		t.Fatal(err)
	}
	rr.Begin(7)
	c.Advance(10 * time.Minute) // the shower
	rr.Done()
	rr.StartNow()
	pmr := rr.Now().Session.Exercise().Duration()
	for d := time.Duration(0); d <= pmr+exercises.HandOverTime+2*time.Minute; d += time.Second {
		c.Advance(time.Second)
		rr.Now()
	}
	if v := rr.Now(); v.Phase != exercises.RitualRunning || v.Index != 2 || rr.Err() != nil {
		t.Fatalf("should be breathing: %+v %v", v, rr.Err())
	}
	s.Close() // killed

	s2, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	page, err := s2.Page(time.Time{}, 0, 10)
	if err != nil || len(page) != 1 {
		t.Fatalf("after the kill: %+v %v", page, err)
	}
	e := page[0]
	if e.Technique != exercises.PMR || !e.Completed || e.Before != 7 || e.After != exercises.NoRating ||
		e.Ritual != exercises.RitualEvening || e.Actual != pmr {
		t.Errorf("logged step: %+v", e)
	}
	if n, err := s2.RitualDays(exercises.RitualEvening, c.Now(), amsterdam, 14); err != nil || n != 1 {
		t.Errorf("evenings: %d %v", n, err)
	}
}

// TestRitualRunToTheEnd: a full desk reset against a real diary puts the
// before-rating on the mini-check and the after-rating on the breathing.
func TestRitualRunToTheEnd(t *testing.T) {
	s, _ := openTemp(t)
	c := exercises.NewFakeClock(time.Date(2026, 4, 10, 11, 0, 0, 0, amsterdam))
	rr, err := exercises.NewRitualRunner(exercises.BuiltinRituals()[1], exercises.RitualEnv{}, c, s)
	if err != nil {
		t.Fatal(err)
	}
	rr.Begin(6)
	for range 3*10 + 10 + 120 + 1 {
		c.Advance(time.Second)
		rr.Now()
	}
	if v := rr.Now(); v.Phase != exercises.RitualAfter {
		t.Fatalf("phase %v", v.Phase)
	}
	rr.Finish(2)
	page, _ := s.Page(time.Time{}, 0, 10)
	if len(page) != 2 || page[1].Technique != exercises.MiniCheck || page[1].Before != 6 || page[1].After != -1 ||
		page[0].Technique != exercises.Breathing || page[0].Before != -1 || page[0].After != 2 || rr.Err() != nil {
		t.Errorf("logged: %+v %v", page, rr.Err())
	}
}
