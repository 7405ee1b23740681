package remind

import (
	"testing"
	"time"
	_ "time/tzdata" // Europe/Amsterdam must load even where the system has no tzdata

	"github.com/ontspan/ontspan/exercises"
)

func amsterdam(t testing.TB) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		t.Skipf("no tzdata: %v", err)
	}
	return loc
}

// miniOnly has only mini-checks enabled.
func miniOnly(perDay int, start, end string, skip ...time.Weekday) Settings {
	s := Defaults()
	s.MiniChecks = MiniChecks{Enabled: true, PerDay: perDay, Start: start, End: end, Skip: skip}
	return s
}

func TestPlanSpreadAndCount(t *testing.T) {
	day := time.Date(2026, 5, 12, 7, 0, 0, 0, time.UTC) // a Tuesday
	tests := []struct {
		name       string
		perDay     int
		start, end string
	}{
		{"default", 6, "09:00", "18:00"},
		{"one", 1, "09:00", "18:00"},
		{"max", 15, "09:00", "18:00"},
		{"short window", 15, "12:00", "12:01"},
		{"whole day", 10, "00:00", "23:59"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := miniOnly(tt.perDay, tt.start, tt.end)
			got := Plan(day, s)
			if len(got) != tt.perDay {
				t.Fatalf("got %d reminders, want %d", len(got), tt.perDay)
			}
			st, _ := ParseTimeOfDay(tt.start)
			en, _ := ParseTimeOfDay(tt.end)
			from, to := st.On(day), en.On(day)
			slot := to.Sub(from) / time.Duration(tt.perDay)
			for i, r := range got {
				if r.Kind != MiniCheck {
					t.Errorf("#%d kind %v", i, r.Kind)
				}
				lo := from.Add(time.Duration(i) * slot)
				hi := lo.Add(slot)
				// Each check lies inside its own slot, away from the slot's edges
				// (a second's slack for truncation).
				if r.At.Before(lo.Add(slot*15/100-time.Second)) || r.At.After(hi.Add(-slot*15/100)) {
					t.Errorf("#%d at %s, outside the middle of slot %s–%s", i, r.At.Format("15:04:05"), lo.Format("15:04:05"), hi.Format("15:04:05"))
				}
				if r.At.Before(from) || !r.At.Before(to) {
					t.Errorf("#%d at %s outside the window", i, r.At)
				}
				if i > 0 && !r.At.After(got[i-1].At) {
					t.Errorf("#%d not after #%d: %s, %s", i, i-1, r.At, got[i-1].At)
				}
				if r.At.Nanosecond() != 0 {
					t.Errorf("#%d not on a whole second: %s", i, r.At)
				}
			}
		})
	}
}

func TestPlanKindsAndOrder(t *testing.T) {
	day := time.Date(2026, 5, 12, 0, 0, 0, 0, time.UTC)
	s := miniOnly(3, "09:00", "12:00")
	s.Practice = Daily{Enabled: true, At: "20:00"}
	s.WorryTime = WorryReview{Enabled: true, At: "17:30", Minutes: 15}
	s.WindDown = Daily{Enabled: true, At: "22:15"}
	got := Plan(day, s)
	want := []Kind{MiniCheck, MiniCheck, MiniCheck, WorryTime, Practice, WindDown}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i := range want {
		if got[i].Kind != want[i] {
			t.Errorf("#%d: %v, want %v", i, got[i].Kind, want[i])
		}
	}
	if at := got[3].At; at != time.Date(2026, 5, 12, 17, 30, 0, 0, time.UTC) {
		t.Errorf("worry time at %s", at)
	}
	// Same moment: ordered by kind, so the list is stable.
	s.WindDown.At = "20:00"
	got = Plan(day, s)
	if got[4].Kind != Practice || got[5].Kind != WindDown {
		t.Errorf("tie order: %v %v", got[4].Kind, got[5].Kind)
	}
	if Plan(day, Defaults()) != nil {
		t.Error("defaults plan reminders; everything should start off")
	}
}

func TestPlanDeterministic(t *testing.T) {
	s := miniOnly(6, "09:00", "18:00")
	clock := exercises.NewFakeClock(time.Date(2026, 5, 12, 8, 0, 0, 0, time.UTC))
	a := Plan(clock.Now(), s)
	clock.Advance(5 * time.Hour) // a restarted agent, later the same day
	b := Plan(clock.Now(), s)
	if !equalPlans(a, b) {
		t.Errorf("same day planned differently:\n%v\n%v", a, b)
	}
	clock.Advance(24 * time.Hour)
	if c := Plan(clock.Now(), s); equalPlans(a, c) {
		t.Error("two days got the same moments; the jitter should vary by date")
	}
	// The seed is the date, not the zone: the same wall-clock moments
	// wherever the user is.
	loc := amsterdam(t)
	u := Plan(time.Date(2026, 5, 12, 8, 0, 0, 0, time.UTC), s)
	l := Plan(time.Date(2026, 5, 12, 8, 0, 0, 0, loc), s)
	for i := range u {
		if u[i].At.Format("15:04:05") != l[i].At.Format("15:04:05") {
			t.Errorf("#%d: UTC %s, Amsterdam %s", i, u[i].At.Format("15:04:05"), l[i].At.Format("15:04:05"))
		}
	}
}

func equalPlans(a, b []Reminder) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !a[i].At.Equal(b[i].At) || a[i].Kind != b[i].Kind {
			return false
		}
	}
	return true
}

func TestPlanDST(t *testing.T) {
	loc := amsterdam(t)
	tests := []struct {
		name   string
		day    time.Time
		window time.Duration // real length of 01:00–05:00 that day
	}{
		{"spring forward, 23-hour day", time.Date(2026, 3, 29, 10, 0, 0, 0, loc), 3 * time.Hour},
		{"fall back, 25-hour day", time.Date(2026, 10, 25, 10, 0, 0, 0, loc), 5 * time.Hour},
		{"ordinary day", time.Date(2026, 3, 30, 10, 0, 0, 0, loc), 4 * time.Hour},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := miniOnly(8, "01:00", "05:00")
			s.Practice = Daily{Enabled: true, At: "02:30"} // does not exist on the spring day
			got := Plan(tt.day, s)
			from := time.Date(tt.day.Year(), tt.day.Month(), tt.day.Day(), 1, 0, 0, 0, loc)
			to := time.Date(tt.day.Year(), tt.day.Month(), tt.day.Day(), 5, 0, 0, 0, loc)
			if to.Sub(from) != tt.window {
				t.Fatalf("window is %s, want %s", to.Sub(from), tt.window)
			}
			n := 0
			for _, r := range got {
				if r.At.Day() != tt.day.Day() {
					t.Errorf("%v on the wrong day: %s", r.Kind, r.At)
				}
				if r.Kind == MiniCheck {
					n++
					if r.At.Before(from) || !r.At.Before(to) {
						t.Errorf("mini-check at %s outside %s–%s", r.At, from, to)
					}
				}
				if r.Kind == Practice {
					want := "02:30"
					if tt.day.Month() == time.March && tt.day.Day() == 29 {
						want = "03:30" // 02:30 is skipped: moved forward by the gap
					}
					if got := r.At.Format("15:04"); got != want {
						t.Errorf("practice at %s, want %s", got, want)
					}
				}
			}
			if n != 8 {
				t.Errorf("%d mini-checks, want 8", n)
			}
			// Spread over real time: the gaps add up to less than the window.
			for i := 1; i < len(got); i++ {
				if got[i].Kind == MiniCheck && got[i-1].Kind == MiniCheck {
					if gap := got[i].At.Sub(got[i-1].At); gap <= 0 || gap > 2*tt.window/8 {
						t.Errorf("gap %s between #%d and #%d", gap, i-1, i)
					}
				}
			}
		})
	}
}

func TestSkippedDaysAndPause(t *testing.T) {
	fri := time.Date(2026, 5, 15, 10, 0, 0, 0, time.UTC)
	sat := fri.AddDate(0, 0, 1)
	s := miniOnly(6, "09:00", "18:00", time.Saturday, time.Sunday)
	s.Practice = Daily{Enabled: true, At: "20:00"}
	count := func(rs []Reminder, k Kind) (n int) {
		for _, r := range rs {
			if r.Kind == k {
				n++
			}
		}
		return n
	}
	if n := count(Plan(fri, s), MiniCheck); n != 6 {
		t.Errorf("friday: %d mini-checks", n)
	}
	if n := count(Plan(sat, s), MiniCheck); n != 0 {
		t.Errorf("saturday is skipped, got %d mini-checks", n)
	}
	if n := count(Plan(sat, s), Practice); n != 1 {
		t.Errorf("saturday practice reminder missing: skipping is for mini-checks only")
	}
	s.PauseToday(fri, true)
	if !s.PausedToday(fri) || s.PausedToday(sat) {
		t.Fatal("pause should cover friday only")
	}
	if got := Plan(fri, s); len(got) != 0 {
		t.Errorf("paused friday plans %v", got)
	}
	if got := Plan(sat, s); len(got) != 1 {
		t.Errorf("the pause must lapse the next day, saturday plans %v", got)
	}
	s.PauseToday(fri, false)
	if s.PausedToday(fri) {
		t.Error("pause not lifted")
	}
}

func TestNext(t *testing.T) {
	fri := func(h, m int) time.Time { return time.Date(2026, 5, 15, h, m, 0, 0, time.UTC) }
	weekdays := miniOnly(6, "09:00", "18:00", time.Saturday, time.Sunday)
	monFirst := Plan(time.Date(2026, 5, 18, 0, 0, 0, 0, time.UTC), weekdays)[0]
	friPlan := Plan(fri(0, 0), weekdays)
	paused := weekdays
	paused.PauseToday(fri(8, 0), true)
	withPractice := weekdays
	withPractice.Practice = Daily{Enabled: true, At: "20:00"}

	tests := []struct {
		name string
		now  time.Time
		s    Settings
		want Reminder
		ok   bool
	}{
		{"before the window", fri(7, 0), weekdays, friPlan[0], true},
		{"exactly at one: strictly after", friPlan[2].At, weekdays, friPlan[3], true},
		{"across midnight and the weekend", fri(23, 0), weekdays, monFirst, true},
		{"paused today", fri(8, 0), paused, monFirst, true},
		{"practice on saturday evening", fri(23, 0), withPractice, Reminder{At: time.Date(2026, 5, 16, 20, 0, 0, 0, time.UTC), Kind: Practice}, true},
		{"nothing enabled", fri(8, 0), Defaults(), Reminder{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Next(tt.now, tt.s)
			if ok != tt.ok || !got.At.Equal(tt.want.At) || got.Kind != tt.want.Kind {
				t.Errorf("Next = %v %v, %v; want %v %v, %v", got.At, got.Kind, ok, tt.want.At, tt.want.Kind, tt.ok)
			}
		})
	}
}

func TestNextAcrossDST(t *testing.T) {
	loc := amsterdam(t)
	s := Defaults()
	s.WindDown = Daily{Enabled: true, At: "22:00"}
	// Saturday 23:00 before the spring change: the next wind-down is Sunday
	// 22:00 CEST, 22 real hours later on a 23-hour day.
	now := time.Date(2026, 3, 28, 23, 0, 0, 0, loc)
	r, ok := Next(now, s)
	if !ok || r.At.Format("2006-01-02 15:04 MST") != "2026-03-29 22:00 CEST" || r.At.Sub(now) != 22*time.Hour {
		t.Errorf("Next = %s (%s later)", r.At, r.At.Sub(now))
	}
}

func TestDue(t *testing.T) {
	s := miniOnly(6, "09:00", "18:00")
	s.Practice = Daily{Enabled: true, At: "20:00"}
	day := time.Date(2026, 5, 12, 0, 0, 0, 0, time.UTC)
	plan := Plan(day, s)

	clock := exercises.NewFakeClock(time.Date(2026, 5, 12, 8, 0, 0, 0, time.UTC))
	since := clock.Now()
	clock.Advance(10 * time.Hour) // the laptop slept until 18:00
	got := Due(since, clock.Now(), s)
	if len(got) != 6 {
		t.Fatalf("after a jump to 18:00: %d due, want the 6 mini-checks: %v", len(got), got)
	}
	if !equalPlans(got, plan[:6]) {
		t.Errorf("due %v, want %v", got, plan[:6])
	}

	// Bounds: (since, now] — a reminder exactly at since was already handled.
	if got := Due(plan[0].At, plan[1].At, s); len(got) != 1 || !got[0].At.Equal(plan[1].At) {
		t.Errorf("(first, second] = %v", got)
	}

	// The clock jumped backwards: nothing is due, nothing repeats.
	back := clock.Now()
	clock.Set(back.Add(-3 * time.Hour))
	if got := Due(back, clock.Now(), s); got != nil {
		t.Errorf("clock backwards: %v", got)
	}

	// Across midnight and a long absence: bounded, still in order.
	// (May 5 20:00, May 12 20:00]: seven whole days of 6 checks + practice.
	got = Due(day.Add(-30*24*time.Hour), day.Add(20*time.Hour), s)
	if len(got) != 7*7 {
		t.Errorf("a month away: %d due, want %d (a week of 6+1)", len(got), 7*7)
	}
	for i := 1; i < len(got); i++ {
		if got[i].At.Before(got[i-1].At) {
			t.Fatalf("not in order at #%d", i)
		}
	}
}

func BenchmarkPlan(b *testing.B) {
	s := miniOnly(15, "09:00", "18:00")
	s.Practice.Enabled, s.WorryTime.Enabled, s.WindDown.Enabled = true, true, true
	day := time.Date(2026, 5, 12, 0, 0, 0, 0, amsterdam(b))
	for b.Loop() {
		Plan(day, s)
	}
}

func BenchmarkNext(b *testing.B) {
	// The worst case the agent meets: late on a Friday with weekends skipped.
	s := miniOnly(6, "09:00", "18:00", time.Saturday, time.Sunday)
	now := time.Date(2026, 5, 15, 23, 0, 0, 0, amsterdam(b))
	for b.Loop() {
		Next(now, s)
	}
}
