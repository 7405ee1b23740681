package ui

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/ontspan/ontspan/exercises"
	"github.com/ontspan/ontspan/exercises/diary"
)

// verdictWords is the two-week verdict on one technique in the user's
// language: what the ratings show, the numbers behind it, and what to try
// next. The sentences never claim more than the figures support: below
// diary.VerdictMinRated rated sessions they say it is too early to tell.
type verdictWords struct {
	Title   string
	Why     string   // why the verdict is offered now
	Summary string   // the conclusion in plain words
	Facts   []string // the figures behind it
	Next    string   // what to try next
}

// techniqueName is a technique's name in the current language; an unknown
// technique (from an import of a newer version) shows as it is stored.
func techniqueName(t exercises.Technique) string {
	key := "technique." + string(t)
	if s := tr(key); s != key {
		return s
	}
	return string(t)
}

// decimal writes f with one decimal, with the decimal separator of the
// current language ("1.5" in English, "1,5" in Dutch). The verdict's figures
// arrive rounded already (diary.Round1), so this only formats them.
func decimal(f float64) string {
	s := strconv.FormatFloat(diary.Round1(f), 'f', 1, 64)
	return strings.Replace(s, ".", tr("diary.decimal"), 1)
}

// wholeMinutes rounds a duration to whole minutes, at least 1 when there
// was any practice, so "0 minutes" is never said of real practice.
func wholeMinutes(d time.Duration) int {
	m := int(math.Round(d.Minutes()))
	if m == 0 && d > 0 {
		m = 1
	}
	return m
}

// dropText says an average change from before to after in words:
// "1.5 points calmer", "0.5 points tenser" or "no difference".
func dropText(drop float64) string {
	switch r := diary.Round1(drop); {
	case r > 0:
		return tr("diary.verdict.calmer", map[string]any{"N": decimal(r)})
	case r < 0:
		return tr("diary.verdict.tenser", map[string]any{"N": decimal(-r)})
	}
	return tr("diary.verdict.same")
}

// weekText says one week's change with the number of rated sessions it
// rests on, or that that week had none.
func weekText(rated int, drop float64) string {
	if rated == 0 {
		return tr("diary.verdict.week.none")
	}
	return trn("diary.verdict.week", rated, map[string]any{"N": rated, "Drop": dropText(drop)})
}

// verdictText turns an evaluation into sentences. It says only what the
// figures hold: "this is what your ratings say" only when there are enough
// of them, and for the mini-check, which asks only after, nothing about
// before.
func verdictText(ev diary.Evaluation) verdictWords {
	name := techniqueName(ev.Technique)
	w := verdictWords{Title: tr("diary.verdict.title", map[string]any{"Technique": name})}
	if ev.Trigger == diary.TenOfFourteen {
		w.Why = tr("diary.verdict.why.days", map[string]any{"N": ev.DaysPractised})
	} else {
		w.Why = tr("diary.verdict.why.weeks")
	}
	if ev.Kind != diary.TooFew {
		w.Why += " " + tr("diary.verdict.why.ratings")
	}
	if ev.AfterOnly {
		afterOnlyText(ev, &w)
		return w
	}
	figures := map[string]any{
		"Technique": name,
		"Rated":     ev.Rated,
		"Calmer":    ev.Calmer,
		"Drop":      decimal(ev.Drop),
		"Before":    decimal(ev.Before),
		"After":     decimal(ev.After),
	}
	switch ev.Kind {
	case diary.TooFew:
		if ev.Rated == 0 {
			w.Summary = tr("diary.verdict.toofew.none")
		} else {
			w.Summary = trn("diary.verdict.toofew", ev.Rated)
		}
	case diary.Helps:
		w.Summary = tr("diary.verdict.helps", figures)
	case diary.Unclear:
		w.Summary = tr("diary.verdict.unclear", figures)
	case diary.NoChange:
		w.Summary = tr("diary.verdict.nochange", figures)
	case diary.StaysHigh:
		w.Summary = tr("diary.verdict.stayshigh", figures)
	}

	w.Facts = append(w.Facts, sessionsFact(ev))
	if ev.Rated > 0 {
		w.Facts = append(w.Facts,
			tr("diary.verdict.fact.average", map[string]any{"Before": decimal(ev.Before), "After": decimal(ev.After), "Change": dropText(ev.Drop)}),
			tr("diary.verdict.fact.week1", map[string]any{"Week": weekText(ev.FirstWeekRated, ev.FirstWeekDrop)}),
			tr("diary.verdict.fact.week2", map[string]any{"Week": weekText(ev.SecondWeekRated, ev.SecondWeekDrop)}),
			trn("diary.verdict.fact.calmer", ev.Rated, map[string]any{"Calmer": ev.Calmer, "N": ev.Rated}),
		)
	}

	switch ev.Suggestion {
	case diary.KeepGoing:
		switch ev.Kind {
		case diary.Helps:
			w.Next = tr("diary.next.keepgoing.helps")
		case diary.TooFew:
			w.Next = tr("diary.next.keepgoing.rate", map[string]any{"N": diary.VerdictMinRated})
		default:
			w.Next = tr("diary.next.keepgoing")
		}
	case diary.TryAnother:
		w.Next = tr("diary.next.another")
	case diary.TryLonger:
		avg := time.Duration(0)
		if ev.Sessions > 0 {
			avg = ev.Minutes / time.Duration(ev.Sessions)
		}
		w.Next = tr("diary.next.longer", map[string]any{"N": wholeMinutes(avg)})
	case diary.TalkToGP:
		w.Next = tr("diary.next.gp")
	}
	return w
}

func sessionsFact(ev diary.Evaluation) string {
	return trn("diary.verdict.fact.sessions", ev.Sessions, map[string]any{
		"N": ev.Sessions, "Days": ev.DaysPractised, "Minutes": wholeMinutes(ev.Minutes)})
}

// afterOnlyText is the verdict on a technique rated after only (the
// mini-check): the level after and how it went per week, never a comparison
// with a "before" the screen does not ask for.
func afterOnlyText(ev diary.Evaluation, w *verdictWords) {
	after := map[string]any{"After": decimal(ev.AfterAverage), "N": ev.AfterRated}
	switch ev.Kind {
	case diary.TooFew:
		if ev.AfterRated == 0 {
			w.Summary = tr("diary.verdict.after.none")
		} else {
			w.Summary = trn("diary.verdict.after.toofew", ev.AfterRated)
		}
		w.Next = tr("diary.next.keepgoing.rate.after", map[string]any{"N": diary.VerdictMinRated})
	case diary.StaysHigh:
		w.Summary = tr("diary.verdict.after.high", after)
		w.Next = tr("diary.next.gp")
	default:
		w.Summary = tr("diary.verdict.after.level", after)
		w.Next = tr("diary.next.keepgoing.after")
	}
	w.Facts = append(w.Facts, sessionsFact(ev))
	if ev.AfterRated > 0 {
		week := func(n int, avg float64) string {
			if n == 0 {
				return tr("diary.verdict.week.none")
			}
			return trn("diary.verdict.week.after", n, map[string]any{"N": n, "After": decimal(avg)})
		}
		w.Facts = append(w.Facts,
			trn("diary.verdict.fact.after", ev.AfterRated, map[string]any{"N": ev.AfterRated, "After": decimal(ev.AfterAverage)}),
			tr("diary.verdict.fact.week1", map[string]any{"Week": week(ev.FirstWeekAfterN, ev.FirstWeekAfter)}),
			tr("diary.verdict.fact.week2", map[string]any{"Week": week(ev.SecondWeekAfterN, ev.SecondWeekAfter)}),
		)
	}
}
