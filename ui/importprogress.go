package ui

import (
	"errors"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/ontspan/ontspan/exercises"
	"github.com/ontspan/ontspan/exercises/diary"
)

// importProgressAfter: an import that takes longer shows a progress bar
// (a large file from another computer takes tens of seconds).
const importProgressAfter = time.Second

// importProgress is the progress bar of one import. update is called on
// the import's goroutine; everything else on the main one.
type importProgress struct {
	s     *diaryScreen
	after time.Duration
	start time.Time
	last  float64 // the last part done passed to the UI
	bar   *widget.ProgressBar
	dlg   dialog.Dialog
}

func newImportProgress(s *diaryScreen, after time.Duration) *importProgress {
	return &importProgress{s: s, after: after, start: s.clock.Now()}
}

// update passes the part done to the UI, in steps of 1 % at most.
func (p *importProgress) update(done float64) {
	if done-p.last < 0.01 && done < 1 {
		return
	}
	p.last = done
	fyne.Do(func() { p.show(done) })
}

func (p *importProgress) show(done float64) {
	if p.bar == nil {
		if p.s.clock.Now().Sub(p.start) < p.after {
			return
		}
		p.bar = widget.NewProgressBar()
		p.dlg = dialog.NewCustomWithoutButtons(tr("diary.import.title"),
			container.NewVBox(para(tr("diary.import.progress")), p.bar), p.s.nav.window())
		p.s.openDialog(p.dlg)
	}
	p.bar.SetValue(done)
}

// close takes the bar away before the summary shows.
func (p *importProgress) close() {
	if p.dlg != nil {
		p.dlg.Hide()
	}
}

// importSummary is what an import did, in words: what was added, and
// which items the file held twice.
func importSummary(res diary.ImportResult, now time.Time) string {
	var msg string
	switch {
	case res.Added() == 0:
		msg = tr("diary.import.nothing")
	case res.RitualsAdded == 0 && res.PaceTestsAdded == 0:
		msg = trn("diary.import.done", res.SessionsAdded, map[string]any{
			"N": res.SessionsAdded, "Worries": trn("diary.worries", res.WorriesAdded)})
	default:
		var items []string
		for _, c := range []struct {
			key string
			n   int
		}{{"diary.sessions", res.SessionsAdded}, {"diary.worries", res.WorriesAdded},
			{"diary.rituals", res.RitualsAdded}, {"diary.pacetests", res.PaceTestsAdded}} {
			if c.n > 0 {
				items = append(items, trn(c.key, c.n))
			}
		}
		msg = tr("diary.import.added", map[string]any{"Items": andList(items)})
	}
	if n := res.DuplicateCount(); n > 0 {
		var names []string
		for _, d := range res.Duplicates {
			names = append(names, duplicateName(d, now))
		}
		if more := n - len(names); more > 0 {
			names = append(names, tr("diary.import.dupes.more", map[string]any{"N": more}))
		}
		msg += "\n\n" + trn("diary.import.dupes", n, map[string]any{"N": n, "Items": strings.Join(names, "; ")})
	}
	return msg
}

// andList joins items as a sentence does: "a, b and c".
func andList(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	last := len(items) - 1
	return tr("diary.list.and", map[string]any{"List": strings.Join(items[:last], ", "), "Last": items[last]})
}

// duplicateName names a repeated item as the user knows it: a session by
// its technique and when, a pace test by when, a worry by its first words,
// a ritual by its name.
func duplicateName(d diary.Duplicate, now time.Time) string {
	switch d.Kind {
	case "worry":
		text := []rune(strings.Join(strings.Fields(d.What), " "))
		if len(text) > 30 {
			text = append(text[:29], '…')
		}
		return "\"" + string(text) + "\""
	case "ritual":
		return tr("diary.import.dupe.ritual", map[string]any{"Name": d.What})
	}
	name := techniqueName(exercises.Technique(d.What))
	if d.Kind == "pace test" {
		name = tr("diary.import.item.pacetest")
	}
	when := d.When.In(time.Local)
	return name + ", " + longDate(dayOf(when), now) + " " + clockOf(when)
}

// importFailure says why an import failed and what is in the diary now:
// nothing from the file, or the part added before the failure.
func importFailure(res diary.ImportResult, err error) string {
	if n := res.Added(); n > 0 {
		return tr("diary.import.err.partial", map[string]any{"N": n})
	}
	if errors.Is(err, diary.ErrBusy) {
		return tr("diary.error.busy")
	}
	return importMessage(err)
}
