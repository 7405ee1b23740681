package ui

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// WCAG 2.2 AA minimums.
const (
	aaText    = 4.5 // text (1.4.3)
	aaLarge   = 3.0 // large text (1.4.3)
	aaNonText = 3.0 // outlines, focus rings, chart lines (1.4.11)
)

// contrastPair is one thing a user must be able to see: fg drawn on bg.
// fg may be translucent (it is composited first); bg layers are composited
// bottom first, so a focused button is the button colour under the focus tint.
type contrastPair struct {
	what string
	fg   fyne.ThemeColorName
	bg   []fyne.ThemeColorName // bottom first
	min  float64
}

func (p contrastPair) ratio(th fyne.Theme, v fyne.ThemeVariant) float64 {
	bg := color.Color(th.Color(p.bg[0], v))
	for _, n := range p.bg[1:] {
		bg = over(th.Color(n, v), bg)
	}
	return contrast(th.Color(p.fg, v), bg)
}

// contrastPairs lists every pairing of theme colours the app draws and that
// carries meaning, with its WCAG minimum.
func contrastPairs() []contrastPair {
	const (
		bg      = theme.ColorNameBackground
		fg      = theme.ColorNameForeground
		card    = theme.ColorNameInputBackground
		overlay = theme.ColorNameOverlayBackground
	)
	l := func(n ...fyne.ThemeColorName) []fyne.ThemeColorName { return n }
	var ps []contrastPair
	// Text on every surface it sits on: page, card, dialog, menu, button.
	for _, surface := range l(bg, card, overlay, theme.ColorNameMenuBackground, theme.ColorNameButton, theme.ColorNameHeaderBackground) {
		ps = append(ps, contrastPair{"text on " + string(surface), fg, l(surface), aaText})
	}
	for _, surface := range l(bg, card, overlay) {
		ps = append(ps,
			contrastPair{"link on " + string(surface), theme.ColorNameHyperlink, l(surface), aaText},
			contrastPair{"primary text (badges, high importance) on " + string(surface), theme.ColorNamePrimary, l(surface), aaText},
			contrastPair{"error message on " + string(surface), theme.ColorNameError, l(surface), aaText},
			contrastPair{"warning text on " + string(surface), theme.ColorNameWarning, l(surface), aaText},
			contrastPair{"success text on " + string(surface), theme.ColorNameSuccess, l(surface), aaText},
			// Disabled fields still show what is set (a reminder time, say).
			contrastPair{"disabled text on " + string(surface), theme.ColorNameDisabled, l(surface), aaText},
			contrastPair{"unselected radio/check and field outline on " + string(surface), theme.ColorNameInputBorder, l(surface), aaNonText},
			contrastPair{"selected radio/check on " + string(surface), theme.ColorNamePrimary, l(surface), aaNonText},
			contrastPair{"focus ring on " + string(surface), colorNameFocusRing, l(surface), aaNonText},
		)
	}
	ps = append(ps,
		contrastPair{"hint text in a field", theme.ColorNamePlaceHolder, l(card), aaText},
		contrastPair{"muted text on the page", theme.ColorNamePlaceHolder, l(bg), aaText},
		contrastPair{"disabled text on a disabled button", theme.ColorNameDisabled, l(theme.ColorNameDisabledButton), aaText},
		contrastPair{"primary button text", theme.ColorNameForegroundOnPrimary, l(theme.ColorNamePrimary), aaText},
		contrastPair{"danger button text", theme.ColorNameForegroundOnError, l(theme.ColorNameError), aaText},
		contrastPair{"warning button text", theme.ColorNameForegroundOnWarning, l(theme.ColorNameWarning), aaText},
		contrastPair{"success button text", theme.ColorNameForegroundOnSuccess, l(theme.ColorNameSuccess), aaText},
		// Fyne shows focus as a tint under the text: the text must stay readable.
		contrastPair{"focused button text", fg, l(bg, theme.ColorNameButton, theme.ColorNameFocus), aaText},
		contrastPair{"focused primary button text", theme.ColorNameForegroundOnPrimary, l(bg, theme.ColorNamePrimary, theme.ColorNameFocus), aaText},
		contrastPair{"focused select text", fg, l(bg, theme.ColorNameFocus), aaText},
		contrastPair{"hovered card text", fg, l(bg, theme.ColorNameHover), aaText},
		contrastPair{"selected list row text", fg, l(bg, theme.ColorNameSelection), aaText},
		contrastPair{"card outline", colorNameCardBorder, l(bg), aaNonText},
		contrastPair{"primary button against the page", theme.ColorNamePrimary, l(bg), aaNonText},
		contrastPair{"chart: before line", colorNameChartBefore, l(bg), aaNonText},
		contrastPair{"chart: after line", theme.ColorNamePrimary, l(bg), aaNonText},
		contrastPair{"chart: minutes bars", colorNameChartBar, l(bg), aaNonText},
	)
	return ps
}

// TestThemeContrast computes the WCAG contrast of every pair in both
// variants, so no later colour change can quietly make something unreadable.
func TestThemeContrast(t *testing.T) {
	checkContrast(t, themeWith(themeSystem, textNormal))
}

// TestDimThemeStaysReadable: the five-senses screen dims its text for the
// dark bedroom; dimmed, the text on the page must still read at 4.5:1.
// TestDimThemeStaysReadable: the five-senses screens' dimmed theme meets
// the same AA pairs as the app's own theme, in both variants, and still dims.
func TestDimThemeStaysReadable(t *testing.T) {
	for _, mode := range []string{themeDark, themeLight} {
		base := themeWith(mode, textNormal)
		d := dimTheme{base}
		checkContrast(t, d)
		for _, v := range []fyne.ThemeVariant{theme.VariantDark, theme.VariantLight} {
			if d.Color(theme.ColorNameForeground, v) == base.Color(theme.ColorNameForeground, v) {
				t.Errorf("%s, variant %v: the text is not dimmed at all", mode, v)
			}
		}
	}
}

func checkContrast(t *testing.T, th fyne.Theme) {
	t.Helper()
	for _, v := range []fyne.ThemeVariant{theme.VariantDark, theme.VariantLight} {
		name := map[fyne.ThemeVariant]string{theme.VariantDark: "dark", theme.VariantLight: "light"}[v]
		for _, p := range contrastPairs() {
			r := p.ratio(th, v)
			if testing.Verbose() {
				t.Logf("%-5s %5.2f:1 (min %.1f) %s", name, r, p.min, p.what)
			}
			if r < p.min {
				t.Errorf("%s: %s is %.2f:1, WCAG AA needs %.1f:1", name, p.what, r, p.min)
			}
		}
	}
}

func TestContrastMaths(t *testing.T) {
	if r := contrast(color.Black, color.White); r < 20.99 || r > 21.01 {
		t.Errorf("black on white: %.3f", r)
	}
	if r := contrast(color.White, color.White); r != 1 {
		t.Errorf("white on white: %.3f", r)
	}
	// #777 on white is the classic 4.48:1 just below AA.
	if r := contrast(rgb(0x777777), color.White); r < 4.47 || r > 4.49 {
		t.Errorf("#777 on white: %.3f", r)
	}
	// Half-transparent black on white composites to #808080.
	if c := over(color.NRGBA{A: 0x80}, color.White); c.R != 0x7f && c.R != 0x80 {
		t.Errorf("over: %v", c)
	}
}

// TestThemeModeFixesTheVariant: "light" and "dark" draw their variant
// whatever the system asks; "system" follows it.
func TestThemeModeFixesTheVariant(t *testing.T) {
	bgOf := func(mode string, v fyne.ThemeVariant) color.Color {
		return themeWith(mode, textNormal).Color(theme.ColorNameBackground, v)
	}
	light, dark := palettes[theme.VariantLight][theme.ColorNameBackground], palettes[theme.VariantDark][theme.ColorNameBackground]
	for _, v := range []fyne.ThemeVariant{theme.VariantDark, theme.VariantLight} {
		if bgOf(themeLight, v) != light || bgOf(themeDark, v) != dark {
			t.Errorf("a fixed choice followed the system's variant %v", v)
		}
	}
	if bgOf(themeSystem, theme.VariantLight) != light || bgOf(themeSystem, theme.VariantDark) != dark {
		t.Error("system does not follow the system")
	}
	// Names we do not set still come from Fyne, in the chosen variant.
	if themeWith(themeDark, textNormal).Color(theme.ColorNameShadow, theme.VariantLight) != theme.DefaultTheme().Color(theme.ColorNameShadow, theme.VariantDark) {
		t.Error("Fyne's colours are not in the chosen variant")
	}
}

// TestSettingsThemeChoice: choosing Dark in Settings applies at once,
// whatever the system's variant, and is there at the next start.
func TestSettingsThemeChoice(t *testing.T) {
	u, _, _ := newTestUI(t)
	dark := palettes[theme.VariantDark][theme.ColorNameBackground]
	light := palettes[theme.VariantLight][theme.ColorNameBackground]
	bg := func() color.Color {
		return u.app.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantLight)
	}
	u.Settings()
	s := u.current.(*settingsScreen)
	if s.theme.Selected != "Same as my computer" {
		t.Errorf("first choice %q", s.theme.Selected)
	}
	s.theme.SetSelected("Dark")
	if u.data.prefs.Theme() != themeDark || bg() != dark {
		t.Errorf("after Dark: stored %q, background %v", u.data.prefs.Theme(), bg())
	}
	s.theme.SetSelected("Light")
	if u.data.prefs.Theme() != themeLight || u.app.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantDark) != light {
		t.Errorf("after Light: stored %q", u.data.prefs.Theme())
	}
	s.theme.SetSelected("Dark")
	// A new window on the same preferences starts dark.
	New(u.app, u.app.NewWindow("again"), Deps{Clock: u.data.clock, Store: u.data.store, NoAgent: true})
	if bg() != dark {
		t.Error("the choice did not survive a restart")
	}
	u.data.prefs.SetTheme("sepia") // from a newer version, say
	if u.data.prefs.Theme() != themeSystem {
		t.Errorf("unknown stored value gives %q", u.data.prefs.Theme())
	}
}

// TestLinkFocusIsARing: a focused link is outlined in the opaque focus ring
// (3:1 against the page), not in the faint tint that focused buttons get.
func TestLinkFocusIsARing(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(themeWith(themeDark, textNormal))
	l := newLink("Settings", func() {})
	w := test.NewTempWindow(t, l)
	w.Canvas().Focus(l)
	ring := palettes[theme.VariantDark][colorNameFocusRing]
	found := false
	for _, o := range test.TempWidgetRenderer(t, l).Objects() {
		if r, ok := o.(*canvas.Rectangle); ok && r.StrokeWidth > 0 && r.StrokeColor == ring {
			found = true
		}
	}
	if !found {
		t.Error("the focused link has no outline in the focus ring colour")
	}
	a.Settings().SetTheme(themeWith(themeLight, textNormal))
	l.Refresh()
	found = false
	for _, o := range test.TempWidgetRenderer(t, l).Objects() {
		if r, ok := o.(*canvas.Rectangle); ok && r.StrokeWidth > 0 && r.StrokeColor == palettes[theme.VariantLight][colorNameFocusRing] {
			found = true
		}
	}
	if !found {
		t.Error("the ring does not follow a change of look")
	}
}

// TestButtonFocusRing: a focused button is outlined in the focus ring, an
// unfocused one is not.
func TestButtonFocusRing(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(themeWith(themeLight, textNormal))
	b1, b2 := newButton("One", nil, func() {}), newPrimaryButton("Two", nil, func() {})
	w := test.NewTempWindow(t, container.NewVBox(b1, b2))
	ring := palettes[theme.VariantLight][colorNameFocusRing]
	ringed := func(b *button) bool {
		for _, o := range test.TempWidgetRenderer(t, b).Objects() {
			if r, ok := o.(*canvas.Rectangle); ok && r.StrokeWidth > 0 && r.StrokeColor == ring && r.Size() == b.Size() {
				return true
			}
		}
		return false
	}
	if ringed(b1) || ringed(b2) {
		t.Error("a ring before any focus")
	}
	w.Canvas().Focus(b1)
	if !ringed(b1) || ringed(b2) {
		t.Error("focus on the first button")
	}
	w.Canvas().FocusNext()
	if ringed(b1) || !ringed(b2) {
		t.Error("focus moved to the primary button")
	}
}

// TestInputsShowAFocusRing: checks, selects, sliders and radio choices show
// keyboard focus with the opaque ring too; Fyne's tint alone is ~1.5:1.
func TestInputsShowAFocusRing(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(themeWith(themeLight, textNormal))
	ring := palettes[theme.VariantLight][colorNameFocusRing]
	c := newCheck("Sound", nil)
	s := newSelect([]string{"10 s", "15 s"}, nil)
	sl := newSlider(0, 10, 5, nil)
	rg := newRadioGroup([]string{"Short", "Full"}, nil)
	w := test.NewTempWindow(t, container.NewVBox(c, s, sl, rg))
	ringed := func(o fyne.Widget) bool {
		for _, obj := range test.TempWidgetRenderer(t, o).Objects() {
			switch r := obj.(type) {
			case *canvas.Rectangle:
				if r.StrokeWidth > 0 && r.StrokeColor == ring {
					return true
				}
			case *canvas.Circle:
				if r.StrokeWidth > 0 && r.StrokeColor == ring {
					return true
				}
			}
		}
		return false
	}
	for _, o := range []fyne.Widget{c, s, sl, rg.items[0]} {
		if ringed(o) {
			t.Errorf("%T has a ring before any focus", o)
		}
		w.Canvas().Focus(o.(fyne.Focusable))
		if !ringed(o) {
			t.Errorf("%T shows no focus ring when focused", o)
		}
		w.Canvas().Unfocus()
		if ringed(o) {
			t.Errorf("%T keeps its ring after the focus left", o)
		}
	}
}
