package ui

import "testing"

func TestMarkDiameter(t *testing.T) {
	for _, c := range []struct{ slot, want float32 }{
		{40, markMax}, {24, markMax}, {20, 14}, {16, 10}, {10, markMin}, {0, markMin},
	} {
		if got := markDiameter(c.slot); got != c.want {
			t.Errorf("markDiameter(%v) = %v, want %v", c.slot, got, c.want)
		}
	}
}
