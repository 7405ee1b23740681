package exercises

import "testing"

func TestParseClockModes(t *testing.T) {
	cases := []struct {
		in            string
		stored, typed bool
		h, m          int
	}{
		{"09:05", true, true, 9, 5},
		{"23:59", true, true, 23, 59},
		{"00:00", true, true, 0, 0},
		{"9:05", true, true, 9, 5},
		{"9.05", false, true, 9, 5},
		{" 21:30 ", false, true, 21, 30},
		{"24:00", false, false, 0, 0},
		{"12:60", false, false, 0, 0},
		{"1230", false, false, 0, 0},
		{"12:5", false, false, 0, 0},
		{"123:00", false, false, 0, 0},
		{"-1:00", false, false, 0, 0},
		{"", false, false, 0, 0},
		{"ab:cd", false, false, 0, 0},
	}
	for _, c := range cases {
		for _, mode := range []ClockMode{ClockStored, ClockTyped} {
			want := c.stored
			if mode == ClockTyped {
				want = c.typed
			}
			h, m, ok := ParseClock(c.in, mode)
			if ok != want || ok && (h != c.h || m != c.m) {
				t.Errorf("ParseClock(%q, %d) = %d, %d, %v; want %d, %d, %v", c.in, mode, h, m, ok, c.h, c.m, want)
			}
		}
	}
	if got, ok := NormalizeClock("9.05"); !ok || got != "09:05" {
		t.Errorf("NormalizeClock(9.05) = %q, %v", got, ok)
	}
	if got, ok := NormalizeClock("noon"); ok || got != "noon" {
		t.Errorf("NormalizeClock(noon) = %q, %v", got, ok)
	}
}
