package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

func TestWrapTextBreaksWhereTheNextWordWouldNotFit(t *testing.T) {
	test.NewTempApp(t)
	const text = "Tense, then let go, group by group. For a full head or tight shoulders."
	w := newWrapText(text)
	test.NewTempWindow(t, w)
	size := theme.TextSize()
	pad := theme.InnerPadding()
	for _, width := range []float32{120, 200, 320, 560, 2000} {
		w.Resize(fyne.NewSize(width, 400))
		max := width - 2*pad
		if got := strings.Join(w.lines, " "); got != text {
			t.Fatalf("width %v: lines %q do not make up the text", width, w.lines)
		}
		for i, line := range w.lines {
			lw := fyne.MeasureText(line, size, fyne.TextStyle{}).Width
			if lw > max+1 && strings.Contains(line, " ") {
				t.Errorf("width %v: line %q is %v wide, more than %v", width, line, lw, max)
			}
			if i+1 < len(w.lines) {
				next := line + " " + strings.Fields(w.lines[i+1])[0]
				if fyne.MeasureText(next, size, fyne.TextStyle{}).Width <= max-1 {
					t.Errorf("width %v: %q would still fit on line %d", width, next, i)
				}
			}
		}
		wantHeight := float32(len(w.lines))*w.lineHeight + 2*pad
		if h := w.MinSize().Height; h != wantHeight {
			t.Errorf("width %v: min height %v for %d lines, want %v", width, h, len(w.lines), wantHeight)
		}
	}
	w.Resize(fyne.NewSize(2000, 400))
	if len(w.lines) != 1 {
		t.Errorf("wide: %d lines, want 1", len(w.lines))
	}
}

func TestWrapTextKeepsHardLinesAndFollowsSetText(t *testing.T) {
	test.NewTempApp(t)
	w := newWrapText("one\n\ntwo")
	test.NewTempWindow(t, w)
	w.Resize(fyne.NewSize(400, 200))
	if got := strings.Join(w.lines, "|"); got != "one||two" {
		t.Errorf("hard lines: %q", got)
	}
	w.SetText("changed text")
	if got := strings.Join(w.lines, "|"); got != "changed text" {
		t.Errorf("after SetText: %q", got)
	}
	if n := len(test.LaidOutObjects(w)); n < 2 { // the widget and its one line
		t.Errorf("after SetText: %d objects drawn", n)
	}
}
