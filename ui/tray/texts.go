package tray

import (
	"fmt"

	"github.com/ontspan/ontspan/exercises/remind"
)

// texts holds the agent's own words. The agent does not load Fyne, so it
// cannot use the app's translation files; these few strings live here.
// The mini-check bodies are the check itself, so a glance at the
// notification is enough even when nobody clicks it.
var texts = map[string]map[string]string{
	"en": {
		"tooltip":          "Ontspan reminders",
		"menu.minicheck":   "Mini-check now",
		"menu.breathing":   "2 minutes 4-6 breathing",
		"menu.worry":       "Park a worry",
		"menu.open":        "Open Ontspan",
		"menu.pause":       "Pause reminders today",
		"menu.quit":        "Quit reminders",
		"minicheck.title":  "Mini-check",
		"minicheck.body.0": "Jaw loose · tongue off the roof of your mouth · shoulders up, and let them drop.",
		"minicheck.body.1": "Let your teeth come apart. Tongue resting low. Shoulders up to your ears — and down.",
		"minicheck.body.2": "A quick check: is your jaw clenched? Let it go. Tongue down. Shoulders up… and drop.",
		"minicheck.action": "Do it together",
		"practice.title":   "Your daily exercise",
		"practice.body":    "Time for a few minutes of practice? Two minutes of 4-6 breathing counts too.",
		"practice.action":  "Open Ontspan",
		"worry.title":      "Worry time",
		"worry.body":       "%d minutes to look at the worries you parked. After that they can wait again.",
		"worry.action":     "Look at them now",
		"winddown.title":   "Time to wind down",
		"winddown.body":    "Start in time: screens and bright light down an hour before bed, not five minutes before. Then your evening ritual.",
		"winddown.action":  "Start the evening ritual",
		"menu.ritual":      "Evening ritual",
		"already":          "Ontspan reminders are already running.",
		"autostart.name":   "Ontspan reminders",
		"autostart.note":   "Short reminders to relax during the day",
	},
	"nl": {
		"tooltip":          "Ontspan-herinneringen",
		"menu.minicheck":   "Nu een mini-check",
		"menu.breathing":   "2 minuten 4-6-ademhaling",
		"menu.worry":       "Een zorg parkeren",
		"menu.open":        "Ontspan openen",
		"menu.pause":       "Herinneringen vandaag pauzeren",
		"menu.quit":        "Herinneringen stoppen",
		"minicheck.title":  "Mini-check",
		"minicheck.body.0": "Kaak los · tong los van je gehemelte · schouders even op, en laat ze zakken.",
		"minicheck.body.1": "Tanden los van elkaar. Tong laag in je mond. Schouders naar je oren — en weer omlaag.",
		"minicheck.body.2": "Even checken: zit je kaak vast? Laat maar los. Tong omlaag. Schouders op… en laten vallen.",
		"minicheck.action": "Samen doen",
		"practice.title":   "Je dagelijkse oefening",
		"practice.body":    "Tijd voor een paar minuten oefenen? Twee minuten 4-6-ademhaling telt ook.",
		"practice.action":  "Ontspan openen",
		"worry.title":      "Piekertijd",
		"worry.body":       "%d minuten om naar je geparkeerde zorgen te kijken. Daarna mogen ze weer wachten.",
		"worry.action":     "Nu bekijken",
		"winddown.title":   "Tijd om tot rust te komen",
		"winddown.body":    "Begin op tijd: schermen en fel licht een uur voor het slapen uit, niet vijf minuten ervoor. Daarna je avondritueel.",
		"winddown.action":  "Begin het avondritueel",
		"menu.ritual":      "Avondritueel",
		"already":          "De Ontspan-herinneringen lopen al.",
		"autostart.name":   "Ontspan-herinneringen",
		"autostart.note":   "Korte herinneringen om overdag te ontspannen",
	},
}

// miniCheckBodies is how many "minicheck.body.N" texts there are; they take
// turns so the check does not become wallpaper.
const miniCheckBodies = 3

// tr returns the text for key in lang, falling back to English.
func tr(lang, key string) string {
	if s, ok := texts[lang][key]; ok {
		return s
	}
	return texts["en"][key]
}

// note is one notification, ready to show.
type note struct {
	Kind   remind.Kind
	Title  string
	Body   string
	Action string   // label of the button that starts Args
	Args   []string // UI arguments to start when clicked
}

// UI arguments for `ontspan --start …`; main.go parses them.
var (
	argsMiniCheck   = []string{"--start", "minicheck"}
	argsBreathing   = []string{"--start", "breathing", "--pattern", "4-6", "--minutes", "2"}
	argsWorry       = []string{"--start", "worry"}
	argsWorryReview = []string{"--start", "worry-review"}
	argsWindDown    = []string{"--start", "ritual", "--name", "evening"} // the evening ritual, by its id
	argsOpen        = []string{}
)

// noteFor words reminder r in lang.
func noteFor(lang string, r remind.Reminder, s remind.Settings) note {
	switch r.Kind {
	case remind.MiniCheck:
		// Turn by the minute of the day, so the choice is stable for a reminder.
		i := (r.At.Hour()*60 + r.At.Minute()) % miniCheckBodies
		return note{r.Kind, tr(lang, "minicheck.title"), tr(lang, fmt.Sprintf("minicheck.body.%d", i)), tr(lang, "minicheck.action"), argsMiniCheck}
	case remind.Practice:
		return note{r.Kind, tr(lang, "practice.title"), tr(lang, "practice.body"), tr(lang, "practice.action"), argsOpen}
	case remind.WorryTime:
		return note{r.Kind, tr(lang, "worry.title"), fmt.Sprintf(tr(lang, "worry.body"), s.WorryTime.Minutes), tr(lang, "worry.action"), argsWorryReview}
	default:
		return note{r.Kind, tr(lang, "winddown.title"), tr(lang, "winddown.body"), tr(lang, "winddown.action"), argsWindDown}
	}
}
