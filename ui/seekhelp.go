package ui

import (
	"net/url"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"github.com/ontspan/ontspan/exercises"
)

// seekHelpScreen says plainly when relaxing is not enough and who to turn
// to: the Dutch numbers in Dutch, a general line otherwise. Its links open
// in the browser only when clicked; the app itself fetches nothing.
type seekHelpScreen struct {
	back  func()
	lang  string
	open  func(*url.URL) error
	links []*link
}

func newSeekHelp(back func(), lang string, open func(*url.URL) error) *seekHelpScreen {
	return &seekHelpScreen{back: back, lang: lang, open: open}
}

func (s *seekHelpScreen) view() fyne.CanvasObject {
	s.links = nil
	body := container.NewVBox(para(tr("seekhelp.signs")))
	for _, c := range exercises.SeekHelp(s.lang) {
		l := para(tr(c.Text))
		if c.Phone != "" {
			l.TextStyle.Bold = true
		}
		body.Add(l)
		if c.URL != "" {
			body.Add(s.link(c.URL, c.URL))
		}
	}
	body.Add(para(tr("seekhelp.gp")))
	body.Add(boldLabel(tr("seekhelp.sources.title")))
	note := para(tr("seekhelp.sources.note"))
	note.TextStyle.Italic = true
	body.Add(note)
	for _, src := range exercises.HelpSources() {
		body.Add(s.link(src.Name, src.URL))
	}
	return page(s.back, tr("seekhelp.title"), body)
}

// link opens address in the browser when tapped.
func (s *seekHelpScreen) link(text, address string) *link {
	l := newLink(text, func() {
		if u, err := url.Parse(address); err == nil {
			_ = s.open(u) // no browser: nothing else to do
		}
	})
	s.links = append(s.links, l)
	return l
}

func (s *seekHelpScreen) key(e *fyne.KeyEvent) {
	if e.Name == fyne.KeyEscape {
		s.back()
	}
}
