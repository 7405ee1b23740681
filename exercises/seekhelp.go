package exercises

// Contact is one way to get help on the "When to get help" page.
type Contact struct {
	Text  string // translation key: who, and when to call on them
	Phone string // the number to show, or empty
	URL   string // opens in the browser on request, or empty
}

// SeekHelp returns the contacts for the language the app speaks: the
// Dutch numbers (GP, 113, 112) for "nl", and for any other language one
// general line, since a number is only right where it is in use.
func SeekHelp(lang string) []Contact {
	if lang == "nl" {
		return []Contact{
			{Text: "seekhelp.nl.gp"},
			{Text: "seekhelp.nl.113", Phone: "113", URL: "https://www.113.nl"},
			{Text: "seekhelp.nl.112", Phone: "112"},
		}
	}
	return []Contact{{Text: "seekhelp.general"}}
}

// Source is a website the guide behind Ontspan names for reliable
// information. Names are proper names, shown as they are.
type Source struct {
	Name string
	URL  string
}

// HelpSources lists those websites (all in Dutch; "seekhelp.sources.note"
// says so), to open in the browser only when the user clicks one.
func HelpSources() []Source {
	return []Source{
		{"Thuisarts.nl", "https://www.thuisarts.nl"},
		{"Gezondheidsnet", "https://www.gezondheidsnet.nl"},
		{"Hersenstichting", "https://www.hersenstichting.nl"},
		{"Slaapinstituut", "https://www.slaapinstituut.nl"},
	}
}
