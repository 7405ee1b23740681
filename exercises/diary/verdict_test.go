package diary

import (
	"math"
	"testing"
	"time"

	"github.com/ontspan/ontspan/exercises"
)

// practice is a recipe for a fake two weeks: on each day offset (0 = the
// first day) that is listed, one session with these ratings and length.
type practice struct {
	days          []int
	before, after func(day int) int
	actual        time.Duration
}

func constant(v int) func(int) int { return func(int) int { return v } }

func dayRange(from, to int) []int {
	var d []int
	for i := from; i <= to; i++ {
		d = append(d, i)
	}
	return d
}

// diaryFrom runs the recipe against a FakeClock starting at start, logging
// a session each listed day at 21:00 local, and returns the entries and the
// clock's time on the last day, 22:00.
func diaryFrom(t *testing.T, start time.Time, tech exercises.Technique, p practice, lastDay int) ([]exercises.Entry, time.Time) {
	t.Helper()
	clock := exercises.NewFakeClock(start)
	var entries []exercises.Entry
	listed := map[int]bool{}
	for _, d := range p.days {
		listed[d] = true
	}
	actual := p.actual
	if actual == 0 {
		actual = 10 * time.Minute
	}
	for day := 0; day <= lastDay; day++ {
		if listed[day] {
			entries = append(entries, exercises.Entry{
				UID: newUID(), Technique: tech, Variant: "4-6", Started: clock.Now(),
				Planned: actual, Actual: actual, Completed: true,
				Before: p.before(day), After: p.after(day),
			})
		}
		if day < lastDay {
			n := clock.Now()
			clock.Set(time.Date(n.Year(), n.Month(), n.Day()+1, 21, 0, 0, 0, n.Location()))
		}
	}
	return entries, clock.Now().Add(time.Hour)
}

func TestVerdict(t *testing.T) {
	start := time.Date(2026, 3, 16, 21, 0, 0, 0, amsterdam) // crosses the switch to summer time on 29 March
	none := constant(exercises.NoRating)
	tests := []struct {
		name       string
		p          practice
		lastDay    int
		trigger    Trigger
		kind       Kind
		suggestion Suggestion
		check      func(t *testing.T, ev Evaluation)
	}{
		{"too few rated, 10 of 14 days", practice{
			days:   dayRange(4, 13),
			before: func(d int) int { return map[bool]int{true: 6, false: exercises.NoRating}[d < 7] },
			after:  func(d int) int { return map[bool]int{true: 3, false: exercises.NoRating}[d < 7] },
		}, 13, TenOfFourteen, TooFew, KeepGoing, func(t *testing.T, ev Evaluation) {
			if ev.Sessions != 10 || ev.Rated != 3 || ev.DaysPractised != 10 {
				t.Errorf("sessions %d rated %d days %d", ev.Sessions, ev.Rated, ev.DaysPractised)
			}
		}},
		{"not rated at all", practice{days: dayRange(0, 13), before: none, after: none}, 13, TenOfFourteen, TooFew, KeepGoing, nil},
		{"helps", practice{days: dayRange(0, 13), before: constant(6), after: constant(3)}, 13, TenOfFourteen, Helps, KeepGoing,
			func(t *testing.T, ev Evaluation) {
				if ev.Drop != 3 || ev.Calmer != 14 || ev.Before != 6 || ev.After != 3 || ev.FirstWeekRated != 7 || ev.SecondWeekRated != 7 {
					t.Errorf("%+v", ev)
				}
			}},
		{"helps more in week two", practice{
			days:   dayRange(0, 13),
			before: constant(6),
			after:  func(d int) int { return map[bool]int{true: 5, false: 3}[d < 7] },
		}, 13, TenOfFourteen, Helps, KeepGoing, func(t *testing.T, ev Evaluation) {
			if ev.FirstWeekDrop != 1 || ev.SecondWeekDrop != 3 || ev.Drop != 2 {
				t.Errorf("weeks %v → %v, drop %v", ev.FirstWeekDrop, ev.SecondWeekDrop, ev.Drop)
			}
		}},
		{"no change, long sessions", practice{days: dayRange(0, 13), before: constant(5), after: constant(5)}, 13,
			TenOfFourteen, NoChange, TryAnother, func(t *testing.T, ev Evaluation) {
				if ev.Calmer != 0 || ev.Tenser != 0 || ev.Drop != 0 {
					t.Errorf("%+v", ev)
				}
			}},
		{"no change, short sessions", practice{days: dayRange(0, 13), before: constant(5), after: constant(5), actual: 2 * time.Minute}, 13,
			TenOfFourteen, NoChange, TryLonger, nil},
		{"more tense after", practice{days: dayRange(0, 13), before: constant(4), after: constant(6), actual: 2 * time.Minute}, 13,
			TenOfFourteen, NoChange, TryAnother, func(t *testing.T, ev Evaluation) {
				if ev.Tenser != 14 || ev.Drop != -2 {
					t.Errorf("%+v", ev)
				}
			}},
		{"unclear: calmer only half the time", practice{
			days:   dayRange(0, 13),
			before: constant(5),
			after:  func(d int) int { return map[bool]int{true: 3, false: 5}[d%2 == 0] },
		}, 13, TenOfFourteen, Unclear, KeepGoing, func(t *testing.T, ev Evaluation) {
			if ev.Calmer != 7 || ev.Drop != 1 {
				t.Errorf("calmer %d drop %v", ev.Calmer, ev.Drop)
			}
		}},
		{"unclear, short sessions", practice{
			days:   dayRange(0, 13),
			before: constant(5),
			after:  func(d int) int { return map[bool]int{true: 4, false: 5}[d%3 == 0] },
			actual: 3 * time.Minute,
		}, 13, TenOfFourteen, Unclear, TryLonger, nil},
		{"stays high", practice{days: dayRange(0, 13), before: constant(8), after: constant(6)}, 13, TenOfFourteen, StaysHigh, TalkToGP, nil},
		{"two weeks since first use, little practice", practice{
			days: []int{0, 3, 8, 11, 13, 15, 18, 20}, before: constant(6), after: constant(4),
		}, 20, TwoWeeks, Helps, KeepGoing, func(t *testing.T, ev Evaluation) {
			// Only days 7–20 are in the window: 8, 11, 13, 15, 18, 20.
			if ev.Sessions != 6 || ev.DaysPractised != 6 {
				t.Errorf("sessions %d days %d", ev.Sessions, ev.DaysPractised)
			}
		}},
		{"exactly 14 days since first use", practice{days: []int{0, 5, 10, 14}, before: constant(6), after: constant(4)}, 14,
			TwoWeeks, TooFew, KeepGoing, nil},
		{"13 days since first use, 9 days practised: not yet", practice{days: dayRange(5, 13), before: constant(6), after: constant(3)}, 13,
			NotYet, Helps, KeepGoing, nil},
		{"first use day 0, now day 13: not yet", practice{days: []int{0, 2, 4, 6, 8, 10, 12}, before: constant(6), after: constant(3)}, 13,
			NotYet, Helps, KeepGoing, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			entries, now := diaryFrom(t, start, exercises.Breathing, tt.p, tt.lastDay)
			// Another technique's sessions must not count.
			others, _ := diaryFrom(t, start.AddDate(0, 0, -30), exercises.PMR,
				practice{days: dayRange(0, 40), before: constant(9), after: constant(9)}, 40)
			all := append(others, entries...)
			ev := Verdict(all, exercises.Breathing, now, amsterdam)
			if ev.Trigger != tt.trigger || ev.Kind != tt.kind || ev.Suggestion != tt.suggestion {
				t.Errorf("got %v/%v/%v, want %v/%v/%v\n%+v", ev.Trigger, ev.Kind, ev.Suggestion, tt.trigger, tt.kind, tt.suggestion, ev)
			}
			if ev.Offered() != (tt.trigger != NotYet) {
				t.Errorf("Offered() = %v", ev.Offered())
			}
			if !ev.FirstUse.Equal(entries[0].Started) {
				t.Errorf("FirstUse = %v", ev.FirstUse)
			}
			if tt.check != nil {
				tt.check(t, ev)
			}

			// The same through the store, which must hand Verdict the first session too.
			s, _ := openTemp(t)
			for i := range all {
				if err := s.Add(&all[i]); err != nil {
					t.Fatal(err)
				}
			}
			fromStore, err := s.Evaluate(exercises.Breathing, now, amsterdam)
			if err != nil {
				t.Fatal(err)
			}
			if fromStore.FirstUse.Equal(ev.FirstUse) {
				fromStore.FirstUse = ev.FirstUse // same instant, other *Location
			}
			if fromStore != ev {
				t.Errorf("Evaluate = %+v\nVerdict  = %+v", fromStore, ev)
			}
		})
	}
}

// TestVerdictRoundsOnce: the averages are rounded once, and the drop is the
// difference of the rounded averages, so the sentence adds up: before 6.6
// (66/10 … 6.64) and after 4.4 (4.36) is 2.2 calmer, not 2.3 (the drop of
// the unrounded averages, 2.28, rounded).
func TestVerdictRoundsOnce(t *testing.T) {
	start := time.Date(2026, 3, 16, 21, 0, 0, 0, amsterdam)
	// 14 days; before: 7 on 9 days, 6 on 5 → 93/14 = 6.64; after: 4 on 9, 5 on 5 → 61/14 = 4.36.
	p := practice{
		days:   dayRange(0, 13),
		before: func(d int) int { return map[bool]int{true: 7, false: 6}[d < 9] },
		after:  func(d int) int { return map[bool]int{true: 4, false: 5}[d < 9] },
	}
	entries, now := diaryFrom(t, start, exercises.Breathing, p, 13)
	ev := Verdict(entries, exercises.Breathing, now, amsterdam)
	if ev.Before != 6.6 || ev.After != 4.4 || ev.Drop != 2.2 {
		t.Errorf("before %v after %v drop %v, want 6.6 4.4 2.2", ev.Before, ev.After, ev.Drop)
	}
	for _, f := range []float64{ev.Before, ev.After, ev.Drop, ev.FirstWeekDrop, ev.SecondWeekDrop} {
		if f != Round1(f) {
			t.Errorf("%v is not rounded to one decimal", f)
		}
	}
	if Round1(-0.04) != 0 || math.Signbit(Round1(-0.04)) {
		t.Error("a tiny negative must round to 0, not -0")
	}
}

// TestVerdictMiniCheck: the mini-check asks only after, so its verdict
// never compares before with after; it counts the ratings after.
func TestVerdictMiniCheck(t *testing.T) {
	start := time.Date(2026, 3, 16, 21, 0, 0, 0, amsterdam)
	none := constant(exercises.NoRating)
	tests := []struct {
		name       string
		after      func(int) int
		kind       Kind
		suggestion Suggestion
		afterRated int
		average    float64
	}{
		{"unrated", none, TooFew, KeepGoing, 0, 0},
		{"four rated after", func(d int) int { return map[bool]int{true: 4, false: exercises.NoRating}[d < 4] }, TooFew, KeepGoing, 4, 4},
		{"rated after", func(d int) int { return map[bool]int{true: 3, false: 4}[d < 7] }, Observed, KeepGoing, 14, 3.5},
		{"high after", constant(8), StaysHigh, TalkToGP, 14, 8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			entries, now := diaryFrom(t, start, exercises.MiniCheck, practice{days: dayRange(0, 13), before: none, after: tt.after}, 13)
			ev := Verdict(entries, exercises.MiniCheck, now, amsterdam)
			if !ev.AfterOnly || ev.Kind != tt.kind || ev.Suggestion != tt.suggestion {
				t.Errorf("after-only %v, %v/%v, want %v/%v", ev.AfterOnly, ev.Kind, ev.Suggestion, tt.kind, tt.suggestion)
			}
			if ev.AfterRated != tt.afterRated || ev.AfterAverage != tt.average || ev.Rated != 0 {
				t.Errorf("after rated %d avg %v rated %d", ev.AfterRated, ev.AfterAverage, ev.Rated)
			}
			if tt.name == "rated after" && (ev.FirstWeekAfter != 3 || ev.SecondWeekAfter != 4 || ev.FirstWeekAfterN != 7) {
				t.Errorf("weeks %v (%d) → %v", ev.FirstWeekAfter, ev.FirstWeekAfterN, ev.SecondWeekAfter)
			}
		})
	}
	if AsksBefore(exercises.MiniCheck) || !AsksBefore(exercises.Breathing) || !AsksBefore(exercises.PMR) {
		t.Error("AsksBefore")
	}
}

// TestVerdictNothingInTheWindow: a technique tried long ago and not since
// gets no verdict (it used to get "two weeks since you first tried this"
// about zero sessions).
func TestVerdictNothingInTheWindow(t *testing.T) {
	start := time.Date(2026, 3, 1, 21, 0, 0, 0, amsterdam)
	entries, now := diaryFrom(t, start, exercises.PMR, practice{days: []int{0, 1, 2}, before: constant(6), after: constant(3)}, 30)
	if ev := Verdict(entries, exercises.PMR, now, amsterdam); ev.Offered() || ev.Sessions != 0 {
		t.Errorf("offered %v on %d sessions", ev.Offered(), ev.Sessions)
	}
}

func TestVerdictEmpty(t *testing.T) {
	ev := Verdict(nil, exercises.Breathing, time.Now(), time.UTC)
	if ev.Offered() || ev.Kind != TooFew || ev.Sessions != 0 || !ev.FirstUse.IsZero() {
		t.Errorf("%+v", ev)
	}
}

func TestStats(t *testing.T) {
	s, _ := openTemp(t)
	// Today is Monday 30 March 2026; summer time began on Sunday 29 March.
	now := time.Date(2026, 3, 30, 12, 0, 0, 0, amsterdam)
	add := func(at time.Time, tech exercises.Technique, minutes float64, before, after int) {
		t.Helper()
		e := exercises.Entry{Technique: tech, Started: at, Actual: time.Duration(minutes * float64(time.Minute)),
			Before: before, After: after}
		if err := s.Add(&e); err != nil {
			t.Fatal(err)
		}
	}
	day := func(offset, hour, min int) time.Time {
		return time.Date(2026, 3, 30+offset, hour, min, 0, 0, amsterdam)
	}
	add(day(0, 7, 0), exercises.Breathing, 5, 6, 3)       // today
	add(day(0, 0, 1), exercises.PMR, 15, 8, 4)            // today, just after midnight
	add(day(-1, 23, 59), exercises.Breathing, 2.5, 4, -1) // yesterday (the 23-hour day)
	add(day(-1, 0, 30), exercises.Breathing, 3, -1, 2)    // yesterday, before the clocks went forward
	add(day(-13, 12, 0), exercises.Senses, 4, 5, 5)       // 13 days ago: first mark
	add(day(-14, 12, 0), exercises.Senses, 4, 5, 5)       // 14 days ago: outside the marks
	add(day(-40, 12, 0), exercises.Breathing, 10, 9, 1)   // outside the chart
	add(day(1, 9, 0), exercises.Breathing, 10, 9, 1)      // tomorrow (a clock set wrong): not a day mark

	st, err := s.Stats(now, amsterdam)
	if err != nil {
		t.Fatal(err)
	}
	if st.Sessions != 8 || math.Abs(st.Minutes-53.5) > 1e-9 {
		t.Errorf("totals: %d sessions, %v minutes", st.Sessions, st.Minutes)
	}
	wantMarks := [14]bool{0: true, 12: true, 13: true}
	if st.Practised != wantMarks || st.PractisedDays != 3 {
		t.Errorf("Practised = %v (%d)", st.Practised, st.PractisedDays)
	}
	if len(st.Days) != ChartDays {
		t.Fatalf("%d days", len(st.Days))
	}
	today, yesterday := st.Days[ChartDays-1], st.Days[ChartDays-2]
	if !today.Day.Equal(day(0, 0, 0)) || !yesterday.Day.Equal(day(-1, 0, 0)) {
		t.Errorf("days start %v and %v", yesterday.Day, today.Day)
	}
	if today.Sessions != 2 || today.Minutes != 20 || today.Before != 7 || today.After != 3.5 || today.BeforeN != 2 {
		t.Errorf("today = %+v", today)
	}
	if yesterday.Sessions != 2 || yesterday.Minutes != 5.5 || yesterday.Before != 4 || yesterday.BeforeN != 1 ||
		yesterday.After != 2 || yesterday.AfterN != 1 {
		t.Errorf("yesterday = %+v", yesterday)
	}
	if st.Days[ChartDays-15].Sessions != 1 || st.Days[0].Sessions != 0 {
		t.Errorf("14 days ago = %+v", st.Days[ChartDays-15])
	}
	if len(st.Techniques) != 3 {
		t.Fatalf("techniques %+v", st.Techniques)
	}
	b := st.Techniques[0]
	// Breathing: 5 sessions, rated both ways: (6,3), (9,1), (9,1).
	if b.Technique != exercises.Breathing || b.Sessions != 5 || b.Rated != 3 ||
		math.Abs(b.Before-8) > 1e-9 || math.Abs(b.After-5.0/3) > 1e-9 || b.Minutes != 30.5 {
		t.Errorf("breathing = %+v", b)
	}
	if st.Techniques[1].Technique != exercises.Senses || st.Techniques[2].Technique != exercises.PMR {
		t.Errorf("order %+v", st.Techniques)
	}
}
