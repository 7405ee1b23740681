package ui

import (
	"io"
	"strconv"
	"time"

	"github.com/ontspan/ontspan/exercises"
	"github.com/ontspan/ontspan/exercises/diary"
)

// reportNotes is how many notes the one-page report lists, newest first;
// the rest are in the CSV export.
const reportNotes = 24

// writeReport writes the therapist's report for the chart's current view
// (30 days, 90 days or all time) in the user's language: the period, days
// practised, per technique the minutes and tension before and after, the
// chart, the two-week verdicts and the notes. evals are the verdicts the
// diary shows. It only reads, so it may run off the main goroutine.
func (s *diaryScreen) writeReport(w io.Writer, span chartSpan, evals []diary.Evaluation) error {
	p, err := s.st.Period(s.now, time.Local, span.days())
	if err != nil {
		return err
	}
	return diary.WriteReport(w, s.report(p, span, evals))
}

// report fills the page's texts from a period of the diary.
func (s *diaryScreen) report(p diary.Period, span chartSpan, evals []diary.Evaluation) diary.Report {
	last := p.To.AddDate(0, 0, -1)
	code := currentLanguage(s.prefs.Language())
	r := diary.Report{
		Lang:   code,
		Title:  tr("report.title"),
		Period: trn("report.period", p.Days, map[string]any{"From": dateWithYear(p.From), "To": dateWithYear(last), "N": p.Days}),
		Made:   tr("report.made", map[string]any{"Date": dateWithYear(dayOf(s.now)), "Time": clockOf(s.now)}),
		Summary: trn("report.summary", p.DaysPractised, map[string]any{"N": p.DaysPractised, "Days": p.Days,
			"Sessions": trn("diary.sessions", p.Sessions), "Minutes": totalText(time.Duration(p.Minutes * float64(time.Minute)))}),
		TechniquesTitle: tr("diary.techniques.title"),
		Columns: []string{tr("report.col.technique"), tr("report.col.sessions"), tr("report.col.minutes"),
			tr("report.col.before"), tr("report.col.after"), tr("report.col.rated")},
		ChartTitle:  chartTitle(span, p, s.now),
		ChartBefore: tr("diary.chart.before"), ChartAfter: tr("diary.chart.after"), ChartMn: tr("diary.chart.minutes"),
		ChartAbout: chartAbout(p.Unit),
		Chart: diary.NewReportChart(p.Buckets, func(n int) string { return tr("diary.chart.minutes.max", map[string]any{"N": n}) },
			axisLabel(p.Unit, p.From, s.now), endLabel(p.Unit)),
		VerdictsTitle: tr("diary.verdict.heading"),
		NotesTitle:    tr("report.notes"),
		Private:       tr("report.private"),
	}
	for _, t := range p.Techniques {
		before, after, rated := "–", "–", strconv.Itoa(t.Rated)
		if t.Rated > 0 {
			before, after = decimal(t.Before), decimal(t.After)
		}
		if n := p.AfterRated[t.Technique]; !diary.AsksBefore(t.Technique) {
			// Asked only after: its level after, said so under the table.
			rated = "–"
			if n > 0 {
				after = decimal(p.AfterAverage[t.Technique]) + "*"
				r.TableNote = trn("report.afteronly", n, map[string]any{"Technique": techniqueName(t.Technique), "N": n})
			}
		}
		r.Rows = append(r.Rows, []string{techniqueName(t.Technique), strconv.Itoa(t.Sessions),
			strconv.Itoa(wholeMinutes(time.Duration(t.Minutes * float64(time.Minute)))), before, after, rated})
	}
	for _, ev := range evals {
		if !ev.Offered() || ev.Sessions == 0 {
			continue // nothing practised in the last two weeks: nothing to say
		}
		v := verdictText(ev)
		r.Verdicts = append(r.Verdicts, diary.ReportVerdict{Title: v.Title, Summary: v.Why + " " + v.Summary,
			Facts: v.Facts, NextTitle: tr("diary.next.title"), Next: v.Next})
	}
	for i, e := range p.Notes {
		if i == reportNotes {
			r.NotesMore = trn("report.notes.more", len(p.Notes)-reportNotes)
			break
		}
		r.Notes = append(r.Notes, diary.ReportNote{When: s.noteWhen(e), What: s.noteWhat(e), Text: e.Note})
	}
	if len(p.Notes) == 0 {
		r.NotesMore = tr("report.notes.none")
	}
	return r
}

func (s *diaryScreen) noteWhen(e exercises.Entry) string {
	return longDate(dayOf(e.Started), s.now) + ", " + clockOf(e.Started)
}

func (s *diaryScreen) noteWhat(e exercises.Entry) string {
	what := techniqueName(e.Technique)
	if v := s.variantName(e); v != "" {
		what += " (" + v + ")"
	}
	return what + " · " + ratingText(e.Before, e.After)
}

// currentLanguage is the language the texts are in: the user's choice, or
// the system's.
func currentLanguage(choice string) string {
	if choice != "" {
		return choice
	}
	return systemLanguage()
}
