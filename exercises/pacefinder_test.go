package exercises

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

func TestPacePlan(t *testing.T) {
	orders := map[string]bool{}
	for seed := range uint64(200) {
		plan := PacePlan(rand.New(rand.NewPCG(seed, 1)))
		var paces []float64
		var total time.Duration
		for _, tr := range plan {
			paces = append(paces, tr.Pace)
			d := tr.Duration()
			if d < 90*time.Second || d > 120*time.Second {
				t.Errorf("seed %d: %g/min lasts %v, want 90-120 s", seed, tr.Pace, d)
			}
			if got := tr.Pattern.PerMinute(); abs(got-tr.Pace) > 0.01 {
				t.Errorf("%g/min breathes %g/min", tr.Pace, got)
			}
			if r := tr.Pattern.In / tr.Pattern.Out; abs(r-2.0/3) > 1e-9 || tr.Pattern.HoldIn+tr.Pattern.HoldOut != 0 {
				t.Errorf("%g/min: in:out %g, want 2:3", tr.Pace, r)
			}
			ex := tr.Exercise()
			if last := ex.Steps[len(ex.Steps)-1]; last.Kind != Exhale {
				t.Errorf("%g/min ends on %v, not an out-breath", tr.Pace, last.Kind)
			}
			total += d
		}
		if monotonic(paces) {
			t.Errorf("seed %d: a steady order %v", seed, paces)
		}
		sorted := slices.Clone(paces)
		slices.Sort(sorted)
		if !slices.Equal(sorted, []float64{4.5, 5, 5.5, 6, 6.5, 7}) {
			t.Errorf("seed %d: paces %v", seed, paces)
		}
		if total < 9*time.Minute || total > 10*time.Minute {
			t.Errorf("the test breathes %v, want about ten minutes with the ratings", total)
		}
		orders[fmt.Sprint(paces)] = true
	}
	if len(orders) < 100 {
		t.Errorf("only %d different orders in 200 seeds", len(orders))
	}
	a := PacePlan(rand.New(rand.NewPCG(7, 7)))
	b := PacePlan(rand.New(rand.NewPCG(7, 7)))
	for i := range a {
		if a[i].Pace != b[i].Pace {
			t.Fatal("the same seed gave another order")
		}
	}
}

func rated(pace float64, comfort int, feel PaceFeel) PaceRating {
	return PaceRating{Pace: pace, Comfort: comfort, Feel: feel}
}

func skipped(pace float64) PaceRating { return PaceRating{Pace: pace, Skipped: true} }

func TestChoosePace(t *testing.T) {
	all := func(c ...int) []PaceRating { // comfort for 7, 6.5, 6, 5.5, 5, 4.5 in that order
		var rs []PaceRating
		for i, p := range PaceTestPaces {
			rs = append(rs, rated(p, c[i], FeelRight))
		}
		return rs
	}
	cases := []struct {
		name    string
		ratings []PaceRating
		pace    float64
		ok      bool
	}{
		{"one most comfortable", all(2, 3, 3, 5, 4, 1), 5.5, true},
		{"tie goes nearest 6", all(2, 4, 3, 1, 4, 4), 6.5, true},
		{"tie at equal distance goes slower", all(1, 4, 2, 4, 3, 3), 5.5, true},
		{"all equal: 6", all(3, 3, 3, 3, 3, 3), 6, true},
		{"a skipped pace is ignored", append(all(1, 2, 3, 4, 3, 2)[:3], skipped(5.5), rated(5, 3, ""), rated(4.5, 2, FeelShort)), 6, true},
		{"the slowest", all(1, 1, 1, 2, 3, 5), 4.5, true},
		{"stopped half way", all(1, 2, 5, 4, 3, 2)[:3], 0, false},
		{"nothing rated", nil, 0, false},
		{"all skipped", []PaceRating{skipped(7), skipped(6.5), skipped(6), skipped(5.5), skipped(5), skipped(4.5)}, 0, false},
		{"an invalid rating does not count", append(all(1, 2, 3, 4, 3, 2)[:5], rated(4.5, 9, "")), 0, false},
		{"order of rating does not matter", []PaceRating{rated(4.5, 2, ""), rated(6, 4, ""), rated(7, 1, ""),
			rated(5, 4, ""), rated(6.5, 3, ""), rated(5.5, 3, "")}, 6, true},
	}
	for _, c := range cases {
		pace, ok := ChoosePace(c.ratings)
		if pace != c.pace || ok != c.ok {
			t.Errorf("%s: %g %v, want %g %v", c.name, pace, ok, c.pace, c.ok)
		}
		rec := EndPaceTest(t0, c.ratings)
		if rec.Chosen != c.pace || rec.Finished && !c.ok && c.name != "all skipped" && c.name != "nothing rated" {
			t.Errorf("%s: record %+v", c.name, rec)
		}
		if c.name == "stopped half way" && rec.Finished {
			t.Errorf("a test stopped half way is recorded as finished")
		}
	}
}

func TestPaceRatingValidate(t *testing.T) {
	cases := []struct {
		r    PaceRating
		want error
	}{
		{rated(5.5, 1, FeelShort), nil},
		{rated(5.5, 5, ""), nil},
		{skipped(7), nil},
		{rated(5.5, 0, FeelRight), ErrPaceComfort},
		{rated(5.5, 6, FeelRight), ErrPaceComfort},
		{rated(5.2, 3, FeelRight), ErrPaceUnknown},
		{rated(6, 3, "meh"), ErrPaceFeel},
		{PaceRating{Pace: 6, Skipped: true, Comfort: 3}, ErrPaceComfort},
	}
	for _, c := range cases {
		if err := c.r.Validate(); !errors.Is(err, c.want) || (err == nil) != (c.want == nil) {
			t.Errorf("%+v: %v, want %v", c.r, err, c.want)
		}
	}
	good := EndPaceTest(t0, []PaceRating{rated(6, 3, ""), skipped(7)})
	if err := ValidatePaceTest(good); err != nil {
		t.Errorf("unfinished test: %v", err)
	}
	twice := EndPaceTest(t0, []PaceRating{rated(6, 3, ""), rated(6, 4, "")})
	if err := ValidatePaceTest(twice); !errors.Is(err, ErrPaceTwice) {
		t.Errorf("a pace twice: %v", err)
	}
	forged := good
	forged.Chosen, forged.Finished = 6, true
	if err := ValidatePaceTest(forged); !errors.Is(err, ErrPaceResult) {
		t.Errorf("a forged result: %v", err)
	}
}

func TestPacePattern(t *testing.T) {
	for _, pace := range PaceTestPaces {
		p := PacePattern(pace, fmt.Sprintf("My pace (%g/min)", pace))
		if err := p.Validate(); err != nil {
			t.Errorf("%g: %v", pace, err)
		}
		if p.ID != MyPaceID || !p.Custom || abs(p.PerMinute()-pace) > 0.01 {
			t.Errorf("%g: %+v (%g/min)", pace, p, p.PerMinute())
		}
		if got, ok := FindPattern(MyPaceID, []Pattern{p}); !ok || got.In != p.In {
			t.Errorf("FindPattern misses my pace")
		}
	}
	if err := PacePattern(5.5, "").Validate(); err == nil {
		t.Error("a pattern without a name passes")
	}
}

func TestPaceTestDue(t *testing.T) {
	last := time.Date(2026, 10, 1, 21, 0, 0, 0, time.UTC)
	cases := []struct {
		name      string
		last, now time.Time
		want      bool
	}{
		{"never tested", time.Time{}, last, true},
		{"just tested", last, last.Add(time.Hour), false},
		{"three weeks", last, last.AddDate(0, 0, 21), false},
		{"a minute before four weeks", last, last.Add(PaceRetestAfter - time.Minute), false},
		{"four weeks", last, last.Add(PaceRetestAfter), true},
		{"half a year", last, last.AddDate(0, 6, 0), true},
		{"clock set back", last, last.AddDate(0, -2, 0), false},
	}
	for _, c := range cases {
		if got := PaceTestDue(c.last, c.now); got != c.want {
			t.Errorf("%s: %v", c.name, got)
		}
	}
}

func TestPaceRun(t *testing.T) {
	plan := PacePlan(rand.New(rand.NewPCG(3, 4)))
	run := NewPaceRun(plan, t0)
	comfort := map[float64]int{7: 1, 6.5: 3, 6: 4, 5.5: 4, 5: 2, 4.5: 1}
	for i := range plan {
		tr, n, ok := run.Trial()
		if !ok || n != i || tr.Pace != plan[i].Pace {
			t.Fatalf("trial %d: %+v %d %v", i, tr, n, ok)
		}
		if i == 2 {
			if rec := run.End(); rec.Finished || rec.Chosen != 0 || len(rec.Ratings) != 2 {
				t.Errorf("stopped half way: %+v", rec)
			}
		}
		if err := run.Rate(9, FeelRight); !errors.Is(err, ErrPaceComfort) {
			t.Errorf("comfort 9: %v", err)
		}
		var err error
		if tr.Pace == 6 {
			err = run.Skip()
		} else {
			err = run.Rate(comfort[tr.Pace], FeelRight)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if _, _, ok := run.Trial(); ok {
		t.Error("a trial after the last")
	}
	if err := run.Rate(3, ""); !errors.Is(err, ErrPaceOver) {
		t.Errorf("rating after the end: %v", err)
	}
	rec := run.End()
	if !rec.Finished || rec.Chosen != 5.5 || len(rec.Ratings) != 6 || !rec.Started.Equal(t0) {
		t.Errorf("end: %+v", rec)
	}
	if err := ValidatePaceTest(rec); err != nil {
		t.Error(err)
	}
}

func TestMonotonic(t *testing.T) {
	for _, c := range []struct {
		ps   []float64
		want bool
	}{
		{[]float64{4.5, 5, 5.5}, true},
		{[]float64{7, 6.5, 6}, true},
		{[]float64{6, 6, 6}, true},
		{[]float64{6, 7, 5}, false},
		{[]float64{7, 5, 6}, false},
	} {
		if got := monotonic(c.ps); got != c.want {
			t.Errorf("monotonic(%v) = %v, want %v", c.ps, got, c.want)
		}
	}
}
