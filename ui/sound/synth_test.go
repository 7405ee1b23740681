package sound

import (
	"math"
	"testing"
)

func TestCuesAreSoftAndDistinct(t *testing.T) {
	var firsts []float64
	for c := range cueNotes {
		s := Samples(c)
		if len(s) == 0 {
			t.Fatalf("cue %d is empty", c)
		}
		var peak float64
		for _, v := range s {
			peak = math.Max(peak, math.Abs(float64(v)))
		}
		if peak > 0.5 || peak < 0.02 {
			t.Errorf("cue %d peak %.3f: should be soft but audible", c, peak)
		}
		if math.Abs(float64(s[0])) > 0.01 || math.Abs(float64(s[len(s)-1])) > 0.01 {
			t.Errorf("cue %d starts or ends with a click", c)
		}
		firsts = append(firsts, cueNotes[c][0].freq)
	}
	if firsts[0] == firsts[1] {
		t.Error("in and out must differ in pitch")
	}
	if len(Samples(3)) < 2*len(Samples(0)) {
		t.Error("the end chime should be clearly longer than a breath tone")
	}
	if Samples(-1) != nil || Samples(99) != nil {
		t.Error("unknown cues should give nothing")
	}
}

func TestGainFollowsTheEar(t *testing.T) {
	for _, c := range []struct{ in, want float64 }{{-1, 0}, {0, 0}, {0.5, 0.25}, {1, 1}, {2, 1}} {
		if got := Gain(c.in); math.Abs(got-c.want) > 1e-9 {
			t.Errorf("Gain(%v) = %v, want %v", c.in, got, c.want)
		}
	}
}
