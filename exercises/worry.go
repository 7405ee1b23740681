package exercises

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"time"
)

// Limits on what a worry holds: a parked thought is a line or a paragraph,
// not a diary; the next step is a short note.
const (
	MaxWorryRunes    = 2000
	MaxNextStepRunes = 500
	// MaxRevisitAhead is how far ahead a worry may be parked. Further than a
	// year is almost surely a typo in the date picker.
	MaxRevisitAhead = 365 * 24 * time.Hour
)

// Worry errors. The UI shows each as a sentence next to the field and keeps
// what the user typed in it. Test with errors.Is.
var (
	ErrWorryEmpty       = errors.New("write a few words about the worry")
	ErrWorryTooLong     = fmt.Errorf("a worry is longer than %d characters", MaxWorryRunes)
	ErrWorryNUL         = errors.New("text contains a NUL character")
	ErrWorryInvalidUTF8 = errors.New("text is not valid UTF-8")
	ErrNextStepEmpty    = errors.New("write down the next step")
	ErrNextStepTooLong  = fmt.Errorf("a next step is longer than %d characters", MaxNextStepRunes)
	ErrRevisitPast      = errors.New("the time to look again is in the past")
	ErrRevisitTooFar    = errors.New("the time to look again is more than a year ahead")
	ErrWorryArchived    = errors.New("this worry was already reviewed")
	ErrWorryTimeFormat  = errors.New("a time must be written as HH:MM, from 00:00 to 23:59")
	ErrWorryMinutes     = fmt.Errorf("worry time must last %d to %d minutes", MinWorryMinutes, MaxWorryMinutes)
)

// ValidateWorryText trims a worry's text and checks it: empty or white space
// only (ErrWorryEmpty), over MaxWorryRunes (ErrWorryTooLong), a NUL byte
// (ErrWorryNUL) or invalid UTF-8 (ErrWorryInvalidUTF8). It returns the
// trimmed text to store.
func ValidateWorryText(s string) (string, error) {
	return cleanText(s, MaxWorryRunes, textErrs{ErrWorryNUL, ErrWorryInvalidUTF8, ErrWorryEmpty, ErrWorryTooLong})
}

// ValidateRevisit checks when a worry is to be looked at again: after now
// (else ErrRevisitPast; the UI then offers DefaultRevisit) and not more than
// MaxRevisitAhead later (ErrRevisitTooFar).
func ValidateRevisit(now, at time.Time) error {
	now, at = now.Round(0), at.Round(0) // compare wall clocks, see Park
	switch {
	case !at.After(now):
		return ErrRevisitPast
	case at.Sub(now) > MaxRevisitAhead:
		return ErrRevisitTooFar
	}
	return nil
}

// Worry time limits: the classic worry-postponement slot is 15 minutes.
const (
	MinWorryMinutes = 5
	MaxWorryMinutes = 60
)

// WorrySettings are the worry notebook's settings.
type WorrySettings struct {
	DefaultTime  string // "HH:MM" a parked worry comes back the next day; "" means "10:00"
	WorryTimeOn  bool   // a daily worry time is set; parked worries then default to it
	WorryTime    string // "HH:MM" the daily worry time starts, e.g. "17:30"
	WorryMinutes int    // how long the daily worry time lasts, e.g. 15
}

// DefaultWorrySettings are "tomorrow at 10:00", as the seed says, and no
// daily worry time until the user asks for one.
func DefaultWorrySettings() WorrySettings {
	return WorrySettings{DefaultTime: "10:00", WorryTime: "17:30", WorryMinutes: 15}
}

// Validate checks the settings; the worry time is checked only when on.
func (s WorrySettings) Validate() error {
	if s.DefaultTime != "" {
		if _, _, ok := ParseClock(s.DefaultTime, ClockStored); !ok {
			return ErrWorryTimeFormat
		}
	}
	if !s.WorryTimeOn {
		return nil
	}
	if _, _, ok := ParseClock(s.WorryTime, ClockStored); !ok {
		return ErrWorryTimeFormat
	}
	if s.WorryMinutes < MinWorryMinutes || s.WorryMinutes > MaxWorryMinutes {
		return ErrWorryMinutes
	}
	return nil
}

// defaultClock is the default revisit time of day; 10:00 if unset or bad.
func (s WorrySettings) defaultClock() (h, m int) {
	if h, m, ok := ParseClock(s.DefaultTime, ClockStored); ok {
		return h, m
	}
	return 10, 0
}

// worryNightEnds is the hour before which "tomorrow" still means the coming
// morning. Someone parking a worry at 00:30 has not slept yet: "tomorrow at
// 10:00" for them is 10:00 later today, not in 33 hours.
const worryNightEnds = 4

// worryUserToday is the date the user thinks of as today: before worryNightEnds
// it is still yesterday. time.Date normalises day 0 to the month before.
func worryUserToday(now time.Time) (y int, m time.Month, d int) {
	y, m, d = now.Date()
	if now.Hour() < worryNightEnds {
		d--
	}
	return y, m, d
}

// worryDayAt is the wall time h:m on the given date in loc. time.Date works in
// wall time, so adding a day across a DST change keeps 10:00 at 10:00.
func worryDayAt(loc *time.Location, y int, mo time.Month, d, h, m int) time.Time {
	return time.Date(y, mo, d, h, m, 0, 0, loc)
}

// worryTomorrowAt is the user's tomorrow (see worryNightEnds) at h:m in now's
// location, a day later if that is not after now (a default time in the
// small hours).
func worryTomorrowAt(now time.Time, h, m int) time.Time {
	y, mo, d := worryUserToday(now)
	t := worryDayAt(now.Location(), y, mo, d+1, h, m)
	if !t.After(now) {
		t = worryDayAt(now.Location(), y, mo, d+2, h, m)
	}
	return t
}

// worryTimeToday is today's worry time, if one is set.
func (s WorrySettings) worryTimeToday(now time.Time) (time.Time, bool) {
	if !s.WorryTimeOn {
		return time.Time{}, false
	}
	h, m, ok := ParseClock(s.WorryTime, ClockStored)
	if !ok {
		return time.Time{}, false
	}
	y, mo, d := now.Date()
	return worryDayAt(now.Location(), y, mo, d, h, m), true
}

// DefaultRevisit is when a worry parked at now comes back unless the user
// picks another time. With a daily worry time it is the next worry time
// (today's if still ahead, else tomorrow's); without, it is tomorrow at the
// default time, where before 04:00 "tomorrow" means the coming morning.
// It is computed in now's Location, in wall time, so DST changes keep 10:00
// at 10:00. Bad settings fall back to the defaults.
func DefaultRevisit(now time.Time, s WorrySettings) time.Time {
	if t, ok := s.worryTimeToday(now); ok {
		if !t.After(now) {
			y, mo, d := now.Date()
			t = worryDayAt(now.Location(), y, mo, d+1, t.Hour(), t.Minute())
		}
		return t
	}
	h, m := s.defaultClock()
	return worryTomorrowAt(now, h, m)
}

// RevisitChoice is one quick choice for when to look at a worry again.
type RevisitChoice struct {
	Key string    // translation key of the label; the UI adds the time, e.g. "Tomorrow, 10:00"
	At  time.Time // always valid for ValidateRevisit at the now it was made for
}

// The quick choices' label keys.
const (
	RevisitToday     = "worry.when.today"     // the default time, later today (parked in the small hours)
	RevisitTomorrow  = "worry.when.tomorrow"  // tomorrow at the default time
	RevisitWorryTime = "worry.when.worrytime" // today's worry time, still ahead
	RevisitMonday    = "worry.when.monday"    // next Monday at the default time
)

// QuickChoices are the revisit times offered as buttons when parking: the
// default time tomorrow (labelled "today" when parked in the small hours,
// see DefaultRevisit), today's worry time if set and still ahead, and next
// Monday at the default time. They come in time order; a Monday that is
// also "tomorrow" is offered once.
func QuickChoices(now time.Time, s WorrySettings) []RevisitChoice {
	h, m := s.defaultClock()
	tom := worryTomorrowAt(now, h, m)
	key := RevisitTomorrow
	if y, mo, d := now.Date(); worryDayAt(now.Location(), y, mo, d+1, 0, 0).After(tom) {
		key = RevisitToday
	}
	cs := []RevisitChoice{{key, tom}}
	if t, ok := s.worryTimeToday(now); ok && t.After(now) {
		cs = append(cs, RevisitChoice{RevisitWorryTime, t})
	}

	// Next Monday after the user's today; noon is safe from DST to read the weekday.
	y, mo, d := worryUserToday(now)
	wd := worryDayAt(now.Location(), y, mo, d, 12, 0).Weekday()
	ahead := (int(time.Monday)-int(wd)+6)%7 + 1 // 1..7 days
	mon := worryDayAt(now.Location(), y, mo, d+ahead, h, m)
	if !mon.After(now) {
		mon = worryDayAt(now.Location(), y, mo, d+ahead+7, h, m)
	}
	if !slices.ContainsFunc(cs, func(c RevisitChoice) bool { return c.At.Equal(mon) }) {
		cs = append(cs, RevisitChoice{RevisitMonday, mon})
	}
	slices.SortStableFunc(cs, func(a, b RevisitChoice) int { return a.At.Compare(b.At) })
	return cs
}

// Park makes a waiting worry from what the user typed, to be looked at
// again at at. The text is trimmed and validated (ValidateWorryText), the
// time too (ValidateRevisit). ID and UID are left for the store.
//
// Times are stored without Go's monotonic clock reading (Round(0)): a
// revisit time is a wall-clock appointment, so when the system clock is
// set, "due" must follow the new wall time, exactly as it will after the
// worry has been saved and loaded again.
func Park(text string, at, now time.Time) (Worry, error) {
	t, err := ValidateWorryText(text)
	if err != nil {
		return Worry{}, err
	}
	if err := ValidateRevisit(now, at); err != nil {
		return Worry{}, err
	}
	return Worry{Text: t, Created: now.Round(0), Revisit: at.Round(0), State: WorryWaiting}, nil
}

// Due returns the waiting worries whose revisit time has come (Revisit <=
// now), the longest waiting first. It compares absolute instants, so time
// zones, DST and a clock set back or forward all give the right answer at
// the next call. ws is not changed.
func Due(ws []Worry, now time.Time) []Worry {
	now = now.Round(0) // compare wall clocks, see Park
	// Sort indices, not Worry values: a Worry is a couple of hundred bytes,
	// and moving them made sorting 10,000 worries take milliseconds.
	var idx []int
	for i := range ws {
		if ws[i].State == WorryWaiting && !ws[i].Revisit.After(now) {
			idx = append(idx, i)
		}
	}
	if len(idx) == 0 {
		return nil
	}
	slices.SortFunc(idx, func(i, j int) int {
		if c := ws[i].Revisit.Compare(ws[j].Revisit); c != 0 {
			return c
		}
		if c := ws[i].Created.Compare(ws[j].Created); c != 0 {
			return c
		}
		return cmp.Compare(i, j) // ties keep the store's order
	})
	due := make([]Worry, len(idx))
	for k, i := range idx {
		due[k] = ws[i]
	}
	return due
}

// NextDue returns the earliest revisit time after now among the waiting
// worries, for waking a reminder exactly then; ok is false when none waits.
func NextDue(ws []Worry, now time.Time) (at time.Time, ok bool) {
	now = now.Round(0)
	for _, w := range ws {
		if w.State == WorryWaiting && w.Revisit.After(now) && (!ok || w.Revisit.Before(at)) {
			at, ok = w.Revisit, true
		}
	}
	return at, ok
}

// archiveWorry ends a worry's reviews, when it is handled or let go: it goes
// to the archive with what was decided and when. Only a waiting worry can be
// reviewed (ErrWorryArchived).
func archiveWorry(w Worry, d Decision, now time.Time) (Worry, error) {
	if w.State != WorryWaiting {
		return w, ErrWorryArchived
	}
	w.State, w.Decision, w.Reviewed = WorryArchived, d, now.Round(0)
	return w, nil
}

// Handled archives w as dealt with.
func Handled(w Worry, now time.Time) (Worry, error) { return archiveWorry(w, DecisionHandled, now) }

// LetGo archives w as let go.
func LetGo(w Worry, now time.Time) (Worry, error) { return archiveWorry(w, DecisionLetGo, now) }

// NextStep records that w still matters, with the next step the user wrote
// down: required (ErrNextStepEmpty), at most MaxNextStepRunes
// (ErrNextStepTooLong), trimmed. The worry is not archived, since it is not
// done with: it keeps waiting, with the step, until at (checked by
// ValidateRevisit), when the user can see how the step went. On an error w is
// returned unchanged.
func NextStep(w Worry, note string, at, now time.Time) (Worry, error) {
	if w.State != WorryWaiting {
		return w, ErrWorryArchived
	}
	n, err := cleanText(note, MaxNextStepRunes, textErrs{ErrWorryNUL, ErrWorryInvalidUTF8, ErrNextStepEmpty, ErrNextStepTooLong})
	if err != nil {
		return w, err
	}
	if err := ValidateRevisit(now, at); err != nil {
		return w, err
	}
	w.Decision, w.NextStep = DecisionNextStep, n
	w.Revisit, w.Reviewed = at.Round(0), now.Round(0)
	return w, nil
}

// Repark keeps w waiting until a new time, checked by ValidateRevisit.
// Reviewed records when the user last looked at it; the decision stays none.
func Repark(w Worry, at, now time.Time) (Worry, error) {
	if w.State != WorryWaiting {
		return w, ErrWorryArchived
	}
	if err := ValidateRevisit(now, at); err != nil {
		return w, err
	}
	w.Revisit, w.Reviewed = at.Round(0), now.Round(0)
	return w, nil
}
