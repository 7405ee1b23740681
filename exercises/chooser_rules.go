package exercises

import (
	"slices"
	"time"
)

// chooserOption is one thing the chooser can suggest, with the score it starts
// from: a small preference for what suits most beginners (4-6 first, the
// seed's own), which the answers then outweigh.
type chooserOption struct {
	id     string
	s      Suggestion
	length time.Duration // 0: takes the time the user has (breathing)
	base   int
	eyes   bool // done with eyes open and moving: not in bed
}

// chooserOptions in catalog order, which also breaks ties.
var chooserOptions = []chooserOption{
	{id: "4-6", s: Suggestion{Technique: Breathing, Variant: Pattern46.ID}, base: 30},
	{id: "belly", s: Suggestion{Technique: Breathing, Variant: PatternBelly.ID}, base: 15},
	{id: "pmr-short", s: Suggestion{Technique: PMR, Variant: PMRShort}, length: pmrLength(PMRShort), base: 25},
	{id: "pmr-full", s: Suggestion{Technique: PMR, Variant: PMRFull}, length: pmrLength(PMRFull), base: 10},
	{id: "minicheck", s: Suggestion{Technique: MiniCheck, Variant: MiniCheckTimed}, length: 3 * MiniCheckStep, base: 10},
	{id: "senses", s: Suggestion{Technique: Senses, Variant: SensesBasic}, length: sensesBasicTime, base: 20},
	{id: "walk", s: Suggestion{Technique: Senses, Variant: Senses54321, Hint: "chooser.hint.walking"}, length: senses54321Time, base: 5, eyes: true},
}

// pmrLength is how long a built-in set takes with the default timing
// (4 and 12 minutes), so "2 minutes" leaves the sets out.
func pmrLength(id string) time.Duration {
	set, err := FindPMRSet(id, nil)
	if err != nil {
		panic(err) // a built-in set: cannot happen
	}
	return set.Exercise(DefaultPMRTiming()).Duration()
}

// chooserRule adds points to one option when the answers call for it. The rule
// that adds most to an option gives its reason; hint, when set, says how
// to do it in that situation.
type chooserRule struct {
	q      QuestionID
	v      string
	to     string // option id
	points int
	reason string
	hint   string
}

// chooserRules are the chooser's advice, from the guide behind Ontspan. They are
// data so the table reads like the advice itself.
var chooserRules = []chooserRule{
	// A busy head: something physical first, to get out of it.
	{QFocus, AnsHead, "pmr-short", 40, "chooser.reason.head.pmr", ""},
	{QFocus, AnsHead, "pmr-full", 40, "chooser.reason.head.pmr", ""},
	{QFocus, AnsHead, "4-6", 30, "chooser.reason.head.count", "chooser.hint.count"},
	{QFocus, AnsHead, "walk", 20, "chooser.reason.head.walk", ""},
	{QFocus, AnsHead, "senses", 10, "chooser.reason.head.senses", ""},
	// A tense, restless body: let the muscles learn to let go, breathe out long.
	{QFocus, AnsBody, "pmr-short", 30, "chooser.reason.body.pmr", ""},
	{QFocus, AnsBody, "pmr-full", 30, "chooser.reason.body.pmr", ""},
	{QFocus, AnsBody, "4-6", 20, "chooser.reason.body.breath", ""},
	{QFocus, AnsBody, "belly", 20, "chooser.reason.body.breath", ""},
	{QFocus, AnsBody, "minicheck", 15, "chooser.reason.body.minicheck", ""},
	// Many physical complaints: gentle breathing or noticing before tensing
	// (and Choose keeps muscle relaxation below them, whatever else counts).
	{QComplaints, AnsYes, "4-6", 35, "chooser.reason.complaints.breath", ""},
	{QComplaints, AnsYes, "belly", 35, "chooser.reason.complaints.breath", ""},
	{QComplaints, AnsYes, "senses", 35, "chooser.reason.complaints.senses", ""},
	{QComplaints, AnsYes, "pmr-short", -30, "", ""},
	{QComplaints, AnsYes, "pmr-full", -30, "", ""},
	// Sitting still is hard: short and active.
	{QRestless, AnsYes, "minicheck", 45, "chooser.reason.restless.minicheck", ""},
	{QRestless, AnsYes, "4-6", 25, "chooser.reason.restless.breath", ""},
	{QRestless, AnsYes, "walk", 40, "chooser.reason.restless.walk", ""},
	{QRestless, AnsYes, "pmr-short", -15, "", ""},
	{QRestless, AnsYes, "pmr-full", -40, "", ""},
	{QRestless, AnsYes, "senses", -25, "", ""},
	{QRestless, AnsYes, "belly", -10, "", ""},
	// Time: what fits is all that is offered (see Choose); these say so.
	{QTime, Ans2Min, "4-6", 10, "chooser.reason.time.breath", ""},
	{QTime, Ans2Min, "minicheck", 15, "chooser.reason.time.minicheck", ""},
	{QTime, Ans15Min, "pmr-full", 20, "chooser.reason.time.long", ""},
	// In bed: 4-6 or muscle relaxation lying down, eyes closed.
	{QPlace, AnsBed, "4-6", 30, "chooser.reason.bed.breath", ""},
	{QPlace, AnsBed, "pmr-short", 30, "chooser.reason.bed.pmr", "chooser.hint.lying"},
	{QPlace, AnsBed, "pmr-full", 30, "chooser.reason.bed.pmr", "chooser.hint.lying"},
	{QPlace, AnsBed, "senses", 10, "chooser.reason.bed.senses", ""},
	{QPlace, AnsBed, "minicheck", -20, "", ""},
	// At a desk: what nobody notices.
	{QPlace, AnsDesk, "minicheck", 35, "chooser.reason.desk.minicheck", ""},
	{QPlace, AnsDesk, "4-6", 10, "chooser.reason.desk.breath", ""},
	{QPlace, AnsDesk, "pmr-short", 5, "chooser.reason.desk.pmr", ""},
	// On the way: in the train, or in the car before getting out.
	{QPlace, AnsOnWay, "4-6", 25, "chooser.reason.way.breath", ""},
	{QPlace, AnsOnWay, "walk", 30, "chooser.reason.way.walk", ""},
	{QPlace, AnsOnWay, "minicheck", 20, "chooser.reason.way.minicheck", ""},
	{QPlace, AnsOnWay, "pmr-short", -30, "", ""},
	{QPlace, AnsOnWay, "pmr-full", -30, "", ""},
	{QPlace, AnsOnWay, "belly", -10, "", ""},
	// On the sofa: room to sit back or lie down.
	{QPlace, AnsSofa, "pmr-short", 15, "chooser.reason.sofa.pmr", ""},
	{QPlace, AnsSofa, "pmr-full", 15, "chooser.reason.sofa.pmr", ""},
	{QPlace, AnsSofa, "belly", 15, "chooser.reason.sofa.belly", ""},
	{QPlace, AnsSofa, "senses", 5, "chooser.reason.sofa.senses", ""},
}

// DiaryWeight is what a two-week verdict adds to (Helped) or takes from
// (NotHelped) a technique's score: enough to move it a place or two, not
// enough to overrule where the user is or how much time they have.
const DiaryWeight = 35

// The chooser gives at least MinSuggestions and at most MaxSuggestions.
const (
	MinSuggestions = 2
	MaxSuggestions = 3
)

// DefaultMinutes is the time assumed when the user does not know: a short
// start is always safe, and muscle relaxation's short set still fits.
const DefaultMinutes = 5

// breathMinutes is the breathing length for the answers: two minutes when
// sitting still is hard, at most ten (a few calm minutes is the point, not
// endurance), three when the time is unknown.
func breathMinutes(a Answers) int {
	switch m := a.Minutes(); {
	case a.is(QRestless, AnsYes) || m == 2:
		return 2
	case m == 0:
		return 3
	default:
		return min(m, 10)
	}
}

type chooserScore struct {
	chooserOption
	score, best int
}

// Choose ranks what suits the answers and returns two or three
// suggestions, one per technique, best first. history holds the diary's
// verdicts: a technique that helped ranks up and a technique that has not
// helped yet ranks down, each with a line that says so. A third is given
// only when it scores above zero, so a poor fit never fills a row. It is a
// pure function of its input.
func Choose(a Answers, history Outcomes) []Suggestion {
	return choose(a, history, "")
}

// choose is Choose leaving out one technique (none when not is "").
func choose(a Answers, history Outcomes, not Technique) []Suggestion {
	limit := a.Minutes()
	if limit == 0 {
		limit = DefaultMinutes
	}
	var cs []*chooserScore
	for _, o := range chooserOptions {
		if o.length > time.Duration(limit)*time.Minute || o.s.Technique == not || (o.eyes && a.is(QPlace, AnsBed)) {
			continue // does not fit the time, or not here
		}
		c := &chooserScore{chooserOption: o, score: o.base}
		c.s.Name = "chooser.name." + o.id
		c.s.Reason = "chooser.reason.default." + o.id
		if o.s.Technique == Breathing {
			c.s.Minutes = breathMinutes(a)
		}
		for _, r := range chooserRules {
			if r.to != o.id || !a.is(r.q, r.v) {
				continue
			}
			c.score += r.points
			if r.points > c.best {
				c.best, c.s.Reason = r.points, r.reason
			}
			if r.hint != "" {
				c.s.Hint = r.hint
			}
		}
		switch history[o.s.Technique] {
		case Helped:
			c.score += DiaryWeight
			c.s.Diary = "chooser.diary.helped"
		case NotHelped:
			c.score -= DiaryWeight
			c.s.Diary = "chooser.diary.nothelped"
		}
		cs = append(cs, c)
	}
	if a.is(QComplaints, AnsYes) {
		// Breathing or noticing comes before muscle relaxation for a body
		// with many complaints, even when the diary favours the latter.
		gentle := -1 << 30
		for _, c := range cs {
			if c.s.Technique == Breathing || c.s.Technique == Senses {
				gentle = max(gentle, c.score)
			}
		}
		for _, c := range cs {
			if c.s.Technique == PMR {
				c.score = min(c.score, gentle-1)
			}
		}
	}
	slices.SortStableFunc(cs, func(x, y *chooserScore) int { return y.score - x.score })
	var out []Suggestion
	var seen []Technique
	for _, c := range cs {
		if slices.Contains(seen, c.s.Technique) {
			continue // one per technique: three real choices, not three breathing rhythms
		}
		if len(out) >= MinSuggestions && (len(out) == MaxSuggestions || c.score <= 0) {
			break
		}
		seen = append(seen, c.s.Technique)
		out = append(out, c.s)
	}
	if a.is(QComplaints, AnsYes) {
		// And among those shown, muscle relaxation goes last.
		slices.SortStableFunc(out, func(x, y Suggestion) int { return chooserBtoi(x.Technique == PMR) - chooserBtoi(y.Technique == PMR) })
	}
	return out
}

func chooserBtoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
