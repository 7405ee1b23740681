package diary

import (
	"fmt"
	"sort"
	"time"

	"github.com/ontspan/ontspan/exercises"
)

// Unit is the width of one bucket of a Period's chart.
type Unit int

// The bucket widths: a chart keeps to about a hundred points, so a long
// history is drawn per week or per month.
const (
	Daily   Unit = iota // one local calendar day
	Weekly              // seven days from a Monday
	Monthly             // one calendar month
)

// Bucket limits: up to MaxDailyBuckets days a chart is drawn per day, up
// to MaxDailyBuckets weeks per week, and beyond per month.
const MaxDailyBuckets = 120

// AllTime asks Period for everything since the first session.
const AllTime = 0

// Period is the diary over a stretch of days up to today, for the chart's
// 30-day, 90-day and all-time views and for the therapist's report.
type Period struct {
	From time.Time // local midnight of the first day
	To   time.Time // local midnight after the last day (today)
	Days int       // calendar days from From to To

	Unit    Unit
	Buckets []DayStats // oldest first; Day is the start of the bucket

	Sessions      int
	Minutes       float64
	DaysPractised int
	// Techniques are the totals per technique within the period, most
	// sessions first; Before and After average over sessions rated both.
	Techniques []TechniqueStats
	// AfterRated and AfterAverage are, per technique, the sessions rated
	// after (with or without before) and their average after, rounded: the
	// figures for a technique that asks only after (see AsksBefore).
	AfterRated   map[exercises.Technique]int
	AfterAverage map[exercises.Technique]float64
	// Notes are the sessions of the period that have a note, newest first.
	Notes []exercises.Entry
}

// Period reads the last days local calendar days up to now (AllTime: since
// the first session) in loc. One pass over the period's sessions, through
// the index on started: all time over ten years of heavy use is ~50,000
// rows, read only when the user asks for that view or the report.
func (s *Store) Period(now time.Time, loc *time.Location, days int) (Period, error) {
	p, err := s.period(now, loc, days)
	if err != nil {
		return p, fmt.Errorf("diary period: %w", err)
	}
	return p, nil
}

func (s *Store) period(now time.Time, loc *time.Location, days int) (Period, error) {
	if loc == nil {
		loc = time.Local
	}
	today := dayStart(now.In(loc))
	p := Period{To: today.AddDate(0, 0, 1), AfterRated: map[exercises.Technique]int{},
		AfterAverage: map[exercises.Technique]float64{}}
	if days <= 0 {
		var first *int64
		if err := s.conn().QueryRow(`SELECT MIN(started) FROM sessions`).Scan(&first); err != nil {
			return p, err
		}
		p.From = today
		if first != nil {
			if f := dayStart(time.Unix(0, *first).In(loc)); f.Before(today) {
				p.From = f
			}
		}
	} else {
		p.From = today.AddDate(0, 0, -(days - 1))
	}
	p.Days = calendarDays(p.From, p.To)
	bounds := bucketBounds(p.From, p.To, &p.Unit)
	p.Buckets = make([]DayStats, len(bounds)-1)
	for i := range p.Buckets {
		p.Buckets[i].Day = bounds[i]
	}

	rows, err := s.conn().Query(`SELECT `+entryColumns+` FROM sessions
		WHERE started >= ? AND started < ? ORDER BY started, id`, p.From.UnixNano(), p.To.UnixNano())
	if err != nil {
		return p, err
	}
	entries, err := collectEntries(rows)
	if err != nil {
		return p, err
	}
	practised := map[time.Time]bool{}
	techs := map[exercises.Technique]*TechniqueStats{}
	for _, e := range entries {
		i := dayIndex(bounds, e.Started)
		if i < 0 {
			continue
		}
		m := e.Actual.Minutes()
		b := &p.Buckets[i]
		b.Sessions++
		b.Minutes += m
		if e.Before != exercises.NoRating {
			b.Before += float64(e.Before)
			b.BeforeN++
		}
		if e.After != exercises.NoRating {
			b.After += float64(e.After)
			b.AfterN++
			p.AfterRated[e.Technique]++
			p.AfterAverage[e.Technique] += float64(e.After)
		}
		p.Sessions++
		p.Minutes += m
		practised[dayStart(e.Started.In(loc))] = true
		t := techs[e.Technique]
		if t == nil {
			t = &TechniqueStats{Technique: e.Technique}
			techs[e.Technique] = t
		}
		t.Sessions++
		t.Minutes += m
		if e.Before != exercises.NoRating && e.After != exercises.NoRating {
			t.Rated++
			t.Before += float64(e.Before)
			t.After += float64(e.After)
		}
		if e.Note != "" {
			p.Notes = append(p.Notes, e)
		}
	}
	for i := range p.Buckets {
		b := &p.Buckets[i]
		if b.BeforeN > 0 {
			b.Before /= float64(b.BeforeN)
		}
		if b.AfterN > 0 {
			b.After /= float64(b.AfterN)
		}
	}
	p.DaysPractised = len(practised)
	for t, n := range p.AfterRated {
		p.AfterAverage[t] = average(p.AfterAverage[t], n)
	}
	for _, t := range techs {
		if t.Rated > 0 {
			t.Before = Round1(t.Before / float64(t.Rated))
			t.After = Round1(t.After / float64(t.Rated))
		}
		p.Techniques = append(p.Techniques, *t)
	}
	sort.Slice(p.Techniques, func(i, j int) bool {
		a, b := p.Techniques[i], p.Techniques[j]
		if a.Sessions != b.Sessions {
			return a.Sessions > b.Sessions
		}
		return a.Technique < b.Technique
	})
	for i, j := 0, len(p.Notes)-1; i < j; i, j = i+1, j-1 {
		p.Notes[i], p.Notes[j] = p.Notes[j], p.Notes[i]
	}
	return p, nil
}

// calendarDays counts the local days from one midnight to another, right
// across daylight saving changes.
func calendarDays(from, to time.Time) int {
	n := 0
	for d := from; d.Before(to); d = d.AddDate(0, 0, 1) {
		n++
	}
	return n
}

// bucketBounds returns the starts of the chart's buckets from from up to to
// (the last bound is to), and sets unit: days for up to MaxDailyBuckets
// days, weeks from the Monday on or before from for up to as many weeks,
// calendar months beyond.
func bucketBounds(from, to time.Time, unit *Unit) []time.Time {
	days := calendarDays(from, to)
	var b []time.Time
	switch {
	case days <= MaxDailyBuckets:
		*unit = Daily
		for d := from; d.Before(to); d = d.AddDate(0, 0, 1) {
			b = append(b, d)
		}
	case days <= 7*MaxDailyBuckets:
		*unit = Weekly
		d := from.AddDate(0, 0, -((int(from.Weekday()) + 6) % 7)) // back to Monday
		for ; d.Before(to); d = d.AddDate(0, 0, 7) {
			b = append(b, d)
		}
	default:
		*unit = Monthly
		d := time.Date(from.Year(), from.Month(), 1, 0, 0, 0, 0, from.Location())
		for ; d.Before(to); d = d.AddDate(0, 1, 0) {
			b = append(b, d)
		}
	}
	return append(b, to)
}
