package exercises

import "strings"

// ClockMode says how ParseClock reads a time of day: the one parser for
// every "HH:MM" in the app, strict for what the app stored, forgiving for
// what a person typed.
type ClockMode int

const (
	// ClockStored reads what the app writes, "HH:MM" from 00:00 to 23:59,
	// and "H:MM" as earlier versions stored some times.
	ClockStored ClockMode = iota
	// ClockTyped also takes "9.00" (as many Dutch people write it) and
	// spaces around; FormatClock gives it back as stored.
	ClockTyped
)

// ParseClock reads a time of day in the given mode.
func ParseClock(s string, mode ClockMode) (h, m int, ok bool) {
	if mode == ClockTyped {
		s = strings.ReplaceAll(strings.TrimSpace(s), ".", ":")
	}
	hs, ms, found := strings.Cut(s, ":")
	if !found || len(ms) != 2 || len(hs) < 1 || len(hs) > 2 {
		return 0, 0, false
	}
	for _, c := range hs + ms {
		if c < '0' || c > '9' {
			return 0, 0, false
		}
	}
	h, m = clockAtoi(hs), clockAtoi(ms)
	return h, m, h < 24 && m < 60
}

// FormatClock writes a time of day as stored: "09:05".
func FormatClock(h, m int) string {
	return string([]byte{byte('0' + h/10), byte('0' + h%10), ':', byte('0' + m/10), byte('0' + m%10)})
}

// NormalizeClock turns a typed time into the stored form; ok is false when
// it is no time of day, and s is returned as it was.
func NormalizeClock(s string) (string, bool) {
	h, m, ok := ParseClock(s, ClockTyped)
	if !ok {
		return s, false
	}
	return FormatClock(h, m), true
}

func clockAtoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}
