package ui

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"

	"github.com/ontspan/ontspan/exercises"
)

// Version is Ontspan's version, the same as in FyneApp.toml (a test checks
// it). Release builds may set it: -ldflags "-X github.com/ontspan/ontspan/ui.Version=1.2.3".
// It is a plain variable, not the app's metadata, so `ontspan --version`
// answers without starting Fyne.
var Version = "0.1.0"

// Launch is what the command line asked for.
type Launch struct {
	Tray       bool   // run the reminder agent instead of the window
	Start      string // exercise to open straight into: "breathing", …
	Pattern    string // breathing pattern id
	Minutes    int    // session length
	Breaths    int    // or a number of breaths
	Name       string // the ritual for --start ritual: its name or id
	CPUProfile string // write a CPU profile here (performance work)
	TimingLog  string // log when each phase change is drawn and heard
}

// StartTargets lists the names --start accepts.
func StartTargets() []string {
	var names []string
	for n := range starters {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// ErrHelp means --help or --version was asked for and printed: nothing
// more to do.
var ErrHelp = flag.ErrHelp

// ParseArgs reads the command line. Errors are sentences for stderr.
func ParseArgs(args []string, out io.Writer) (Launch, error) {
	var l Launch
	fs := flag.NewFlagSet("ontspan", flag.ContinueOnError)
	fs.SetOutput(out)
	fs.BoolVar(&l.Tray, "tray", false, "run the reminder agent (tray icon and notifications) instead of the window")
	fs.StringVar(&l.Start, "start", "", "open straight into an exercise: "+strings.Join(StartTargets(), ", "))
	fs.StringVar(&l.Pattern, "pattern", "", "breathing rhythm for --start breathing: "+patternIDs())
	fs.IntVar(&l.Minutes, "minutes", 0, "session length in minutes: 1, 2, 3, 5, 10, 15 or 20")
	fs.IntVar(&l.Breaths, "breaths", 0, "session length as a number of breaths (1-200), instead of minutes")
	fs.StringVar(&l.Name, "name", "", "the ritual for --start ritual, by name (\"Evening ritual\", one of yours) or id (evening, desk-reset)")
	fs.StringVar(&l.CPUProfile, "cpuprofile", "", "write a CPU profile to this file")
	fs.StringVar(&l.TimingLog, "timing-log", "", "write when each breathing phase change was due, drawn and heard to this file")
	version := fs.Bool("version", false, "print the version and quit")
	fs.Usage = func() {
		fmt.Fprintf(out, "Ontspan — relaxation exercises and a private practice diary.\n\n")
		fmt.Fprintf(out, "Usage:\n  ontspan                 open the window\n")
		fmt.Fprintf(out, "  ontspan --start breathing --pattern 4-6 --minutes 2\n")
		fmt.Fprintf(out, "  ontspan --start ritual --name \"Evening ritual\"\n")
		fmt.Fprintf(out, "  ontspan --tray          run the reminders in the tray\n\nOptions:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return l, err
	}
	if *version {
		fmt.Fprintln(out, "ontspan", Version)
		return l, ErrHelp
	}
	if fs.NArg() > 0 {
		return l, fmt.Errorf("unexpected %q: see ontspan --help", fs.Arg(0))
	}
	if l.Start != "" && !slices.Contains(StartTargets(), l.Start) {
		return l, fmt.Errorf("--start %s: no such exercise; choose one of: %s", l.Start, strings.Join(StartTargets(), ", "))
	}
	if l.Pattern != "" {
		if _, ok := exercises.FindPattern(l.Pattern, nil); !ok && !strings.HasPrefix(l.Pattern, "custom:") {
			return l, fmt.Errorf("--pattern %s: no such rhythm; choose one of: %s", l.Pattern, patternIDs())
		}
	}
	if l.Name != "" && l.Start != "ritual" {
		return l, errors.New("--name goes with --start ritual")
	}
	if l.Minutes != 0 && !slices.Contains(exercises.SessionMinutes, l.Minutes) {
		return l, fmt.Errorf("--minutes %d: choose 1, 2, 3, 5, 10, 15 or 20", l.Minutes)
	}
	if l.Breaths < 0 || l.Breaths > 200 {
		return l, errors.New("--breaths: choose 1 to 200")
	}
	if l.Tray && l.Start != "" {
		return l, errors.New("--tray and --start do not go together: the tray agent opens exercises itself")
	}
	return l, nil
}

func patternIDs() string {
	var ids []string
	for _, p := range exercises.BuiltinPatterns() {
		ids = append(ids, p.ID)
	}
	return strings.Join(ids, ", ")
}

// CheckDisplay tells, before Fyne tries and panics, whether a window can open.
func CheckDisplay(getenv func(string) string) error {
	if runtime.GOOS != "linux" && runtime.GOOS != "freebsd" && runtime.GOOS != "openbsd" && runtime.GOOS != "netbsd" {
		return nil
	}
	if getenv("DISPLAY") == "" && getenv("WAYLAND_DISPLAY") == "" {
		return errors.New("ontspan: no display to open a window on (DISPLAY and WAYLAND_DISPLAY are not set); start it from your desktop session")
	}
	return nil
}
