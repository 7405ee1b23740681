package exercises

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/ontspan/ontspan/assets"
)

func TestBuiltinRitualsAreTheGuides(t *testing.T) {
	rs := BuiltinRituals()
	if len(rs) != 2 || rs[0].UID != RitualEvening || rs[1].UID != RitualDeskReset {
		t.Fatalf("built-ins: %+v", rs)
	}
	ev := rs[0].Steps
	if len(ev) != 3 || ev[0].TextKey != TaskShower || ev[1].Technique != PMR || ev[1].Variant != PMRShort ||
		ev[2] != BreathingStep("4-6", 5) {
		t.Errorf("evening ritual: %+v", ev)
	}
	for _, r := range rs {
		if !r.Builtin() {
			t.Errorf("%s not built in", r.UID)
		}
		for i, s := range r.Steps {
			if _, err := s.Check(); err != nil {
				t.Errorf("%s step %d: %v", r.UID, i, err)
			}
		}
		if _, err := NewRitualRunner(r, RitualEnv{}, NewFakeClock(t0), nil); err != nil {
			t.Errorf("%s does not run: %v", r.UID, err)
		}
	}
	// The desk reset is the three minutes it promises: a 30 s check and 2 min of 4-6.
	var total int64
	for _, s := range rs[1].Steps {
		_, planned, _ := s.Resolve(RitualEnv{})
		total += int64(planned.Seconds())
	}
	if total != 150 {
		t.Errorf("desk reset lasts %d s, want 150", total)
	}
	if _, ok := FindRitual(RitualEvening, nil); !ok {
		t.Error("FindRitual misses the evening ritual")
	}
}

func TestRitualStepCheck(t *testing.T) {
	cases := []struct {
		name string
		step RitualStep
		want error
		text string // cleaned text, when no error
	}{
		{"breathing", BreathingStep("4-6", 5), nil, ""},
		{"saved rhythm", BreathingStep("custom:mine", 3), nil, ""},
		{"breathing zero minutes", BreathingStep("4-6", 0), ErrStepMinutes, ""},
		{"breathing too long", BreathingStep("4-6", MaxRitualMinutes+1), ErrStepMinutes, ""},
		{"breathing no pattern", BreathingStep("", 5), ErrStepVariant, ""},
		{"belly", BreathingStep("belly", 3), nil, ""},
		{"pmr short", RitualStep{Technique: PMR, Variant: PMRShort}, nil, ""},
		{"pmr unknown set", RitualStep{Technique: PMR, Variant: "legs"}, ErrStepVariant, ""},
		{"pmr with minutes", RitualStep{Technique: PMR, Variant: PMRShort, Minutes: 3}, ErrStepMinutes, ""},
		{"senses", RitualStep{Technique: Senses, Variant: SensesBasic}, nil, ""},
		{"senses unknown", RitualStep{Technique: Senses, Variant: "x"}, ErrStepVariant, ""},
		{"minicheck", RitualStep{Technique: MiniCheck, Variant: MiniCheckTimed}, nil, ""},
		{"minicheck unknown", RitualStep{Technique: MiniCheck, Variant: "fast"}, ErrStepVariant, ""},
		{"worry parking is no step", RitualStep{Technique: "worry", Variant: "x"}, ErrStepTechnique, ""},
		{"task trimmed", TaskStep("  Tea, no caffeine \n"), nil, "Tea, no caffeine"},
		{"task emoji kept", TaskStep("Bad 🛁"), nil, "Bad 🛁"},
		{"task empty", TaskStep(" \t"), ErrTaskEmpty, ""},
		{"task too long", TaskStep(strings.Repeat("é", MaxRitualTaskRunes+1)), ErrTaskTooLong, ""},
		{"task at the limit", TaskStep(strings.Repeat("é", MaxRitualTaskRunes)), nil, strings.Repeat("é", MaxRitualTaskRunes)},
		{"task NUL", TaskStep("a\x00b"), ErrRitualText, ""},
		{"task bad UTF-8", TaskStep("a\xffb"), ErrRitualText, ""},
		{"task built-in key", RitualStep{TextKey: TaskLights}, nil, ""},
		{"task unknown key", RitualStep{TextKey: "home.title"}, ErrTaskKey, ""},
		{"task key and text", RitualStep{TextKey: TaskLights, Text: "x"}, ErrTaskKey, ""},
		{"exercise with text", RitualStep{Technique: Breathing, Variant: "4-6", Minutes: 5, Text: "x"}, ErrStepVariant, ""},
	}
	for _, c := range cases {
		got, err := c.step.Check()
		if !errors.Is(err, c.want) || (err == nil) != (c.want == nil) {
			t.Errorf("%s: error %v, want %v", c.name, err, c.want)
		}
		if err == nil && got.Text != c.text {
			t.Errorf("%s: text %q, want %q", c.name, got.Text, c.text)
		}
	}
}

func TestValidateRitual(t *testing.T) {
	ok := Ritual{Name: " Slapen ", Steps: []RitualStep{TaskStep("Thee"), BreathingStep("4-6", 5)}}
	many := Ritual{Name: "x", Steps: make([]RitualStep, MaxRitualSteps+1)}
	for i := range many.Steps {
		many.Steps[i] = BreathingStep("4-6", 1)
	}
	cases := []struct {
		name string
		r    Ritual
		want error
		step int // with a *RitualStepError
	}{
		{"fine", ok, nil, -1},
		{"no name", Ritual{Name: "  ", Steps: ok.Steps}, ErrRitualName, -1},
		{"name too long", Ritual{Name: strings.Repeat("a", MaxRitualNameRunes+1), Steps: ok.Steps}, ErrRitualNameTooLong, -1},
		{"name NUL", Ritual{Name: "a\x00", Steps: ok.Steps}, ErrRitualText, -1},
		{"no steps", Ritual{Name: "x"}, ErrRitualEmpty, -1},
		{"too many steps", many, ErrRitualTooLong, -1},
		{"bad second step", Ritual{Name: "x", Steps: []RitualStep{TaskStep("a"), TaskStep("")}}, ErrTaskEmpty, 1},
		{"built-in", BuiltinRituals()[0], ErrRitualBuiltin, -1},
	}
	for _, c := range cases {
		got, err := ValidateRitual(c.r)
		if !errors.Is(err, c.want) || (err == nil) != (c.want == nil) {
			t.Errorf("%s: error %v, want %v", c.name, err, c.want)
			continue
		}
		var se *RitualStepError
		if errors.As(err, &se) != (c.step >= 0) || c.step >= 0 && se.Index != c.step {
			t.Errorf("%s: step error %v, want step %d", c.name, err, c.step)
		}
		if err == nil && got.Name != "Slapen" {
			t.Errorf("%s: name %q not trimmed", c.name, got.Name)
		}
	}
}

func stepNames(r Ritual) string {
	var b []string
	for _, s := range r.Steps {
		if s.Task() {
			b = append(b, s.Text)
		} else {
			b = append(b, s.Variant)
		}
	}
	return strings.Join(b, ",")
}

func TestRitualEditing(t *testing.T) {
	r, err := NewRitual("Avond")
	if err != nil {
		t.Fatal(err)
	}
	steps := []RitualStep{TaskStep("a"), TaskStep("b"), TaskStep("c")}
	for _, s := range steps {
		if r, err = AddStep(r, s, -1); err != nil {
			t.Fatal(err)
		}
	}
	orig := r
	type op func(Ritual) (Ritual, error)
	move := func(i, d int) op {
		return func(r Ritual) (Ritual, error) { r, _, err := MoveStep(r, i, d); return r, err }
	}
	cases := []struct {
		name string
		op   op
		want string
		err  error
	}{
		{"add first", func(r Ritual) (Ritual, error) { return AddStep(r, TaskStep("z"), 0) }, "z,a,b,c", nil},
		{"add middle", func(r Ritual) (Ritual, error) { return AddStep(r, TaskStep("z"), 2) }, "a,b,z,c", nil},
		{"add invalid", func(r Ritual) (Ritual, error) { return AddStep(r, TaskStep(""), 0) }, "a,b,c", ErrTaskEmpty},
		{"remove middle", func(r Ritual) (Ritual, error) { return RemoveStep(r, 1) }, "a,c", nil},
		{"remove out of range", func(r Ritual) (Ritual, error) { return RemoveStep(r, 3) }, "a,b,c", ErrRitualStepIndex},
		{"move up", move(1, -1), "b,a,c", nil},
		{"move down", move(1, 1), "a,c,b", nil},
		{"move first up stays", move(0, -1), "a,b,c", nil},
		{"move last down stays", move(2, 1), "a,b,c", nil},
		{"move out of range", move(5, -1), "a,b,c", ErrRitualStepIndex},
	}
	for _, c := range cases {
		got, err := c.op(r)
		if !errors.Is(err, c.err) || (err == nil) != (c.err == nil) {
			t.Errorf("%s: error %v, want %v", c.name, err, c.err)
		}
		if s := stepNames(got); s != c.want {
			t.Errorf("%s: steps %s, want %s", c.name, s, c.want)
		}
		if stepNames(r) != "a,b,c" || stepNames(orig) != "a,b,c" {
			t.Fatalf("%s changed its argument: %s", c.name, stepNames(r))
		}
	}

	if _, j, _ := MoveStep(r, 2, -1); j != 1 {
		t.Errorf("moved step's new index %d, want 1", j)
	}
	full := r
	for len(full.Steps) < MaxRitualSteps {
		full, _ = AddStep(full, TaskStep("x"), -1)
	}
	if _, err := AddStep(full, TaskStep("y"), -1); !errors.Is(err, ErrRitualTooLong) {
		t.Errorf("add to a full ritual: %v", err)
	}
	ev := BuiltinRituals()[0]
	for name, f := range map[string]func() error{
		"add":    func() error { _, err := AddStep(ev, TaskStep("x"), 0); return err },
		"remove": func() error { _, err := RemoveStep(ev, 0); return err },
		"move":   func() error { _, _, err := MoveStep(ev, 0, 1); return err },
	} {
		if err := f(); !errors.Is(err, ErrRitualBuiltin) {
			t.Errorf("%s on a built-in: %v", name, err)
		}
	}
	cp, err := CopyRitual(ev, "Mijn avond")
	if err != nil || cp.Builtin() || cp.UID != "" || len(cp.Steps) != 3 {
		t.Fatalf("copy: %+v %v", cp, err)
	}
	if _, err := ValidateRitual(cp); err != nil {
		t.Errorf("a copy of the evening ritual is invalid: %v", err)
	}
	cp.Steps[0] = TaskStep("changed")
	if BuiltinRituals()[0].Steps[0].TextKey != TaskShower {
		t.Error("changing a copy changed the built-in")
	}
}

// TestRitualKeysHaveTexts: the built-in rituals' names and task texts, and
// the texts the ritual and pace screens need, exist in both languages.
func TestRitualKeysHaveTexts(t *testing.T) {
	keys := TaskSuggestions()
	for _, r := range BuiltinRituals() {
		keys = append(keys, r.Key)
		for _, s := range r.Steps {
			if s.TextKey != "" {
				keys = append(keys, s.TextKey)
			}
		}
	}
	for _, k := range []string{"next", "startsin", "startnow", "skip", "stop", "done", "task.hint", "evenings", "days", "step.minutes"} {
		keys = append(keys, "ritual."+k)
	}
	for _, k := range []string{"title", "intro", "trial", "comfort", "comfort.low", "comfort.high", "feel.short", "feel.right",
		"feel.slow", "skip", "mine", "result", "noresult", "diary", "diary.unfinished", "again"} {
		keys = append(keys, "pace."+k)
	}
	for _, lang := range assets.Languages {
		m, err := assets.Messages(lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range keys {
			if s, ok := m[k].(string); !ok || strings.TrimSpace(s) == "" {
				t.Errorf("%s: no text for %q", lang, k)
			}
		}
	}
}

func TestFindRitualNamedAndOrder(t *testing.T) {
	mine := []Ritual{{UID: "u1", Name: "Slapen gaan"}, {UID: "u2", Name: "Ochtend"}}
	cases := []struct{ name, uid string }{
		{"evening", RitualEvening}, {"desk-reset", RitualDeskReset}, {"u2", "u2"},
		{"  slapen GAAN ", "u1"}, {"", ""}, {"Evening ritual", ""},
	}
	for _, c := range cases {
		r, ok := FindRitualNamed(c.name, mine)
		if ok != (c.uid != "") || r.UID != c.uid {
			t.Errorf("%q: %q %v, want %q", c.name, r.UID, ok, c.uid)
		}
	}
	for _, c := range []struct {
		hour  int
		first string
	}{{9, RitualDeskReset}, {17, RitualDeskReset}, {18, RitualEvening}, {23, RitualEvening}, {0, RitualEvening}, {3, RitualEvening}, {4, RitualDeskReset}} {
		rs := RitualsAt(time.Date(2026, 1, 1, c.hour, 30, 0, 0, time.UTC), mine)
		if rs[0].UID != c.first || len(rs) != 4 || rs[2].UID != "u1" {
			t.Errorf("at %d:30 first %s, want %s", c.hour, rs[0].UID, c.first)
		}
	}
}
