package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ontspan/ontspan/exercises"
)

// faqScreen lists the questions by group; typing in the search field
// narrows them to those that hold every word typed.
type faqScreen struct {
	back     func()
	seekHelp func()
	groups   []exercises.FAQGroup

	search *entry
	list   *fyne.Container
}

func newFAQ(back, seekHelp func()) *faqScreen {
	return &faqScreen{back: back, seekHelp: seekHelp, groups: exercises.FAQ()}
}

func (f *faqScreen) view() fyne.CanvasObject {
	f.search = newEntry()
	f.search.SetPlaceHolder(tr("faq.search"))
	f.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	f.list = container.NewVBox()
	f.search.OnChanged = func(string) { f.fill() }
	f.fill()
	help := newLink(tr("help.seekhelp"), f.seekHelp)
	return page(f.back, tr("faq.title"), container.NewVBox(f.search, f.list), help)
}

// fill shows every group, or only what matches the search.
func (f *faqScreen) fill() {
	var objs []fyne.CanvasObject
	if f.search.Text == "" {
		for _, g := range f.groups {
			h := heading(tr(g.Title))
			h.SizeName = theme.SizeNameSubHeadingText
			objs = append(objs, h)
			for _, it := range g.Items {
				objs = append(objs, faqItem(it))
			}
		}
	} else {
		found := exercises.SearchFAQ(f.groups, f.search.Text, func(k string) string { return tr(k) })
		for _, it := range found {
			objs = append(objs, faqItem(it))
		}
		if len(found) == 0 {
			objs = append(objs, para(tr("faq.none")))
		}
	}
	f.list.Objects = objs
	f.list.Refresh()
}

func faqItem(it exercises.FAQItem) fyne.CanvasObject {
	q := para(tr(it.Question))
	q.TextStyle.Bold = true
	// The answer sits close under its question, as one item: two labels'
	// own padding already leaves room between them.
	return container.New(layout.NewCustomPaddedVBoxLayout(-theme.InnerPadding()), q, para(tr(it.Answer)))
}

func (f *faqScreen) key(e *fyne.KeyEvent) {
	if e.Name == fyne.KeyEscape {
		f.back()
	}
}
