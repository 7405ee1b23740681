package diary

import (
	"fmt"
	"sort"
	"time"

	"github.com/ontspan/ontspan/exercises"
)

// ChartDays is how many days Stats covers in Days (minutes and tension per day).
const ChartDays = 30

// Stats is what the diary screen shows above the history list.
type Stats struct {
	Sessions int     // all sessions ever
	Minutes  float64 // all time practised, in minutes

	// Practised marks the last 14 local calendar days on which at least one
	// session started: index 0 is 13 days ago, index 13 is today.
	Practised [VerdictDays]bool
	// PractisedDays is how many of Practised are true.
	PractisedDays int

	// Days holds the last ChartDays local calendar days, oldest first, today last.
	Days []DayStats

	// Techniques holds the totals per technique, most sessions first.
	Techniques []TechniqueStats
}

// DayStats is one local calendar day for the charts.
type DayStats struct {
	Day      time.Time // local midnight at the start of the day
	Sessions int
	Minutes  float64
	Before   float64 // average tension before, over the BeforeN sessions rated before
	BeforeN  int
	After    float64 // average tension after, over the AfterN sessions rated after
	AfterN   int
}

// TechniqueStats is the all-time summary of one technique.
type TechniqueStats struct {
	Technique exercises.Technique
	Sessions  int
	Minutes   float64
	// Rated counts the sessions rated both before and after; Before and
	// After average over those sessions only, so they compare like with like.
	Rated  int
	Before float64
	After  float64
}

// Stats computes the diary screen's statistics as of now, with calendar days
// in loc (the user's time zone). It reads only the last ChartDays of
// sessions (through an index) and the per-technique totals that triggers
// keep up to date, so it stays fast with ten years of sessions.
func (s *Store) Stats(now time.Time, loc *time.Location) (Stats, error) {
	st, err := s.stats(now, loc, ChartDays)
	if err != nil {
		return st, fmt.Errorf("diary statistics: %w", err)
	}
	return st, nil
}

func dayStart(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}

// dayBounds returns n+1 local midnights: the starts of the n days ending
// with today, and the start of tomorrow. AddDate keeps them right across
// daylight saving changes (days of 23 and 25 hours).
func dayBounds(now time.Time, loc *time.Location, n int) []time.Time {
	today := dayStart(now.In(loc))
	b := make([]time.Time, n+1)
	for i := range b {
		b[i] = today.AddDate(0, 0, i-(n-1))
	}
	return b
}

// dayIndex returns the index of the day t falls in, or -1 outside bounds.
func dayIndex(bounds []time.Time, t time.Time) int {
	i := sort.Search(len(bounds), func(i int) bool { return bounds[i].After(t) }) - 1
	if i < 0 || i >= len(bounds)-1 {
		return -1
	}
	return i
}

func (s *Store) stats(now time.Time, loc *time.Location, days int) (Stats, error) {
	if loc == nil {
		loc = time.Local
	}
	n := max(days, VerdictDays)
	bounds := dayBounds(now, loc, n)
	st := Stats{Days: make([]DayStats, days)}
	for i := range st.Days {
		st.Days[i].Day = bounds[n-days+i]
	}

	rows, err := s.conn().Query(`SELECT started, actual, before, after FROM sessions
		WHERE started >= ? AND started < ?`, bounds[0].UnixNano(), bounds[n].UnixNano())
	if err != nil {
		return st, err
	}
	defer rows.Close()
	for rows.Next() {
		var started, actual int64
		var before, after int
		if err := rows.Scan(&started, &actual, &before, &after); err != nil {
			return st, err
		}
		i := dayIndex(bounds, time.Unix(0, started))
		if i < 0 {
			continue
		}
		if k := i - (n - VerdictDays); k >= 0 {
			st.Practised[k] = true
		}
		k := i - (n - days)
		if k < 0 {
			continue
		}
		d := &st.Days[k]
		d.Sessions++
		d.Minutes += time.Duration(actual).Minutes()
		if before >= 0 {
			d.Before += float64(before)
			d.BeforeN++
		}
		if after >= 0 {
			d.After += float64(after)
			d.AfterN++
		}
	}
	if err := rows.Err(); err != nil {
		return st, err
	}
	for i := range st.Days {
		d := &st.Days[i]
		if d.BeforeN > 0 {
			d.Before /= float64(d.BeforeN)
		}
		if d.AfterN > 0 {
			d.After /= float64(d.AfterN)
		}
	}
	for _, p := range st.Practised {
		if p {
			st.PractisedDays++
		}
	}

	// Per technique, from the totals the triggers keep (see migration 1).
	trows, err := s.conn().Query(`SELECT technique, sessions, actual, rated, before_sum, after_sum
		FROM technique_totals WHERE sessions > 0`)
	if err != nil {
		return st, err
	}
	defer trows.Close()
	for trows.Next() {
		var t TechniqueStats
		var technique string
		var actual, before, after int64
		if err := trows.Scan(&technique, &t.Sessions, &actual, &t.Rated, &before, &after); err != nil {
			return st, err
		}
		t.Technique = exercises.Technique(technique)
		t.Minutes = time.Duration(actual).Minutes()
		if t.Rated > 0 {
			t.Before = float64(before) / float64(t.Rated)
			t.After = float64(after) / float64(t.Rated)
		}
		st.Sessions += t.Sessions
		st.Minutes += t.Minutes
		st.Techniques = append(st.Techniques, t)
	}
	if err := trows.Err(); err != nil {
		return st, err
	}
	sort.SliceStable(st.Techniques, func(i, j int) bool {
		a, b := st.Techniques[i], st.Techniques[j]
		if a.Sessions != b.Sessions {
			return a.Sessions > b.Sessions
		}
		return a.Technique < b.Technique
	})
	return st, nil
}
