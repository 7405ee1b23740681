package ui

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// calmTheme is Fyne's theme with larger text, more room and soft colours:
// the app is read by tired eyes, often at night. Every pair of colours that
// carries meaning meets WCAG 2.2 AA in both variants (text 4.5:1, large text,
// outlines and chart lines 3:1); theme_test.go computes the ratios.
type calmTheme struct {
	fyne.Theme
	mode string  // themeSystem, themeLight or themeDark
	text float32 // text size factor (textScale)
}

// The text sizes stored in Prefs: tired eyes at night may want larger text.
const (
	textNormal = ""
	textLarge  = "large"
	textLarger = "larger"
)

// textScale is the factor a text size applies to every text and inline icon.
func textScale(size string) float32 {
	switch size {
	case textLarge:
		return 1.2
	case textLarger:
		return 1.4
	}
	return 1
}

// themeWith is the app's theme with the user's appearance and text size: a
// fixed variant ignores what Fyne asks for, so every widget gets the same one.
func themeWith(mode, size string) fyne.Theme {
	return calmTheme{Theme: theme.DefaultTheme(), mode: mode, text: textScale(size)}
}

// The appearance choices stored in Prefs.
const (
	themeSystem = ""      // follow the system (or FYNE_THEME)
	themeLight  = "light" // always light
	themeDark   = "dark"  // always dark
)

// Colour names of our own, for what Fyne has no name for.
const (
	// colorNameFocusRing outlines a focused card: Fyne's focus colour is a
	// translucent fill under text, too faint for a thin line.
	colorNameFocusRing fyne.ThemeColorName = "ontspan-focus-ring"
	// colorNameCardBorder is the hairline around a card, so a card reads as
	// a shape against the page (3:1) while its fill stays soft.
	colorNameCardBorder fyne.ThemeColorName = "ontspan-card-border"
	// colorNameChartBefore is the chart's "before" line; "after" is primary.
	colorNameChartBefore fyne.ThemeColorName = "ontspan-chart-before"
	// colorNameChartBar is the chart's minutes bars.
	colorNameChartBar fyne.ThemeColorName = "ontspan-chart-bar"
)

func rgb(hex uint32) color.NRGBA {
	return color.NRGBA{R: uint8(hex >> 16), G: uint8(hex >> 8), B: uint8(hex), A: 0xff}
}

func rgba(hex uint32, a uint8) color.NRGBA { c := rgb(hex); c.A = a; return c }

// palettes hold every colour the app sets, per variant; the rest are Fyne's.
// Night: not pure white on not pure black, softer for eyes used to the dark.
// Day: warm paper with dark ink. Primary buttons carry dark text at night
// (light on the pale sage was 2.2:1) and white text on a deeper sage by day.
var palettes = map[fyne.ThemeVariant]map[fyne.ThemeColorName]color.Color{
	theme.VariantDark: {
		theme.ColorNameBackground:          rgb(0x171c20),
		theme.ColorNameOverlayBackground:   rgb(0x1e2429),
		theme.ColorNameMenuBackground:      rgb(0x242b31),
		theme.ColorNameHeaderBackground:    rgb(0x1e2429),
		theme.ColorNameForeground:          rgb(0xd8dcd8),
		theme.ColorNamePlaceHolder:         rgb(0xa3aaa6),
		theme.ColorNameDisabled:            rgb(0x9a9f9c),
		theme.ColorNamePrimary:             rgb(0x7fb8ae),
		theme.ColorNameHyperlink:           rgb(0x8cc4ba),
		theme.ColorNameForegroundOnPrimary: rgb(0x12171a),
		theme.ColorNameButton:              rgb(0x2a3238),
		theme.ColorNameDisabledButton:      rgb(0x232a2f),
		theme.ColorNameInputBackground:     rgb(0x20272c),
		theme.ColorNameInputBorder:         rgb(0x77817d),
		theme.ColorNameSeparator:           rgb(0x343d43),
		theme.ColorNameError:               rgb(0xff8a80),
		theme.ColorNameForegroundOnError:   rgb(0x12171a),
		theme.ColorNameWarning:             rgb(0xf0b45a),
		theme.ColorNameForegroundOnWarning: rgb(0x12171a),
		theme.ColorNameSuccess:             rgb(0x8fd48a),
		theme.ColorNameForegroundOnSuccess: rgb(0x12171a),
		theme.ColorNameSelection:           rgba(0x7fb8ae, 0x40),
		// Warm amber, not the primary green: a focused button must look
		// different from a primary one for keyboard users.
		theme.ColorNameFocus: rgba(0xe0a83c, 0x40),
		colorNameFocusRing:   rgb(0xe0a83c),
		colorNameCardBorder:  rgb(0x6b7571),
		colorNameChartBefore: rgb(0xf0a050),
		colorNameChartBar:    rgba(0xd8dcd8, 0x70),
	},
	theme.VariantLight: {
		theme.ColorNameBackground:          rgb(0xf6f4ef),
		theme.ColorNameOverlayBackground:   rgb(0xfbfaf7),
		theme.ColorNameMenuBackground:      rgb(0xfbfaf7),
		theme.ColorNameHeaderBackground:    rgb(0xeceae4),
		theme.ColorNameForeground:          rgb(0x2b302f),
		theme.ColorNamePlaceHolder:         rgb(0x646a68),
		theme.ColorNameDisabled:            rgb(0x5e6361),
		theme.ColorNamePrimary:             rgb(0x366b63),
		theme.ColorNameHyperlink:           rgb(0x336860),
		theme.ColorNameForegroundOnPrimary: rgb(0xffffff),
		theme.ColorNameButton:              rgb(0xe6e3dc),
		theme.ColorNameDisabledButton:      rgb(0xeceae4),
		theme.ColorNameInputBackground:     rgb(0xffffff),
		theme.ColorNameInputBorder:         rgb(0x878b88),
		theme.ColorNameSeparator:           rgb(0xd9d6cf),
		theme.ColorNameError:               rgb(0xb3261e),
		theme.ColorNameForegroundOnError:   rgb(0xffffff),
		theme.ColorNameWarning:             rgb(0x8a5300),
		theme.ColorNameForegroundOnWarning: rgb(0xffffff),
		theme.ColorNameSuccess:             rgb(0x2e6b2a),
		theme.ColorNameForegroundOnSuccess: rgb(0xffffff),
		theme.ColorNameSelection:           rgba(0x366b63, 0x30),
		theme.ColorNameFocus:               rgba(0xe0a83c, 0x40),
		colorNameFocusRing:                 rgb(0xa86a00),
		colorNameCardBorder:                rgb(0x868985),
		colorNameChartBefore:               rgb(0xa65400),
		colorNameChartBar:                  rgba(0x2b302f, 0x90),
	},
}

// variant is the variant to draw: the user's fixed choice, or v.
func (t calmTheme) variant(v fyne.ThemeVariant) fyne.ThemeVariant {
	switch t.mode {
	case themeLight:
		return theme.VariantLight
	case themeDark:
		return theme.VariantDark
	}
	if v != theme.VariantLight {
		return theme.VariantDark
	}
	return v
}

func (t calmTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	v = t.variant(v)
	if c, ok := palettes[v][n]; ok {
		return c
	}
	return t.Theme.Color(n, v)
}

func (t calmTheme) Size(n fyne.ThemeSizeName) float32 {
	f := t.text
	switch n {
	case theme.SizeNameText, theme.SizeNameHeadingText, theme.SizeNameSubHeadingText,
		theme.SizeNameCaptionText, theme.SizeNameInlineIcon:
		return f * t.baseSize(n)
	}
	return t.baseSize(n)
}

func (t calmTheme) baseSize(n fyne.ThemeSizeName) float32 {
	switch n {
	case theme.SizeNameText:
		return 16
	case theme.SizeNameHeadingText:
		return 26
	case theme.SizeNameSubHeadingText:
		return 19
	case theme.SizeNamePadding:
		return 6
	case theme.SizeNameInnerPadding:
		return 10
	case theme.SizeNameInputRadius, theme.SizeNameSelectionRadius:
		return 8
	}
	return t.Theme.Size(n)
}

// over composites fg (which may be translucent) onto an opaque bg, in sRGB
// as the renderer blends.
func over(fg, bg color.Color) color.NRGBA {
	f := color.NRGBAModel.Convert(fg).(color.NRGBA)
	b := color.NRGBAModel.Convert(bg).(color.NRGBA)
	a := float64(f.A) / 255
	mix := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*a + float64(y)*(1-a))) }
	return color.NRGBA{R: mix(f.R, b.R), G: mix(f.G, b.G), B: mix(f.B, b.B), A: 0xff}
}

// luminance is the WCAG relative luminance of an opaque colour.
func luminance(c color.Color) float64 {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(n.R) + 0.7152*lin(n.G) + 0.0722*lin(n.B)
}

// contrast is the WCAG contrast ratio of fg drawn on the opaque bg (1 to 21).
func contrast(fg, bg color.Color) float64 {
	a, b := luminance(over(fg, bg)), luminance(bg)
	if a < b {
		a, b = b, a
	}
	return (a + 0.05) / (b + 0.05)
}
