package exercises

import (
	"strings"
	"unicode"
)

// FAQItem is one question with its answer, both translation keys
// ("faq.<id>.q", "faq.<id>.a").
type FAQItem struct {
	ID       string
	Question string
	Answer   string
}

// FAQGroup is a heading ("faq.group.<id>") with its questions, so the page
// can be read as a few short lists instead of one long one.
type FAQGroup struct {
	ID    string
	Title string
	Items []FAQItem
}

// faqIDs are the questions people using the guide ask, by group, in the
// order a newcomer meets them.
var faqIDs = []struct {
	group string
	items []string
}{
	{"start", []string{"notice", "twoweeks", "missday", "meditate", "notworking"}},
	{"during", []string{"asleep", "dizzy", "restless", "where"}},
	{"health", []string{"complaints", "instead", "toomuch"}},
}

// FAQ returns the questions and answers, grouped.
func FAQ() []FAQGroup {
	gs := make([]FAQGroup, 0, len(faqIDs))
	for _, g := range faqIDs {
		fg := FAQGroup{ID: g.group, Title: "faq.group." + g.group}
		for _, id := range g.items {
			fg.Items = append(fg.Items, FAQItem{ID: id, Question: "faq." + id + ".q", Answer: "faq." + id + ".a"})
		}
		gs = append(gs, fg)
	}
	return gs
}

// SearchFAQ returns the items of groups whose question or answer, as text
// gives them (the UI passes its translation function), holds every word
// of query, ignoring case and accents: "eén" finds "één", "dont" does not
// find "don't" but "don't" finds "don’t". Items whose question matches come
// first, each part in FAQ order. An empty query returns every item.
func SearchFAQ(groups []FAQGroup, query string, text func(key string) string) []FAQItem {
	words := strings.Fields(Fold(query))
	var inQuestion, inAnswer []FAQItem
	for _, g := range groups {
		for _, it := range g.Items {
			q := Fold(text(it.Question))
			all := q + "\n" + Fold(text(it.Answer))
			if !containsAll(all, words) {
				continue
			}
			if containsAll(q, words) {
				inQuestion = append(inQuestion, it)
			} else {
				inAnswer = append(inAnswer, it)
			}
		}
	}
	return append(inQuestion, inAnswer...)
}

func containsAll(s string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}

// Fold lowercases s and takes the accents off Latin letters, and makes
// curly quotes straight, so a search matches what a tired person types.
// The standard library has no Unicode decomposition, and the texts are
// Dutch and English: this table covers the Latin letters they use.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		r = unicode.ToLower(r)
		if f, ok := foldTable[r]; ok {
			b.WriteString(f)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

var foldTable = func() map[rune]string {
	m := map[rune]string{'æ': "ae", 'œ': "oe", 'ß': "ss", 'ĳ': "ij", '‘': "'", '’': "'", '“': `"`, '”': `"`}
	for base, accented := range map[string]string{
		"a": "àáâãäåāăą", "c": "çćĉċč", "d": "ďđ", "e": "èéêëēĕėęě", "g": "ĝğġģ", "h": "ĥħ",
		"i": "ìíîïĩīĭįı", "j": "ĵ", "k": "ķ", "l": "ĺļľŀł", "n": "ñńņňŉ", "o": "òóôõöøōŏő",
		"r": "ŕŗř", "s": "śŝşš", "t": "ţťŧ", "u": "ùúûüũūŭůűų", "w": "ŵ", "y": "ýÿŷ", "z": "źżž",
	} {
		for _, r := range accented {
			m[r] = base
		}
	}
	return m
}()
