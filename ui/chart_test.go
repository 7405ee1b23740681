package ui

import (
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
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
	for _, c := range []struct{ most, want float64 }{{0, 10}, {4, 10}, {10, 10}, {11, 15}, {31, 45}, {200, 240}, {2000, 2880}} {
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

func TestDayAt(t *testing.T) {
	// Ten days over 100 px from x=20: day i covers [20+10i, 30+10i).
	for _, c := range []struct {
		x    float32
		want int
	}{{20, 0}, {29.9, 0}, {30, 1}, {115, 9}, {119.9, 9}, {120, -1}, {19, -1}} {
		if got := dayAt(c.x, 10, 20, 100); got != c.want {
			t.Errorf("dayAt(%v) = %d, want %d", c.x, got, c.want)
		}
	}
	for i := 0; i < 10; i++ {
		if got := dayAt(dayX(i, 10, 20, 100), 10, 20, 100); got != i {
			t.Errorf("dayAt(dayX(%d)) = %d", i, got)
		}
	}
	if dayAt(50, 0, 20, 100) != -1 {
		t.Error("no days")
	}
}

// TestChartShowsTheValuesPointedAt: pointing at a day shows its values where
// the legend was, with nothing else moving; leaving hides them; a tap shows
// them (a second one too: a mouse click follows its hover) and a tap beside
// the days hides them.
func TestChartShowsTheValuesPointedAt(t *testing.T) {
	test.NewTempApp(t)
	_ = setLanguage("en")
	c := newTensionChart(chartDays(), func(i int) string { return shortDate(chartDays()[i].Day) })
	w := test.NewTempWindow(t, c)
	w.Resize(fyne.NewSize(400, 320))
	r := test.TempWidgetRenderer(t, c)
	texts := func() []string {
		var out []string
		for _, o := range r.Objects() {
			if t, ok := o.(*canvas.Text); ok {
				out = append(out, t.Text)
			}
		}
		return out
	}
	hasText := func(s string) bool { return slices.Contains(texts(), s) }
	if !hasText("Before") || c.pointed != -1 {
		t.Fatal("no legend at rest")
	}
	at := func(i int) fyne.Position {
		return fyne.NewPos(dayX(i, len(c.days), c.plotLeft, c.plotW), c.plotTop+10)
	}
	objs := r.Objects()
	last := objs[len(objs)-1] // a date label: the rest of the chart, built once
	c.MouseIn(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: at(1)}})
	if objs = r.Objects(); objs[len(objs)-1] != last {
		t.Error("pointing at a day built the whole chart again")
	}
	if want := "2 Nov: tension 6.0 → 3.0 · 10 min"; !hasText(want) || hasText("Before") {
		t.Errorf("pointing at day 1 shows %q, want %q", texts(), want)
	}
	c.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: at(2)}})
	if !hasText("3 Nov: tension – → 3.0 · 15 min") {
		t.Errorf("day 2 (no rating before): %q", texts())
	}
	c.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: at(5)}})
	if !hasText("6 Nov: no practice") {
		t.Errorf("a day without practice: %q", texts())
	}
	c.MouseOut()
	if !hasText("Before") || c.pointed != -1 {
		t.Error("the legend did not come back")
	}
	c.Tapped(&fyne.PointEvent{Position: at(0)})
	if c.pointed != 0 {
		t.Error("a tap shows nothing")
	}
	c.Tapped(&fyne.PointEvent{Position: at(0)})
	if c.pointed != 0 {
		t.Error("a click on the day already shown hides it")
	}
	c.Tapped(&fyne.PointEvent{Position: fyne.NewPos(1, 1)})
	if c.pointed != -1 {
		t.Error("a tap beside the days does not hide them")
	}
}
