package ui

import (
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/ontspan/ontspan/exercises/diary"
)

func TestTensionY(t *testing.T) {
	cases := []struct {
		v    float64
		want float32
	}{
		{0, 110}, // 0 at the bottom of a plot from y=10, 100 tall
		{10, 10}, // 10 at the top
		{5, 60},
		{2.5, 85},
		{-3, 110}, // clamped
		{12, 10},
	}
	for _, c := range cases {
		if got := tensionY(c.v, 10, 100); got != c.want {
			t.Errorf("tensionY(%v) = %v, want %v", c.v, got, c.want)
		}
	}
}

func TestDayX(t *testing.T) {
	if got := dayX(0, 10, 20, 100); got != 25 {
		t.Errorf("first day at %v", got)
	}
	if got := dayX(9, 10, 20, 100); got != 115 {
		t.Errorf("last day at %v", got)
	}
	if got := dayX(0, 0, 20, 100); got != 20 {
		t.Errorf("no days: %v", got)
	}
}

func TestRatedRunsLeaveGaps(t *testing.T) {
	has := []bool{true, true, false, true, false, false, true, true, true}
	want := [][2]int{{0, 1}, {3, 3}, {6, 8}}
	if got := ratedRuns(has); !slices.Equal(got, want) {
		t.Errorf("runs %v, want %v", got, want)
	}
	if got := ratedRuns([]bool{false, false}); got != nil {
		t.Errorf("no ratings: %v", got)
	}
	if got := ratedRuns([]bool{true}); !slices.Equal(got, [][2]int{{0, 0}}) {
		t.Errorf("one day: %v", got)
	}
}

func TestMinutesScale(t *testing.T) {
	for _, c := range []struct{ most, want float64 }{{0, 10}, {4, 10}, {10, 10}, {11, 15}, {31, 45}, {200, 240}, {2000, 2040}} {
		if got := minutesCeiling(c.most); got != c.want {
			t.Errorf("ceiling for %v: %v, want %v", c.most, got, c.want)
		}
	}
	if barHeight(15, 30, 80) != 40 || barHeight(0, 30, 80) != 0 || barHeight(90, 30, 80) != 80 {
		t.Error("bar heights wrong")
	}
}

func chartDays() []diary.DayStats {
	day := time.Date(2026, 11, 1, 0, 0, 0, 0, time.Local)
	days := make([]diary.DayStats, 6)
	for i := range days {
		days[i].Day = day.AddDate(0, 0, i)
	}
	// before on days 0, 1, 3; after on 0, 1, 2, 3; minutes on 0–4.
	for _, i := range []int{0, 1, 3} {
		days[i].Before, days[i].BeforeN = 6, 1
	}
	for _, i := range []int{0, 1, 2, 3} {
		days[i].After, days[i].AfterN = 3, 1
	}
	for i := 0; i < 5; i++ {
		days[i].Sessions, days[i].Minutes = 1, float64(5*(i+1))
	}
	return days
}

func TestChartSeriesHaveGaps(t *testing.T) {
	before, after, hasBefore, hasAfter := chartSeries(chartDays())
	if !slices.Equal(hasBefore, []bool{true, true, false, true, false, false}) ||
		!slices.Equal(hasAfter, []bool{true, true, true, true, false, false}) {
		t.Errorf("has: %v %v", hasBefore, hasAfter)
	}
	if before[0] != 6 || after[2] != 3 {
		t.Errorf("values %v %v", before, after)
	}
	if !hasRatings(chartDays()) || hasRatings(make([]diary.DayStats, 3)) {
		t.Error("hasRatings wrong")
	}
}

// TestChartDrawsNoLineAcrossAGap renders the chart and counts what it drew.
func TestChartDrawsNoLineAcrossAGap(t *testing.T) {
	test.NewTempApp(t)
	c := newTensionChart(chartDays(), func(i int) string { return "d" })
	w := test.NewTempWindow(t, c)
	w.Resize(fyne.NewSize(400, 320))
	r := test.TempWidgetRenderer(t, c)
	var beforeLines, afterLines, dots, bars int
	for _, o := range r.Objects() {
		switch o := o.(type) {
		case *canvas.Line:
			if o.Position1.X == o.Position2.X-20 { // legend samples are 20 wide
				continue
			}
			switch o.StrokeColor {
			case beforeColor():
				beforeLines++
			case afterColor():
				afterLines++
			}
		case *canvas.Circle:
			dots++
		case *canvas.Rectangle:
			if o.Size().Height > 0 && o.Position().Y > 100 {
				bars++
			}
		}
	}
	// before: a run of days 0–1 (one segment) and day 3 alone (none);
	// after: days 0–3, three segments.
	if beforeLines != 1 || afterLines != 3 {
		t.Errorf("segments: before %d, after %d", beforeLines, afterLines)
	}
	if dots != 3+4+2 { // the points and the two legend markers
		t.Errorf("%d dots", dots)
	}
	if bars != 5 {
		t.Errorf("%d bars", bars)
	}
}
