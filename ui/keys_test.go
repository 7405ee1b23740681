package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// typeKey sends k to whatever has the focus, as the driver does, or to the
// window when nothing has.
func typeKey(u *UI, k fyne.KeyName) {
	if f := u.win.Canvas().Focused(); f != nil {
		f.TypedKey(&fyne.KeyEvent{Name: k})
		return
	}
	press(u, k)
}

func TestEnterTapsAFocusedButtonOrLink(t *testing.T) {
	u, _, _ := newTestUI(t)
	u.Settings()
	u.win.Canvas().FocusNext() // the back button
	typeKey(u, fyne.KeyReturn)
	if _, ok := u.current.(*home); !ok {
		t.Fatalf("Enter on the back button: still on %T", u.current)
	}
	u.win.Canvas().Focus(findLink(t, u.Current(), "Settings"))
	typeKey(u, fyne.KeyEnter) // the keypad's Enter too
	if _, ok := u.current.(*settingsScreen); !ok {
		t.Fatalf("Enter on the Settings link: %T", u.current)
	}
}

// TestEscGoesBackWhateverHasTheFocus: with a settings box focused, Esc did
// nothing (a focused Fyne widget keeps every key).
func TestEscGoesBackWhateverHasTheFocus(t *testing.T) {
	for name, focus := range map[string]func(*settingsScreen) fyne.Focusable{
		"sound":      func(s *settingsScreen) fyne.Focusable { return s.sound },
		"motion":     func(s *settingsScreen) fyne.Focusable { return s.motion },
		"volume":     func(s *settingsScreen) fyne.Focusable { return s.volume },
		"test tone":  func(s *settingsScreen) fyne.Focusable { return s.testTone },
		"per day":    func(s *settingsScreen) fyne.Focusable { return s.reminders.perDay },
		"monday":     func(s *settingsScreen) fyne.Focusable { return s.reminders.days[0] },
		"time field": func(s *settingsScreen) fyne.Focusable { return s.reminders.practiceAt },
		"autostart":  func(s *settingsScreen) fyne.Focusable { return s.reminders.autostart },
		"language":   func(s *settingsScreen) fyne.Focusable { return s.language.items[1] },
		"theme":      func(s *settingsScreen) fyne.Focusable { return s.theme.items[2] },
	} {
		t.Run(name, func(t *testing.T) {
			u, _, _ := newTestUI(t)
			u.Settings()
			s := u.current.(*settingsScreen)
			s.reminders.mini.SetChecked(true) // its fields take the focus only when on
			s.reminders.practice.SetChecked(true)
			u.win.Canvas().Focus(focus(s))
			if u.win.Canvas().Focused() == nil {
				t.Fatal("could not focus it")
			}
			typeKey(u, fyne.KeyEscape)
			if _, ok := u.current.(*home); !ok {
				t.Errorf("Esc: still on %T", u.current)
			}
		})
	}
}

// TestTabScrollsTheFocusIntoView: after seven Tabs on home the focused card
// was below the window; Fyne moves the focus without scrolling.
func TestTabScrollsTheFocusIntoView(t *testing.T) {
	for _, sc := range []struct {
		name string
		open func(u *UI)
		tabs int
	}{
		{"home", (*UI).Home, 7},
		{"settings", (*UI).Settings, 40},
	} {
		for _, size := range []fyne.Size{{Width: 560, Height: 720}, {Width: 360, Height: 640}} {
			u, _, _ := newTestUI(t)
			u.win.Resize(size)
			sc.open(u)
			scroll := pageScrolls(u.Current())[0]
			inPage := map[fyne.CanvasObject]bool{}
			for _, o := range visibleObjects(scroll.Content) {
				inPage[o] = true
			}
			seen := 0
			for i := 0; i < sc.tabs; i++ { // round the page and back to its top
				u.win.Canvas().FocusNext()
				o, ok := u.win.Canvas().Focused().(fyne.CanvasObject)
				if !ok || !inPage[o] {
					continue // the back button or the bottom links: not in the page
				}
				seen++
				if !inView(o, scroll) {
					t.Errorf("%s at %v, Tab %d: the focused %T %q is out of view", sc.name, size, i+1, o, textOf(o))
				}
			}
			if seen < 5 {
				t.Errorf("%s: only %d Tabs landed in the page", sc.name, seen)
			}
		}
	}
}

// inView reports whether o lies wholly within the visible part of s.
func inView(o fyne.CanvasObject, s *container.Scroll) bool {
	d := fyne.CurrentApp().Driver()
	y := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(s).Y
	return y >= -0.5 && y+o.Size().Height <= s.Size().Height+0.5
}

func TestInformClosesOnEnterAndEsc(t *testing.T) {
	for _, k := range []fyne.KeyName{fyne.KeyReturn, fyne.KeySpace, fyne.KeyEscape} {
		u, _, _ := newTestUI(t)
		inform("Saved", "Your diary was saved.", u.win)
		if u.win.Canvas().Overlays().Top() == nil {
			t.Fatal("no dialog shown")
		}
		typeKey(u, k)
		if u.win.Canvas().Overlays().Top() != nil {
			t.Errorf("%s left the dialog open", k)
		}
		if _, ok := u.current.(*home); !ok {
			t.Errorf("%s: the screen behind changed to %T", k, u.current)
		}
	}
}

// TestSelectChosenWithTheMouseIsNotAmber: Fyne fills a focused Select with
// the focus colour, and a mouse choice left it focused, amber like a warning.
func TestSelectChosenWithTheMouseIsNotAmber(t *testing.T) {
	u, _, _ := newTestUI(t)
	s := newSelect([]string{"1", "2", "3"}, nil)
	u.win.SetContent(container.NewVBox(s))
	test.Tap(s)
	if top := u.win.Canvas().Overlays().Top(); top != nil {
		top.Hide()
	}
	s.SetSelected("2")
	if hasFocusFill(s) {
		t.Error("after a mouse choice the select is filled with the focus colour")
	}
	u.win.Canvas().Unfocus()
	u.win.Canvas().Focus(s) // from the keyboard: the focus must show
	if !hasFocusFill(s) {
		t.Error("focused from the keyboard, the select does not show it")
	}
}

func hasFocusFill(s *selectBox) bool {
	focus := fyne.CurrentApp().Settings().Theme().Color(theme.ColorNameFocus, fyne.CurrentApp().Settings().ThemeVariant())
	for _, o := range test.WidgetRenderer(s).Objects() {
		if r, ok := o.(*canvas.Rectangle); ok && r.FillColor == focus {
			return true
		}
	}
	return false
}

func TestRadioChoosesWithSpaceAndEnter(t *testing.T) {
	var got []string
	g := newRadioGroup([]string{"a", "b", "c"}, func(s string) { got = append(got, s) })
	test.NewTempWindow(t, g)
	g.items[1].TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	g.items[2].TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	test.Tap(g.items[0])
	g.items[0].TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnter}) // already chosen: no change
	if g.Selected != "a" || len(got) != 3 || got[0] != "b" || got[1] != "c" || got[2] != "a" {
		t.Errorf("selected %q, changes %v", g.Selected, got)
	}
	for i, it := range g.items {
		if it.selected != (i == 0) {
			t.Errorf("item %d drawn selected %v", i, it.selected)
		}
	}
}

// TestNoPlainFyneInputs: a focused Fyne check, select, radio, slider,
// button or entry keeps Esc and is not scrolled to; each has a wrapper
// here (focus.go, widgets.go) that hands Esc on and scrolls into view.
func TestNoPlainFyneInputs(t *testing.T) {
	plain := regexp.MustCompile(`widget\.New(Check|Select|SelectEntry|RadioGroup|Slider|Button|ButtonWithIcon|Entry|MultiLineEntry|PasswordEntry|Hyperlink)\(|&widget\.(Check|Select|RadioGroup|Slider|Button|Entry|Hyperlink)\{`)
	allowed := map[string]int{}
	srcs, _ := filepath.Glob("*.go")
	for _, f := range srcs {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if n := len(plain.FindAllIndex(data, -1)); n > allowed[f] {
			t.Errorf("%s: %d plain Fyne input(s); use newCheck, newSelect, newRadioGroup, newSlider, newButton or newEntry", f, n)
		}
	}
}

// TestFocusInADialogLeavesThePageBehind: focusing a field in a dialog must
// not scroll the page under it.
func TestFocusInADialogLeavesThePageBehind(t *testing.T) {
	u, _, _ := newTestUI(t)
	u.win.Resize(fyne.NewSize(360, 640))
	es := addEntries(t, u.data.store, practisedMonth()...)
	s := openDiaryScreen(t, u)
	page := pageScrolls(u.Current())[0]
	s.edit(es[len(es)-1])
	before := page.Offset
	u.win.Canvas().Focus(s.editor.note)
	if page.Offset != before {
		t.Errorf("the diary behind the dialog scrolled from %v to %v", before, page.Offset)
	}
}

// TestWorryFieldScrollsIntoView: the worry screens' own text field (Enter
// parks) scrolls into view when focused, like every other field.
func TestWorryFieldScrollsIntoView(t *testing.T) {
	u, _, _ := newTestUI(t)
	u.win.Resize(fyne.NewSize(360, 480))
	u.ParkWorry()
	p := u.current.(*parkScreen)
	p.picker.radio.SetSelected(p.picker.pick) // the date and time fields make the page scroll
	scroll := pageScrolls(u.Current())[0]
	scroll.Refresh()
	scroll.ScrollToBottom()
	if inView(p.entry, scroll) {
		t.Fatalf("the field is still in view at the bottom of the page (%v)", scroll.Offset)
	}
	u.win.Canvas().Unfocus()
	u.win.Canvas().Focus(p.entry)
	if !inView(p.entry, scroll) {
		t.Errorf("the focused worry field is out of view (scrolled to %v)", scroll.Offset)
	}
}
