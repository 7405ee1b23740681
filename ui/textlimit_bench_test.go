package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/ontspan/ontspan/exercises"
	"github.com/ontspan/ontspan/exercises/diary"
)

// benchText is n characters of ordinary words, like a worry written out.
func benchText(n int) string {
	words := strings.Fields("ik maak me zorgen over de brief van de bank en wat er morgen op het werk gebeurt als de baas vraagt")
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString(words[i%len(words)])
		b.WriteByte(' ')
	}
	return b.String()[:n]
}

func benchUI(b *testing.B) *UI {
	b.Helper()
	a := test.NewTempApp(b)
	w := a.NewWindow("Ontspan")
	w.Resize(fyne.NewSize(560, 720))
	st, err := diary.Open(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	_ = setLanguage("en")
	return New(a, w, Deps{Clock: exercises.NewFakeClock(testStart), Sound: &recorder{}, Store: st, NoAgent: true})
}

// BenchmarkParkFirstLayout is opening the park screen with a draft of 0 or
// MaxWorryRunes characters: what `ontspan --start worry` does before its
// first frame.
func BenchmarkParkFirstLayout(b *testing.B) {
	for _, n := range []int{0, exercises.MaxWorryRunes} {
		b.Run(map[int]string{0: "empty", exercises.MaxWorryRunes: "limit"}[n], func(b *testing.B) {
			u := benchUI(b)
			draft := benchText(n)
			for i := 0; i < b.N; i++ {
				if n > 0 {
					_ = u.data.store.SetSetting(worryDraftKey, draft+strings.Repeat(" ", i%2)) // a new text each time: no cached measures
				}
				u.Home()
				u.ParkWorry()
				u.win.Canvas().Refresh(u.win.Content())
			}
		})
	}
}

// BenchmarkParkTyping is one key typed and taken back at the end and in
// the middle of an empty field and of a full one.
func BenchmarkParkTyping(b *testing.B) {
	for _, c := range []struct {
		name string
		n    int
		at   float64 // where the cursor is, as part of the text
	}{{"empty", 0, 0}, {"limit-end", exercises.MaxWorryRunes - 1, 1}, {"limit-middle", exercises.MaxWorryRunes - 1, 0.5}} {
		b.Run(c.name, func(b *testing.B) {
			u := benchUI(b)
			_ = u.data.store.SetSetting(worryDraftKey, benchText(c.n))
			u.ParkWorry()
			p := u.current.(*parkScreen)
			p.entry.CursorRow, p.entry.CursorColumn = 0, int(float64(c.n)*c.at)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				p.entry.TypedRune('x')
				p.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
			}
		})
	}
}
