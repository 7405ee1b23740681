package exercises

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// pick is a suggestion as the tables write it: "technique/variant", with
// ":minutes" for breathing.
func suggestionPick(s Suggestion) string {
	p := string(s.Technique) + "/" + s.Variant
	if s.Minutes > 0 {
		p += fmt.Sprintf(":%d", s.Minutes)
	}
	return p
}

func suggestionPicks(ss []Suggestion) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = suggestionPick(s)
	}
	return out
}

func TestChoose(t *testing.T) {
	cases := []struct {
		name    string
		a       Answers
		h       Outcomes
		want    []string
		reasons []string // of the first suggestions, in order
		hints   []string
	}{
		{"nothing known: the beginner's three", Answers{}, nil,
			[]string{"breathing/4-6:3", "pmr/short", "senses/basic"},
			[]string{"chooser.reason.default.4-6", "chooser.reason.default.pmr-short"}, nil},
		{"busy head: physical first", Answers{QFocus: AnsHead}, nil,
			[]string{"pmr/short", "breathing/4-6:3", "senses/basic"},
			[]string{"chooser.reason.head.pmr", "chooser.reason.head.count"}, []string{"", "chooser.hint.count"}},
		{"busy head, 15 minutes: the full set", Answers{QFocus: AnsHead, QTime: Ans15Min}, nil,
			[]string{"pmr/full", "breathing/4-6:10", "senses/basic"}, []string{"chooser.reason.head.pmr"}, nil},
		{"tense body", Answers{QFocus: AnsBody}, nil,
			[]string{"pmr/short", "breathing/4-6:3", "minicheck/timed"},
			[]string{"chooser.reason.body.pmr", "chooser.reason.body.breath", "chooser.reason.body.minicheck"}, nil},
		{"many complaints: breathing and senses before muscles", Answers{QComplaints: AnsYes}, nil,
			[]string{"breathing/4-6:3", "senses/basic", "minicheck/timed"},
			[]string{"chooser.reason.complaints.breath", "chooser.reason.complaints.senses"}, nil},
		{"busy head with complaints: muscles last", Answers{QFocus: AnsHead, QComplaints: AnsYes}, nil,
			[]string{"breathing/4-6:3", "senses/basic", "pmr/short"}, nil, nil},
		{"can't sit still: short and active", Answers{QRestless: AnsYes}, nil,
			[]string{"breathing/4-6:2", "minicheck/timed", "senses/54321"},
			[]string{"chooser.reason.restless.breath", "chooser.reason.restless.minicheck", "chooser.reason.restless.walk"},
			[]string{"", "", "chooser.hint.walking"}},
		{"can't sit still, 2 minutes: only two fit", Answers{QRestless: AnsYes, QTime: Ans2Min}, nil,
			[]string{"minicheck/timed", "breathing/4-6:2"}, nil, nil},
		{"in bed: 4-6 or muscles lying down", Answers{QPlace: AnsBed}, nil,
			[]string{"breathing/4-6:3", "pmr/short", "senses/basic"},
			[]string{"chooser.reason.bed.breath", "chooser.reason.bed.pmr", "chooser.reason.bed.senses"},
			[]string{"", "chooser.hint.lying", ""}},
		{"in bed, restless: no walking", Answers{QPlace: AnsBed, QRestless: AnsYes}, nil,
			[]string{"breathing/4-6:2", "pmr/short", "minicheck/timed"}, nil, nil},
		{"2 minutes: what fits", Answers{QTime: Ans2Min}, nil,
			[]string{"breathing/4-6:2", "minicheck/timed", "senses/basic"},
			[]string{"chooser.reason.time.breath", "chooser.reason.time.minicheck"}, nil},
		{"at a desk", Answers{QPlace: AnsDesk}, nil,
			[]string{"minicheck/timed", "breathing/4-6:3", "pmr/short"}, []string{"chooser.reason.desk.minicheck"}, nil},
		{"on the way", Answers{QPlace: AnsOnWay}, nil,
			[]string{"breathing/4-6:3", "senses/54321", "minicheck/timed"},
			[]string{"chooser.reason.way.breath", "chooser.reason.way.walk", "chooser.reason.way.minicheck"}, nil},
		{"on the sofa", Answers{QPlace: AnsSofa}, nil,
			[]string{"pmr/short", "breathing/4-6:3", "senses/basic"}, []string{"chooser.reason.sofa.pmr"}, nil},
		{"I don't know everywhere is nothing known", Answers{QFocus: DontKnow, QComplaints: DontKnow, QRestless: DontKnow, QTime: DontKnow, QPlace: DontKnow}, nil,
			[]string{"breathing/4-6:3", "pmr/short", "senses/basic"}, nil, nil},
		{"a value from elsewhere counts as I don't know", Answers{QTime: "7", QPlace: "moon"}, nil,
			[]string{"breathing/4-6:3", "pmr/short", "senses/basic"}, nil, nil},
		{"diary: muscle relaxation helped, it goes first", Answers{}, Outcomes{PMR: Helped}, []string{"pmr/short", "breathing/4-6:3", "senses/basic"}, nil, nil},
		{"diary: breathing has not helped yet, it goes down", Answers{}, Outcomes{Breathing: NotHelped}, []string{"pmr/short", "senses/basic", "minicheck/timed"}, nil, nil},
		{"diary: helped does not overrule many complaints", Answers{QComplaints: AnsYes}, Outcomes{PMR: Helped},
			[]string{"breathing/4-6:3", "senses/basic", "pmr/short"}, nil, nil},
		{"diary: not-helped does not bring in what does not fit", Answers{QTime: Ans2Min}, Outcomes{Breathing: NotHelped, MiniCheck: NotHelped},
			[]string{"senses/basic", "breathing/4-6:2"}, nil, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Choose(c.a, c.h)
			if !slices.Equal(suggestionPicks(got), c.want) {
				t.Fatalf("got %v, want %v", suggestionPicks(got), c.want)
			}
			for i, r := range c.reasons {
				if got[i].Reason != r {
					t.Errorf("%d: reason %q, want %q", i, got[i].Reason, r)
				}
			}
			for i, h := range c.hints {
				if got[i].Hint != h {
					t.Errorf("%d: hint %q, want %q", i, got[i].Hint, h)
				}
			}
		})
	}
}

// The diary's verdict is said, not just counted.
func TestChooseSaysWhatTheDiarySays(t *testing.T) {
	got := Choose(Answers{}, Outcomes{PMR: Helped, Senses: NotHelped})
	for _, s := range got {
		want := map[Technique]string{PMR: "chooser.diary.helped", Senses: "chooser.diary.nothelped"}[s.Technique]
		if s.Diary != want {
			t.Errorf("%s: diary line %q, want %q", suggestionPick(s), s.Diary, want)
		}
	}
}

// everyAnswers is every combination of answers, "I don't know" included.
func everyAnswers() []Answers {
	all := []Answers{{}}
	for _, q := range Questions() {
		var next []Answers
		for _, a := range all {
			for _, ans := range q.Answers {
				b := Answers{}
				for k, v := range a {
					b[k] = v
				}
				b[q.ID] = ans.Value
				next = append(next, b)
			}
		}
		all = next
	}
	return all
}

// The rules, checked on every combination of answers rather than
// on a few picked ones.
func TestChooseRulesHoldForEveryAnswer(t *testing.T) {
	all := everyAnswers()
	if len(all) != 3*3*3*4*5 {
		t.Fatalf("%d combinations", len(all))
	}
	for _, a := range all {
		got := Choose(a, nil)
		if len(got) < MinSuggestions || len(got) > MaxSuggestions {
			t.Errorf("%v: %d suggestions", a, len(got))
		}
		limit := a.Minutes()
		if limit == 0 {
			limit = DefaultMinutes
		}
		var techs []Technique
		for i, s := range got {
			if slices.Contains(techs, s.Technique) {
				t.Errorf("%v: %s twice", a, s.Technique)
			}
			techs = append(techs, s.Technique)
			ex, err := s.Exercise()
			if err != nil {
				t.Errorf("%v: %s: %v", a, suggestionPick(s), err)
				continue
			}
			length := ex.Duration()
			if s.Technique == Senses {
				length = map[string]time.Duration{SensesBasic: sensesBasicTime, Senses54321: senses54321Time}[s.Variant]
			}
			if length > time.Duration(limit)*time.Minute+time.Minute/2 { // breathing ends on a whole breath
				t.Errorf("%v: %s takes %v, more than %d min", a, suggestionPick(s), length, limit)
			}
			if a.is(QPlace, AnsBed) && s.Variant == Senses54321 {
				t.Errorf("%v: eyes-open five senses in bed", a)
			}
			if a.is(QComplaints, AnsYes) && s.Technique == PMR {
				for _, before := range got[i+1:] {
					if before.Technique == Breathing || before.Technique == Senses {
						t.Errorf("%v: muscle relaxation before %s with many complaints", a, suggestionPick(before))
					}
				}
			}
			if s.Name == "" || s.Reason == "" {
				t.Errorf("%v: %s without name or reason", a, suggestionPick(s))
			}
		}
		first := got[0]
		if a.is(QFocus, AnsHead) && !a.is(QComplaints, AnsYes) && first.Technique != PMR && first.Hint != "chooser.hint.count" {
			t.Errorf("%v: busy head starts with %s, not something physical", a, suggestionPick(first))
		}
		if a.is(QRestless, AnsYes) {
			short := first.Technique == MiniCheck || first.Minutes == 2 || first.Hint == "chooser.hint.walking"
			if !short {
				t.Errorf("%v: can't sit still starts with %s", a, suggestionPick(first))
			}
		}
	}
}

// A verdict moves its technique and nothing else: up (or in) when it
// helped, down (or out) when it has not helped yet.
func TestChooseDiaryMovesRank(t *testing.T) {
	rank := func(ss []Suggestion, tech Technique) int {
		for i, s := range ss {
			if s.Technique == tech {
				return i
			}
		}
		return MaxSuggestions
	}
	for _, a := range everyAnswers() {
		plain := Choose(a, nil)
		for _, tech := range []Technique{Breathing, PMR, MiniCheck, Senses} {
			if r, u := rank(Choose(a, Outcomes{tech: Helped}), tech), rank(plain, tech); r > u {
				t.Errorf("%v: %s helped but went from %d to %d", a, tech, u, r)
			}
			if r, u := rank(Choose(a, Outcomes{tech: NotHelped}), tech), rank(plain, tech); r < u {
				t.Errorf("%v: %s did not help but went from %d to %d", a, tech, u, r)
			}
		}
	}
}

func TestQuestionsEndWithDontKnow(t *testing.T) {
	qs := Questions()
	var ids []QuestionID
	for _, q := range qs {
		ids = append(ids, q.ID)
		if last := q.Answers[len(q.Answers)-1]; last.Value != DontKnow {
			t.Errorf("%s: last answer %q", q.ID, last.Value)
		}
		if len(q.Answers) > 9 {
			t.Errorf("%s: more answers than number keys", q.ID)
		}
		if !strings.HasPrefix(q.Text, "chooser.q.") {
			t.Errorf("%s: text %q", q.ID, q.Text)
		}
	}
	if want := []QuestionID{QFocus, QComplaints, QRestless, QTime, QPlace}; !slices.Equal(ids, want) {
		t.Errorf("questions %v, want %v", ids, want)
	}
}

// Home keeps the last suggestion: it must survive being stored as JSON.
func TestSuggestionSurvivesJSON(t *testing.T) {
	for _, s := range Choose(Answers{QFocus: AnsHead, QPlace: AnsBed}, Outcomes{Breathing: Helped}) {
		data, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		var back Suggestion
		if err := json.Unmarshal(data, &back); err != nil || back != s {
			t.Errorf("%s: %+v after JSON, want %+v (%v)", data, back, s, err)
		}
	}
}

func TestSuggestionExerciseRejectsUnknown(t *testing.T) {
	for _, s := range []Suggestion{
		{Technique: Breathing, Variant: "9-9", Minutes: 2},
		{Technique: Breathing, Variant: "4-6"}, // no length
		{Technique: PMR, Variant: "huge"},
		{Technique: MiniCheck, Variant: "x"},
		{Technique: WindDown},
	} {
		if _, err := s.Exercise(); !errors.Is(err, ErrSuggestion) {
			t.Errorf("%+v: error %v, want ErrSuggestion", s, err)
		}
	}
	// PMR is built with the default timing, as a ritual step without the
	// user's settings is.
	set, err := FindPMRSet(PMRShort, nil)
	if err != nil {
		t.Fatal(err)
	}
	ex, err := Suggestion{Technique: PMR, Variant: PMRShort}.Exercise()
	if err != nil || ex.Duration() != set.Exercise(DefaultPMRTiming()).Duration() {
		t.Errorf("PMR suggestion: %v long, %v; want %v", ex.Duration(), err, set.Exercise(DefaultPMRTiming()).Duration())
	}
}
