package ui

import (
	"fmt"
	"image/color"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/ontspan/ontspan/exercises"
)

func TestSensesFlowWithNotes(t *testing.T) {
	u, c, _ := newTestUI(t)
	es := logged(u)
	u.Senses()
	s, ok := u.current.(*sensesSetup)
	if !ok || s.variant != exercises.SensesBasic {
		t.Fatalf("senses opened %T", u.current)
	}
	s.before.tap(6)
	press(u, fyne.KeySpace)
	r, ok := u.current.(*sensesRun)
	if !ok {
		t.Fatalf("Space did not start: %T", u.current)
	}
	if r.step.Text != "1 of 3" || r.prompt.Text != "Look around you, or into the dark if the light is off. What shapes, colours or shades do you notice? Just let them be." {
		t.Errorf("first prompt: %q %q", r.step.Text, r.prompt.Text)
	}

	// Typing with nothing focused goes into the note; Enter in it goes on.
	u.win.Canvas().OnTypedRune()('b')
	if u.win.Canvas().Focused() != r.note || r.note.Text != "b" {
		t.Fatalf("typing did not start the note: %q", r.note.Text)
	}
	test.Type(r.note, "lue  curtain ")
	c.Advance(20 * time.Second)
	r.note.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if r.step.Text != "2 of 3" || r.note.Text != "" {
		t.Errorf("Enter: %q, note %q", r.step.Text, r.note.Text)
	}

	// Space with nothing typed goes on too.
	u.win.Canvas().Unfocus()
	press(u, fyne.KeySpace)
	if r.step.Text != "3 of 3" || r.prompt.Text != "Feel where your body rests: the pressure of the mattress or chair, what is soft, what is warm." {
		t.Errorf("third prompt: %q %q", r.step.Text, r.prompt.Text)
	}

	// Too long: a sentence by the field, the text kept, the prompt stays.
	long := strings.Repeat("soft ", 31) // 155 characters
	r.note.SetText(long)
	press(u, fyne.KeyReturn)
	if r.problem.Hidden || !strings.Contains(r.problem.Text, "150 characters") || r.note.Text != long || r.step.Text != "3 of 3" {
		t.Errorf("long note: shown %v %q, kept %v, step %q", !r.problem.Hidden, r.problem.Text, r.note.Text == long, r.step.Text)
	}
	r.note.SetText("warm blanket")
	press(u, fyne.KeyEnter)
	if !r.problem.Hidden || r.noteBox.Visible() || r.nextBt.Text != "Finish" {
		t.Errorf("closing: problem %v, note box %v, button %q", !r.problem.Hidden, r.noteBox.Visible(), r.nextBt.Text)
	}
	press(u, fyne.KeySpace)
	done, ok := u.current.(*doneScreen)
	if !ok {
		t.Fatalf("after the closing: %T", u.current)
	}
	const joined = "blue curtain · warm blanket"
	if done.entry == nil || done.entry.Note != joined || done.note.Text != joined {
		t.Fatalf("note on the entry / screen: %+v", done.entry)
	}
	if len(*es) != 1 || (*es)[0].Technique != exercises.Senses || (*es)[0].Variant != "basic" || !(*es)[0].Completed || (*es)[0].Before != 6 || (*es)[0].Actual != 20*time.Second {
		t.Errorf("logged %+v", *es)
	}
	saved, err := u.data.store.Entry(done.entry.ID)
	if err != nil || saved.Note != joined {
		t.Errorf("stored note %q (%v)", saved.Note, err)
	}
	press(u, fyne.KeyEscape) // home; the unchanged note stays
	if saved, _ := u.data.store.Entry(done.entry.ID); saved.Note != joined {
		t.Errorf("note after leaving: %q", saved.Note)
	}
	if u.win.Canvas().OnTypedRune() != nil {
		t.Error("the screen left its typing handler behind")
	}
}

func TestSenses54321AndStop(t *testing.T) {
	u, c, _ := newTestUI(t)
	es := logged(u)
	u.Senses()
	s := u.current.(*sensesSetup)
	s.choice.SetSelected("5-4-3-2-1")
	s.begin()
	r := u.current.(*sensesRun)
	if r.step.Text != "1 of 5" || r.prompt.Text != "Five things you can see." {
		t.Errorf("5-4-3-2-1: %q %q", r.step.Text, r.prompt.Text)
	}
	r.note.SetText("lamp")
	c.Advance(10 * time.Second)
	press(u, fyne.KeyEscape)
	if _, ok := u.current.(*doneScreen); !ok {
		t.Fatalf("Esc: %T", u.current)
	}
	if len(*es) != 1 || (*es)[0].Completed || (*es)[0].Variant != "54321" {
		t.Errorf("logged %+v", *es)
	}
	if saved, _ := u.data.store.Entry((*es)[0].ID); saved.Note != "lamp" {
		t.Errorf("the note typed before stopping: %q", saved.Note)
	}
	if newSensesSetup(u, u.runDeps(), u.app.Preferences().StringWithFallback(prefSensesVariant, exercises.SensesBasic), func(string) {}).variant != exercises.Senses54321 {
		t.Error("the variant was not remembered")
	}
}

func TestDimThemeFollowsTheVariant(t *testing.T) {
	base := themeWith(themeSystem, textNormal)
	d := dimTheme{base}
	for _, v := range []fyne.ThemeVariant{theme.VariantDark, theme.VariantLight} {
		fg := color.NRGBAModel.Convert(base.Color(theme.ColorNameForeground, v)).(color.NRGBA)
		bg := color.NRGBAModel.Convert(base.Color(theme.ColorNameBackground, v)).(color.NRGBA)
		got := color.NRGBAModel.Convert(d.Color(theme.ColorNameForeground, v)).(color.NRGBA)
		// Between the two, nearer the text: dimmer, still readable.
		if lum(got) == lum(fg) || (lum(got) > lum(fg)) != (lum(bg) > lum(fg)) {
			t.Errorf("variant %v: %v not moved from %v towards %v", v, got, fg, bg)
		}
		if abs(lum(got)-lum(bg)) < abs(lum(fg)-lum(bg))/2 {
			t.Errorf("variant %v: %v too dim", v, got)
		}
		if d.Color(theme.ColorNameBackground, v) != base.Color(theme.ColorNameBackground, v) {
			t.Error("the background must follow the theme")
		}
	}
	if b := blend(color.White, color.Black, 0); b != (color.NRGBA{255, 255, 255, 255}) {
		t.Errorf("blend 0: %v", b)
	}
	if b := blend(color.White, color.Black, 1); b != (color.NRGBA{0, 0, 0, 255}) {
		t.Errorf("blend 1: %v", b)
	}
}

func lum(c color.NRGBA) int { return int(c.R) + int(c.G) + int(c.B) }

func abs(n int) int { return max(n, -n) }

// TestSensesPromptNeverUnderTheField: a longer prompt pushes the field down
// (it kept the last prompt's height and slid under the field), at the
// narrowest and the usual width, in both languages.
func TestSensesPromptNeverUnderTheField(t *testing.T) {
	for _, lang := range []string{"en", "nl"} {
		for _, width := range []float32{360, 560} {
			for _, variant := range []string{exercises.SensesBasic, exercises.Senses54321} {
				u, _, _ := newTestUI(t)
				_ = setLanguage(lang)
				u.win.Resize(fyne.NewSize(width, 720))
				u.show(newSensesRun(u, u.runDeps(), variant, exercises.NoRating))
				r := u.current.(*sensesRun)
				d := fyne.CurrentApp().Driver()
				for step := 0; !r.noteBox.Hidden; step++ {
					name := fmt.Sprintf("%s %.0f px %s, prompt %d", lang, width, variant, step+1)
					promptBottom := d.AbsolutePositionForObject(r.prompt).Y + r.prompt.Size().Height
					if r.prompt.Size().Height < r.prompt.MinSize().Height || promptBottom > d.AbsolutePositionForObject(r.note).Y {
						t.Errorf("%s: prompt %.0f px tall (needs %.0f), ends at %.0f, field at %.0f", name,
							r.prompt.Size().Height, r.prompt.MinSize().Height, promptBottom, d.AbsolutePositionForObject(r.note).Y)
					}
					if w := u.Current().MinSize().Width; w > width {
						t.Errorf("%s: needs %.0f px", name, w)
					}
					// Go on from inside the field, as the user does.
					u.win.Canvas().Focus(r.note)
					test.Type(r.note, "x")
					r.note.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
				}
				r.stop()
				_ = setLanguage("en")
			}
		}
	}
}

// TestSensesClosingCountsAsCompleted: whoever reached the closing words
// did the exercise, whether they leave with Finish, Esc or by navigating.
func TestSensesClosingCountsAsCompleted(t *testing.T) {
	for _, how := range []string{"esc", "stop button", "away"} {
		u, c, _ := newTestUI(t)
		es := logged(u)
		u.show(newSensesRun(u, u.runDeps(), exercises.SensesBasic, exercises.NoRating))
		r := u.current.(*sensesRun)
		for range 3 {
			c.Advance(4 * time.Second)
			press(u, fyne.KeySpace)
		}
		if !r.noteBox.Hidden {
			t.Fatalf("%s: not on the closing", how)
		}
		switch how {
		case "esc":
			press(u, fyne.KeyEscape)
		case "stop button":
			r.stop()
		case "away":
			u.Home()
		}
		if len(*es) != 1 || !(*es)[0].Completed || (*es)[0].Planned != 0 || (*es)[0].Actual != 12*time.Second {
			t.Errorf("%s: logged %+v", how, *es)
		}
		if d, ok := u.current.(*doneScreen); how != "away" && (!ok || d.sess.Now().State != exercises.Finished) {
			t.Errorf("%s: then %T", how, u.current)
		}
	}
}
