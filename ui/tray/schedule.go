package tray

import (
	"time"

	"github.com/ontspan/ontspan/exercises/remind"
)

// maxWait caps every sleep of the agent: once a minute it wakes to reload
// the settings (the UI may have changed them), notice a changed clock, and
// look for a tray host that appeared. Nothing wakes it more often.
const maxWait = time.Minute

// minWait keeps a timer that fires a hair early (the wall clock and the
// monotonic clock timers use can drift apart) from turning into a spin.
const minWait = time.Second

// lateBy is how late a reminder may still be shown, after a sleep or a
// clock jump. Past it the moment has gone: a wind-down nudge at breakfast
// would only confuse.
var lateBy = map[remind.Kind]time.Duration{
	remind.MiniCheck: time.Hour,
	remind.Practice:  3 * time.Hour,
	remind.WorryTime: 2 * time.Hour,
	remind.WindDown:  time.Hour,
}

// scheduler decides, each time the agent wakes, what to show. It is pure:
// it is given the time, the settings and whether a session runs, and keeps
// only what it has already handled, so tests drive it with a FakeClock.
type scheduler struct {
	last  time.Time             // reminders up to here are handled
	shown map[shownKey]struct{} // handled reminders, so a clock set back does not repeat them
}

type shownKey struct {
	unix int64
	kind remind.Kind
}

// newScheduler starts at start: what fell due before the agent ran is not
// caught up (the user was not at this computer, or did not want reminders).
func newScheduler(start time.Time) *scheduler {
	return &scheduler{last: start, shown: make(map[shownKey]struct{})}
}

// step is one wake-up at now. It returns the reminders to show now — at
// most one of each kind, the latest, however many fell due while the
// machine slept — and how long to sleep before the next step.
// While a session runs, due reminders are dropped, not postponed: the user
// is already practising.
func (c *scheduler) step(now time.Time, s remind.Settings, sessionRunning bool) (show []remind.Reminder, wait time.Duration) {
	if now.Before(c.last) {
		// The clock was set back. Start again from now; shown keeps the
		// reminders of the repeated stretch from coming twice.
		c.last = now
	}
	due := remind.Due(c.last, now, s)
	c.last = now

	latest := make(map[remind.Kind]remind.Reminder)
	for _, r := range due {
		k := shownKey{r.At.Unix(), r.Kind}
		if _, done := c.shown[k]; done {
			continue
		}
		c.shown[k] = struct{}{}
		if now.Sub(r.At) <= lateBy[r.Kind] {
			latest[r.Kind] = r // due is sorted: the last one wins
		}
	}
	if !sessionRunning {
		for _, k := range remind.Kinds {
			if r, ok := latest[k]; ok {
				show = append(show, r)
			}
		}
	}
	for k := range c.shown {
		if d := now.Unix() - k.unix; d > 2*86400 || d < -2*86400 {
			delete(c.shown, k)
		}
	}
	return show, waitFor(now, s)
}

// waitFor is how long to sleep at now: until just after the next reminder,
// but never longer than maxWait or shorter than minWait.
func waitFor(now time.Time, s remind.Settings) time.Duration {
	wait := maxWait
	if r, ok := remind.Next(now, s); ok {
		// A little past the moment, so the next step sees it as due.
		if d := r.At.Sub(now) + 50*time.Millisecond; d < wait {
			wait = d
		}
	}
	return max(wait, minWait)
}
