package diary

import (
	"bytes"
	"strings"
	"testing"
)

func TestReportChart(t *testing.T) {
	b := []DayStats{
		{Minutes: 5, Before: 6, BeforeN: 1, After: 3, AfterN: 1},
		{Minutes: 10, Before: 8, BeforeN: 1, After: 4, AfterN: 1},
		{}, // no practice: a gap in both lines
		{Minutes: 20, Before: 10, BeforeN: 1},
		{Minutes: 2, Before: 0, BeforeN: 1, After: 0, AfterN: 1},
	}
	c := NewReportChart(b, func(n int) string { return "max" }, "a", "b")
	if len(c.Before) != 2 || len(c.After) != 1 || len(c.BeforeDots) != 4 || len(c.AfterDots) != 3 {
		t.Fatalf("runs %q / %q, dots %d %d", c.Before, c.After, len(c.BeforeDots), len(c.AfterDots))
	}
	// 10 sits at the top of the plot, 0 at its bottom.
	if c.BeforeDots[2].Y != chartTop || c.BeforeDots[3].Y != chartTop+chartTensH {
		t.Errorf("y of 10 and 0: %v %v", c.BeforeDots[2].Y, c.BeforeDots[3].Y)
	}
	if len(c.Bars) != 4 || c.Bars[2].H != chartBarBot-chartBarTop { // 20 min is the top of a 20-minute scale
		t.Errorf("bars %+v", c.Bars)
	}
	if c.Empty || !NewReportChart(make([]DayStats, 3), func(int) string { return "" }, "", "").Empty {
		t.Error("Empty")
	}
	if MinutesCeiling(0) != 10 || MinutesCeiling(21) != 30 || MinutesCeiling(3000) != 5760 || MinutesCeiling(20000) != 20160 {
		t.Error("MinutesCeiling")
	}
}

// TestWriteReport: the page carries every part, in the given language, and
// escapes what the user typed (a note is free text).
func TestWriteReport(t *testing.T) {
	r := Report{
		Lang: "nl", Title: "Oefendagboek", Period: "1 – 30 november 2026", Made: "Gemaakt op 30 november",
		Summary: "Geoefend op 21 van de 30 dagen", TechniquesTitle: "Per techniek",
		Columns: []string{"Techniek", "Sessies"}, Rows: [][]string{{"Ademhaling", "12"}},
		ChartTitle: "Spanning", ChartBefore: "Voor", ChartAfter: "Na", ChartMn: "Minuten",
		Chart:         NewReportChart([]DayStats{{Minutes: 5, Before: 6, BeforeN: 1, After: 3, AfterN: 1}, {Minutes: 5, Before: 5, BeforeN: 1, After: 2, AfterN: 1}}, func(int) string { return "10 min" }, "1 nov", "vandaag"),
		VerdictsTitle: "Twee-wekencheck", Verdicts: []ReportVerdict{{Title: "Ademhaling", Summary: "Rustiger", Facts: []string{"6,0 → 3,0"}, NextTitle: "Nu", Next: "Ga door"}},
		NotesTitle: "Notities", Notes: []ReportNote{{When: "ma 2 nov", What: "Ademhaling", Text: `<script>alert(1)</script> & "rustig"`}},
		Private: "Persoonlijke gezondheidsgegevens.",
	}
	var b bytes.Buffer
	if err := WriteReport(&b, r); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, want := range []string{`<html lang="nl">`, "Oefendagboek", "Geoefend op 21 van de 30 dagen", "<td>Ademhaling</td>",
		"<polyline points=", "10 min", "vandaag", "Rustiger", "<li>6,0 → 3,0</li>", "&lt;script&gt;", "@page { size: A4"} {
		if !strings.Contains(page, want) {
			t.Errorf("no %q in the page", want)
		}
	}
	if strings.Contains(page, "<script>") || strings.Contains(page, "http") && !strings.Contains(page, "http://www.w3.org") {
		t.Error("the page runs script or links out")
	}
}
