package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// calmTheme is Fyne's theme with larger text, more room and soft colours:
// the app is read by tired eyes, often at night.
type calmTheme struct{ fyne.Theme }

func newCalmTheme() fyne.Theme { return calmTheme{theme.DefaultTheme()} }

var (
	sage     = color.NRGBA{R: 0x4f, G: 0x8f, B: 0x87, A: 0xff}
	sageDark = color.NRGBA{R: 0x7f, G: 0xb8, B: 0xae, A: 0xff}
	nightBg  = color.NRGBA{R: 0x17, G: 0x1c, B: 0x20, A: 0xff}
	dayBg    = color.NRGBA{R: 0xf6, G: 0xf4, B: 0xef, A: 0xff}
)

func (t calmTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	dark := v == theme.VariantDark
	switch n {
	case theme.ColorNameFocus:
		// Warm amber, not the primary green: a focused button must look
		// different from a primary one for keyboard users.
		return color.NRGBA{R: 0xe0, G: 0xa8, B: 0x3c, A: 0x99}
	case theme.ColorNamePrimary, theme.ColorNameHyperlink:
		if dark {
			return sageDark
		}
		return sage
	case theme.ColorNameSelection:
		c := sage
		if dark {
			c = sageDark
		}
		c.A = 0x40
		return c
	case theme.ColorNameBackground:
		if dark {
			return nightBg
		}
		return dayBg
	case theme.ColorNameForeground:
		if dark {
			return color.NRGBA{R: 0xd8, G: 0xdc, B: 0xd8, A: 0xff} // not pure white: softer at night
		}
		return color.NRGBA{R: 0x2b, G: 0x30, B: 0x2f, A: 0xff}
	}
	return t.Theme.Color(n, v)
}

func (t calmTheme) Size(n fyne.ThemeSizeName) float32 {
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
