package ui

import (
	"image/color"
	"math"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ontspan/ontspan/exercises/diary"
)

// tensionChart draws the diary's last days: the average tension before and
// after practice (0–10) as two lines, and the minutes practised per day as
// bars below them. A day without ratings leaves a gap in its line rather
// than a made-up value. It is drawn from canvas primitives; the maths that
// places values (tensionY, dayX, ratedRuns, barHeight, minutesCeiling) are
// pure functions with tests.
//
// Pointing at the chart (or tapping it) shows that day's values in place of
// the legend, with a guide line: the same row, so nothing moves.
type tensionChart struct {
	widget.BaseWidget
	days []diary.DayStats
	// the texts, translated by the screen
	before, after, minutes, today string
	dayLabel                      func(i int) string // a short date for an x-axis label
	describe                      func(i int) string // day i's values in words, for pointing

	pointed           int     // the day pointed at, or -1
	plotLeft, plotW   float32 // where the days are, from the last layout
	plotTop, plotBott float32
	renderer          *chartRenderer // nil until drawn
}

func newTensionChart(days []diary.DayStats, dayLabel func(int) string) *tensionChart {
	c := &tensionChart{
		days:     days,
		before:   tr("diary.chart.before"),
		after:    tr("diary.chart.after"),
		minutes:  tr("diary.chart.minutes"),
		today:    tr("diary.chart.today"),
		dayLabel: dayLabel,
		pointed:  -1,
	}
	c.describe = func(i int) string { return describeDay(c.days[i], c.dayLabel(i)) }
	c.ExtendBaseWidget(c)
	return c
}

// describeDay is one day's (or week's, or month's) values in words:
// "24 Nov: tension 6.0 → 3.5 · 12 min", or that there was no practice.
func describeDay(d diary.DayStats, label string) string {
	if d.Sessions == 0 {
		return tr("diary.chart.point.none", map[string]any{"Day": label})
	}
	r := func(v float64, n int) string {
		if n == 0 {
			return "–"
		}
		return decimal(v)
	}
	return tr("diary.chart.point", map[string]any{"Day": label, "Before": r(d.Before, d.BeforeN),
		"After": r(d.After, d.AfterN), "Minutes": durationText(time.Duration(d.Minutes * float64(time.Minute)))})
}

// dayAt is the day under x in a band that starts at left and is width wide
// with n equal slots (the inverse of dayX), or -1 outside it.
func dayAt(x float32, n int, left, width float32) int {
	if n <= 0 || width <= 0 || x < left || x >= left+width {
		return -1
	}
	return min(int((x-left)/(width/float32(n))), n-1)
}

func (c *tensionChart) point(p fyne.Position) {
	i := -1
	if p.Y >= 0 && p.Y <= c.plotBott {
		i = dayAt(p.X, len(c.days), c.plotLeft, c.plotW)
	}
	if i != c.pointed {
		c.pointed = i
		// Only the day's guide line and values change: the rest of the
		// chart (a few hundred objects for "all") stays as it is.
		if c.renderer != nil {
			c.renderer.compose()
			canvas.Refresh(c)
		}
	}
}

// MouseIn, MouseMoved and MouseOut show the values of the day under the pointer.
func (c *tensionChart) MouseIn(e *desktop.MouseEvent)    { c.point(e.Position) }
func (c *tensionChart) MouseMoved(e *desktop.MouseEvent) { c.point(e.Position) }
func (c *tensionChart) MouseOut()                        { c.point(fyne.NewPos(-1, -1)) }

// Tapped shows a day's values on a touch screen, where nothing hovers; a
// tap beside the days hides them. (No toggling: with a mouse, the click
// comes right after the hover that already shows the day.)
func (c *tensionChart) Tapped(e *fyne.PointEvent) { c.point(e.Position) }

// tensionY maps a tension rating (0–10, clamped) to a y coordinate in a
// plot area that starts at top and is height tall: 10 at the top, 0 at the
// bottom.
func tensionY(v float64, top, height float32) float32 {
	v = math.Max(0, math.Min(10, v))
	return top + height*float32(1-v/10)
}

// dayX is the x coordinate of the centre of day i of n, in a band that
// starts at left and is width wide; each day gets an equal slot.
func dayX(i, n int, left, width float32) float32 {
	if n <= 0 {
		return left
	}
	slot := width / float32(n)
	return left + slot*(float32(i)+0.5)
}

// ratedRuns returns the runs of consecutive days that have a value, as
// [first, last] index pairs. Each run is drawn as one connected line; a day
// without ratings ends a run, so the chart shows a gap there.
func ratedRuns(has []bool) [][2]int {
	var runs [][2]int
	start := -1
	for i, h := range has {
		switch {
		case h && start < 0:
			start = i
		case !h && start >= 0:
			runs = append(runs, [2]int{start, i - 1})
			start = -1
		}
	}
	if start >= 0 {
		runs = append(runs, [2]int{start, len(has) - 1})
	}
	return runs
}

// minutesCeiling is the top of the minutes axis: the most minutes on one
// day (or week, or month), rounded up to a friendly number (at least 10).
func minutesCeiling(most float64) float64 { return diary.MinutesCeiling(most) }

// barHeight is how tall the bar for minutes is in a panel height tall
// whose top stands for ceiling minutes.
func barHeight(minutes, ceiling float64, height float32) float32 {
	if ceiling <= 0 || minutes <= 0 {
		return 0
	}
	return height * float32(math.Min(1, minutes/ceiling))
}

// chartSeries returns the per-day averages the chart draws and whether each
// day has one: before (rated before) and after (rated after).
func chartSeries(days []diary.DayStats) (before, after []float64, hasBefore, hasAfter []bool) {
	for _, d := range days {
		before = append(before, d.Before)
		after = append(after, d.After)
		hasBefore = append(hasBefore, d.BeforeN > 0)
		hasAfter = append(hasAfter, d.AfterN > 0)
	}
	return
}

// hasRatings reports whether any day has a tension rating to draw.
func hasRatings(days []diary.DayStats) bool {
	for _, d := range days {
		if d.BeforeN > 0 || d.AfterN > 0 {
			return true
		}
	}
	return false
}

// MinSize is small enough for a 360 px window.
func (c *tensionChart) MinSize() fyne.Size {
	c.ExtendBaseWidget(c)
	return fyne.NewSize(300, 300)
}

func (c *tensionChart) CreateRenderer() fyne.WidgetRenderer {
	r := &chartRenderer{c: c}
	r.build(c.Size())
	c.renderer = r
	return r
}

type chartRenderer struct {
	c      *tensionChart
	legend []fyne.CanvasObject // shown while no day is pointed at
	static []fyne.CanvasObject // grid, series, bars and dates
	objs   []fyne.CanvasObject // what is drawn: legend or the pointed day, then static
}

func (r *chartRenderer) Layout(s fyne.Size)           { r.build(s) }
func (r *chartRenderer) MinSize() fyne.Size           { return fyne.NewSize(300, 300) }
func (r *chartRenderer) Objects() []fyne.CanvasObject { return r.objs }
func (r *chartRenderer) Destroy()                     {}
func (r *chartRenderer) Refresh() {
	r.build(r.c.Size())
	canvas.Refresh(r.c)
}

// chart colours: theme colours, so the chart reads in light and dark, each
// at 3:1 or more against the page (theme_test.go).
func beforeColor() color.Color { return theme.Color(colorNameChartBefore) }
func afterColor() color.Color  { return theme.Color(theme.ColorNamePrimary) }
func barColor() color.Color    { return theme.Color(colorNameChartBar) }

// build lays the whole chart out again for size s. A chart of 30 days is a
// few hundred primitives, drawn only when the screen changes; pointing at a
// day only composes again.
func (r *chartRenderer) build(s fyne.Size) {
	r.objs = r.objs[:0]
	r.legend, r.static = r.legend[:0], r.static[:0]
	defer r.compose()
	if s.Width <= 0 || s.Height <= 0 {
		return
	}
	c := r.c
	fg := theme.Color(theme.ColorNameForeground)
	muted := theme.Color(theme.ColorNamePlaceHolder)
	grid := theme.Color(theme.ColorNameSeparator)
	small := theme.TextSize() * 0.8
	pad := theme.Padding()

	text := func(s string, col color.Color, x, y float32, align fyne.TextAlign) *canvas.Text {
		t := canvas.NewText(s, col)
		t.TextSize = small
		t.Alignment = align
		m := t.MinSize()
		switch align {
		case fyne.TextAlignTrailing:
			x -= m.Width
		case fyne.TextAlignCenter:
			x -= m.Width / 2
		}
		t.Move(fyne.NewPos(x, y))
		t.Resize(m)
		r.objs = append(r.objs, t)
		return t
	}
	line := func(col color.Color, w float32, x1, y1, x2, y2 float32) {
		l := canvas.NewLine(col)
		l.StrokeWidth = w
		l.Position1, l.Position2 = fyne.NewPos(x1, y1), fyne.NewPos(x2, y2)
		r.objs = append(r.objs, l)
	}
	dot := func(col color.Color, filled bool, x, y float32) {
		d := canvas.NewCircle(color.Transparent)
		if filled {
			d.FillColor = col
		} else {
			d.FillColor = theme.Color(theme.ColorNameBackground)
		}
		d.StrokeColor, d.StrokeWidth = col, 2
		d.Move(fyne.NewPos(x-4, y-4))
		d.Resize(fyne.NewSize(8, 8))
		r.objs = append(r.objs, d)
	}

	lineH := canvas.NewText("0", fg)
	lineH.TextSize = small
	th := lineH.MinSize().Height

	// Legend: ○— before   ●— after   ▮ minutes
	x := float32(0)
	legend := func(label string, draw func(x, y float32)) {
		draw(x, th/2)
		t := text(label, fg, x+26, 0, fyne.TextAlignLeading)
		x += 26 + t.MinSize().Width + 3*pad
	}
	legend(c.before, func(x, y float32) { line(beforeColor(), 2, x, y, x+20, y); dot(beforeColor(), false, x+10, y) })
	legend(c.after, func(x, y float32) { line(afterColor(), 2, x, y, x+20, y); dot(afterColor(), true, x+10, y) })
	legend(c.minutes, func(x, y float32) {
		b := canvas.NewRectangle(barColor())
		b.Move(fyne.NewPos(x+5, y-th/3))
		b.Resize(fyne.NewSize(10, th*2/3))
		r.objs = append(r.objs, b)
	})
	r.legend = append(r.legend, r.objs...)
	r.objs = r.objs[:0]

	// Areas: the tension plot, a gap, the minutes bars, the date labels.
	axisW := text("10", muted, 0, -1000, fyne.TextAlignLeading).MinSize().Width + pad
	r.objs = r.objs[:len(r.objs)-1] // that text only measured the axis
	left := axisW
	width := s.Width - left
	top := th + 2*pad
	bottom := s.Height - th - pad // date labels below
	avail := bottom - top
	plotH := avail * 0.62
	barsTop := top + plotH + th + pad
	barsH := bottom - barsTop
	n := len(c.days)
	c.plotLeft, c.plotW, c.plotTop, c.plotBott = left, width, top, bottom

	// Tension: grid at 0, 5 and 10.
	for _, v := range []float64{0, 5, 10} {
		y := tensionY(v, top, plotH)
		line(grid, 1, left, y, s.Width, y)
		text(strconv.Itoa(int(v)), muted, axisW-pad, y-th/2, fyne.TextAlignTrailing)
	}
	before, after, hasBefore, hasAfter := chartSeries(c.days)
	series := func(vals []float64, has []bool, col color.Color, filled bool) {
		for _, run := range ratedRuns(has) {
			for i := run[0]; i < run[1]; i++ {
				line(col, 2, dayX(i, n, left, width), tensionY(vals[i], top, plotH),
					dayX(i+1, n, left, width), tensionY(vals[i+1], top, plotH))
			}
		}
		for i, ok := range has {
			if ok {
				dot(col, filled, dayX(i, n, left, width), tensionY(vals[i], top, plotH))
			}
		}
	}
	series(before, hasBefore, beforeColor(), false)
	series(after, hasAfter, afterColor(), true)

	// Minutes: bars on their own scale, with the top of the scale labelled.
	most := 0.0
	for _, d := range c.days {
		most = math.Max(most, d.Minutes)
	}
	ceiling := minutesCeiling(most)
	text(tr("diary.chart.minutes.max", map[string]any{"N": int(ceiling)}), muted, left, barsTop-th, fyne.TextAlignLeading)
	line(grid, 1, left, barsTop+barsH, s.Width, barsTop+barsH)
	slot := width / float32(max(n, 1))
	barW := max(2, slot*0.6)
	for i, d := range c.days {
		h := barHeight(d.Minutes, ceiling, barsH-th/2)
		if h <= 0 {
			continue
		}
		b := canvas.NewRectangle(barColor())
		b.Move(fyne.NewPos(dayX(i, n, left, width)-barW/2, barsTop+barsH-h))
		b.Resize(fyne.NewSize(barW, h))
		r.objs = append(r.objs, b)
	}

	// Dates: the first day, the middle one and today.
	if n > 0 && c.dayLabel != nil {
		text(c.dayLabel(0), muted, dayX(0, n, left, width)-slot/2, bottom+pad/2, fyne.TextAlignLeading)
		if n > 2 {
			text(c.dayLabel(n/2), muted, dayX(n/2, n, left, width), bottom+pad/2, fyne.TextAlignCenter)
		}
		text(c.today, muted, s.Width, bottom+pad/2, fyne.TextAlignTrailing)
	}
	r.static = append(r.static, r.objs...)
}

// compose puts together what is drawn: the legend, or the day pointed at
// (a guide line through it, its values where the legend was), then the
// rest of the chart.
func (r *chartRenderer) compose() {
	c := r.c
	r.objs = r.objs[:0]
	if i, n := c.pointed, len(c.days); i >= 0 && i < n && len(r.static) > 0 {
		x := dayX(i, n, c.plotLeft, c.plotW)
		l := canvas.NewLine(theme.Color(theme.ColorNamePlaceHolder))
		l.StrokeWidth = 1
		l.Position1, l.Position2 = fyne.NewPos(x, c.plotTop), fyne.NewPos(x, c.plotBott)
		t := canvas.NewText(c.describe(i), theme.Color(theme.ColorNameForeground))
		t.TextSize = theme.TextSize() * 0.8
		t.Resize(t.MinSize()) // measured as regular text, then drawn bold, as always
		t.TextStyle.Bold = true
		r.objs = append(r.objs, l, t)
	} else {
		r.objs = append(r.objs, r.legend...)
	}
	r.objs = append(r.objs, r.static...)
}
