package ui

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/ontspan/ontspan/exercises"
)

func TestBreathScale(t *testing.T) {
	cases := []struct {
		k    exercises.Kind
		p    float64
		want float64
	}{
		{exercises.Inhale, 0, minScale},
		{exercises.Inhale, 0.5, (minScale + 1) / 2},
		{exercises.Inhale, 1, 1},
		{exercises.HoldIn, 0.3, 1},
		{exercises.Exhale, 0, 1},
		{exercises.Exhale, 1, minScale},
		{exercises.HoldOut, 0.7, minScale},
		{exercises.Inhale, -1, minScale}, // clamped
		{exercises.Inhale, 2, 1},
	}
	for _, c := range cases {
		if got := breathScale(c.k, c.p); got < c.want-1e-9 || got > c.want+1e-9 {
			t.Errorf("%v at %.2f: %.4f, want %.4f", c.k, c.p, got, c.want)
		}
	}
	// Eased: slow at the turns, fastest in the middle.
	early := breathScale(exercises.Inhale, 0.1) - breathScale(exercises.Inhale, 0)
	mid := breathScale(exercises.Inhale, 0.55) - breathScale(exercises.Inhale, 0.45)
	if early >= mid {
		t.Errorf("not eased: first tenth %.4f, middle tenth %.4f", early, mid)
	}
	prev := 0.0
	for p := 0.0; p <= 1; p += 0.01 {
		s := breathScale(exercises.Inhale, p)
		if s < prev {
			t.Fatalf("inhale shrinks at %.2f", p)
		}
		prev = s
	}
}

func TestBarFill(t *testing.T) {
	if barFill(exercises.Inhale, 0.25) != 0.25 || barFill(exercises.Exhale, 0.25) != 0.75 ||
		barFill(exercises.HoldIn, 0.5) != 1 || barFill(exercises.HoldOut, 0.5) != 0 {
		t.Error("bar fill wrong")
	}
}

func TestClockText(t *testing.T) {
	cases := map[time.Duration]string{
		0: "0:00", 300 * time.Millisecond: "0:01", 59 * time.Second: "0:59",
		5 * time.Minute: "5:00", 20*time.Minute - 1: "20:00", 61 * time.Second: "1:01",
	}
	for d, want := range cases {
		if got := clockText(d); got != want {
			t.Errorf("%v: %q, want %q", d, got, want)
		}
	}
}

func TestParseArgs(t *testing.T) {
	cases := []struct {
		args []string
		want Launch
		err  string
	}{
		{nil, Launch{}, ""},
		{[]string{"--start", "breathing", "--pattern", "4-6", "--minutes", "2"}, Launch{Start: "breathing", Pattern: "4-6", Minutes: 2}, ""},
		{[]string{"--tray"}, Launch{Tray: true}, ""},
		{[]string{"--start", "breathing", "--breaths", "12"}, Launch{Start: "breathing", Breaths: 12}, ""},
		{[]string{"--start", "juggling"}, Launch{}, "no such exercise"},
		{[]string{"--start", "breathing", "--pattern", "7-7"}, Launch{}, "no such rhythm"},
		{[]string{"--start", "breathing", "--minutes", "7"}, Launch{}, "choose 1, 2, 3, 5, 10, 15 or 20"},
		{[]string{"--breaths", "-3"}, Launch{}, "1 to 200"},
		{[]string{"--tray", "--start", "breathing"}, Launch{}, "do not go together"},
		{[]string{"extra"}, Launch{}, "unexpected"},
		{[]string{"--nope"}, Launch{}, "not defined"},
	}
	for _, c := range cases {
		var out bytes.Buffer
		got, err := ParseArgs(c.args, &out)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) && !strings.Contains(out.String(), c.err) {
				t.Errorf("%v: error %v, want %q", c.args, err, c.err)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("%v: %+v %v", c.args, got, err)
		}
	}
	var out bytes.Buffer
	if _, err := ParseArgs([]string{"--help"}, &out); err != ErrHelp || !strings.Contains(out.String(), "--start breathing") || !strings.Contains(out.String(), "4-7-8") {
		t.Errorf("--help: %v\n%s", err, out.String())
	}
}

func TestCheckDisplay(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	if err := CheckDisplay(env(nil)); err == nil || !strings.Contains(err.Error(), "no display") {
		t.Errorf("no display: %v", err)
	}
	if CheckDisplay(env(map[string]string{"DISPLAY": ":0"})) != nil || CheckDisplay(env(map[string]string{"WAYLAND_DISPLAY": "wayland-0"})) != nil {
		t.Error("a display was refused")
	}
}

func TestTimingLog(t *testing.T) {
	var b bytes.Buffer
	l := NewTimingLog(&b)
	p := exercises.Position{Index: 3, Step: exercises.Step{Kind: exercises.Exhale, Duration: 6 * time.Second}, StepLeft: 6*time.Second - 12*time.Millisecond}
	l.Drawn(time.Now(), p)
	if !strings.Contains(b.String(), "drawn,3,exhale,12.000") {
		t.Errorf("log: %q", b.String())
	}
}

func TestRatingRowFitsNarrowWindows(t *testing.T) {
	l := &ratingLayout{}
	if l.perRow(540, 11) != 11 {
		t.Error("a 560 px window should show 0–10 in one row")
	}
	if l.perRow(330, 11) != 6 {
		t.Error("a 360 px window should wrap to two rows")
	}
	objs := newRatingRow("?", -1, nil).buttons2objs()
	if m := l.MinSize(objs); m.Width > 340 {
		t.Errorf("rating row needs %.0f px: too wide for 360", m.Width)
	}
	// One row reserves one row's height: two were always reserved (a 50 px gap).
	cell := objs[0].MinSize().Height
	l.Layout(objs, fyne.NewSize(540, 200))
	if h := l.MinSize(objs).Height; h != cell {
		t.Errorf("one row asks for %.0f px, a button is %.0f", h, cell)
	}
	l.Layout(objs, fyne.NewSize(330, 200))
	if h := l.MinSize(objs).Height; h != 2*cell+theme.Padding() {
		t.Errorf("two rows ask for %.0f px", h)
	}
}

func TestBuiltinNamesAreTaken(t *testing.T) {
	for _, n := range []string{"4-6 breathing", " 4-6 ADEMHALING ", "box", "Buikademhaling"} {
		if !takenByBuiltin(n) {
			t.Errorf("%q should be taken", n)
		}
	}
	if takenByBuiltin("Rustige avond") {
		t.Error("a new name was refused")
	}
}
