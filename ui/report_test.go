package ui

import (
	"bytes"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/ontspan/ontspan/exercises"
)

// TestDiaryChartViews: the chart shows 30 days, 90 days or everything (per
// week for a long history), and keeps the view when the diary refreshes.
func TestDiaryChartViews(t *testing.T) {
	u, _, _ := newTestUI(t)
	addEntries(t, u.data.store,
		session(0, exercises.Breathing, "4-6", 5, 6, 3),
		session(60, exercises.Breathing, "4-6", 5, 7, 4),
		session(200, exercises.PMR, exercises.PMRShort, 15, 8, 4))
	s := openDiaryScreen(t, u)
	if s.chart == nil || len(s.chart.days) != 30 || !labelWith(u, "Tension and minutes, last 30 days") {
		t.Fatal("the chart does not open on 30 days")
	}
	test.Tap(findButton(t, u.win.Content(), "90 days"))
	if s.chartSpan != span90 || len(s.chart.days) != 90 || !labelWith(u, "Tension and minutes, last 90 days") {
		t.Errorf("90 days: span %v, %d days", s.chartSpan, len(s.chart.days))
	}
	if !s.chart.days[29].Day.Equal(dayOf(testStart).AddDate(0, 0, -60)) || s.chart.days[29].Sessions != 1 {
		t.Errorf("day 60 ago: %+v", s.chart.days[29])
	}
	test.Tap(findButton(t, u.win.Content(), "All"))
	if s.chartSpan != spanAll || !labelWith(u, "Tension and minutes per week, since") || len(s.chart.days) > 31 ||
		!labelWith(u, "the average of your ratings that week") {
		t.Errorf("all time: span %v, %d buckets", s.chartSpan, len(s.chart.days))
	}
	s.refresh()
	if s.chartSpan != spanAll || !labelWith(u, "per week") {
		t.Error("a refresh lost the chosen view")
	}
}

// TestDiaryReport: the report covers the chart's view, in the user's
// language, with the techniques, the verdicts and the notes (escaped).
func TestDiaryReport(t *testing.T) {
	t.Cleanup(func() { _ = setLanguage("en") })
	u, _, _ := newTestUI(t)
	var es []exercises.Entry
	for day := 0; day < 10; day++ {
		es = append(es, session(day, exercises.Breathing, "4-6", 10, 6, 3))
	}
	es[0].Note = `<b>slept</b> well & "calm"`
	es = append(es, session(100, exercises.PMR, exercises.PMRShort, 15, 8, 4),
		session(1, exercises.MiniCheck, exercises.MiniCheckSelf, 0.5, exercises.NoRating, 4),
		session(2, exercises.MiniCheck, exercises.MiniCheckSelf, 0.5, exercises.NoRating, 5))
	addEntries(t, u.data.store, es...)
	s := openDiaryScreen(t, u)
	findButton(t, u.win.Content(), "Report for my therapist…")

	var b bytes.Buffer
	if err := s.writeReport(&b, s.chartSpan, s.evals); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, want := range []string{`lang="en"`, "Practice diary", "(30 days)", "Practised on 10 of 30 days: 12 sessions, 101 minutes in all.",
		"<td>Breathing</td><td class=\"n\">10</td><td class=\"n\">100</td><td class=\"n\">6.0</td><td class=\"n\">3.0</td>",
		"Breathing: what two weeks show", "&lt;b&gt;slept&lt;/b&gt; well &amp; &#34;calm&#34;", "<polyline",
		"<td>Mini-check</td><td class=\"n\">2</td><td class=\"n\">1</td><td class=\"n\">–</td><td class=\"n\">4.5*</td><td class=\"n\">–</td>",
		"* Mini-check asks only how you feel afterwards: the average of 2 ratings after."} {
		if !strings.Contains(page, want) {
			t.Errorf("no %q in the report", want)
		}
	}
	if strings.Contains(page, "Muscle relaxation") {
		t.Error("a session of 100 days ago in a 30-day report")
	}

	if err := setLanguage("nl"); err != nil {
		t.Fatal(err)
	}
	u.data.prefs.SetLanguage("nl")
	s = openDiaryScreen(t, u)
	test.Tap(findButton(t, u.win.Content(), "Alles"))
	b.Reset()
	if err := s.writeReport(&b, s.chartSpan, s.evals); err != nil {
		t.Fatal(err)
	}
	page = b.String()
	for _, want := range []string{`lang="nl"`, "Oefendagboek", "Geoefend op 11 van de", "<td>Spierontspanning</td>", "6,0", "per dag, sinds", "die dag"} {
		if !strings.Contains(page, want) {
			t.Errorf("nl: no %q in the report", want)
		}
	}
}
