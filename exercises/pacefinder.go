package exercises

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"time"
)

// The pace finder: resonance breathing is near six breaths a minute for most
// adults, but the pace that suits one person lies anywhere from about 4.5 to
// 7 and can shift over months. Without a sensor, comfort is a good guide, so
// the test breathes each pace for a minute and a half and asks how it felt.

// PaceTestPaces are the paces tried, in breaths a minute.
var PaceTestPaces = []float64{7, 6.5, 6, 5.5, 5, 4.5}

// PaceTrialMin is the least time at each pace; a trial is the whole breaths
// that reach it, so it ends after an out-breath and lasts 90 to 100 s.
const PaceTrialMin = 90 * time.Second

// PaceInShare is the in-breath's share of a breath: in:out is 2:3, the
// longer out-breath that the whole app teaches.
const PaceInShare = 0.4

// PaceRetestAfter is when a new pace test is offered: the pace can shift.
const PaceRetestAfter = 28 * 24 * time.Hour

// MyPaceID is the ID of the rhythm a finished pace test makes.
const MyPaceID = "my-pace"

// PaceTrial is one pace of the test.
type PaceTrial struct {
	Pace    float64 // breaths a minute
	Pattern Pattern // in:out 2:3 at that pace
	Breaths int
}

// Exercise is the trial's breathing, a whole number of breaths.
func (t PaceTrial) Exercise() Exercise {
	ex := t.Pattern.Exercise(Length{Breaths: t.Breaths})
	ex.Variant = "pace-test"
	return ex
}

// Duration is how long the trial breathes.
func (t PaceTrial) Duration() time.Duration { return t.Exercise().Duration() }

// pacePattern is the 2:3 rhythm at pace breaths a minute.
func pacePattern(pace float64) Pattern {
	cycle := 60 / pace
	return Pattern{ID: fmt.Sprintf("pace-%g", pace), In: cycle * PaceInShare, Out: cycle * (1 - PaceInShare)}
}

// PacePlan is the test's trials in a shuffled order, so that a pace is not
// rated calmer only for coming later (nor faster for coming first). An
// order that runs steadily up or down is drawn again: it would tie the pace
// to the time spent breathing. rnd is injected so tests are repeatable.
func PacePlan(rnd *rand.Rand) []PaceTrial {
	paces := slices.Clone(PaceTestPaces)
	for range 10 {
		rnd.Shuffle(len(paces), func(i, j int) { paces[i], paces[j] = paces[j], paces[i] })
		if !monotonic(paces) {
			break
		}
	}
	plan := make([]PaceTrial, len(paces))
	for i, p := range paces {
		pat := pacePattern(p)
		n := int(math.Ceil(float64(PaceTrialMin) / float64(pat.Cycle())))
		plan[i] = PaceTrial{Pace: p, Pattern: pat, Breaths: n}
	}
	return plan
}

// monotonic reports whether ps runs only up or only down: a plan to shuffle again.
func monotonic(ps []float64) bool {
	return slices.IsSorted(ps) || slices.IsSortedFunc(ps, func(a, b float64) int { return cmp.Compare(b, a) })
}

// PaceFeel is the one-tap answer after a pace.
type PaceFeel string

// The answers; "" is not answered.
const (
	FeelShort PaceFeel = "short" // short of breath: too fast a pace or too long a breath
	FeelRight PaceFeel = "right" // just right
	FeelSlow  PaceFeel = "slow"  // too slow: waiting for the next breath
)

// PaceRating is what the user said about one pace.
type PaceRating struct {
	Pace    float64
	Comfort int      // 1 (uneasy) to 5 (very comfortable); 0 when skipped
	Feel    PaceFeel // optional
	Skipped bool     // the pace was skipped: it does not count
}

// Pace rating errors.
var (
	ErrPaceComfort = errors.New("comfort is rated 1 to 5")
	ErrPaceFeel    = errors.New("unknown answer")
	ErrPaceUnknown = errors.New("not a pace of the test")
	ErrPaceTwice   = errors.New("a pace is rated twice")
	ErrPaceResult  = errors.New("the result does not follow from the ratings")
)

// Validate checks one rating: a known pace; a skipped one has no comfort
// and no feel, a rated one a comfort of 1 to 5 and a known feel or none.
func (r PaceRating) Validate() error {
	if !slices.Contains(PaceTestPaces, r.Pace) {
		return ErrPaceUnknown
	}
	if r.Skipped {
		if r.Comfort != 0 || r.Feel != "" {
			return ErrPaceComfort
		}
		return nil
	}
	if r.Comfort < 1 || r.Comfort > 5 {
		return ErrPaceComfort
	}
	switch r.Feel {
	case "", FeelShort, FeelRight, FeelSlow:
		return nil
	}
	return ErrPaceFeel
}

// PaceTest is one pace test as the diary keeps it.
type PaceTest struct {
	ID       int64
	UID      string
	Started  time.Time
	Ratings  []PaceRating // in the order they were done
	Finished bool         // every pace was rated or skipped
	Chosen   float64      // the pace found; 0 when none (not finished, or all skipped)
}

// ValidatePaceTest checks the ratings (each valid, none twice, at most all
// the paces) and that Finished and Chosen are what ChoosePace makes of
// them, so an import cannot carry a result its ratings do not give.
func ValidatePaceTest(t PaceTest) error {
	seen := map[float64]bool{}
	for i, r := range t.Ratings {
		if err := r.Validate(); err != nil {
			return fmt.Errorf("rating %d: %w", i+1, err)
		}
		if seen[r.Pace] {
			return fmt.Errorf("rating %d: %w", i+1, ErrPaceTwice)
		}
		seen[r.Pace] = true
	}
	want := EndPaceTest(t.Started, t.Ratings)
	if t.Finished != want.Finished || t.Chosen != want.Chosen {
		return ErrPaceResult
	}
	return nil
}

// ChoosePace picks the pace from a test's ratings: the most comfortable,
// ties going to the pace nearest 6 and then to the slower one. Skipped paces
// do not count. ok is false when the test is not finished (a pace neither
// rated nor skipped: stopped half way) or every pace was skipped; then
// nothing becomes "my pace".
func ChoosePace(ratings []PaceRating) (pace float64, ok bool) {
	done := map[float64]bool{}
	var best *PaceRating
	for i := range ratings {
		r := &ratings[i]
		if r.Validate() != nil {
			continue
		}
		done[r.Pace] = true
		if r.Skipped {
			continue
		}
		if best == nil || better(*r, *best) {
			best = r
		}
	}
	if len(done) < len(PaceTestPaces) || best == nil {
		return 0, false
	}
	return best.Pace, true
}

// better reports whether a beats b: more comfortable, else nearer 6, else slower.
func better(a, b PaceRating) bool {
	if a.Comfort != b.Comfort {
		return a.Comfort > b.Comfort
	}
	da, db := math.Abs(a.Pace-6), math.Abs(b.Pace-6)
	if da != db {
		return da < db
	}
	return a.Pace < b.Pace
}

// EndPaceTest makes the diary's record of a test started at started with
// the ratings given so far: finished with its chosen pace, or not finished
// when stopped half way (the diary says so; no pace is chosen).
func EndPaceTest(started time.Time, ratings []PaceRating) PaceTest {
	t := PaceTest{Started: started, Ratings: slices.Clone(ratings)}
	done := map[float64]bool{}
	for _, r := range ratings {
		if r.Validate() == nil {
			done[r.Pace] = true
		}
	}
	t.Finished = len(done) == len(PaceTestPaces)
	t.Chosen, _ = ChoosePace(ratings)
	return t
}

// PacePattern is the rhythm "My pace" at pace breaths a minute, in:out 2:3,
// named name (the UI passes the translated "My pace (5.5/min)"). It is a
// user's rhythm like any other: Validate accepts it.
func PacePattern(pace float64, name string) Pattern {
	p := pacePattern(pace)
	p.ID, p.Name, p.Custom = MyPaceID, name, true
	return p
}

// PaceTestDue reports whether the pace test is to be offered again at now:
// never done (last zero), or PaceRetestAfter since the last finished test.
// A clock set back before the last test offers nothing.
func PaceTestDue(last, now time.Time) bool {
	return last.IsZero() || now.Sub(last) >= PaceRetestAfter
}
