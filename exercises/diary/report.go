package diary

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"math"
	"strconv"
	"strings"
)

// The therapist's report: one page of HTML that opens in any browser and
// prints on A4, made with html/template (every text is escaped) and an
// inline SVG chart, so it needs no network, no script and no dependency.
// The engine knows no language: the UI fills Report with its words and
// numbers already written the user's way; this file lays them out.

//go:embed report.html
var reportHTML string

var reportTemplate = template.Must(template.New("report").Parse(reportHTML))

// Report is everything on the page, as text in the user's language.
type Report struct {
	Lang  string // the page's language, "en" or "nl"
	Title string // "Practice diary"
	// Lines under the title: the period and when and by what it was made.
	Period, Made string
	Summary      string // days practised, sessions, time in all

	TechniquesTitle string
	Columns         []string // the table's headings
	Rows            [][]string
	TableNote       string // a line under the table, or ""

	ChartTitle                       string
	ChartBefore, ChartAfter, ChartMn string // the legend
	ChartAbout                       string
	Chart                            ReportChart

	VerdictsTitle string
	Verdicts      []ReportVerdict

	NotesTitle string
	Notes      []ReportNote
	NotesMore  string // "12 older notes are in the CSV export", or ""
	Private    string // a footer: this is health data
}

// ReportVerdict is one technique's two-week verdict, as the diary shows it.
type ReportVerdict struct {
	Title, Summary string
	Facts          []string
	NextTitle      string
	Next           string
}

// ReportNote is one session's note with when and what.
type ReportNote struct {
	When, What, Text string
}

// ReportChart is the chart's geometry in SVG user units: the average
// tension before and after (0–10, lines with gaps where a bucket has no
// rating) above the minutes per bucket (bars).
type ReportChart struct {
	Width, Height float64
	Grid          []ReportGridLine
	Before, After []string // polyline point lists, one per run of rated buckets
	BeforeDots    []ReportPoint
	AfterDots     []ReportPoint
	Bars          []ReportBar
	BarsTop       float64 // the top of the minutes panel
	BarsBottom    float64
	MaxMinutes    string // label of the minutes scale's top, e.g. "30 min"
	FromLabel     string // under the first bucket
	ToLabel       string // under the last
	LabelY        float64
	Empty         bool // no bucket has anything to draw
}

// ReportGridLine is a horizontal line of the tension scale with its value.
type ReportGridLine struct {
	Y     float64
	Label string
}

// ReportPoint is a dot on a line.
type ReportPoint struct{ X, Y float64 }

// ReportBar is a minutes bar.
type ReportBar struct{ X, Y, W, H float64 }

// The chart's layout, in SVG units (the page scales it to its width).
const (
	chartW      = 680.0
	chartH      = 230.0
	chartLeft   = 28.0
	chartTop    = 8.0
	chartTensH  = 130.0 // height of the tension plot
	chartBarTop = 160.0
	chartBarBot = 205.0
)

// NewReportChart lays out buckets (oldest first). minutesLabel writes the
// top of the minutes scale ("30 min"); from and to label the ends.
func NewReportChart(buckets []DayStats, minutesLabel func(int) string, from, to string) ReportChart {
	c := ReportChart{Width: chartW, Height: chartH, BarsTop: chartBarTop, BarsBottom: chartBarBot,
		FromLabel: from, ToLabel: to, LabelY: chartH - 6}
	n := len(buckets)
	width := chartW - chartLeft
	x := func(i int) float64 { return chartLeft + width*(float64(i)+0.5)/float64(max(n, 1)) }
	y := func(v float64) float64 { return chartTop + chartTensH*(1-math.Max(0, math.Min(10, v))/10) }
	for _, v := range []float64{0, 5, 10} {
		c.Grid = append(c.Grid, ReportGridLine{Y: round2(y(v)), Label: strconv.Itoa(int(v))})
	}
	runs := func(has func(DayStats) bool, val func(DayStats) float64) (lines []string, dots []ReportPoint) {
		var pts []string
		flush := func() {
			if len(pts) > 1 {
				lines = append(lines, strings.Join(pts, " "))
			}
			pts = pts[:0]
		}
		for i, b := range buckets {
			if !has(b) {
				flush()
				continue
			}
			px, py := round2(x(i)), round2(y(val(b)))
			pts = append(pts, fmt.Sprintf("%g,%g", px, py))
			dots = append(dots, ReportPoint{px, py})
		}
		flush()
		return lines, dots
	}
	c.Before, c.BeforeDots = runs(func(b DayStats) bool { return b.BeforeN > 0 }, func(b DayStats) float64 { return b.Before })
	c.After, c.AfterDots = runs(func(b DayStats) bool { return b.AfterN > 0 }, func(b DayStats) float64 { return b.After })

	most := 0.0
	for _, b := range buckets {
		most = math.Max(most, b.Minutes)
	}
	ceiling := MinutesCeiling(most)
	c.MaxMinutes = minutesLabel(int(ceiling))
	barW := math.Max(1, width/float64(max(n, 1))*0.6)
	for i, b := range buckets {
		if b.Minutes <= 0 {
			continue
		}
		h := (chartBarBot - chartBarTop) * math.Min(1, b.Minutes/ceiling)
		c.Bars = append(c.Bars, ReportBar{X: round2(x(i) - barW/2), Y: round2(chartBarBot - h), W: round2(barW), H: round2(h)})
	}
	c.Empty = len(c.Bars) == 0 && len(c.BeforeDots) == 0 && len(c.AfterDots) == 0
	return c
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }

// MinutesCeiling is the top of a minutes scale: the most minutes in one
// bucket, rounded up to a friendly number (at least 10).
func MinutesCeiling(most float64) float64 {
	for _, c := range []float64{10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 360, 480, 720, 1440, 2880, 5760, 10080} {
		if most <= c {
			return c
		}
	}
	return math.Ceil(most/1440) * 1440
}

// WriteReport writes the report as one HTML page.
func WriteReport(w io.Writer, r Report) error {
	if err := reportTemplate.Execute(w, r); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}
