package exercises

import (
	"slices"
	"strconv"
	"time"
)

// NoteID names a help-in-context note: a short, kind word shown beside
// what the user is doing, never blocking it.
type NoteID string

// The help notes.
const (
	NoteTenser NoteID = "tenser" // done screen: more tense after than before
	NoteHigh   NoteID = "high"   // diary screen: tension stays high, or a technique has not helped
	NoteEarly  NoteID = "early"  // a session stopped in its first half minute twice in a row
)

// Note is a help note to show. Its texts are translation keys; a key with
// {{.Technique}} takes the technique's shown name ("technique.<id>").
type Note struct {
	ID NoteID
	// Occasion is what fired the note: a session's UID, "after", or
	// "verdict:<technique>". Dismissing hides this occasion only (for
	// Quiet, or for good when Quiet is 0); a new occasion shows again.
	Occasion  string
	Quiet     time.Duration
	Text      string
	Technique Technique   // for {{.Technique}}, or empty
	Suggest   *Suggestion // a one-click alternative, or nil
	Chooser   bool        // offer "help me choose"
	SeekHelp  bool        // link to "when to seek help"
}

// Thresholds of the help notes.
const (
	// HighAfter is the after-rating (0–10) from which tension counts as high.
	HighAfter = 8
	// HighMinRated is the fewest after-ratings in two weeks that support
	// "most of your sessions", as for the diary's verdict.
	HighMinRated = 5
	// HighDays is the window the high-tension note looks at, in local days.
	HighDays = 14
	// HighQuiet is how long a dismissed high-tension note stays away:
	// another two weeks, the span it judges.
	HighQuiet = HighDays * 24 * time.Hour
	// EarlyStop: a session stopped before this counts as stopped at the start.
	EarlyStop = 30 * time.Second
)

// occasionOf names a session for a note: its UID, or its start when it has
// none (not saved).
func occasionOf(e Entry) string {
	if e.UID != "" {
		return e.UID
	}
	return strconv.FormatInt(e.Started.UnixNano(), 10)
}

// TenserNote is the done screen's note after session e: it fires only
// when e was rated more tense after than before. It suggests something
// shorter (when e took three minutes or more) or more physical, by the
// chooser's rules, leaving out the technique just done.
func TenserNote(e Entry, history Outcomes) (Note, bool) {
	if e.Before == NoRating || e.After == NoRating || e.After <= e.Before {
		return Note{}, false
	}
	a := Answers{QFocus: AnsBody}
	if e.Actual >= 3*time.Minute {
		a[QTime] = Ans2Min
	}
	n := Note{ID: NoteTenser, Occasion: occasionOf(e), Text: "help.tenser", SeekHelp: true}
	n.Suggest = alternative(a, history, e.Technique, "help.tenser.try")
	return n, true
}

// EarlyNote fires when the latest two sessions or more were each stopped
// within EarlyStop, and offers something shorter or different. recent are
// the latest sessions in any order; the UI adds those too short for the
// diary (it logs none under five seconds), so a start and stop counts.
// The occasion is the first stop of the run: one dismissal covers it.
func EarlyNote(recent []Entry, history Outcomes) (Note, bool) {
	es := slices.Clone(recent)
	slices.SortStableFunc(es, func(x, y Entry) int { return x.Started.Compare(y.Started) })
	run := 0
	for i := len(es) - 1; i >= 0 && !es[i].Completed && es[i].Actual < EarlyStop; i-- {
		run++
	}
	if run < 2 {
		return Note{}, false
	}
	last := es[len(es)-1]
	n := Note{ID: NoteEarly, Occasion: occasionOf(es[len(es)-run]), Text: "help.early"}
	n.Suggest = alternative(Answers{QTime: Ans2Min, QRestless: AnsYes}, history, last.Technique, "help.early.try")
	n.Chooser = true
	return n, true
}

// HighNote is the diary screen's note. It fires when the after-rating was
// HighAfter or more on most rated sessions of the last HighDays local days,
// with ratings in both weeks, or when a verdict says a technique has not
// helped after two weeks. Either way it offers the chooser and a word
// about the GP. entries may hold any sessions; loc nil means local time.
func HighNote(entries []Entry, history Outcomes, now time.Time, loc *time.Location) (Note, bool) {
	if loc == nil {
		loc = time.Local
	}
	y, m, d := now.In(loc).Date()
	first := time.Date(y, m, d-(HighDays-1), 0, 0, 0, 0, loc)
	half := time.Date(y, m, d-(HighDays/2-1), 0, 0, 0, 0, loc)
	end := time.Date(y, m, d+1, 0, 0, 0, 0, loc)
	var rated, high int
	var week1, week2 bool
	for _, e := range entries {
		if e.After == NoRating || e.Started.Before(first) || !e.Started.Before(end) {
			continue
		}
		rated++
		if e.After >= HighAfter {
			high++
		}
		if e.Started.Before(half) {
			week1 = true
		} else {
			week2 = true
		}
	}
	n := Note{ID: NoteHigh, Quiet: HighQuiet, Chooser: true, SeekHelp: true}
	if rated >= HighMinRated && 2*high > rated && week1 && week2 {
		n.Occasion, n.Text = "after", "help.high"
		return n, true
	}
	var techs []Technique
	for t, o := range history {
		if o == NotHelped {
			techs = append(techs, t)
		}
	}
	if len(techs) == 0 {
		return Note{}, false
	}
	slices.Sort(techs) // one note, the same one each time
	n.Occasion, n.Text, n.Technique = "verdict:"+string(techs[0]), "help.nothelped", techs[0]
	return n, true
}

// alternative is the chooser's first pick for a, without technique not,
// with the note's own reason line.
func alternative(a Answers, history Outcomes, not Technique, reason string) *Suggestion {
	ss := choose(a, history, not)
	if len(ss) == 0 {
		return nil
	}
	s := ss[0]
	s.Reason = reason
	return &s
}

// Dismissal is one note put away: which occasion, and when.
type Dismissal struct {
	Occasion string    `json:"occasion"`
	At       time.Time `json:"at"`
}

// Dismissals is what the user put away: per note the last dismissal, and
// the notes they asked never to see again. It is plain data, small and
// bounded (one entry per NoteID), so a screen can store it as JSON.
type Dismissals struct {
	Never []NoteID             `json:"never,omitempty"`
	Last  map[NoteID]Dismissal `json:"last,omitempty"`
}

// Shows reports whether note n may be shown at now.
func (d Dismissals) Shows(n Note, now time.Time) bool {
	if slices.Contains(d.Never, n.ID) {
		return false
	}
	last, ok := d.Last[n.ID]
	if !ok || last.Occasion != n.Occasion {
		return true
	}
	return n.Quiet > 0 && !now.Before(last.At.Add(n.Quiet))
}

// Dismiss puts note n away ("not now"), as of now.
func (d *Dismissals) Dismiss(n Note, now time.Time) {
	if d.Last == nil {
		d.Last = map[NoteID]Dismissal{}
	}
	d.Last[n.ID] = Dismissal{Occasion: n.Occasion, At: now}
}

// NeverAgain puts the note away for good ("don't show again").
func (d *Dismissals) NeverAgain(id NoteID) {
	if !slices.Contains(d.Never, id) {
		d.Never = append(d.Never, id)
	}
}
