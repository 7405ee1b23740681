package exercises

import (
	"slices"
	"testing"

	"github.com/ontspan/ontspan/assets"
)

func faqIDsOf(items []FAQItem) []string {
	var ids []string
	for _, it := range items {
		ids = append(ids, it.ID)
	}
	return ids
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Één":                "een",
		"ideeën, café":       "ideeen, cafe",
		"DON’T “right”":      `don't "right"`,
		"Straße Æsop ĳs":     "strasse aesop ijs",
		"Ontspan 4-6":        "ontspan 4-6",
		"Łódź, Škoda, Ñandú": "lodz, skoda, nandu",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSearchFAQ(t *testing.T) {
	texts := map[string]string{}
	for _, g := range FAQ() {
		for _, it := range g.Items {
			texts[it.Question], texts[it.Answer] = it.ID+" question", it.ID+" answer"
		}
	}
	texts["faq.twoweeks.q"] = "Waarom twee weken?"
	texts["faq.notworking.a"] = "Geef één oefening twee weken, en doe het niet “goed”."
	texts["faq.where.a"] = "Aan je bureau of in de trein."
	texts["faq.missday.a"] = "Don’t worry."
	text := func(k string) string { return texts[k] }
	all := faqIDsOf(SearchFAQ(FAQ(), "", text))
	cases := []struct {
		query string
		want  []string
	}{
		{"", all},
		{"   ", all},
		{"TWEE weken", []string{"twoweeks", "notworking"}}, // the question's match first
		{"een oefening", []string{"notworking"}},           // no accents typed
		{"ÉÉN", []string{"notworking"}},
		{"trein bureau", []string{"where"}}, // every word, in any order
		{"trein slaap", nil},
		{"don't", []string{"missday"}},
		{`"goed"`, []string{"notworking"}},
		{"zebra", nil},
	}
	for _, c := range cases {
		if got := faqIDsOf(SearchFAQ(FAQ(), c.query, text)); !slices.Equal(got, c.want) {
			t.Errorf("%q: %v, want %v", c.query, got, c.want)
		}
	}
	if len(all) != 12 || all[0] != "notice" {
		t.Errorf("all: %v", all)
	}
}

// The real Dutch texts: a search typed without accents finds them.
func TestSearchFAQInDutch(t *testing.T) {
	m, err := assets.Messages("nl")
	if err != nil {
		t.Fatal(err)
	}
	text := func(k string) string { s, _ := m[k].(string); return s }
	for query, want := range map[string]string{"een of twee keer": "twoweeks", "duizelig": "dizzy", "SPIERONTSPANNING slaap": "asleep", "medicijnen": "instead"} {
		got := faqIDsOf(SearchFAQ(FAQ(), query, text))
		if len(got) == 0 || got[0] != want {
			t.Errorf("%q: %v, want %s first", query, got, want)
		}
	}
}

func TestSeekHelpPerLanguage(t *testing.T) {
	var phones []string
	for _, c := range SeekHelp("nl") {
		phones = append(phones, c.Phone)
	}
	if !slices.Contains(phones, "113") || !slices.Contains(phones, "112") || SeekHelp("nl")[0].Text != "seekhelp.nl.gp" {
		t.Errorf("nl: %+v", SeekHelp("nl"))
	}
	for _, lang := range []string{"en", "de", ""} {
		if got := SeekHelp(lang); len(got) != 1 || got[0].Phone != "" || got[0].Text != "seekhelp.general" {
			t.Errorf("%q: %+v: a Dutch number outside Dutch", lang, got)
		}
	}
	for _, s := range HelpSources() {
		if s.Name == "" || len(s.URL) < len("https://x.nl") || s.URL[:8] != "https://" {
			t.Errorf("source %+v", s)
		}
	}
}
