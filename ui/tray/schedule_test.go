package tray

import (
	"testing"
	"time"

	"github.com/ontspan/ontspan/exercises"
	"github.com/ontspan/ontspan/exercises/remind"
)

func settings() remind.Settings {
	s := remind.Defaults()
	s.MiniChecks.Enabled = true // 6 between 09:00 and 18:00
	s.Practice = remind.Daily{Enabled: true, At: "20:00"}
	s.WindDown = remind.Daily{Enabled: true, At: "22:00"}
	return s
}

// at is 12 May 2026 (a Tuesday), hh:mm UTC.
func at(hh, mm int) time.Time { return time.Date(2026, 5, 12, hh, mm, 0, 0, time.UTC) }

// runDay drives the scheduler the way the agent's loop does — sleep for the
// wait it asks, wake, step — on a fake clock, and returns what it showed.
func runDay(t *testing.T, clock *exercises.FakeClock, sch *scheduler, until time.Time, s remind.Settings, busy func(time.Time) bool) (shown []remind.Reminder, wakes int) {
	t.Helper()
	for clock.Now().Before(until) {
		show, wait := sch.step(clock.Now(), s, busy(clock.Now()))
		wakes++
		for _, r := range show {
			if late := clock.Now().Sub(r.At); late < 0 || late > time.Second+100*time.Millisecond {
				t.Errorf("%v due %s shown %s late", r.Kind, r.At.Format("15:04:05"), late)
			}
		}
		shown = append(shown, show...)
		if wait < minWait || wait > maxWait {
			t.Fatalf("wait %s outside [%s, %s]", wait, minWait, maxWait)
		}
		clock.Advance(wait)
	}
	return shown, wakes
}

func never(time.Time) bool { return false }

func TestSchedulerWholeDay(t *testing.T) {
	s := settings()
	clock := exercises.NewFakeClock(at(7, 0))
	sch := newScheduler(clock.Now())
	shown, wakes := runDay(t, clock, sch, at(23, 59), s, never)
	want := remind.Plan(at(0, 0), s)
	if len(shown) != len(want) {
		t.Fatalf("showed %d reminders, want %d: %v", len(shown), len(want), shown)
	}
	for i := range want {
		if shown[i].Kind != want[i].Kind || !shown[i].At.Equal(want[i].At) {
			t.Errorf("#%d: %v %s, want %v %s", i, shown[i].Kind, shown[i].At, want[i].Kind, want[i].At)
		}
	}
	// ~17 hours at one wake a minute at most, plus one per reminder.
	if max := 17*60 + 2*len(want) + 5; wakes > max {
		t.Errorf("%d wake-ups, want at most %d: the agent must sleep", wakes, max)
	}
}

func TestSchedulerSessionRunning(t *testing.T) {
	s := settings()
	plan := remind.Plan(at(0, 0), s)
	// A session from 5 minutes before the second mini-check to 5 after it.
	from, to := plan[1].At.Add(-5*time.Minute), plan[1].At.Add(5*time.Minute)
	busy := func(now time.Time) bool { return !now.Before(from) && now.Before(to) }
	clock := exercises.NewFakeClock(at(8, 0))
	shown, _ := runDay(t, clock, newScheduler(clock.Now()), at(19, 0), s, busy)
	if len(shown) != 5 {
		t.Fatalf("showed %d, want 5 (one dropped during the session): %v", len(shown), shown)
	}
	for _, r := range shown {
		if r.At.Equal(plan[1].At) {
			t.Error("the reminder due during the session came anyway, later")
		}
	}
}

func TestSchedulerCatchUp(t *testing.T) {
	s := settings()
	plan := remind.Plan(at(0, 0), s)
	tests := []struct {
		name      string
		from, to  time.Time // asleep between
		wantKinds []remind.Kind
		wantAt    []time.Time
	}{
		{"slept through the morning: one mini-check, the latest", at(8, 0), plan[3].At.Add(10 * time.Minute),
			[]remind.Kind{remind.MiniCheck}, []time.Time{plan[3].At}},
		{"slept too long: the check is stale", at(8, 0), plan[5].At.Add(90 * time.Minute),
			nil, nil},
		{"evening: practice and wind-down, one each", at(19, 0), at(22, 30),
			[]remind.Kind{remind.Practice, remind.WindDown}, []time.Time{at(20, 0), at(22, 0)}},
		{"overnight: nothing from yesterday evening at breakfast", at(19, 0), at(8, 0).AddDate(0, 0, 1),
			nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clock := exercises.NewFakeClock(tt.from)
			sch := newScheduler(clock.Now())
			sch.step(clock.Now(), s, false)
			clock.Set(tt.to) // the jump
			show, _ := sch.step(clock.Now(), s, false)
			if len(show) != len(tt.wantKinds) {
				t.Fatalf("showed %v, want kinds %v", show, tt.wantKinds)
			}
			for i := range show {
				if show[i].Kind != tt.wantKinds[i] || !show[i].At.Equal(tt.wantAt[i]) {
					t.Errorf("#%d: %v %s, want %v %s", i, show[i].Kind, show[i].At, tt.wantKinds[i], tt.wantAt[i])
				}
			}
			if again, _ := sch.step(clock.Now().Add(time.Second), s, false); len(again) != 0 {
				t.Errorf("shown again: %v", again)
			}
		})
	}
}

func TestSchedulerClockBack(t *testing.T) {
	s := settings()
	plan := remind.Plan(at(0, 0), s)
	clock := exercises.NewFakeClock(plan[0].At.Add(-time.Minute))
	sch := newScheduler(clock.Now())
	shown, _ := runDay(t, clock, sch, plan[0].At.Add(time.Minute), s, never)
	if len(shown) != 1 {
		t.Fatalf("before the jump: %v", shown)
	}
	clock.Set(plan[0].At.Add(-30 * time.Minute)) // set back half an hour
	again, _ := runDay(t, clock, sch, plan[1].At.Add(time.Minute), s, never)
	if len(again) != 1 || !again[0].At.Equal(plan[1].At) {
		t.Errorf("after setting the clock back: %v; want only the second check, the first not again", again)
	}
}

func TestSchedulerSettingsChange(t *testing.T) {
	clock := exercises.NewFakeClock(at(8, 0).Add(30 * time.Second))
	sch := newScheduler(clock.Now())
	off := remind.Defaults()
	if show, wait := sch.step(clock.Now(), off, false); show != nil || wait != maxWait {
		t.Fatalf("all off: %v, wait %s; want nothing and a minute", show, wait)
	}
	// While the agent sleeps, the user turns on the daily practice for 08:02.
	on := off
	on.Practice = remind.Daily{Enabled: true, At: "08:02"}
	clock.Advance(maxWait) // 08:01:30
	_, wait := sch.step(clock.Now(), on, false)
	if wait != 30*time.Second+50*time.Millisecond {
		t.Errorf("wait %s; want to wake right after 08:02", wait)
	}
	clock.Advance(wait)
	if show, _ := sch.step(clock.Now(), on, false); len(show) != 1 || show[0].Kind != remind.Practice {
		t.Errorf("practice not shown: %v", show)
	}
}

func TestWaitFor(t *testing.T) {
	s := remind.Defaults()
	s.Practice = remind.Daily{Enabled: true, At: "12:00"}
	tests := []struct {
		now  time.Time
		want time.Duration
	}{
		{at(9, 0), maxWait},
		{at(11, 59).Add(30 * time.Second), 30*time.Second + 50*time.Millisecond},
		{at(12, 0).Add(-100 * time.Millisecond), minWait},
		{at(12, 0), maxWait}, // just shown; the next is tomorrow
	}
	for _, tt := range tests {
		if got := waitFor(tt.now, s); got != tt.want {
			t.Errorf("waitFor(%s) = %s, want %s", tt.now.Format("15:04:05.000"), got, tt.want)
		}
	}
}
