package exercises

import (
	"testing"
	"time"
)

// frame is one 60 Hz animation frame: how often the pacer asks At.
const frame = time.Second / 60

// BenchmarkSessionAtRunning is the pacer's per-frame cost on a session that
// stays running (BenchmarkSessionAt runs on past the end after ~75,000
// frames and then times a finished session).
func BenchmarkSessionAtRunning(b *testing.B) {
	ex := Pattern46.Exercise(Length{Minutes: 20})
	s, _ := newRun(ex)
	now := t0
	for b.Loop() {
		now = now.Add(frame)
		if now.Sub(t0) >= ex.Duration() {
			now = t0.Add(frame)
			s, _ = newRun(ex)
		}
		_ = s.At(now)
	}
}

// BenchmarkSessionAtConcurrent is At with the cue goroutine asking too, as
// in the app: the frame loop and the cue timer share the session's lock.
func BenchmarkSessionAtConcurrent(b *testing.B) {
	s, _ := newRun(Pattern46.Exercise(Length{Minutes: 20}))
	b.RunParallel(func(pb *testing.PB) {
		now := t0
		for pb.Next() {
			now = now.Add(time.Millisecond)
			if now.Sub(t0) > 19*time.Minute {
				now = t0
			}
			_ = s.At(now)
		}
	})
}

// BenchmarkNextChange is what the cue goroutine does once per phase.
func BenchmarkNextChange(b *testing.B) {
	s, _ := newRun(Pattern46.Exercise(Length{Minutes: 20}))
	now := t0
	for b.Loop() {
		now = now.Add(frame)
		if now.Sub(t0) > 19*time.Minute {
			now = t0.Add(frame)
			s, _ = newRun(Pattern46.Exercise(Length{Minutes: 20}))
		}
		_, _ = s.NextChange(now)
	}
}

// BenchmarkPauseResume is Space, Space on a running session.
func BenchmarkPauseResume(b *testing.B) {
	s, c := newRun(Pattern46.Exercise(Length{Minutes: 20}))
	for b.Loop() {
		c.Advance(time.Millisecond)
		s.Pause()
		s.Resume()
	}
}

// BenchmarkNewSession is opening the run screen: the longest built-in
// session's steps and timeline.
func BenchmarkNewSession(b *testing.B) {
	c := NewFakeClock(t0)
	for b.Loop() {
		s := NewSession(Pattern46.Exercise(Length{Minutes: 20}), c)
		s.Start()
	}
}

// BenchmarkThirtyMinutesOfFrames asks a 20-minute session for every frame
// of 30 minutes with a pause in the middle, the soak's load on the engine, and
// fails if the pacer has drifted from the clock by even a nanosecond.
func BenchmarkThirtyMinutesOfFrames(b *testing.B) {
	ex := Pattern46.Exercise(Length{Minutes: 20})
	const frames = 30 * 60 * 60
	for b.Loop() {
		s, c := newRun(ex)
		for i := 1; i <= frames; i++ {
			c.Advance(frame)
			if i == frames/3 {
				s.Pause()
				c.Advance(10 * time.Minute)
				s.Resume()
			}
			_ = s.Now()
		}
		// 30 minutes of frames minus the 10-minute pause = 20 minutes
		// practised: the session has just ended, exactly on time.
		p := s.Now()
		if p.State != Finished || p.Elapsed != ex.Duration() {
			b.Fatalf("after 30 minutes: state %v, elapsed %v; want finished at %v", p.State, p.Elapsed, ex.Duration())
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*frames), "ns/frame")
}
