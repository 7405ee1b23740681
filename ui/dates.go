package ui

import (
	"strconv"
	"time"

	"github.com/ontspan/ontspan/exercises"
)

// Dates in words, one way everywhere: the diary, its chart and report, and
// the worry notebook. The names of months and weekdays and the order of a
// date's parts are texts (assets/translation/date.*.json), so each language
// writes its dates its own way.

// dayOf is the local midnight starting t's day.
func dayOf(t time.Time) time.Time {
	y, m, d := t.In(time.Local).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.Local)
}

// monthName is "November".
func monthName(m time.Month) string { return tr("date.month." + strconv.Itoa(int(m))) }

// monthShort is "Nov".
func monthShort(m time.Month) string { return tr("date.mon." + strconv.Itoa(int(m))) }

// weekdayName is "Tuesday".
func weekdayName(d time.Weekday) string { return tr("date.weekday." + strconv.Itoa(int(d))) }

// weekdayShort is "Tue".
func weekdayShort(d time.Weekday) string { return tr("date.wd." + strconv.Itoa(int(d))) }

// longDate is "Tuesday 24 November" (with the year when it is not this year).
func longDate(day, now time.Time) string {
	data := map[string]any{
		"Weekday": weekdayName(day.Weekday()),
		"Day":     day.Day(),
		"Month":   monthName(day.Month()),
		"Year":    day.Year(),
	}
	if day.Year() != now.Year() {
		return tr("date.long.year", data)
	}
	return tr("date.long", data)
}

// shortDate is "24 Nov", for the chart's axis and a worry's quick choice.
func shortDate(day time.Time) string {
	return tr("date.short", map[string]any{"Day": day.Day(), "Month": monthShort(day.Month())})
}

// shortDateYear is "24 Nov 2025".
func shortDateYear(day time.Time) string {
	return tr("date.short.year", map[string]any{"Day": day.Day(), "Month": monthShort(day.Month()), "Year": day.Year()})
}

// monthYear is "Nov 2025".
func monthYear(day time.Time) string {
	return tr("date.mon.year", map[string]any{"Month": monthShort(day.Month()), "Year": day.Year()})
}

// dateWithYear is "1 November 2026".
func dateWithYear(day time.Time) string {
	return tr("date.dmy", map[string]any{"Day": day.Day(), "Month": monthName(day.Month()), "Year": day.Year()})
}

// dayHeader is a day's title in the diary's list: today, yesterday or the date.
func dayHeader(day, now time.Time) string {
	today := dayOf(now)
	switch {
	case day.Equal(today):
		return tr("diary.today", map[string]any{"Date": longDate(day, now)})
	case day.Equal(today.AddDate(0, 0, -1)):
		return tr("diary.yesterday", map[string]any{"Date": longDate(day, now)})
	}
	return capitalize(longDate(day, now)) // "Zaterdag 28 november", like "Vandaag, …"
}

// weekdayInitial is "T", for the diary's row of day marks.
func weekdayInitial(d time.Weekday) string { return tr("date.wd.initial." + strconv.Itoa(int(d))) }

// clockOf is the local time of day of t, "09:05".
func clockOf(t time.Time) string {
	t = t.In(time.Local)
	return exercises.FormatClock(t.Hour(), t.Minute())
}

// momentText says a moment the way people do, seen from now: "today 17:30",
// "tomorrow 10:00", "yesterday 10:00", "Mon 1 Dec 10:00", and with the year
// when it is not this one.
func momentText(t, now time.Time) string {
	t = t.In(now.Location())
	clock := clockOf(t)
	y, mo, d := now.Date()
	day := func(off int) (int, time.Month, int) {
		return time.Date(y, mo, d+off, 12, 0, 0, 0, now.Location()).Date()
	}
	ty, tm, td := t.Date()
	for off, key := range map[int]string{0: "date.today", 1: "date.tomorrow", -1: "date.yesterday"} {
		if yy, mm, dd := day(off); yy == ty && mm == tm && dd == td {
			return tr(key, map[string]any{"Time": clock})
		}
	}
	data := map[string]any{
		"Day": weekdayShort(t.Weekday()), "D": td,
		"Month": monthShort(tm), "Year": ty, "Time": clock,
	}
	if ty != y {
		return tr("date.moment.year", data)
	}
	return tr("date.moment", data)
}
