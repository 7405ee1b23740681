package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/ontspan/ontspan/exercises"
)

func TestTimingLogLatenessAndFrameGap(t *testing.T) {
	var b strings.Builder
	l := NewTimingLog(&b)
	step := exercises.Step{Kind: exercises.Exhale, Duration: 6 * time.Second}
	p := exercises.Position{Index: 1, Step: step, StepLeft: 6*time.Second - 5*time.Millisecond}
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	l.DrawnFrame(now, now.Add(-16*time.Millisecond), p)
	l.Heard(now, p)
	want := "event,step,kind,lateness_ms,frame_ms\n" +
		"drawn,1," + step.Kind.String() + ",5.000,16.000\n" +
		"heard,1," + step.Kind.String() + ",5.000,\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}
