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

// NewTimingLog writes lines of "event,step,kind,lateness_ms" to w.
func NewTimingLog(w io.Writer) *TimingLog {
	fmt.Fprintln(w, "event,step,kind,lateness_ms")
	return &TimingLog{w: w}
}

// Drawn notes that step p was first drawn at now.
func (l *TimingLog) Drawn(now time.Time, p exercises.Position) { l.note("drawn", now, p) }

// Heard notes that step p's tone was started at now.
func (l *TimingLog) Heard(now time.Time, p exercises.Position) { l.note("heard", now, p) }

func (l *TimingLog) note(ev string, now time.Time, p exercises.Position) {
	// How far into the step we already are is how late we noticed it.
	late := p.Step.Duration - p.StepLeft
	if p.Step.Manual() {
		late = 0
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	fmt.Fprintf(l.w, "%s,%d,%s,%.3f\n", ev, p.Index, p.Step.Kind, float64(late)/float64(time.Millisecond))
}
