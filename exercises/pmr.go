package exercises

import (
	"errors"
	"fmt"
	"time"
)

// MuscleGroup is one group of muscles in progressive muscle relaxation.
// Its texts are translation keys derived from the ID, so adding a group is
// adding an ID here and two lines to each translation file.
type MuscleGroup struct {
	ID string // stable, e.g. "shoulders"; saved in the user's own set
}

// NameKey is the translation key of the group's name, e.g. "pmr.group.shoulders".
func (g MuscleGroup) NameKey() string { return "pmr.group." + g.ID }

// HowKey is the translation key of how to tense the group, e.g.
// "pmr.group.shoulders.how" ("pull your shoulders up towards your ears").
func (g MuscleGroup) HowKey() string { return "pmr.group." + g.ID + ".how" }

// The classic sixteen groups, in the order the full set goes through them
// (hands and arms, face, neck and trunk, legs).
var fullGroups = []MuscleGroup{
	{"right-hand"}, {"right-upper-arm"}, {"left-hand"}, {"left-upper-arm"},
	{"forehead"}, {"eyes-nose"}, {"jaw"}, {"neck"},
	{"shoulders"}, {"belly"},
	{"right-thigh"}, {"right-calf"}, {"right-foot"},
	{"left-thigh"}, {"left-calf"}, {"left-foot"},
}

// The short set combines groups the full set keeps apart: both fists at
// once, and the whole face with the jaw. Its order follows the seed's
// examples: shoulders up, fists, belly, then the face.
var shortGroups = []MuscleGroup{{"shoulders"}, {"hands"}, {"belly"}, {"face"}}

// MuscleGroups lists every group a user can put in their own set: the full
// set's sixteen in order, then the short set's combined "hands" and "face".
func MuscleGroups() []MuscleGroup {
	return append(append([]MuscleGroup(nil), fullGroups...), MuscleGroup{"hands"}, MuscleGroup{"face"})
}

// FindMuscleGroup looks a group up by ID.
func FindMuscleGroup(id string) (MuscleGroup, bool) {
	for _, g := range MuscleGroups() {
		if g.ID == id {
			return g, true
		}
	}
	return MuscleGroup{}, false
}

// PMRSet is a named, ordered list of muscle groups to relax.
type PMRSet struct {
	ID     string // "short", "full" or "mine"; logged in the diary as the variant
	Groups []MuscleGroup
}

// The IDs of the muscle relaxation sets.
const (
	PMRShort = "short"
	PMRFull  = "full"
	PMRMine  = "mine" // the user's own set
)

// PMRSets lists the built-in sets, short first: it is the one to start with.
func PMRSets() []PMRSet {
	return []PMRSet{
		{ID: PMRShort, Groups: append([]MuscleGroup(nil), shortGroups...)},
		{ID: PMRFull, Groups: append([]MuscleGroup(nil), fullGroups...)},
	}
}

// Errors for the user's own set; each wrapped in a *PMRGroupError when it is
// about one group. Test with errors.Is.
var (
	ErrPMRSetEmpty       = errors.New("choose at least one muscle group")
	ErrPMRGroupUnknown   = errors.New("unknown muscle group")
	ErrPMRGroupDuplicate = errors.New("muscle group is in the set twice")
	ErrPMRSetUnknown     = errors.New("unknown muscle relaxation set")
)

// PMRGroupError says which group ID of a user's set is wrong, so the UI can
// point at it.
type PMRGroupError struct {
	ID  string
	Err error // ErrPMRGroupUnknown or ErrPMRGroupDuplicate
}

// Error implements error.
func (e *PMRGroupError) Error() string { return fmt.Sprintf("%v: %q", e.Err, e.ID) }

// Unwrap lets errors.Is see the cause.
func (e *PMRGroupError) Unwrap() error { return e.Err }

// MyPMRSet builds the user's own set from saved group IDs, in their order.
// It needs at least one group, only known IDs and no ID twice, so a damaged
// setting is reported instead of run.
func MyPMRSet(ids []string) (PMRSet, error) {
	if len(ids) == 0 {
		return PMRSet{}, ErrPMRSetEmpty
	}
	set := PMRSet{ID: PMRMine, Groups: make([]MuscleGroup, 0, len(ids))}
	seen := make(map[string]bool, len(ids))
	for _, id := range ids {
		g, ok := FindMuscleGroup(id)
		if !ok {
			return PMRSet{}, &PMRGroupError{ID: id, Err: ErrPMRGroupUnknown}
		}
		if seen[id] {
			return PMRSet{}, &PMRGroupError{ID: id, Err: ErrPMRGroupDuplicate}
		}
		seen[id] = true
		set.Groups = append(set.Groups, g)
	}
	return set, nil
}

// FindPMRSet returns the set with that ID; mine are the user's saved group
// IDs, used only for PMRMine. It lets "ontspan --start pmr-short" and a
// diary variant name a set.
func FindPMRSet(id string, mine []string) (PMRSet, error) {
	if id == PMRMine {
		return MyPMRSet(mine)
	}
	for _, s := range PMRSets() {
		if s.ID == id {
			return s, nil
		}
	}
	return PMRSet{}, fmt.Errorf("%w: %q", ErrPMRSetUnknown, id)
}

// PMRTiming is how long each group is tensed and then released. The user may
// change both within limits that keep the exercise safe and useful: tensing
// longer than ten seconds cramps, releasing shorter than ten leaves no time
// to notice the difference, which is the point.
type PMRTiming struct {
	Tense   time.Duration // default 5 s, allowed 3–10 s
	Release time.Duration // "let go" plus the quiet noticing; default 15 s, allowed 10–40 s
}

// Timing limits and the fixed parts of every muscle relaxation exercise.
const (
	MinPMRTense   = 3 * time.Second
	MaxPMRTense   = 10 * time.Second
	MinPMRRelease = 10 * time.Second
	MaxPMRRelease = 40 * time.Second

	// PMRLetGo is the short "let go now" step at the start of each release;
	// the rest of the release time is the quieter Notice step.
	PMRLetGo = 3 * time.Second
	// PMRRounds is how often each group is tensed and released before the
	// next: twice, as in the classic method, because the second contrast is
	// felt more clearly than the first.
	PMRRounds = 2
	// PMRIntroTime settles the user in (sit or lie down, a few calm breaths).
	PMRIntroTime = 20 * time.Second
	// PMRClosingTime lets the whole body be noticed before getting up.
	PMRClosingTime = 60 * time.Second
)

// With the defaults the short set is 20 s + 4 groups × 2 rounds × (5 + 15) s
// + 60 s = 4:00, the "about 4 minutes" the app promises; the full set is
// 20 s + 16 × 2 × 20 s + 60 s = 12:00. One round of the four groups alone
// would be 80 s, so the rounds, not a padded intro, make the four minutes.

// DefaultPMRTiming is 5 s tense, 15 s release.
func DefaultPMRTiming() PMRTiming {
	return PMRTiming{Tense: 5 * time.Second, Release: 15 * time.Second}
}

// Timing validation errors; the UI shows each as a sentence by its field.
var (
	ErrPMRTense   = fmt.Errorf("tensing must take %v to %v", MinPMRTense, MaxPMRTense)
	ErrPMRRelease = fmt.Errorf("releasing must take %v to %v", MinPMRRelease, MaxPMRRelease)
)

// Validate checks a user's timing. It returns the first problem found.
func (t PMRTiming) Validate() error {
	switch {
	case t.Tense < MinPMRTense || t.Tense > MaxPMRTense:
		return ErrPMRTense
	case t.Release < MinPMRRelease || t.Release > MaxPMRRelease:
		return ErrPMRRelease
	}
	return nil
}

// clamped returns the timing with zero values set to the defaults and the
// rest held within the limits, so no step can end up with a zero duration,
// which the Session would take as "wait for the user" forever.
func (t PMRTiming) clamped() PMRTiming {
	def := DefaultPMRTiming()
	if t.Tense == 0 {
		t.Tense = def.Tense
	}
	if t.Release == 0 {
		t.Release = def.Release
	}
	t.Tense = min(max(t.Tense, MinPMRTense), MaxPMRTense)
	t.Release = min(max(t.Release, MinPMRRelease), MaxPMRRelease)
	return t
}

// NoGroup is the Step.Group of steps outside any group, such as the muscle
// relaxation's intro and closing.
const NoGroup = -1

// Step texts of muscle relaxation that are not a group's own.
const (
	pmrIntroKey   = "pmr.intro"
	pmrLetGoKey   = "pmr.letgo"
	pmrNoticeKey  = "pmr.notice"
	pmrClosingKey = "pmr.closing"
)

// Exercise turns the set into steps: a timed intro, then for each group
// PMRRounds times Tense (the group's HowKey, with a countdown), Release
// ("let go now", PMRLetGo) and Notice (the rest of the release time), then a
// timed closing. Every step is timed so the exercise works with eyes closed.
//
// Step.Group is the group's index in s.Groups, which is what the checklist
// shows; the intro and closing have Group NoGroup. Timing outside the limits
// is clamped into them (call Validate first to tell the user).
func (s PMRSet) Exercise(t PMRTiming) Exercise {
	t = t.clamped()
	ex := Exercise{Technique: PMR, Variant: s.ID}
	ex.Steps = make([]Step, 0, 2+len(s.Groups)*PMRRounds*3)
	ex.Steps = append(ex.Steps, Step{Kind: Intro, Duration: PMRIntroTime, Text: pmrIntroKey, Group: NoGroup})
	for i, g := range s.Groups {
		for range PMRRounds {
			ex.Steps = append(ex.Steps,
				Step{Kind: Tense, Duration: t.Tense, Text: g.HowKey(), Group: i},
				Step{Kind: Release, Duration: PMRLetGo, Text: pmrLetGoKey, Group: i},
				Step{Kind: Notice, Duration: t.Release - PMRLetGo, Text: pmrNoticeKey, Group: i},
			)
		}
	}
	ex.Steps = append(ex.Steps, Step{Kind: Notice, Duration: PMRClosingTime, Text: pmrClosingKey, Group: NoGroup})
	return ex
}

// GroupOf returns the group of step i, or NoGroup for a step outside any
// group or an index out of range (such as a finished session's).
func GroupOf(ex Exercise, i int) int {
	if i < 0 || i >= len(ex.Steps) {
		return NoGroup
	}
	return ex.Steps[i].Group
}

// FirstStepOfGroup returns the index of group g's first step, or -1 if the
// exercise has no such group. Tapping a group in the checklist is
// session.GoTo(FirstStepOfGroup(ex, g)); "repeat" is the same with the
// current group.
func FirstStepOfGroup(ex Exercise, g int) int {
	if g < 0 {
		return -1
	}
	for i, s := range ex.Steps {
		if s.Group == g {
			return i
		}
	}
	return -1
}

// AfterGroup returns the index of the first step after the group holding
// step i: "skip this group" is session.GoTo(AfterGroup(ex, i)). For a step
// outside any group it is i+1. It returns len(ex.Steps) when nothing follows;
// a muscle relaxation exercise always ends with its closing, so from a group
// that never happens, and on the closing itself Session.Skip finishes.
func AfterGroup(ex Exercise, i int) int {
	if i < 0 {
		return 0
	}
	if i >= len(ex.Steps) {
		return len(ex.Steps)
	}
	g := ex.Steps[i].Group
	if g == NoGroup {
		return i + 1
	}
	for i < len(ex.Steps) && ex.Steps[i].Group == g {
		i++
	}
	return i
}

// GroupState is a muscle group's line in the checklist.
type GroupState int

// The checklist states.
const (
	GroupToDo    GroupState = iota // still to come
	GroupNow                       // being tensed or released now
	GroupDone                      // gone through
	GroupSkipped                   // passed over by the user before it began
	GroupPartly                    // left partway through, for another group
)

var groupStateNames = [...]string{"todo", "now", "done", "skipped", "partly"}

// String returns a stable name, used in translation keys ("pmr.state.done").
func (s GroupState) String() string {
	if s >= 0 && int(s) < len(groupStateNames) {
		return groupStateNames[s]
	}
	return "unknown"
}

// GroupMarks is what the checklist remembers that a Position cannot tell:
// the groups the user passed over (GroupSkipped) and those they left partway
// through (GroupPartly), by index. Make one with GroupMarks{}; change it
// only through its methods, which also say where the session goes.
type GroupMarks map[int]GroupState

// GroupBegun is how far into a group the user must be for leaving it to
// count as leaving it partway; less is a tap on the way elsewhere.
const GroupBegun = time.Second

// leave marks the group holding p as left: partly done once begun, else
// skipped. A group the user was in the middle of is not "skipped": they did
// some of it.
func (m GroupMarks) leave(ex Exercise, p Position) {
	g := GroupOf(ex, p.Index)
	if g == NoGroup {
		return
	}
	if p.Index > FirstStepOfGroup(ex, g) || p.Step.Duration-p.StepLeft >= GroupBegun {
		m[g] = GroupPartly
	} else {
		m.skip(g)
	}
}

// skip marks group g skipped, unless it was partly done earlier in the
// session: passing over it again does not undo what the user did.
func (m GroupMarks) skip(g int) {
	if m[g] != GroupPartly {
		m[g] = GroupSkipped
	}
}

// Jump records going from p to group g (a tapped checklist line) and
// returns the step to go to with Session.GoTo. Going forward, the group
// being left is marked as left (see leave) and the groups in between as
// skipped; going back marks nothing, since the session comes to those groups
// again. An unknown g returns p.Index and marks nothing.
func (m GroupMarks) Jump(ex Exercise, p Position, g int) int {
	to := FirstStepOfGroup(ex, g)
	if to < 0 {
		return p.Index
	}
	if to > p.Index {
		m.leave(ex, p)
		for i := p.Index + 1; i < to; i++ {
			if h := ex.Steps[i].Group; h != NoGroup && h != GroupOf(ex, p.Index) {
				m.skip(h)
			}
		}
	}
	delete(m, g)
	return to
}

// Skip records passing over the rest of the group holding p and returns
// the step after it, for Session.GoTo; outside a group it marks nothing and
// returns ok false: the caller skips just the step (Session.Skip).
func (m GroupMarks) Skip(ex Exercise, p Position) (to int, ok bool) {
	if GroupOf(ex, p.Index) == NoGroup {
		return p.Index, false
	}
	m.leave(ex, p)
	return AfterGroup(ex, p.Index), true
}

// Enter clears the mark of the group holding step i: going through a group
// again, by the clock or by Repeat, makes it the current one, to be done.
func (m GroupMarks) Enter(ex Exercise, i int) {
	delete(m, GroupOf(ex, i))
}

// GroupStates returns the checklist: one state per group of ex (index =
// Step.Group) at position p. marks holds the groups the user skipped or
// left partway (see GroupMarks), since a Position cannot tell a group walked
// through from one passed over. A group before the current one is Done (or
// its mark), the current one Now, later ones ToDo, even if skipped earlier,
// because the session will come to them again. During the intro nothing is
// Now; during the closing and after the end every group is Done or
// marked. A stopped session has no Now: its current group stays ToDo.
func GroupStates(ex Exercise, p Position, marks GroupMarks) []GroupState {
	n := 0
	for _, s := range ex.Steps {
		n = max(n, s.Group+1)
	}
	states := make([]GroupState, n)
	if p.State == NotStarted {
		return states
	}
	// Groups are adjacent and in order, so the step index says which are
	// behind: everything whose last step is before p.Index.
	cur := GroupOf(ex, p.Index)
	for i := 0; i < min(p.Index, len(ex.Steps)); i++ {
		if g := ex.Steps[i].Group; g != NoGroup && g != cur {
			states[g] = GroupDone
		}
	}
	for g := range states {
		if m := marks[g]; states[g] == GroupDone && (m == GroupSkipped || m == GroupPartly) {
			states[g] = m
		}
	}
	if cur != NoGroup && p.State != Stopped {
		states[cur] = GroupNow
	}
	return states
}
