package remind

import (
	"math/rand/v2"
	"sort"
	"time"
)

// Kind says what a reminder is for.
type Kind int

// The kinds of reminder, in the order Plan lists reminders that fall at the
// same moment.
const (
	MiniCheck Kind = iota // a body mini-check: jaw, tongue, shoulders
	Practice              // the daily exercise
	WorryTime             // time to look again at parked worries
	WindDown              // time to start winding down for the night
)

// Kinds lists every Kind, for code that must handle each one.
var Kinds = []Kind{MiniCheck, Practice, WorryTime, WindDown}

// String names the kind, as in logs and the UI's --start arguments.
func (k Kind) String() string {
	switch k {
	case MiniCheck:
		return "minicheck"
	case Practice:
		return "practice"
	case WorryTime:
		return "worrytime"
	case WindDown:
		return "winddown"
	}
	return "unknown"
}

// Reminder is one moment to remind the user of something.
type Reminder struct {
	At   time.Time
	Kind Kind
}

// Plan returns every reminder on day's local calendar day (in day's
// Location), sorted by time. Invalid parts of s plan nothing; Load and Update
// keep s valid.
//
// Mini-checks divide the window into PerDay equal slots and fall somewhere in
// the middle of each, jittered by a generator seeded from the date alone: the
// UI, the tray agent and a restarted agent all plan the same moments, while
// the user cannot brace for them. The middle 70% of a slot is used so two
// checks never come close together. Window length is real elapsed time, so a
// window across a DST change holds one hour less or more.
func Plan(day time.Time, s Settings) []Reminder {
	if s.PausedToday(day) {
		return nil
	}
	var out []Reminder
	if m := s.MiniChecks; m.Enabled && !m.Skips(day.Weekday()) && m.PerDay >= MinPerDay && m.PerDay <= MaxPerDay {
		start, err1 := ParseTimeOfDay(m.Start)
		end, err2 := ParseTimeOfDay(m.End)
		if err1 == nil && err2 == nil && end > start {
			from, to := start.On(day), end.On(day)
			slot := to.Sub(from) / time.Duration(m.PerDay)
			rng := rand.New(rand.NewPCG(daySeed(day), 0x6f6e747370616e)) // "ontspan"
			for i := range m.PerDay {
				// Integer maths: the same moments on every CPU.
				jitter := slot*15/100 + time.Duration(rng.Int64N(int64(slot*70/100)+1))
				at := from.Add(time.Duration(i)*slot + jitter)
				out = append(out, Reminder{At: at.Truncate(time.Second), Kind: MiniCheck})
			}
		}
	}
	daily := func(enabled bool, hhmm string, k Kind) {
		if t, err := ParseTimeOfDay(hhmm); enabled && err == nil {
			out = append(out, Reminder{At: t.On(day), Kind: k})
		}
	}
	daily(s.Practice.Enabled, s.Practice.At, Practice)
	daily(s.WorryTime.Enabled, s.WorryTime.At, WorryTime)
	daily(s.WindDown.Enabled, s.WindDown.At, WindDown)
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].At.Equal(out[j].At) {
			return out[i].At.Before(out[j].At)
		}
		return out[i].Kind < out[j].Kind
	})
	return out
}

// daySeed depends only on the calendar date, not on the zone or the time.
func daySeed(day time.Time) uint64 {
	y, m, d := day.Date()
	return uint64(y)*10000 + uint64(m)*100 + uint64(d)
}

// lookAhead bounds how many days Next searches: a week covers every weekday,
// so if nothing is found in it, nothing is enabled.
const lookAhead = 8

// Next returns the first reminder strictly after now, looking ahead over
// midnight into the following days (skipped weekdays and a paused today
// simply plan nothing). It reports false when no reminder is enabled.
func Next(now time.Time, s Settings) (Reminder, bool) {
	for i := range lookAhead {
		for _, r := range Plan(dayAfter(now, i), s) {
			if r.At.After(now) {
				return r, true
			}
		}
	}
	return Reminder{}, false
}

// MaxCatchUp bounds how far back Due looks: after a week away nobody needs
// older reminders, and it keeps Due cheap whatever since is.
const MaxCatchUp = 7 * 24 * time.Hour

// Due returns the reminders in (since, now], oldest first: what fell due
// while the caller slept, was suspended, or saw the clock jump forward. It
// looks back at most MaxCatchUp. When the clock went backwards (now before
// since) nothing is due.
func Due(since, now time.Time, s Settings) []Reminder {
	if !now.After(since) {
		return nil
	}
	if now.Sub(since) > MaxCatchUp {
		since = now.Add(-MaxCatchUp)
	}
	since = since.In(now.Location()) // plan the days as the user sees them now
	var out []Reminder
	for i := 0; ; i++ {
		day := dayAfter(since, i)
		if dateOf(day) > dateOf(now) {
			break
		}
		for _, r := range Plan(day, s) {
			if r.At.After(since) && !r.At.After(now) {
				out = append(out, r)
			}
		}
	}
	return out
}

// dayAfter returns noon of the n-th calendar day after t's, in t's Location.
// Noon is never skipped or doubled by a DST change, so the date is exact.
func dayAfter(t time.Time, n int) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d+n, 12, 0, 0, 0, t.Location())
}
