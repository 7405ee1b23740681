package ui

import (
	"net/url"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestFAQSearch: the page shows every group; typing narrows it, a word
// found nowhere says so, and Esc goes back where it came from.
func TestFAQSearch(t *testing.T) {
	u, _, _ := newTestUI(t)
	tapLink(findLink(t, u.Current(), tr("faq.title")))
	f, ok := u.current.(*faqScreen)
	if !ok {
		t.Fatalf("the link opened %T", u.current)
	}
	for _, k := range []string{"faq.group.start", "faq.group.during", "faq.group.health", "faq.asleep.q", "faq.twoweeks.q"} {
		if !hasLabel(u.Current(), tr(k)) {
			t.Errorf("%s not shown", k)
		}
	}
	test.Type(f.search, "DIZZY")
	if !hasLabel(u.Current(), tr("faq.dizzy.q")) || hasLabel(u.Current(), tr("faq.asleep.q")) || hasLabel(u.Current(), tr("faq.group.start")) {
		t.Error("the search for dizzy shows the wrong questions")
	}
	f.search.SetText("xyzzy")
	if !hasLabel(u.Current(), tr("faq.none")) {
		t.Error("nothing found, and nothing said")
	}
	f.search.SetText("")
	if !hasLabel(u.Current(), tr("faq.asleep.q")) {
		t.Error("clearing the search does not bring the questions back")
	}
	tapLink(findLink(t, u.Current(), tr("help.seekhelp")))
	if _, ok := u.current.(*seekHelpScreen); !ok {
		t.Fatalf("the FAQ's help link opened %T", u.current)
	}
	press(u, fyne.KeyEscape)
	if _, ok := u.current.(*faqScreen); !ok {
		t.Errorf("Esc from the help page went to %T, want the FAQ", u.current)
	}
	press(u, fyne.KeyEscape)
	if _, ok := u.current.(*home); !ok {
		t.Errorf("Esc from the FAQ went to %T", u.current)
	}
}

// TestSeekHelpOneClickAway: home and About reach "When to get help" in one
// click; Dutch shows 113 and 112, English a general line; links open only
// when clicked, in the browser.
func TestSeekHelpOneClickAway(t *testing.T) {
	u, _, _ := newTestUI(t)
	tapLink(findLink(t, u.Current(), tr("help.seekhelp")))
	if _, ok := u.current.(*seekHelpScreen); !ok {
		t.Fatalf("home's link opened %T", u.current)
	}
	if !hasLabel(u.Current(), tr("seekhelp.general")) || hasLabel(u.Current(), tr("seekhelp.nl.112")) {
		t.Error("English: want the general line, not the Dutch numbers")
	}
	u.About()
	tapLink(findLink(t, u.Current(), tr("help.seekhelp")))
	if _, ok := u.current.(*seekHelpScreen); !ok {
		t.Fatalf("About's link opened %T", u.current)
	}
	press(u, fyne.KeyEscape)
	if _, ok := u.current.(*about); !ok {
		t.Errorf("Esc went to %T, want About", u.current)
	}

	_ = setLanguage("nl")
	var opened []string
	s := newSeekHelp(func() {}, "nl", func(a *url.URL) error { opened = append(opened, a.String()); return nil })
	w := test.NewTempWindow(t, s.view())
	for _, k := range []string{"seekhelp.nl.113", "seekhelp.nl.112", "seekhelp.nl.gp"} {
		if !hasLabel(w.Content(), tr(k)) {
			t.Errorf("Dutch page lacks %s", k)
		}
	}
	if len(opened) != 0 {
		t.Fatalf("opened %v before any click", opened)
	}
	tapLink(s.links[len(s.links)-1])
	if len(opened) != 1 || opened[0] != "https://www.slaapinstituut.nl" {
		t.Errorf("opened %v", opened)
	}
}
