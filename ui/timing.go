package ui

import (
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/ontspan/ontspan/exercises"
)

// TimingLog records, for --timing-log, how late each breathing phase change
// was drawn and heard against when it was due: the pacer's precision target.
type TimingLog struct {
	mu sync.Mutex
	w  io.Writer
}

// NewTimingLog writes lines of "event,step,kind,lateness_ms,frame_ms" to w.
// frame_ms, for drawn events of an animating pacer, is the time since the
// frame before: a change was drawn on the first frame after it was due when
// its lateness is below that. A 60 Hz loop makes lateness up to one frame
// period plus the loop's own work before it draws.
func NewTimingLog(w io.Writer) *TimingLog {
	fmt.Fprintln(w, "event,step,kind,lateness_ms,frame_ms")
	return &TimingLog{w: w}
}

// Drawn notes that step p was first drawn at now.
func (l *TimingLog) Drawn(now time.Time, p exercises.Position) { l.note("drawn", now, p, 0) }

// DrawnFrame notes that step p was first drawn at now by an animation frame,
// the frame before it having been drawn at prev.
func (l *TimingLog) DrawnFrame(now, prev time.Time, p exercises.Position) {
	l.note("drawn", now, p, now.Sub(prev))
}

// Heard notes that step p's tone was started at now.
func (l *TimingLog) Heard(now time.Time, p exercises.Position) { l.note("heard", now, p, 0) }

func (l *TimingLog) note(ev string, now time.Time, p exercises.Position, frame time.Duration) {
	// How far into the step we already are is how late we noticed it.
	late := p.Step.Duration - p.StepLeft
	if p.Step.Manual() {
		late = 0
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	gap := ""
	if frame > 0 {
		gap = fmt.Sprintf("%.3f", float64(frame)/float64(time.Millisecond))
	}
	fmt.Fprintf(l.w, "%s,%d,%s,%.3f,%s\n", ev, p.Index, p.Step.Kind, float64(late)/float64(time.Millisecond), gap)
}
