package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/ontspan/ontspan/exercises/diary"
)

// chartSpan is the diary chart's view: the last 30 days (the default, from
// the statistics already read), the last 90 days, or all time.
type chartSpan int

const (
	span30 chartSpan = iota
	span90
	spanAll
)

// days is the span for diary.Store.Period.
func (c chartSpan) days() int {
	switch c {
	case span90:
		return 90
	case spanAll:
		return diary.AllTime
	}
	return diary.ChartDays
}

func spanNames() []string {
	return []string{tr("diary.chart.view.30"), tr("diary.chart.view.90"), tr("diary.chart.view.all")}
}

// chartBlock is the overview's chart: the choice of view, a title that says
// what is shown, and the chart, or a kind sentence while there are no
// ratings to draw.
func (s *diaryScreen) chartBlock() fyne.CanvasObject {
	// Three buttons, the chosen one highlighted, as the diary's tabs: a
	// horizontal radio row would need 400 px in Dutch.
	views := container.NewGridWithColumns(3)
	for i, name := range spanNames() {
		span := chartSpan(i)
		b := newButton(name, nil, func() {
			if span != s.chartSpan {
				s.chartSpan = span
				// Only the chart changes: the rest of the overview keeps
				// what it read (statistics, verdicts, notes).
				s.chartHolder.Objects = []fyne.CanvasObject{s.chartBlock()}
				s.chartHolder.Refresh()
			}
		})
		if span == s.chartSpan {
			b.Importance = widget.HighImportance
		}
		views.Add(b)
	}

	p := diary.Period{Unit: diary.Daily, Buckets: s.stats.Days}
	if len(p.Buckets) > 0 {
		p.From = p.Buckets[0].Day
	}
	if s.chartSpan != span30 {
		var err error
		if p, err = s.st.Period(s.now, time.Local, s.chartSpan.days()); err != nil {
			fyne.LogError("diary chart", err)
		}
	}
	box := container.NewVBox(subheading(chartTitle(s.chartSpan, p, s.now)), views)
	if !hasRatings(p.Buckets) {
		s.chart = nil
		box.Add(card(para(tr("diary.chart.none"))))
		return box
	}
	s.chart = newTensionChart(p.Buckets, func(i int) string { return axisLabel(p.Unit, p.Buckets[i].Day, s.now) })
	s.chart.describe = func(i int) string { return describeDay(p.Buckets[i], bucketLabel(p.Unit, p.Buckets[i].Day, s.now)) }
	s.chart.today = endLabel(p.Unit)
	box.Add(s.chart)
	box.Add(para(chartAbout(p.Unit)))
	return box
}

// chartTitle says what the chart shows: "last 30 days", "last 90 days", or
// per day, week or month since the first session.
func chartTitle(span chartSpan, p diary.Period, now time.Time) string {
	switch span {
	case span30:
		return tr("diary.chart.title")
	case span90:
		return tr("diary.chart.title.90")
	}
	since := map[string]any{"Date": dateWithYear(p.From)}
	switch p.Unit {
	case diary.Weekly:
		return tr("diary.chart.title.weeks", since)
	case diary.Monthly:
		return tr("diary.chart.title.months", since)
	}
	return tr("diary.chart.title.days", since)
}

// axisLabel names a bucket under the chart: "24 Nov" (with the year when
// it is not this year), "Nov 2025" for a month.
func axisLabel(u diary.Unit, day, now time.Time) string {
	switch {
	case u == diary.Monthly:
		return monthYear(day)
	case day.Year() != now.Year():
		return shortDateYear(day)
	}
	return shortDate(day)
}

// bucketLabel names a bucket when it is pointed at: as on the axis, and
// "week of 2 Nov" for a week.
func bucketLabel(u diary.Unit, day, now time.Time) string {
	if u == diary.Weekly {
		return tr("diary.chart.weekof", map[string]any{"Date": axisLabel(u, day, now)})
	}
	return axisLabel(u, day, now)
}

// chartAbout explains the chart for its unit: a day's, week's or month's
// average, and the gap where there is no rating.
func chartAbout(u diary.Unit) string {
	switch u {
	case diary.Weekly:
		return tr("diary.chart.about.weeks")
	case diary.Monthly:
		return tr("diary.chart.about.months")
	}
	return tr("diary.chart.about")
}

// endLabel is the right end of the axis: today, this week or this month.
func endLabel(u diary.Unit) string {
	switch u {
	case diary.Weekly:
		return tr("diary.chart.thisweek")
	case diary.Monthly:
		return tr("diary.chart.thismonth")
	}
	return tr("diary.chart.today")
}
