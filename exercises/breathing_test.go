package exercises

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"
)

func TestPatternValidate(t *testing.T) {
	ok := Pattern{Name: "Mine", In: 4, Out: 8}
	cases := []struct {
		name string
		edit func(*Pattern)
		want error
	}{
		{"valid", func(*Pattern) {}, nil},
		{"edges", func(p *Pattern) { p.In, p.Out, p.HoldIn, p.HoldOut = 1, 20, 20, 0 }, nil},
		{"no name", func(p *Pattern) { p.Name = "  " }, ErrPatternName},
		{"NUL in name", func(p *Pattern) { p.Name = "a\x00b" }, ErrPatternName},
		{"long name", func(p *Pattern) { p.Name = strings.Repeat("é", MaxNameRune+1) }, ErrPatternNameLong},
		{"emoji name ok", func(p *Pattern) { p.Name = "🌙 avond" }, nil},
		{"in too short", func(p *Pattern) { p.In = 0.5 }, ErrInRange},
		{"in too long", func(p *Pattern) { p.In = 21 }, ErrInRange},
		{"in NaN", func(p *Pattern) { p.In = math.NaN() }, ErrInRange},
		{"out zero", func(p *Pattern) { p.Out = 0 }, ErrOutRange},
		{"out too long", func(p *Pattern) { p.Out = 20.5 }, ErrOutRange},
		{"negative hold", func(p *Pattern) { p.HoldIn = -1 }, ErrHoldRange},
		{"hold too long", func(p *Pattern) { p.HoldOut = 21 }, ErrHoldRange},
	}
	for _, c := range cases {
		p := ok
		c.edit(&p)
		if err := p.Validate(); !errors.Is(err, c.want) {
			t.Errorf("%s: got %v, want %v", c.name, err, c.want)
		}
	}
}

func TestBuiltinPatterns(t *testing.T) {
	for _, p := range BuiltinPatterns() {
		p.Name = p.ID
		if err := p.Validate(); err != nil {
			t.Errorf("%s: %v", p.ID, err)
		}
	}
	if BuiltinPatterns()[0].ID != "4-6" {
		t.Error("4-6 must be the default")
	}
	if got := PatternResonance.PerMinute(); math.Abs(got-5.5) > 0.01 {
		t.Errorf("resonance: %.3f breaths/min", got)
	}
	if !PatternBelly.Belly || PatternBelly.Cycle() != 10*time.Second {
		t.Error("belly breathing is 4-6 with belly cues")
	}
}

func TestSessionLength(t *testing.T) {
	cases := []struct {
		p       Pattern
		l       Length
		breaths int
	}{
		{Pattern46, Length{Minutes: 5}, 30},
		{Pattern46, Length{Minutes: 1}, 6},
		{Pattern478, Length{Minutes: 2}, 6}, // 19 s a breath: 6.3 → 6, ends on a full breath
		{PatternBox, Length{Minutes: 20}, 75},
		{Pattern46, Length{Breaths: 7}, 7},
		{Pattern{In: 20, HoldIn: 20, Out: 20, HoldOut: 20}, Length{Minutes: 1}, 1},
	}
	for _, c := range cases {
		if got := c.p.Breaths(c.l); got != c.breaths {
			t.Errorf("%v %+v: %d breaths, want %d", c.p.ID, c.l, got, c.breaths)
		}
		ex := c.p.Exercise(c.l)
		if ex.Duration() != time.Duration(c.breaths)*c.p.Cycle() {
			t.Errorf("%v %+v: duration %v", c.p.ID, c.l, ex.Duration())
		}
		if last := ex.Steps[len(ex.Steps)-1].Kind; last != Exhale && last != HoldOut {
			t.Errorf("ends on %v", last)
		}
	}
}

func TestFindPattern(t *testing.T) {
	mine := Pattern{ID: "custom-mine", Name: "Mine", In: 3, Out: 5, Custom: true}
	if p, ok := FindPattern("custom-mine", []Pattern{mine}); !ok || p.In != 3 {
		t.Error("custom pattern not found")
	}
	if _, ok := FindPattern("nope", nil); ok {
		t.Error("found a pattern that does not exist")
	}
}
