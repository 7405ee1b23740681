package ui

import (
	"maps"
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestMarkChosen: the chosen button of a row, by index or by value, is
// in the primary colour and every other one plain; none for no match.
func TestMarkChosen(t *testing.T) {
	test.NewTempApp(t)
	row := []*button{newButton("0", nil, nil), newButton("1", nil, nil), newButton("2", nil, nil)}
	want := func(what string, bs []*button, chosen *button) {
		t.Helper()
		for _, b := range bs {
			if got, w := b.Importance, widget.MediumImportance; b == chosen {
				if got != widget.HighImportance {
					t.Errorf("%s: chosen %q not marked", what, b.Text)
				}
			} else if got != w {
				t.Errorf("%s: %q marked too", what, b.Text)
			}
		}
	}
	markChosen(slices.All(row), 1)
	want("index 1", row, row[1])
	markChosen(slices.All(row), -1)
	want("none", row, nil)
	byName := map[string]*button{"a": row[0], "b": row[1], "c": row[2]}
	markChosen(maps.All(byName), "c")
	want("value c", row, row[2])
	markChosen(maps.All(byName), "")
	want("no value", row, nil)
}
