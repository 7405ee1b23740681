package exercises

import (
	"errors"
	"maps"
	"slices"
	"testing"
	"time"
)

var pmrT0 = time.Date(2026, 3, 28, 22, 15, 0, 0, time.UTC)

func pmrShort(t testing.TB) PMRSet {
	t.Helper()
	s, err := FindPMRSet(PMRShort, nil)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func pmrIDs(gs []MuscleGroup) []string {
	ids := make([]string, len(gs))
	for i, g := range gs {
		ids[i] = g.ID
	}
	return ids
}

func TestPMRSets(t *testing.T) {
	sets := PMRSets()
	if len(sets) != 2 || sets[0].ID != PMRShort || sets[1].ID != PMRFull {
		t.Fatalf("sets: %+v", sets)
	}
	if got, want := pmrIDs(sets[0].Groups), []string{"shoulders", "hands", "belly", "face"}; !slices.Equal(got, want) {
		t.Errorf("short set: %v, want %v", got, want)
	}
	full := pmrIDs(sets[1].Groups)
	if len(full) != 16 || len(slices.Compact(slices.Sorted(slices.Values(full)))) != 16 {
		t.Errorf("full set needs 16 different groups: %v", full)
	}
	for _, s := range sets {
		for _, g := range s.Groups {
			if _, ok := FindMuscleGroup(g.ID); !ok {
				t.Errorf("%s: group %q not offered for the user's own set", s.ID, g.ID)
			}
		}
	}
	// Callers get copies: changing one must not change the built-ins.
	sets[0].Groups[0].ID = "x"
	if PMRSets()[0].Groups[0].ID != "shoulders" {
		t.Error("PMRSets shares its slices")
	}
	if g := (MuscleGroup{"shoulders"}); g.NameKey() != "pmr.group.shoulders" || g.HowKey() != "pmr.group.shoulders.how" {
		t.Errorf("keys: %q %q", g.NameKey(), g.HowKey())
	}
}

func TestPMRLengthWithDefaults(t *testing.T) {
	cases := []struct {
		set    string
		timing PMRTiming
		want   time.Duration
	}{
		{PMRShort, DefaultPMRTiming(), 4 * time.Minute}, // the promised "about 4 minutes"
		{PMRFull, DefaultPMRTiming(), 12 * time.Minute},
		{PMRShort, PMRTiming{Tense: 10 * time.Second, Release: 40 * time.Second}, 20*time.Second + 4*2*50*time.Second + time.Minute},
		{PMRShort, PMRTiming{}, 4 * time.Minute}, // zero means the defaults
	}
	for _, c := range cases {
		s, _ := FindPMRSet(c.set, nil)
		if got := s.Exercise(c.timing).Duration(); got != c.want {
			t.Errorf("%s %+v: %v, want %v", c.set, c.timing, got, c.want)
		}
	}
}

func TestPMRExerciseSteps(t *testing.T) {
	set := PMRSet{ID: PMRMine, Groups: []MuscleGroup{{"jaw"}, {"neck"}}}
	ex := set.Exercise(DefaultPMRTiming())
	if ex.Technique != PMR || ex.Variant != PMRMine {
		t.Errorf("technique %q variant %q", ex.Technique, ex.Variant)
	}
	s := time.Second
	want := []Step{
		{Intro, 20 * s, "pmr.intro", NoGroup},
		{Tense, 5 * s, "pmr.group.jaw.how", 0}, {Release, 3 * s, "pmr.letgo", 0}, {Notice, 12 * s, "pmr.notice", 0},
		{Tense, 5 * s, "pmr.group.jaw.how", 0}, {Release, 3 * s, "pmr.letgo", 0}, {Notice, 12 * s, "pmr.notice", 0},
		{Tense, 5 * s, "pmr.group.neck.how", 1}, {Release, 3 * s, "pmr.letgo", 1}, {Notice, 12 * s, "pmr.notice", 1},
		{Tense, 5 * s, "pmr.group.neck.how", 1}, {Release, 3 * s, "pmr.letgo", 1}, {Notice, 12 * s, "pmr.notice", 1},
		{Notice, 60 * s, "pmr.closing", NoGroup},
	}
	if !slices.Equal(ex.Steps, want) {
		t.Errorf("steps:\n got %v\nwant %v", ex.Steps, want)
	}
}

func TestPMRTimingValidate(t *testing.T) {
	s := time.Second
	cases := []struct {
		tense, release time.Duration
		want           error
	}{
		{5 * s, 15 * s, nil},
		{3 * s, 10 * s, nil},
		{10 * s, 40 * s, nil},
		{2999 * time.Millisecond, 15 * s, ErrPMRTense},
		{11 * s, 15 * s, ErrPMRTense},
		{0, 15 * s, ErrPMRTense},
		{-5 * s, 15 * s, ErrPMRTense},
		{5 * s, 9 * s, ErrPMRRelease},
		{5 * s, 41 * s, ErrPMRRelease},
		{5 * s, 0, ErrPMRRelease},
	}
	for _, c := range cases {
		if err := (PMRTiming{c.tense, c.release}).Validate(); !errors.Is(err, c.want) {
			t.Errorf("%v/%v: %v, want %v", c.tense, c.release, err, c.want)
		}
	}
	if err := DefaultPMRTiming().Validate(); err != nil {
		t.Errorf("default: %v", err)
	}
}

// A bad timing must never produce a manual step: the session would wait
// forever in the middle of an eyes-closed exercise.
func TestPMRExerciseClampsTiming(t *testing.T) {
	cases := []struct {
		in                   PMRTiming
		tense, letgo, notice time.Duration
	}{
		{PMRTiming{}, 5 * time.Second, PMRLetGo, 12 * time.Second},
		{PMRTiming{Tense: -time.Second, Release: time.Second}, MinPMRTense, PMRLetGo, MinPMRRelease - PMRLetGo},
		{PMRTiming{Tense: time.Hour, Release: time.Hour}, MaxPMRTense, PMRLetGo, MaxPMRRelease - PMRLetGo},
	}
	for _, c := range cases {
		ex := pmrShort(t).Exercise(c.in)
		for i, s := range ex.Steps {
			if s.Manual() {
				t.Errorf("%+v: step %d is manual", c.in, i)
			}
		}
		if got := []time.Duration{ex.Steps[1].Duration, ex.Steps[2].Duration, ex.Steps[3].Duration}; !slices.Equal(got, []time.Duration{c.tense, c.letgo, c.notice}) {
			t.Errorf("%+v: %v", c.in, got)
		}
	}
}

func TestMyPMRSet(t *testing.T) {
	cases := []struct {
		ids    []string
		want   error
		badID  string
		groups []string
	}{
		{[]string{"jaw", "hands", "left-foot"}, nil, "", []string{"jaw", "hands", "left-foot"}},
		{[]string{"face"}, nil, "", []string{"face"}},
		{nil, ErrPMRSetEmpty, "", nil},
		{[]string{}, ErrPMRSetEmpty, "", nil},
		{[]string{"jaw", "toes"}, ErrPMRGroupUnknown, "toes", nil},
		{[]string{""}, ErrPMRGroupUnknown, "", nil},
		{[]string{"jaw", "neck", "jaw"}, ErrPMRGroupDuplicate, "jaw", nil},
	}
	for _, c := range cases {
		set, err := MyPMRSet(c.ids)
		if !errors.Is(err, c.want) {
			t.Errorf("%q: %v, want %v", c.ids, err, c.want)
			continue
		}
		var ge *PMRGroupError
		if errors.As(err, &ge) && ge.ID != c.badID {
			t.Errorf("%q: error names %q, want %q", c.ids, ge.ID, c.badID)
		}
		if err == nil && (set.ID != PMRMine || !slices.Equal(pmrIDs(set.Groups), c.groups)) {
			t.Errorf("%q: %+v", c.ids, set)
		}
	}
	// Every offered group can be picked, all at once.
	all := pmrIDs(MuscleGroups())
	if _, err := MyPMRSet(all); err != nil || len(all) != 18 {
		t.Errorf("all %d groups: %v", len(all), err)
	}
}

func TestFindPMRSet(t *testing.T) {
	cases := []struct {
		id   string
		mine []string
		want error
		n    int
	}{
		{PMRShort, nil, nil, 4},
		{PMRFull, []string{"jaw"}, nil, 16},
		{PMRMine, []string{"jaw", "neck"}, nil, 2},
		{PMRMine, nil, ErrPMRSetEmpty, 0},
		{"long", nil, ErrPMRSetUnknown, 0},
	}
	for _, c := range cases {
		s, err := FindPMRSet(c.id, c.mine)
		if !errors.Is(err, c.want) || len(s.Groups) != c.n {
			t.Errorf("%q: %d groups, %v", c.id, len(s.Groups), err)
		}
	}
}

// The short set run on the session runner: where it is, and what the
// checklist says, at each boundary.
func TestPMRRunsOnSession(t *testing.T) {
	ex := pmrShort(t).Exercise(DefaultPMRTiming())
	c := NewFakeClock(pmrT0)
	s := NewSession(ex, c)
	s.Start()
	ToDo, Now, Done := GroupToDo, GroupNow, GroupDone
	sec := func(n float64) time.Duration { return time.Duration(n * float64(time.Second)) }
	cases := []struct {
		at     time.Duration
		kind   Kind
		text   string
		states []GroupState
	}{
		{0, Intro, "pmr.intro", []GroupState{ToDo, ToDo, ToDo, ToDo}},
		{sec(19.999), Intro, "pmr.intro", []GroupState{ToDo, ToDo, ToDo, ToDo}},
		{sec(20), Tense, "pmr.group.shoulders.how", []GroupState{Now, ToDo, ToDo, ToDo}},
		{sec(25), Release, "pmr.letgo", []GroupState{Now, ToDo, ToDo, ToDo}},
		{sec(28), Notice, "pmr.notice", []GroupState{Now, ToDo, ToDo, ToDo}},
		{sec(40), Tense, "pmr.group.shoulders.how", []GroupState{Now, ToDo, ToDo, ToDo}},
		{sec(60), Tense, "pmr.group.hands.how", []GroupState{Done, Now, ToDo, ToDo}},
		{sec(179), Notice, "pmr.notice", []GroupState{Done, Done, Done, Now}},
		{sec(180), Notice, "pmr.closing", []GroupState{Done, Done, Done, Done}},
		{sec(239.999), Notice, "pmr.closing", []GroupState{Done, Done, Done, Done}},
	}
	for _, cs := range cases {
		c.Set(pmrT0.Add(cs.at))
		p := s.Now()
		if p.Step.Kind != cs.kind || p.Step.Text != cs.text {
			t.Errorf("at %v: %v %q, want %v %q", cs.at, p.Step.Kind, p.Step.Text, cs.kind, cs.text)
		}
		if got := GroupStates(ex, p, nil); !slices.Equal(got, cs.states) {
			t.Errorf("at %v: checklist %v, want %v", cs.at, got, cs.states)
		}
	}
	c.Set(pmrT0.Add(4 * time.Minute))
	if p := s.Now(); p.State != Finished || p.Elapsed != 4*time.Minute {
		t.Errorf("end: %+v", p)
	}
}

// Tap a group, repeat, skip a group, pause: all through the Session's own
// GoTo and Pause, with the checklist following.
func TestPMRChecklistActions(t *testing.T) {
	ex := pmrShort(t).Exercise(DefaultPMRTiming())
	c := NewFakeClock(pmrT0)
	s := NewSession(ex, c)
	s.Start()
	marks := GroupMarks{}
	check := func(what string, group int, kind Kind, want []GroupState) {
		t.Helper()
		p := s.Now()
		if g := GroupOf(ex, p.Index); g != group || p.Step.Kind != kind {
			t.Errorf("%s: group %d %v, want %d %v", what, g, p.Step.Kind, group, kind)
		}
		if got := GroupStates(ex, p, marks); !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", what, got, want)
		}
	}
	ToDo, Now, Skipped, Partly := GroupToDo, GroupNow, GroupSkipped, GroupPartly

	c.Advance(30 * time.Second) // shoulders, round 1, noticing
	check("start", 0, Notice, []GroupState{Now, ToDo, ToDo, ToDo})

	// Tap "belly": the shoulders were begun, so they are partly done; the
	// hands, jumped over, are skipped.
	s.GoTo(marks.Jump(ex, s.Now(), 2))
	check("tap belly", 2, Tense, []GroupState{Partly, Skipped, Now, ToDo})

	c.Advance(27 * time.Second) // belly, round 2, let go
	check("belly round 2", 2, Release, []GroupState{Partly, Skipped, Now, ToDo})

	// Repeat: back to the current group's first step, a full tense again.
	s.GoTo(FirstStepOfGroup(ex, GroupOf(ex, s.Now().Index)))
	if p := s.Now(); p.Index != FirstStepOfGroup(ex, 2) || p.StepLeft != 5*time.Second {
		t.Errorf("repeat: %+v", p)
	}

	// Three seconds into tensing again, skip the rest of the group: begun,
	// so partly done. On to the face.
	c.Advance(3 * time.Second)
	to, ok := marks.Skip(ex, s.Now())
	if !ok {
		t.Fatal("skip in a group went nowhere")
	}
	s.GoTo(to)
	check("skip belly", 3, Tense, []GroupState{Partly, Skipped, Partly, Now})

	// Pausing freezes the checklist too.
	s.Pause()
	c.Advance(time.Hour)
	check("paused", 3, Tense, []GroupState{Partly, Skipped, Partly, Now})
	s.Resume()

	// Tap the skipped "hands" after all: it is now, and later ones are to do again.
	s.GoTo(marks.Jump(ex, s.Now(), 1))
	check("back to hands", 1, Tense, []GroupState{Partly, Now, ToDo, ToDo})

	// Straight on to the face: the hands were only just reached, not begun,
	// so they count as skipped; the belly, passed over again, stays partly
	// done. Skipping the face (not begun either) lands on the closing, never
	// off the end.
	s.GoTo(marks.Jump(ex, s.Now(), 3))
	to, _ = marks.Skip(ex, s.Now())
	s.GoTo(to)
	if p := s.Now(); p.Step.Text != "pmr.closing" || p.State != Running {
		t.Errorf("after the last group: %+v", p)
	}
	s.Skip()
	if p := s.Now(); p.State != Finished {
		t.Errorf("skip on the closing: %+v", p)
	}
	check("finished", NoGroup, 0, []GroupState{Partly, Skipped, Partly, Skipped})
}

func TestGroupStates(t *testing.T) {
	ex := pmrShort(t).Exercise(DefaultPMRTiming())
	n := len(ex.Steps)
	ToDo, Now, Done, Skipped, Partly := GroupToDo, GroupNow, GroupDone, GroupSkipped, GroupPartly
	cases := []struct {
		name  string
		p     Position
		marks GroupMarks
		want  []GroupState
	}{
		{"not started", Position{State: NotStarted}, nil, []GroupState{ToDo, ToDo, ToDo, ToDo}},
		{"not started, skipped ignored", Position{State: NotStarted}, GroupMarks{0: Skipped}, []GroupState{ToDo, ToDo, ToDo, ToDo}},
		{"intro", Position{State: Running, Index: 0}, nil, []GroupState{ToDo, ToDo, ToDo, ToDo}},
		{"group 2 paused", Position{State: Paused, Index: FirstStepOfGroup(ex, 2) + 4}, nil, []GroupState{Done, Done, Now, ToDo}},
		{"now wins over skipped", Position{State: Running, Index: FirstStepOfGroup(ex, 1)}, GroupMarks{0: Skipped, 1: Skipped, 3: Skipped}, []GroupState{Skipped, Now, ToDo, ToDo}},
		{"stopped mid group", Position{State: Stopped, Index: FirstStepOfGroup(ex, 1) + 2}, nil, []GroupState{Done, ToDo, ToDo, ToDo}},
		{"closing", Position{State: Running, Index: n - 1}, GroupMarks{3: Skipped}, []GroupState{Done, Done, Done, Skipped}},
		{"finished", Position{State: Finished, Index: n}, GroupMarks{0: Skipped}, []GroupState{Skipped, Done, Done, Done}},
		{"partly behind", Position{State: Running, Index: FirstStepOfGroup(ex, 2)}, GroupMarks{0: Partly, 1: Skipped}, []GroupState{Partly, Skipped, Now, ToDo}},
		{"partly ahead is to do", Position{State: Running, Index: FirstStepOfGroup(ex, 1)}, GroupMarks{2: Partly}, []GroupState{Done, Now, ToDo, ToDo}},
	}
	for _, c := range cases {
		if got := GroupStates(ex, c.p, c.marks); !slices.Equal(got, c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
	if got := GroupStates(Exercise{}, Position{State: Running}, nil); len(got) != 0 {
		t.Errorf("no groups: %v", got)
	}
}

// Jumping (a tapped checklist line) and Skip leave marks: a group left
// partway is partly done, never "skipped"; only groups not begun are
// skipped. The user tried a group, then wanted another: the checklist must
// not say they skipped it.
func TestGroupMarksJumpAndSkip(t *testing.T) {
	ex := pmrShort(t).Exercise(DefaultPMRTiming()) // intro, 4 groups of 6 steps, closing
	first := func(g int) int { return FirstStepOfGroup(ex, g) }
	at := func(i int, into time.Duration) Position {
		st := ex.Steps[i]
		return Position{State: Running, Index: i, Step: st, StepLeft: st.Duration - into}
	}
	Skipped, Partly := GroupSkipped, GroupPartly
	cases := []struct {
		name   string
		before GroupMarks
		p      Position
		jumpTo int // a group; -1 presses Skip instead
		to     int
		want   GroupMarks
	}{
		{"intro to belly", nil, at(0, 5*time.Second), 2, first(2), GroupMarks{0: Skipped, 1: Skipped}},
		{"begun tensing, to belly", nil, at(first(0), 2*time.Second), 2, first(2), GroupMarks{0: Partly, 1: Skipped}},
		{"round 1 noticing, to hands", nil, at(first(0)+2, 0), 1, first(1), GroupMarks{0: Partly}},
		{"round 2 tensing, to the face", nil, at(first(0)+3, time.Second), 3, first(3), GroupMarks{0: Partly, 1: Skipped, 2: Skipped}},
		{"just arrived, to the next", nil, at(first(1), 0), 2, first(2), GroupMarks{1: Skipped}},
		{"under a second, to the next", nil, at(first(1), GroupBegun-time.Millisecond), 2, first(2), GroupMarks{1: Skipped}},
		{"back to a skipped group", GroupMarks{0: Partly, 1: Skipped}, at(first(2)+1, 0), 1, first(1), GroupMarks{0: Partly}},
		{"over a group partly done before", GroupMarks{2: Partly}, at(first(1), 0), 3, first(3), GroupMarks{1: Skipped, 2: Partly}},
		{"back to the current group", nil, at(first(2)+4, 0), 2, first(2), GroupMarks{}},
		{"closing back to hands", GroupMarks{1: Partly}, at(len(ex.Steps)-1, 0), 1, first(1), GroupMarks{}},
		{"no such group", nil, at(first(1), 0), 9, first(1), GroupMarks{}},
		{"skip begun", nil, at(first(1)+1, 0), -1, first(2), GroupMarks{1: Partly}},
		{"skip not begun", nil, at(first(1), 0), -1, first(2), GroupMarks{1: Skipped}},
		{"skip the last group", nil, at(first(3)+5, 0), -1, len(ex.Steps) - 1, GroupMarks{3: Partly}},
	}
	for _, c := range cases {
		m := GroupMarks{}
		maps.Copy(m, c.before)
		var to int
		if c.jumpTo >= 0 {
			to = m.Jump(ex, c.p, c.jumpTo)
		} else {
			to, _ = m.Skip(ex, c.p)
		}
		if to != c.to || !maps.Equal(m, c.want) {
			t.Errorf("%s: to %d, marks %v; want %d, %v", c.name, to, m, c.to, c.want)
		}
	}
	m := GroupMarks{}
	if to, ok := m.Skip(ex, at(0, 0)); ok || to != 0 || len(m) != 0 {
		t.Errorf("skip on the intro: %d %v %v; the caller skips the step", to, ok, m)
	}
	m = GroupMarks{2: Partly}
	m.Enter(ex, first(2)+3)
	if len(m) != 0 {
		t.Errorf("entering a marked group keeps its mark: %v", m)
	}
}

func TestGroupIndexHelpers(t *testing.T) {
	ex := pmrShort(t).Exercise(DefaultPMRTiming())
	n := len(ex.Steps) // intro + 4 groups × 6 + closing = 26
	cases := []struct {
		name      string
		got, want int
	}{
		{"steps", n, 26},
		{"group of intro", GroupOf(ex, 0), NoGroup},
		{"group of step 1", GroupOf(ex, 1), 0},
		{"group of step 7", GroupOf(ex, 7), 1},
		{"group of closing", GroupOf(ex, n-1), NoGroup},
		{"group past end", GroupOf(ex, n), NoGroup},
		{"group of -1", GroupOf(ex, -1), NoGroup},
		{"first of 0", FirstStepOfGroup(ex, 0), 1},
		{"first of 3", FirstStepOfGroup(ex, 3), 19},
		{"first of 4", FirstStepOfGroup(ex, 4), -1},
		{"first of NoGroup", FirstStepOfGroup(ex, NoGroup), -1},
		{"after intro", AfterGroup(ex, 0), 1},
		{"after group 0 from its last step", AfterGroup(ex, 6), 7},
		{"after group 0 from its first step", AfterGroup(ex, 1), 7},
		{"after last group", AfterGroup(ex, 20), n - 1},
		{"after closing", AfterGroup(ex, n-1), n},
		{"after past end", AfterGroup(ex, n+3), n},
		{"after -1", AfterGroup(ex, -1), 0},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("%s: %d, want %d", c.name, c.got, c.want)
		}
	}
	for s, want := range map[GroupState]string{GroupToDo: "todo", GroupNow: "now", GroupDone: "done", GroupSkipped: "skipped", GroupPartly: "partly", 9: "unknown", -1: "unknown"} {
		if s.String() != want {
			t.Errorf("%d: %q", int(s), s.String())
		}
	}
}

func BenchmarkPMRFullExercise(b *testing.B) {
	full, _ := FindPMRSet(PMRFull, nil)
	for b.Loop() {
		_ = full.Exercise(DefaultPMRTiming())
	}
}

// GroupStates runs every frame the checklist is drawn.
func BenchmarkGroupStates(b *testing.B) {
	full, _ := FindPMRSet(PMRFull, nil)
	ex := full.Exercise(DefaultPMRTiming())
	p := Position{State: Running, Index: len(ex.Steps) - 2}
	marks := GroupMarks{3: GroupSkipped}
	for b.Loop() {
		_ = GroupStates(ex, p, marks)
	}
}
