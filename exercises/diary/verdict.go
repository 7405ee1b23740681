package diary

import (
	"math"
	"time"

	"github.com/ontspan/ontspan/exercises"
)

// The two-week verdict's thresholds. The seed's advice: practise daily for
// at least two weeks before judging whether an exercise helps.
const (
	// VerdictDays is the evaluation window: the last 14 local calendar days.
	VerdictDays = 14
	// VerdictMinDays is how many of those days must have a session for the
	// evaluation to be offered before 14 days have passed since first use.
	VerdictMinDays = 10
	// VerdictMinRated is the fewest sessions rated before and after that
	// support any conclusion; below it the verdict is TooFew.
	VerdictMinRated = 5
	// HighTension is the average tension before a session (0–10) from which
	// the verdict is StaysHigh and suggests talking to a GP.
	HighTension = 7.0
	// HelpsDrop is the smallest average drop (points on 0–10) called Helps,
	// provided the user felt calmer after more than half the rated sessions.
	HelpsDrop = 1.0
	// NoChangeDrop: an average drop below this, with calmer after in at most
	// a third of the rated sessions, is NoChange.
	NoChangeDrop = 0.5
	// ShortSession is the average practice time under which a longer session
	// is worth trying before giving up on a technique.
	ShortSession = 5 * time.Minute
)

// Trigger says why the evaluation is offered.
type Trigger int

// The triggers.
const (
	NotYet        Trigger = iota // neither condition holds, or no session in the window: no verdict
	TenOfFourteen                // practised on at least 10 of the last 14 days
	TwoWeeks                     // 14 days have passed since the first session
)

// Kind is the verdict's conclusion. It never claims more than the ratings
// show; the UI turns it into a sentence in the user's language.
type Kind int

// The conclusions.
const (
	TooFew    Kind = iota // fewer than VerdictMinRated rated sessions: too few to say
	Helps                 // tension clearly drops after most sessions
	Unclear               // some effect, but mixed or small
	NoChange              // tension hardly changes (or rises)
	StaysHigh             // tension before stays at HighTension or more on average
	// Observed is for a technique rated after only (AsksBefore is false):
	// enough ratings to show the level after, none to compare with.
	Observed
)

// AsksBefore reports whether the technique's screen asks for a rating
// before the exercise. The mini-check does not (it is half a minute during
// the day), so its verdict cannot compare before with after and must not
// ask the user to rate "before".
func AsksBefore(t exercises.Technique) bool { return t != exercises.MiniCheck }

// Suggestion is what to try next.
type Suggestion int

// The suggestions.
const (
	KeepGoing  Suggestion = iota // keep practising (and rating)
	TryAnother                   // try another technique
	TryLonger                    // try a longer session of this one
	TalkToGP                     // talk to your GP about the tension
)

// Evaluation is the two-week verdict on one technique, with the figures
// behind it. Averages are over the rated sessions (rated before and after)
// and are 0 when their count is 0. Every average is rounded to one decimal,
// as it is shown, and Drop is Before − After of those rounded figures: the
// screen never says "6.6 before, 4.4 after: 2.3 calmer", and the conclusion
// rests on the same numbers the user reads.
type Evaluation struct {
	Technique exercises.Technique
	Trigger   Trigger // NotYet: the UI should not offer the verdict
	FirstUse  time.Time
	// DaysPractised counts the local days of the last 14 with a session.
	DaysPractised int

	Sessions int           // sessions in the last 14 days
	Minutes  time.Duration // their total practice time
	Rated    int           // of those, rated both before and after

	Before float64 // average tension before
	After  float64 // average tension after
	Drop   float64 // average of before − after (positive: calmer after)

	FirstWeekRated  int     // rated sessions 13 to 7 days ago
	FirstWeekDrop   float64 // their average drop
	SecondWeekRated int     // rated sessions 6 days ago to today
	SecondWeekDrop  float64 // their average drop

	Calmer int // rated sessions with after < before
	Tenser int // rated sessions with after > before

	// AfterOnly is set for a technique that asks only after (see AsksBefore);
	// its verdict rests on the After* figures below.
	AfterOnly        bool
	AfterRated       int     // sessions rated after, with or without before
	AfterAverage     float64 // their average tension after
	FirstWeekAfterN  int     // of those, 13 to 7 days ago
	FirstWeekAfter   float64 // their average after
	SecondWeekAfterN int     // of those, 6 days ago to today
	SecondWeekAfter  float64 // their average after

	Kind       Kind
	Suggestion Suggestion
}

// Offered reports whether the verdict should be offered (see Trigger).
func (e Evaluation) Offered() bool { return e.Trigger != NotYet }

// Verdict evaluates technique over the last VerdictDays local calendar days
// (in loc) up to now. entries may hold any sessions (others are ignored) but
// must include the technique's first session, which decides the TwoWeeks
// trigger; Store.TechniqueEntries returns exactly that. It is a pure
// function, so it is easy to test with a fake clock.
func Verdict(entries []exercises.Entry, technique exercises.Technique, now time.Time, loc *time.Location) Evaluation {
	if loc == nil {
		loc = time.Local
	}
	ev := Evaluation{Technique: technique, AfterOnly: !AsksBefore(technique)}
	bounds := dayBounds(now, loc, VerdictDays)
	var practised [VerdictDays]bool
	var sumBefore, sumAfter, sumWeek1, sumWeek2 float64
	var sumAfterOnly, sumAfter1, sumAfter2 float64
	for _, e := range entries {
		if e.Technique != technique {
			continue
		}
		if ev.FirstUse.IsZero() || e.Started.Before(ev.FirstUse) {
			ev.FirstUse = e.Started
		}
		i := dayIndex(bounds, e.Started)
		if i < 0 {
			continue
		}
		practised[i] = true
		ev.Sessions++
		ev.Minutes += e.Actual
		if e.After != exercises.NoRating {
			ev.AfterRated++
			sumAfterOnly += float64(e.After)
			if i < VerdictDays/2 {
				ev.FirstWeekAfterN++
				sumAfter1 += float64(e.After)
			} else {
				ev.SecondWeekAfterN++
				sumAfter2 += float64(e.After)
			}
		}
		if e.Before == exercises.NoRating || e.After == exercises.NoRating {
			continue
		}
		ev.Rated++
		sumBefore += float64(e.Before)
		sumAfter += float64(e.After)
		drop := float64(e.Before - e.After)
		if i < VerdictDays/2 {
			ev.FirstWeekRated++
			sumWeek1 += drop
		} else {
			ev.SecondWeekRated++
			sumWeek2 += drop
		}
		switch {
		case e.After < e.Before:
			ev.Calmer++
		case e.After > e.Before:
			ev.Tenser++
		}
	}
	for _, p := range practised {
		if p {
			ev.DaysPractised++
		}
	}
	ev.Before = average(sumBefore, ev.Rated)
	ev.After = average(sumAfter, ev.Rated)
	ev.Drop = Round1(ev.Before - ev.After)
	ev.FirstWeekDrop = average(sumWeek1, ev.FirstWeekRated)
	ev.SecondWeekDrop = average(sumWeek2, ev.SecondWeekRated)
	ev.AfterAverage = average(sumAfterOnly, ev.AfterRated)
	ev.FirstWeekAfter = average(sumAfter1, ev.FirstWeekAfterN)
	ev.SecondWeekAfter = average(sumAfter2, ev.SecondWeekAfterN)

	switch {
	case ev.Sessions == 0:
		// Nothing practised in the window: there is nothing to judge, and
		// "none of these sessions" would speak of sessions that are not there.
	case ev.DaysPractised >= VerdictMinDays:
		ev.Trigger = TenOfFourteen
	case !ev.FirstUse.IsZero() && !dayStart(ev.FirstUse.In(loc)).After(bounds[VerdictDays-1].AddDate(0, 0, -VerdictDays)):
		// The first session was on a calendar day at least 14 days before today.
		ev.Trigger = TwoWeeks
	}
	ev.Kind, ev.Suggestion = conclude(ev)
	return ev
}

// Round1 rounds to one decimal, as every average is shown ("0.0" for a
// tiny negative, never "-0.0").
func Round1(f float64) float64 {
	r := math.Round(f*10) / 10
	if r == 0 {
		return 0
	}
	return r
}

// average is sum/n rounded to one decimal, 0 when n is 0.
func average(sum float64, n int) float64 {
	if n == 0 {
		return 0
	}
	return Round1(sum / float64(n))
}

// conclude picks the conclusion and suggestion from the figures.
func conclude(ev Evaluation) (Kind, Suggestion) {
	short := ev.Sessions > 0 && ev.Minutes/time.Duration(ev.Sessions) < ShortSession
	if ev.AfterOnly {
		// Nothing to compare: say only what the level after is, and when it
		// stays high, say so.
		switch {
		case ev.AfterRated < VerdictMinRated:
			return TooFew, KeepGoing
		case ev.AfterAverage >= HighTension:
			return StaysHigh, TalkToGP
		}
		return Observed, KeepGoing
	}
	switch {
	case ev.Rated < VerdictMinRated:
		return TooFew, KeepGoing
	case ev.Before >= HighTension:
		return StaysHigh, TalkToGP
	case ev.Drop >= HelpsDrop && 2*ev.Calmer > ev.Rated:
		return Helps, KeepGoing
	case ev.Drop < NoChangeDrop && 3*ev.Calmer <= ev.Rated:
		if short && ev.Drop >= 0 {
			return NoChange, TryLonger
		}
		return NoChange, TryAnother
	default:
		if short {
			return Unclear, TryLonger
		}
		return Unclear, KeepGoing
	}
}

// String names the trigger (for logs and tests; the UI has its own words).
func (t Trigger) String() string {
	switch t {
	case NotYet:
		return "not-yet"
	case TenOfFourteen:
		return "10-of-14-days"
	case TwoWeeks:
		return "two-weeks"
	}
	return "trigger?"
}

// String names the conclusion (for logs and tests; the UI has its own words).
func (k Kind) String() string {
	switch k {
	case TooFew:
		return "too-few"
	case Helps:
		return "helps"
	case Unclear:
		return "unclear"
	case NoChange:
		return "no-change"
	case StaysHigh:
		return "stays-high"
	case Observed:
		return "observed"
	}
	return "kind?"
}

// String names the suggestion (for logs and tests; the UI has its own words).
func (s Suggestion) String() string {
	switch s {
	case KeepGoing:
		return "keep-going"
	case TryAnother:
		return "try-another"
	case TryLonger:
		return "try-longer"
	case TalkToGP:
		return "talk-to-gp"
	}
	return "suggestion?"
}
