package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// about says what Ontspan is, what to expect, and when to look for help.
type about struct{ u *UI }

func newAbout(u *UI) *about { return &about{u: u} }

func (a *about) view() fyne.CanvasObject {
	section := func(title, text string) fyne.CanvasObject {
		return container.NewVBox(
			widget.NewLabelWithStyle(tr(title), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
			para(tr(text)))
	}
	body := container.NewVBox(
		para(tr("about.intro")),
		section("about.skill.title", "about.skill"),
		section("about.weeks.title", "about.weeks"),
		section("about.restless.title", "about.restless"),
		section("about.help.title", "about.help"),
		section("about.private.title", "about.private"),
	)
	return page(a.u.Home, tr("about.title"), body)
}

func (a *about) key(e *fyne.KeyEvent) {
	if e.Name == fyne.KeyEscape {
		a.u.Home()
	}
}
