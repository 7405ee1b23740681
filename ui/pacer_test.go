package ui

import (
	"math"
	"testing"
)

func TestCircleMovedOnlyByAWholePixel(t *testing.T) {
	cases := []struct {
		name         string
		old, new, px float64
		want         bool
	}{
		{"no change", 0.5, 0.5, 500, false},
		{"half a pixel", 0.5, 0.5 + 0.5/500, 500, false},
		{"one pixel", 0.5, 0.5 + 1.0/500, 500, true},
		{"full is exact", 0.9999, 1, 500, true},
		{"empty is exact", minScale + 0.0001, minScale, 500, true},
		{"not laid out: tiny", 0.5, 0.5005, 0, false},
		{"not laid out: 0.1%", 0.5, 0.502, 0, true},
		{"HiDPI counts device pixels", 0.5, 0.5 + 0.6/500, 1000, true},
	}
	for _, c := range cases {
		if got := circleMoved(c.old, c.new, c.px); got != c.want {
			t.Errorf("%s: circleMoved(%v, %v, %v) = %v, want %v", c.name, c.old, c.new, c.px, got, c.want)
		}
	}
}

func TestRingPointsCloseOnACircle(t *testing.T) {
	pts := ringPoints(100, 80, 50, ringSegments)
	if len(pts) != ringSegments+1 || pts[0] != pts[ringSegments] {
		t.Fatalf("want %d points, closed; got %d, first %v last %v", ringSegments+1, len(pts), pts[0], pts[len(pts)-1])
	}
	for i, p := range pts {
		if r := math.Hypot(float64(p.X-100), float64(p.Y-80)); math.Abs(r-50) > 1e-3 {
			t.Errorf("point %d at radius %.4f, want 50", i, r)
		}
	}
	// The chords stray from a 500 px ring by well under a pixel.
	if sag := 250 * (1 - math.Cos(math.Pi/ringSegments)); sag > 0.5 {
		t.Errorf("a %d-segment ring strays %.2f px", ringSegments, sag)
	}
}
