package remind

import (
	"fmt"
	"time"
)

// SessionKey is the KV key of the session-running marker.
const SessionKey = "session.running"

// StaleSession is how old a session marker may be before it is ignored: no
// exercise lasts that long, so an older marker was left by a UI that crashed
// or was killed, and must not silence reminders for ever.
const StaleSession = 3 * time.Hour

// MarkSession records that an exercise session started (running true) or
// ended (false) at now. The UI calls it; the agent reads it through
// SessionRunning and gives no reminder while a session runs.
func MarkSession(kv KV, running bool, now time.Time) error {
	v := ""
	if running {
		v = now.UTC().Format(time.RFC3339)
	}
	if err := kv.SetSetting(SessionKey, v); err != nil {
		return fmt.Errorf("mark session: %w", err)
	}
	return nil
}

// SessionRunning reports whether a session was marked running less than
// StaleSession before now. A marker from the future (the clock was set back)
// counts the same way, by distance. Store errors count as "not running":
// a missed silence is better than a missed reminder.
func SessionRunning(kv KV, now time.Time) bool {
	v, ok, err := kv.Setting(SessionKey)
	if err != nil || !ok || v == "" {
		return false
	}
	t, err := time.Parse(time.RFC3339, v)
	if err != nil {
		return false
	}
	d := now.Sub(t)
	if d < 0 {
		d = -d
	}
	return d < StaleSession
}
