package ui

import (
	"strconv"
	"testing"
	"time"
)

// TestDateKeysBuiltFromData: the names of months and weekdays are looked up
// by number, which the key scan in i18n_test.go cannot see.
func TestDateKeysBuiltFromData(t *testing.T) {
	var keys []string
	for d := time.Sunday; d <= time.Saturday; d++ {
		keys = append(keys, "date.weekday."+strconv.Itoa(int(d)), "date.wd."+strconv.Itoa(int(d)), "date.wd.initial."+strconv.Itoa(int(d)))
	}
	for m := time.January; m <= time.December; m++ {
		keys = append(keys, "date.month."+strconv.Itoa(int(m)), "date.mon."+strconv.Itoa(int(m)))
	}
	assertKeys(t, keys)
}

// TestDatesInWords: each form of a date, in both languages, seen from
// Wednesday 25 November 2026 (testStart).
func TestDatesInWords(t *testing.T) {
	march := time.Date(2026, 3, 4, 0, 0, 0, 0, time.Local)
	lastYear := time.Date(2025, 3, 4, 0, 0, 0, 0, time.Local)
	tests := []struct {
		name   string
		got    func() string
		en, nl string
	}{
		{"long", func() string { return longDate(march, testStart) }, "Wednesday 4 March", "woensdag 4 maart"},
		{"long, other year", func() string { return longDate(lastYear, testStart) }, "Tuesday 4 March 2025", "dinsdag 4 maart 2025"},
		{"short", func() string { return shortDate(march) }, "4 Mar", "4 mrt"},
		{"short with year", func() string { return shortDateYear(lastYear) }, "4 Mar 2025", "4 mrt 2025"},
		{"month", func() string { return monthYear(lastYear) }, "Mar 2025", "mrt 2025"},
		{"with year", func() string { return dateWithYear(march) }, "4 March 2026", "4 maart 2026"},
		{"today", func() string { return dayHeader(dayOf(testStart), testStart) }, "Today, Wednesday 25 November", "Vandaag, woensdag 25 november"},
		{"yesterday", func() string { return dayHeader(dayOf(testStart).AddDate(0, 0, -1), testStart) }, "Yesterday, Tuesday 24 November", "Gisteren, dinsdag 24 november"},
		{"earlier", func() string { return dayHeader(dayOf(testStart).AddDate(0, 0, -4), testStart) }, "Saturday 21 November", "Zaterdag 21 november"},
		{"a worry's moment", func() string { return momentText(time.Date(2026, 12, 1, 10, 0, 0, 0, time.Local), testStart) }, "Tue 1 Dec 10:00", "di 1 dec 10:00"},
		{"a worry's moment next year", func() string { return momentText(time.Date(2027, 1, 4, 9, 5, 0, 0, time.Local), testStart) }, "Mon 4 Jan 2027 09:05", "ma 4 jan 2027 09:05"},
	}
	for _, lang := range []string{"en", "nl"} {
		inLanguage(t, lang, func() {
			for _, tt := range tests {
				want := tt.en
				if lang == "nl" {
					want = tt.nl
				}
				if got := tt.got(); got != want {
					t.Errorf("%s, %s: %q, want %q", lang, tt.name, got, want)
				}
			}
		})
	}
}
