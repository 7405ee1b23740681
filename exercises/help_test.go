package exercises

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"
	"time"
)

var helpNow = time.Date(2026, 11, 30, 21, 0, 0, 0, time.UTC)

func session(tech Technique, ago time.Duration, actual time.Duration, completed bool, before, after int) Entry {
	start := helpNow.Add(-ago)
	return Entry{UID: fmt.Sprintf("u%d", start.Unix()), Technique: tech, Variant: "x", Started: start,
		Actual: actual, Completed: completed, Before: before, After: after}
}

func TestTenserNote(t *testing.T) {
	cases := []struct {
		name  string
		e     Entry
		fires bool
		try   string // the suggestion, as pick writes it
	}{
		{"more tense after breathing: something physical and shorter", session(Breathing, time.Hour, 5*time.Minute, true, 4, 6), true, "minicheck/timed"},
		{"more tense after short breathing: something physical", session(Breathing, time.Hour, 2*time.Minute, true, 4, 5), true, "pmr/short"},
		{"more tense after muscle relaxation: shorter", session(PMR, time.Hour, 4*time.Minute, true, 3, 7), true, "breathing/4-6:2"},
		{"more tense after a mini-check", session(MiniCheck, time.Hour, 30*time.Second, true, 5, 6), true, "pmr/short"},
		{"stopped early and tenser still counts", session(Senses, time.Hour, time.Minute, false, 2, 3), true, "pmr/short"},
		{"the same", session(Breathing, time.Hour, 5*time.Minute, true, 5, 5), false, ""},
		{"calmer", session(Breathing, time.Hour, 5*time.Minute, true, 6, 3), false, ""},
		{"no rating before", session(MiniCheck, time.Hour, 30*time.Second, true, NoRating, 9), false, ""},
		{"no rating after", session(Breathing, time.Hour, 5*time.Minute, true, 2, NoRating), false, ""},
	}
	for _, c := range cases {
		n, ok := TenserNote(c.e, nil)
		if ok != c.fires {
			t.Errorf("%s: fires %v", c.name, ok)
			continue
		}
		if !ok {
			continue
		}
		if n.ID != NoteTenser || n.Text != "help.tenser" || !n.SeekHelp || n.Occasion != c.e.UID {
			t.Errorf("%s: %+v", c.name, n)
		}
		if n.Suggest == nil || suggestionPick(*n.Suggest) != c.try || n.Suggest.Reason != "help.tenser.try" {
			t.Errorf("%s: suggests %+v, want %s", c.name, n.Suggest, c.try)
		}
	}
}

func TestEarlyNote(t *testing.T) {
	early := func(tech Technique, ago time.Duration) Entry {
		return session(tech, ago, 10*time.Second, false, NoRating, NoRating)
	}
	cases := []struct {
		name     string
		recent   []Entry
		fires    bool
		occasion int // index in recent of the run's first stop
		try      string
	}{
		{"two early stops", []Entry{early(Breathing, 2*time.Hour), early(Breathing, time.Hour)}, true, 0, "minicheck/timed"},
		{"in any order", []Entry{early(PMR, time.Hour), early(Breathing, 2*time.Hour)}, true, 1, "minicheck/timed"},
		{"three: the run starts at the first", []Entry{early(MiniCheck, 3*time.Hour), early(MiniCheck, 2*time.Hour), early(MiniCheck, time.Hour)}, true, 0, "breathing/4-6:2"},
		{"a finished one breaks the run", []Entry{early(Breathing, 3*time.Hour), session(Breathing, 2*time.Hour, 2*time.Minute, true, 5, 3), early(Breathing, time.Hour)}, false, 0, ""},
		{"one early stop", []Entry{early(Breathing, time.Hour)}, false, 0, ""},
		{"stopped after half a minute", []Entry{early(Breathing, 2*time.Hour), session(Breathing, time.Hour, EarlyStop, false, 5, NoRating)}, false, 0, ""},
		{"a quick self-paced check finished is no stop", []Entry{session(MiniCheck, 2*time.Hour, 15*time.Second, true, NoRating, 3), session(MiniCheck, time.Hour, 15*time.Second, true, NoRating, 3)}, false, 0, ""},
		{"nothing", nil, false, 0, ""},
	}
	for _, c := range cases {
		n, ok := EarlyNote(c.recent, nil)
		if ok != c.fires {
			t.Errorf("%s: fires %v", c.name, ok)
			continue
		}
		if !ok {
			continue
		}
		if n.ID != NoteEarly || n.Text != "help.early" || n.Occasion != c.recent[c.occasion].UID || !n.Chooser {
			t.Errorf("%s: %+v", c.name, n)
		}
		if n.Suggest == nil || suggestionPick(*n.Suggest) != c.try || n.Suggest.Reason != "help.early.try" {
			t.Errorf("%s: suggests %+v, want %s", c.name, n.Suggest, c.try)
		}
	}
}

// highDiary is a fortnight of sessions, one a day at 20:00, rated after.
func highDiary(afters ...int) []Entry {
	var es []Entry
	for i, a := range afters {
		es = append(es, session(Breathing, time.Duration(len(afters)-1-i)*24*time.Hour+time.Hour, 5*time.Minute, true, NoRating, a))
	}
	return es
}

func TestHighNote(t *testing.T) {
	cases := []struct {
		name    string
		entries []Entry
		history Outcomes
		text    string // "" when it must not fire
		tech    Technique
	}{
		{"high after on most sessions, both weeks", highDiary(8, 9, 8, 3, 8, 9, 8, 2, 8, 9, 8, 8, 7, 9), nil, "help.high", ""},
		{"mini-checks count too (rated after only)", []Entry{
			session(MiniCheck, 12*24*time.Hour, 30*time.Second, true, NoRating, 9), session(MiniCheck, 10*24*time.Hour, 30*time.Second, true, NoRating, 8),
			session(MiniCheck, 3*24*time.Hour, 30*time.Second, true, NoRating, 8), session(MiniCheck, 2*24*time.Hour, 30*time.Second, true, NoRating, 9),
			session(MiniCheck, time.Hour, 30*time.Second, true, NoRating, 1)}, nil, "help.high", ""},
		{"exactly half high is not most", highDiary(8, 2, 8, 2, 8, 2, 8, 2), nil, "", ""},
		{"only the last week", highDiary(9, 9, 9, 9, 9, 9), nil, "", ""},
		{"too few ratings", []Entry{session(PMR, 12*24*time.Hour, 4*time.Minute, true, 9, 9), session(PMR, time.Hour, 4*time.Minute, true, 9, 9),
			session(PMR, 2*time.Hour, 4*time.Minute, true, 9, 9), session(PMR, 3*time.Hour, 4*time.Minute, true, 9, 9)}, nil, "", ""},
		{"older sessions do not count", append(highDiary(9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9)[:6],
			highDiary(2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2)...), nil, "", ""},
		{"unrated sessions do not count", highDiary(NoRating, NoRating, NoRating, NoRating, NoRating, NoRating, NoRating, NoRating, NoRating, NoRating, NoRating, NoRating, 9, 9), nil, "", ""},
		{"a technique has not helped", highDiary(3, 4), Outcomes{PMR: NotHelped, Breathing: Helped}, "help.nothelped", PMR},
		{"two have not: always the same one", nil, Outcomes{Senses: NotHelped, Breathing: NotHelped}, "help.nothelped", Breathing},
		{"helped only", highDiary(3, 4), Outcomes{PMR: Helped, Senses: NoOutcome}, "", ""},
		{"nothing", nil, nil, "", ""},
	}
	for _, c := range cases {
		n, ok := HighNote(c.entries, c.history, helpNow, time.UTC)
		if ok != (c.text != "") {
			t.Errorf("%s: fires %v", c.name, ok)
			continue
		}
		if ok && (n.ID != NoteHigh || n.Text != c.text || n.Technique != c.tech || !n.Chooser || !n.SeekHelp || n.Quiet != HighQuiet) {
			t.Errorf("%s: %+v", c.name, n)
		}
	}
}

// The window is in local days: a session at 23:30 local thirteen days ago
// is in, one at 23:30 fourteen days ago is out, whatever UTC says.
func TestHighNoteUsesLocalDays(t *testing.T) {
	loc := time.FixedZone("UTC+5", 5*3600)
	now := time.Date(2026, 11, 30, 9, 0, 0, 0, loc)
	day := func(back int) Entry {
		s := time.Date(2026, 11, 30-back, 23, 30, 0, 0, loc)
		return Entry{UID: s.String(), Technique: Breathing, Started: s, Completed: true, Before: NoRating, After: 9}
	}
	in := []Entry{day(13), day(12), day(3), day(2), day(1)}
	if _, ok := HighNote(in, nil, now, loc); !ok {
		t.Error("thirteen days back is in the window")
	}
	out := []Entry{day(14), day(6), day(3), day(2), day(1)}
	if _, ok := HighNote(out, nil, now, loc); ok {
		t.Error("fourteen days back is outside the window (and leaves the first week empty)")
	}
}

// Each note shows when its trigger fires, and not again once put away;
// a new occasion brings it back, "don't show again" never.
func TestDismissals(t *testing.T) {
	tenser, _ := TenserNote(session(Breathing, time.Hour, 5*time.Minute, true, 3, 6), nil)
	tenser2, _ := TenserNote(session(Breathing, 10*time.Minute, 5*time.Minute, true, 3, 6), nil)
	early, _ := EarlyNote([]Entry{session(PMR, 2*time.Hour, time.Second*8, false, NoRating, NoRating), session(PMR, time.Hour, time.Second*8, false, NoRating, NoRating)}, nil)
	high, _ := HighNote(nil, Outcomes{PMR: NotHelped}, helpNow, time.UTC)
	var d Dismissals
	for _, n := range []Note{tenser, early, high} {
		if !d.Shows(n, helpNow) {
			t.Errorf("%s: not shown before any dismissal", n.ID)
		}
		d.Dismiss(n, helpNow)
		if d.Shows(n, helpNow.Add(time.Hour)) {
			t.Errorf("%s: shown again after dismissal", n.ID)
		}
	}
	if !d.Shows(tenser2, helpNow) {
		t.Error("a tenser note for another session is hidden by the first's dismissal")
	}
	if d.Shows(high, helpNow.Add(HighQuiet-time.Second)) || !d.Shows(high, helpNow.Add(HighQuiet)) {
		t.Error("the diary note should stay away two weeks, then come back while it still holds")
	}
	// Stored and read back, it says the same.
	data, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	var back Dismissals
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	for _, n := range []Note{tenser, tenser2, early, high} {
		if back.Shows(n, helpNow.Add(time.Hour)) != d.Shows(n, helpNow.Add(time.Hour)) {
			t.Errorf("%s: differs after JSON %s", n.ID, data)
		}
	}
	back.NeverAgain(NoteTenser)
	back.NeverAgain(NoteTenser)
	if back.Shows(tenser2, helpNow) || len(back.Never) != 1 {
		t.Errorf("don't show again: %+v", back)
	}
	if !back.Shows(high, helpNow.Add(HighQuiet)) {
		t.Error("don't show again for one note hides another")
	}
}

// The keys the notes hand out are the ones guideKeys checks.
func TestNoteKeysAreChecked(t *testing.T) {
	tenser, _ := TenserNote(session(Breathing, time.Hour, 5*time.Minute, true, 3, 6), nil)
	early, _ := EarlyNote([]Entry{session(PMR, 2*time.Hour, 8*time.Second, false, NoRating, NoRating), session(PMR, time.Hour, 8*time.Second, false, NoRating, NoRating)}, nil)
	high, _ := HighNote(highDiary(9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9), nil, helpNow, time.UTC)
	nothelped, _ := HighNote(nil, Outcomes{PMR: NotHelped}, helpNow, time.UTC)
	keys := guideKeys()
	for _, n := range []Note{tenser, early, high, nothelped} {
		for _, k := range []string{n.Text, reasonOf(n.Suggest)} {
			if k != "" && !slices.Contains(keys, k) {
				t.Errorf("%s: %q is not in guideKeys", n.ID, k)
			}
		}
	}
}

func reasonOf(s *Suggestion) string {
	if s == nil {
		return ""
	}
	return s.Reason
}
