package diary

import (
	"testing"
	"time"

	"github.com/ontspan/ontspan/exercises"
)

func TestPeriod(t *testing.T) {
	s, _ := openTemp(t)
	// Today is Monday 30 March 2026; summer time began on Sunday 29 March.
	now := time.Date(2026, 3, 30, 12, 0, 0, 0, amsterdam)
	add := func(daysAgo int, tech exercises.Technique, minutes float64, before, after int, note string) {
		t.Helper()
		e := exercises.Entry{Technique: tech, Started: time.Date(2026, 3, 30-daysAgo, 21, 0, 0, 0, amsterdam),
			Actual: time.Duration(minutes * float64(time.Minute)), Before: before, After: after, Note: note}
		if err := s.Add(&e); err != nil {
			t.Fatal(err)
		}
	}
	no := exercises.NoRating
	add(0, exercises.Breathing, 5, 7, 4, "slept well")
	add(0, exercises.Breathing, 5, 6, no, "")
	add(1, exercises.PMR, 15, 8, 5, "")
	add(29, exercises.MiniCheck, 0.5, no, 3, "neck")
	add(30, exercises.Breathing, 10, 9, 1, "outside 30 days")
	add(200, exercises.Breathing, 10, 9, 1, "long ago")

	p, err := s.Period(now, amsterdam, 30)
	if err != nil {
		t.Fatal(err)
	}
	if p.Unit != Daily || len(p.Buckets) != 30 || p.Days != 30 || !p.From.Equal(time.Date(2026, 3, 1, 0, 0, 0, 0, amsterdam)) {
		t.Fatalf("unit %v, %d buckets, %d days from %v", p.Unit, len(p.Buckets), p.Days, p.From)
	}
	if p.Sessions != 4 || p.Minutes != 25.5 || p.DaysPractised != 3 {
		t.Errorf("sessions %d minutes %v days %d", p.Sessions, p.Minutes, p.DaysPractised)
	}
	today := p.Buckets[29]
	if today.Sessions != 2 || today.Before != 6.5 || today.BeforeN != 2 || today.After != 4 || today.AfterN != 1 {
		t.Errorf("today %+v", today)
	}
	if len(p.Techniques) != 3 || p.Techniques[0].Technique != exercises.Breathing || p.Techniques[0].Rated != 1 ||
		p.Techniques[0].Before != 7 || p.Techniques[0].After != 4 || p.Techniques[0].Minutes != 10 {
		t.Errorf("techniques %+v", p.Techniques)
	}
	if p.AfterRated[exercises.MiniCheck] != 1 || p.AfterAverage[exercises.MiniCheck] != 3 || p.AfterRated[exercises.Breathing] != 1 {
		t.Errorf("after ratings %v, averages %v", p.AfterRated, p.AfterAverage)
	}
	if len(p.Notes) != 2 || p.Notes[0].Note != "slept well" || p.Notes[1].Note != "neck" {
		t.Errorf("notes %+v", p.Notes)
	}

	p90, _ := s.Period(now, amsterdam, 90)
	if p90.Unit != Daily || len(p90.Buckets) != 90 || p90.Sessions != 5 {
		t.Errorf("90 days: %v %d buckets %d sessions", p90.Unit, len(p90.Buckets), p90.Sessions)
	}

	all, _ := s.Period(now, amsterdam, AllTime)
	// 201 days back: more than 120, so per week from the Monday before.
	if all.Unit != Weekly || all.Sessions != 6 || all.Days != 201 {
		t.Fatalf("all time: unit %v, %d sessions, %d days", all.Unit, all.Sessions, all.Days)
	}
	if all.Buckets[0].Day.Weekday() != time.Monday || all.Buckets[0].Day.After(all.From) || all.Buckets[0].Sessions != 1 {
		t.Errorf("first week %+v from %v", all.Buckets[0], all.From)
	}
	last := all.Buckets[len(all.Buckets)-1]
	if !last.Day.Equal(time.Date(2026, 3, 30, 0, 0, 0, 0, amsterdam)) || last.Sessions != 2 {
		t.Errorf("last week %+v", last)
	}
	sum := 0
	for _, b := range all.Buckets {
		sum += b.Sessions
	}
	if sum != 6 {
		t.Errorf("buckets hold %d sessions", sum)
	}

	// Years of history are drawn per month.
	add(1000, exercises.Senses, 4, 5, 5, "")
	all, _ = s.Period(now, amsterdam, AllTime)
	if all.Unit != Monthly || all.Buckets[0].Day.Day() != 1 || all.Sessions != 7 {
		t.Errorf("years: unit %v first %v sessions %d", all.Unit, all.Buckets[0].Day, all.Sessions)
	}

	empty, _ := openTemp(t)
	e, err := empty.Period(now, amsterdam, AllTime)
	if err != nil || e.Days != 1 || len(e.Buckets) != 1 || e.Sessions != 0 {
		t.Errorf("empty diary: %+v %v", e, err)
	}
}
