package exercises

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // Europe/Amsterdam on any machine
)

func worryAmsterdam(t testing.TB) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// worryAt is a wall time in loc; DST in 2026 starts Sun 29 March and ends
// Sun 25 October in Europe/Amsterdam.
func worryAt(loc *time.Location, mo time.Month, d, h, m int) time.Time {
	return time.Date(2026, mo, d, h, m, 0, 0, loc)
}

func TestValidateWorryText(t *testing.T) {
	cases := []struct {
		in, want string
		err      error
	}{
		{"Deadline friday", "Deadline friday", nil},
		{"  \n Did I lock the door?\t ", "Did I lock the door?", nil},
		{"two\nlines", "two\nlines", nil},
		{"🙈 te laat 😬", "🙈 te laat 😬", nil},
		{"\u200fשלום עולם", "\u200fשלום עולם", nil}, // RTL mark is not space: kept
		{"مرحبا بالعالم", "مرحبا بالعالم", nil},
		{strings.Repeat("é", MaxWorryRunes), strings.Repeat("é", MaxWorryRunes), nil},
		{"  " + strings.Repeat("x", MaxWorryRunes) + "\n", strings.Repeat("x", MaxWorryRunes), nil},
		{"", "", ErrWorryEmpty},
		{" \t\n\u00a0\u3000 ", "", ErrWorryEmpty},
		{strings.Repeat("é", MaxWorryRunes+1), "", ErrWorryTooLong},
		{strings.Repeat("🙈", MaxWorryRunes+1), "", ErrWorryTooLong},
		{"a\x00b", "", ErrWorryNUL},
		{"\x00", "", ErrWorryNUL},
		{"a\xc3", "", ErrWorryInvalidUTF8},
	}
	for _, c := range cases {
		got, err := ValidateWorryText(c.in)
		if got != c.want || !errors.Is(err, c.err) {
			t.Errorf("%.20q: %.20q %v, want %.20q %v", c.in, got, err, c.want, c.err)
		}
	}
}

func TestWorrySettingsValidate(t *testing.T) {
	on := func(at string, min int) WorrySettings {
		return WorrySettings{DefaultTime: "10:00", WorryTimeOn: true, WorryTime: at, WorryMinutes: min}
	}
	cases := []struct {
		name string
		s    WorrySettings
		want error
	}{
		{"defaults", DefaultWorrySettings(), nil},
		{"zero", WorrySettings{}, nil},
		{"one-digit hour", WorrySettings{DefaultTime: "9:05"}, nil},
		{"midnight", WorrySettings{DefaultTime: "00:00"}, nil},
		{"last minute", WorrySettings{DefaultTime: "23:59"}, nil},
		{"24:00", WorrySettings{DefaultTime: "24:00"}, ErrWorryTimeFormat},
		{"10:60", WorrySettings{DefaultTime: "10:60"}, ErrWorryTimeFormat},
		{"no colon", WorrySettings{DefaultTime: "1000"}, ErrWorryTimeFormat},
		{"one-digit minute", WorrySettings{DefaultTime: "10:0"}, ErrWorryTimeFormat},
		{"seconds", WorrySettings{DefaultTime: "10:00:00"}, ErrWorryTimeFormat},
		{"sign", WorrySettings{DefaultTime: "-1:00"}, ErrWorryTimeFormat},
		{"spaces", WorrySettings{DefaultTime: " 10:00"}, ErrWorryTimeFormat},
		{"arabic digits", WorrySettings{DefaultTime: "١٠:٠٠"}, ErrWorryTimeFormat},
		{"worry time off is not checked", WorrySettings{WorryTime: "nonsense"}, nil},
		{"worry time", on("17:30", 15), nil},
		{"worry time bad", on("17.30", 15), ErrWorryTimeFormat},
		{"worry time empty", on("", 15), ErrWorryTimeFormat},
		{"minutes short", on("17:30", MinWorryMinutes-1), ErrWorryMinutes},
		{"minutes long", on("17:30", MaxWorryMinutes+1), ErrWorryMinutes},
		{"minutes edges", on("17:30", MaxWorryMinutes), nil},
	}
	for _, c := range cases {
		if err := c.s.Validate(); !errors.Is(err, c.want) {
			t.Errorf("%s: %v, want %v", c.name, err, c.want)
		}
	}
}

func TestDefaultRevisit(t *testing.T) {
	ams := worryAmsterdam(t)
	def := DefaultWorrySettings()
	evening := WorrySettings{DefaultTime: "10:00", WorryTimeOn: true, WorryTime: "17:30", WorryMinutes: 15}
	with := func(s WorrySettings, edit func(*WorrySettings)) WorrySettings { edit(&s); return s }
	cases := []struct {
		name string
		now  time.Time
		s    WorrySettings
		want time.Time
		gap  time.Duration // the real time until then; 0: not checked
	}{
		{"evening", worryAt(ams, 11, 25, 22, 0), def, worryAt(ams, 11, 26, 10, 0), 12 * time.Hour},
		{"just before midnight", worryAt(ams, 12, 31, 23, 59), def, time.Date(2027, 1, 1, 10, 0, 0, 0, ams), 0},
		// At 00:30 the user has not slept: "tomorrow at 10:00" is this morning.
		{"00:30 means this morning", worryAt(ams, 11, 26, 0, 30), def, worryAt(ams, 11, 26, 10, 0), 9*time.Hour + 30*time.Minute},
		{"03:59 still night", worryAt(ams, 11, 26, 3, 59), def, worryAt(ams, 11, 26, 10, 0), 0},
		{"04:00 a new day", worryAt(ams, 11, 26, 4, 0), def, worryAt(ams, 11, 27, 10, 0), 0},
		{"09:00 is tomorrow", worryAt(ams, 11, 26, 9, 0), def, worryAt(ams, 11, 27, 10, 0), 25 * time.Hour},
		{"month end", worryAt(ams, 4, 30, 21, 0), def, worryAt(ams, 5, 1, 10, 0), 0},
		// DST: 10:00 stays 10:00 on the wall; the night is an hour shorter or longer.
		{"spring forward", worryAt(ams, 3, 28, 22, 0), def, worryAt(ams, 3, 29, 10, 0), 11 * time.Hour},
		{"spring forward, parked after midnight", worryAt(ams, 3, 29, 0, 30), def, worryAt(ams, 3, 29, 10, 0), 8*time.Hour + 30*time.Minute},
		{"spring forward, parked at 03:30 CEST", worryAt(ams, 3, 29, 3, 30), def, worryAt(ams, 3, 29, 10, 0), 6*time.Hour + 30*time.Minute},
		{"fall back", worryAt(ams, 10, 24, 22, 0), def, worryAt(ams, 10, 25, 10, 0), 13 * time.Hour},
		{"fall back, parked in the repeated hour", worryAt(ams, 10, 25, 2, 30), def, worryAt(ams, 10, 25, 10, 0), 0},
		{"other default", worryAt(ams, 11, 25, 22, 0), WorrySettings{DefaultTime: "8:15"}, worryAt(ams, 11, 26, 8, 15), 0},
		{"bad default falls back to 10:00", worryAt(ams, 11, 25, 22, 0), WorrySettings{DefaultTime: "25:00"}, worryAt(ams, 11, 26, 10, 0), 0},
		{"small-hours default, before it", worryAt(ams, 11, 26, 0, 30), WorrySettings{DefaultTime: "02:00"}, worryAt(ams, 11, 26, 2, 0), 0},
		{"small-hours default, after it", worryAt(ams, 11, 26, 3, 0), WorrySettings{DefaultTime: "02:00"}, worryAt(ams, 11, 27, 2, 0), 0},
		// A daily worry time: the next one, today's if still ahead.
		{"worry time ahead", worryAt(ams, 11, 25, 16, 0), evening, worryAt(ams, 11, 25, 17, 30), 0},
		{"worry time now", worryAt(ams, 11, 25, 17, 30), evening, worryAt(ams, 11, 26, 17, 30), 0},
		{"worry time past", worryAt(ams, 11, 25, 23, 0), evening, worryAt(ams, 11, 26, 17, 30), 0},
		{"worry time after midnight", worryAt(ams, 11, 26, 0, 30), evening, worryAt(ams, 11, 26, 17, 30), 17 * time.Hour},
		{"worry time across spring forward", worryAt(ams, 3, 28, 23, 0), evening, worryAt(ams, 3, 29, 17, 30), 17*time.Hour + 30*time.Minute},
		{"worry time across fall back", worryAt(ams, 10, 24, 23, 0), evening, worryAt(ams, 10, 25, 17, 30), 19*time.Hour + 30*time.Minute},
		{"bad worry time: default time", worryAt(ams, 11, 25, 16, 0), with(evening, func(s *WorrySettings) { s.WorryTime = "x" }), worryAt(ams, 11, 26, 10, 0), 0},
		{"worry time off", worryAt(ams, 11, 25, 16, 0), with(evening, func(s *WorrySettings) { s.WorryTimeOn = false }), worryAt(ams, 11, 26, 10, 0), 0},
		// The result is in now's location: 10:00 where the user is.
		{"UTC", time.Date(2026, 11, 25, 22, 0, 0, 0, time.UTC), def, time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC), 0},
	}
	for _, c := range cases {
		got := DefaultRevisit(c.now, c.s)
		if !got.Equal(c.want) || got.Location() != c.want.Location() {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
		if c.gap != 0 && got.Sub(c.now) != c.gap {
			t.Errorf("%s: %v ahead, want %v", c.name, got.Sub(c.now), c.gap)
		}
		if err := ValidateRevisit(c.now, got); err != nil {
			t.Errorf("%s: default %v is not valid: %v", c.name, got, err)
		}
	}
}

// A worry time that does not exist on the wall clock (02:30 on the night
// the clocks go forward) still gives a valid time that morning.
func TestDefaultRevisitMissingWallTime(t *testing.T) {
	ams := worryAmsterdam(t)
	now := worryAt(ams, 3, 29, 1, 0)
	got := DefaultRevisit(now, WorrySettings{WorryTimeOn: true, WorryTime: "02:30", WorryMinutes: 15})
	if !got.After(now) || got.Sub(now) > 3*time.Hour || got.Day() != 29 {
		t.Errorf("%v", got)
	}
}

func TestQuickChoices(t *testing.T) {
	ams := worryAmsterdam(t)
	off := DefaultWorrySettings()
	on := WorrySettings{DefaultTime: "10:00", WorryTimeOn: true, WorryTime: "17:30", WorryMinutes: 15}
	type ch = RevisitChoice
	cases := []struct {
		name string
		now  time.Time
		s    WorrySettings
		want []RevisitChoice
	}{
		{"Saturday afternoon", worryAt(ams, 3, 28, 15, 0), off, []ch{
			{RevisitTomorrow, worryAt(ams, 3, 29, 10, 0)},
			{RevisitMonday, worryAt(ams, 3, 30, 10, 0)},
		}},
		{"Saturday afternoon with worry time", worryAt(ams, 3, 28, 15, 0), on, []ch{
			{RevisitWorryTime, worryAt(ams, 3, 28, 17, 30)},
			{RevisitTomorrow, worryAt(ams, 3, 29, 10, 0)},
			{RevisitMonday, worryAt(ams, 3, 30, 10, 0)},
		}},
		{"worry time over for today", worryAt(ams, 3, 28, 20, 0), on, []ch{
			{RevisitTomorrow, worryAt(ams, 3, 29, 10, 0)},
			{RevisitMonday, worryAt(ams, 3, 30, 10, 0)},
		}},
		{"Sunday: tomorrow is Monday, offered once", worryAt(ams, 3, 29, 15, 0), off, []ch{
			{RevisitTomorrow, worryAt(ams, 3, 30, 10, 0)},
		}},
		{"Sunday night after midnight: this morning", worryAt(ams, 3, 30, 0, 30), on, []ch{
			{RevisitToday, worryAt(ams, 3, 30, 10, 0)},
			{RevisitWorryTime, worryAt(ams, 3, 30, 17, 30)},
		}},
		{"Monday: next week's", worryAt(ams, 3, 30, 11, 0), off, []ch{
			{RevisitTomorrow, worryAt(ams, 3, 31, 10, 0)},
			{RevisitMonday, worryAt(ams, 4, 6, 10, 0)},
		}},
		{"Monday before 10:00: still next week's", worryAt(ams, 3, 30, 8, 0), off, []ch{
			{RevisitTomorrow, worryAt(ams, 3, 31, 10, 0)},
			{RevisitMonday, worryAt(ams, 4, 6, 10, 0)},
		}},
		{"Saturday night across the fall back", worryAt(ams, 10, 24, 23, 0), off, []ch{
			{RevisitTomorrow, worryAt(ams, 10, 25, 10, 0)},
			{RevisitMonday, worryAt(ams, 10, 26, 10, 0)},
		}},
		{"small-hours default on Monday 03:00", worryAt(ams, 3, 30, 3, 0), WorrySettings{DefaultTime: "02:00"}, []ch{
			{RevisitTomorrow, worryAt(ams, 3, 31, 2, 0)},
			{RevisitMonday, worryAt(ams, 4, 6, 2, 0)},
		}},
	}
	for _, c := range cases {
		got := QuickChoices(c.now, c.s)
		if !slices.EqualFunc(got, c.want, func(a, b RevisitChoice) bool { return a.Key == b.Key && a.At.Equal(b.At) }) {
			t.Errorf("%s:\n got %v\nwant %v", c.name, got, c.want)
		}
		for _, ch := range got {
			if err := ValidateRevisit(c.now, ch.At); err != nil {
				t.Errorf("%s: %s %v: %v", c.name, ch.Key, ch.At, err)
			}
		}
	}
}

func TestValidateRevisit(t *testing.T) {
	now := time.Date(2026, 11, 25, 23, 0, 0, 0, time.UTC)
	cases := []struct {
		name string
		at   time.Time
		want error
	}{
		{"a minute ahead", now.Add(time.Minute), nil},
		{"a nanosecond ahead", now.Add(1), nil},
		{"a year ahead", now.Add(MaxRevisitAhead), nil},
		{"now", now, ErrRevisitPast},
		{"a minute ago", now.Add(-time.Minute), ErrRevisitPast},
		{"zero time", time.Time{}, ErrRevisitPast},
		{"more than a year", now.Add(MaxRevisitAhead + time.Minute), ErrRevisitTooFar},
		{"year 9999", time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC), ErrRevisitTooFar},
		{"same instant, other zone", now.In(worryAmsterdam(t)), ErrRevisitPast},
	}
	for _, c := range cases {
		if err := ValidateRevisit(now, c.at); !errors.Is(err, c.want) {
			t.Errorf("%s: %v, want %v", c.name, err, c.want)
		}
	}
}

func TestPark(t *testing.T) {
	now := time.Date(2026, 11, 25, 23, 0, 0, 0, time.UTC)
	later := now.Add(11 * time.Hour)
	cases := []struct {
		name, text string
		at         time.Time
		want       error
	}{
		{"ok", "  mail to Anna ", later, nil},
		{"empty", " ", later, ErrWorryEmpty},
		{"too long", strings.Repeat("a", MaxWorryRunes+1), later, ErrWorryTooLong},
		{"NUL", "a\x00", later, ErrWorryNUL},
		{"past", "mail", now.Add(-time.Second), ErrRevisitPast},
		{"too far", "mail", now.AddDate(2, 0, 0), ErrRevisitTooFar},
	}
	for _, c := range cases {
		w, err := Park(c.text, c.at, now)
		if !errors.Is(err, c.want) {
			t.Errorf("%s: %v, want %v", c.name, err, c.want)
			continue
		}
		if err != nil {
			if w != (Worry{}) {
				t.Errorf("%s: returned %+v with an error", c.name, w)
			}
			continue
		}
		want := Worry{Text: "mail to Anna", Created: now, Revisit: later, State: WorryWaiting}
		if w != want {
			t.Errorf("%s: %+v", c.name, w)
		}
	}
}

// Stored times carry no monotonic clock reading: due-ness must follow the
// wall clock, as it will after a round trip through the database.
func TestParkDropsMonotonicReading(t *testing.T) {
	now := time.Now() // the one real clock read in these tests; nothing waits on it
	w, err := Park("x", now.Add(time.Hour), now)
	if err != nil {
		t.Fatal(err)
	}
	w, _ = Repark(w, now.Add(2*time.Hour), now)
	h, _ := Handled(w, now)
	for name, tm := range map[string]time.Time{"created": w.Created, "revisit": w.Revisit, "reviewed": h.Reviewed} {
		if strings.Contains(tm.String(), "m=") {
			t.Errorf("%s keeps a monotonic reading: %v", name, tm)
		}
	}
}

func worryIDs(ws []Worry) []int64 {
	ids := make([]int64, len(ws))
	for i, w := range ws {
		ids[i] = w.ID
	}
	return ids
}

// The clock jumping forward and back (the user or NTP setting the time):
// due is always "revisit <= the clock's now", nothing remembered in between.
func TestDueFollowsClockJumps(t *testing.T) {
	ams := worryAmsterdam(t)
	start := worryAt(ams, 3, 28, 23, 0)
	c := NewFakeClock(start)
	ws := []Worry{
		{ID: 1, Revisit: start.Add(time.Hour), Created: start, State: WorryWaiting},
		{ID: 2, Revisit: start.Add(30 * time.Minute), Created: start, State: WorryWaiting},
		{ID: 3, Revisit: start.Add(48 * time.Hour), Created: start, State: WorryWaiting},
		{ID: 4, Revisit: start.Add(-time.Hour), Created: start, State: WorryArchived, Decision: DecisionHandled},
		{ID: 5, Revisit: start.Add(-10 * time.Minute), Created: start.Add(-time.Hour), State: WorryWaiting},
		{ID: 6, Revisit: start.Add(30 * time.Minute), Created: start.Add(-time.Minute), State: WorryWaiting}, // ties with 2, parked earlier
		{ID: 7, Revisit: worryAt(ams, 3, 29, 10, 0), Created: start, State: WorryWaiting},                    // after the DST change
	}
	steps := []struct {
		name string
		move func()
		want []int64
	}{
		{"start", func() {}, []int64{5}},
		{"forward 3 days", func() { c.Set(start.AddDate(0, 0, 3)) }, []int64{5, 6, 2, 1, 7, 3}},
		{"back a day", func() { c.Set(start.AddDate(0, 0, -1)) }, []int64{}},
		{"exactly at one", func() { c.Set(start.Add(time.Hour)) }, []int64{5, 6, 2, 1}},
		{"a nanosecond before 7", func() { c.Set(worryAt(ams, 3, 29, 10, 0).Add(-1)) }, []int64{5, 6, 2, 1}},
		{"at 7, read in UTC", func() { c.Set(worryAt(ams, 3, 29, 10, 0).UTC()) }, []int64{5, 6, 2, 1, 7}},
		{"back 10 years", func() { c.Set(start.AddDate(-10, 0, 0)) }, []int64{}},
	}
	for _, s := range steps {
		s.move()
		if got := worryIDs(Due(ws, c.Now())); !slices.Equal(got, s.want) {
			t.Errorf("%s: due %v, want %v", s.name, got, s.want)
		}
	}
	if ws[0].ID != 1 || ws[1].ID != 2 {
		t.Error("Due reordered its input")
	}

	// The next wake-up follows the same jumps.
	c.Set(start)
	if at, ok := NextDue(ws, c.Now()); !ok || !at.Equal(start.Add(30*time.Minute)) {
		t.Errorf("next due %v %v", at, ok)
	}
	c.Set(start.Add(time.Hour))
	if at, ok := NextDue(ws, c.Now()); !ok || !at.Equal(worryAt(ams, 3, 29, 10, 0)) {
		t.Errorf("next due after an hour: %v %v", at, ok)
	}
	c.Advance(1000 * time.Hour)
	if at, ok := NextDue(ws, c.Now()); ok {
		t.Errorf("nothing waits, but next due %v", at)
	}
}

func TestReview(t *testing.T) {
	now := time.Date(2026, 11, 26, 10, 5, 0, 0, time.UTC)
	waiting := Worry{ID: 7, UID: "u7", Text: "mail", Created: now.Add(-12 * time.Hour), Revisit: now.Add(-5 * time.Minute), State: WorryWaiting}
	archived := waiting
	archived.State, archived.Decision, archived.Reviewed = WorryArchived, DecisionLetGo, now.Add(-time.Hour)
	edit := func(w Worry, f func(*Worry)) Worry { f(&w); return w }
	later := now.Add(24 * time.Hour)
	cases := []struct {
		name string
		do   func(Worry) (Worry, error)
		in   Worry
		want Worry
		err  error
	}{
		{"handled", func(w Worry) (Worry, error) { return Handled(w, now) }, waiting,
			edit(waiting, func(w *Worry) { w.State, w.Decision, w.Reviewed = WorryArchived, DecisionHandled, now }), nil},
		{"let go", func(w Worry) (Worry, error) { return LetGo(w, now) }, waiting,
			edit(waiting, func(w *Worry) { w.State, w.Decision, w.Reviewed = WorryArchived, DecisionLetGo, now }), nil},
		// A worry that still matters is not done with: it keeps waiting, with
		// its step, until the next look.
		{"next step", func(w Worry) (Worry, error) { return NextStep(w, "  call Anna  ", later, now) }, waiting,
			edit(waiting, func(w *Worry) {
				w.Decision, w.Revisit, w.Reviewed, w.NextStep = DecisionNextStep, later, now, "call Anna"
			}), nil},
		{"next step emoji", func(w Worry) (Worry, error) { return NextStep(w, "📞", later, now) }, waiting,
			edit(waiting, func(w *Worry) {
				w.Decision, w.Revisit, w.Reviewed, w.NextStep = DecisionNextStep, later, now, "📞"
			}), nil},
		{"next step empty", func(w Worry) (Worry, error) { return NextStep(w, " \n", later, now) }, waiting, waiting, ErrNextStepEmpty},
		{"next step too long", func(w Worry) (Worry, error) { return NextStep(w, strings.Repeat("é", MaxNextStepRunes+1), later, now) }, waiting, waiting, ErrNextStepTooLong},
		{"next step NUL", func(w Worry) (Worry, error) { return NextStep(w, "a\x00", later, now) }, waiting, waiting, ErrWorryNUL},
		{"next step, back in the past", func(w Worry) (Worry, error) { return NextStep(w, "call Anna", now.Add(-time.Minute), now) }, waiting, waiting, ErrRevisitPast},
		{"re-park", func(w Worry) (Worry, error) { return Repark(w, later, now) }, waiting,
			edit(waiting, func(w *Worry) { w.Revisit, w.Reviewed = later, now }), nil},
		{"re-park in the past", func(w Worry) (Worry, error) { return Repark(w, now.Add(-time.Minute), now) }, waiting, waiting, ErrRevisitPast},
		{"re-park too far", func(w Worry) (Worry, error) { return Repark(w, now.AddDate(1, 1, 0), now) }, waiting, waiting, ErrRevisitTooFar},
		{"re-park before due", func(w Worry) (Worry, error) { return Repark(w, later, now) }, edit(waiting, func(w *Worry) { w.Revisit = now.Add(time.Hour) }),
			edit(waiting, func(w *Worry) { w.Revisit, w.Reviewed = later, now }), nil},
		{"handled archived", func(w Worry) (Worry, error) { return Handled(w, now) }, archived, archived, ErrWorryArchived},
		{"let go archived", func(w Worry) (Worry, error) { return LetGo(w, now) }, archived, archived, ErrWorryArchived},
		{"next step archived", func(w Worry) (Worry, error) { return NextStep(w, "x", later, now) }, archived, archived, ErrWorryArchived},
		{"handled after a next step", func(w Worry) (Worry, error) { return Handled(w, now) },
			edit(waiting, func(w *Worry) { w.Decision, w.NextStep = DecisionNextStep, "call Anna" }),
			edit(waiting, func(w *Worry) {
				w.State, w.Decision, w.Reviewed, w.NextStep = WorryArchived, DecisionHandled, now, "call Anna"
			}), nil},
		{"re-park archived", func(w Worry) (Worry, error) { return Repark(w, later, now) }, archived, archived, ErrWorryArchived},
		{"unknown state", func(w Worry) (Worry, error) { return Handled(w, now) }, edit(waiting, func(w *Worry) { w.State = "" }),
			edit(waiting, func(w *Worry) { w.State = "" }), ErrWorryArchived},
	}
	for _, c := range cases {
		got, err := c.do(c.in)
		if !errors.Is(err, c.err) || got != c.want {
			t.Errorf("%s:\n got %+v %v\nwant %+v %v", c.name, got, err, c.want, c.err)
		}
	}
	// Review works on a copy: the caller's worry is untouched until saved.
	w := waiting
	_, _ = Handled(w, now)
	if w != waiting {
		t.Error("Handled changed its argument")
	}
}

// The diary test of ten years of heavy use holds 10,000 worries; Due runs at
// every start and every reminder.
func BenchmarkDue(b *testing.B) {
	now := time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)
	ws := make([]Worry, 10000)
	for i := range ws {
		ws[i] = Worry{ID: int64(i), Revisit: now.Add(time.Duration((i*7919)%20000-10000) * time.Hour), State: WorryWaiting}
		if i%3 == 0 {
			ws[i].State = WorryArchived
		}
	}
	for b.Loop() {
		_ = Due(ws, now)
	}
}

func ExampleQuickChoices() {
	loc, _ := time.LoadLocation("Europe/Amsterdam")
	now := time.Date(2026, 3, 28, 15, 0, 0, 0, loc) // a Saturday afternoon
	s := WorrySettings{DefaultTime: "10:00", WorryTimeOn: true, WorryTime: "17:30", WorryMinutes: 15}
	for _, c := range QuickChoices(now, s) {
		fmt.Println(c.Key, c.At.Format("Mon 2 Jan 15:04 MST"))
	}
	// Output:
	// worry.when.worrytime Sat 28 Mar 17:30 CET
	// worry.when.tomorrow Sun 29 Mar 10:00 CEST
	// worry.when.monday Mon 30 Mar 10:00 CEST
}
