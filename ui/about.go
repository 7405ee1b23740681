package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// about says what Ontspan is, what to expect, and when to look for help.
type about struct {
	nav     navigator
	version string
}

func newAbout(nav navigator, version string) *about {
	return &about{nav: nav, version: version}
}

func (a *about) view() fyne.CanvasObject {
	section := func(title, text string) fyne.CanvasObject {
		return container.NewVBox(
			boldLabel(tr(title)),
			para(tr(text)))
	}
	body := container.NewVBox(
		para(tr("about.intro")),
		section("about.skill.title", "about.skill"),
		section("about.weeks.title", "about.weeks"),
		section("about.restless.title", "about.restless"),
		section("about.help.title", "about.help"),
		container.NewHBox(newLink(tr("help.seekhelp"), a.nav.SeekHelp), newLink(tr("faq.title"), a.nav.FAQ)),
		section("about.private.title", "about.private"),
		widget.NewLabel(tr("about.version", map[string]any{"Version": a.version})),
	)
	return page(a.nav.Home, tr("about.title"), body)
}

// appVersion is the version Fyne read from FyneApp.toml when the app was
// packaged, or the built-in one for a plain `go build`.
func appVersion(app fyne.App) string {
	if v := app.Metadata().Version; v != "" && v != "0.0.1" {
		return v
	}
	return Version
}

func (a *about) key(e *fyne.KeyEvent) {
	if e.Name == fyne.KeyEscape {
		a.nav.Home()
	}
}
