package ui

import (
	"fmt"
	"math/rand"
	"regexp"
	"strconv"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/ontspan/ontspan/exercises"
)

// runStarters open each run screen the way a user does.
var runStarters = []struct {
	name  string
	start func(*UI)
}{
	{"breathing 4-6", func(u *UI) { u.StartBreathing(exercises.Pattern46.ID, exercises.Length{Minutes: 1}) }},
	{"belly", func(u *UI) { u.StartBreathing(exercises.PatternBelly.ID, exercises.Length{Minutes: 1}) }},
	{"muscle relaxation", func(u *UI) { u.PMR(); press(u, fyne.KeySpace) }},
	{"mini-check", func(u *UI) { u.MiniCheck() }},
	{"five senses", func(u *UI) { u.Senses(); press(u, fyne.KeySpace) }},
}

// TestRandomUseOfEveryRunScreen drives seeded random sequences of what a
// user can do — pause, resume, skip, back, jump to a group, stop, every
// key, Ctrl+P, taps on whatever is on screen — through every run screen
// with the fake clock. After each step nothing may have failed, any
// "step N of M" must be sane, and each session that ran 5 s or more is in
// the diary exactly once when it ends.
func TestRandomUseOfEveryRunScreen(t *testing.T) {
	perScreen := 400 // 2,000 sequences in all
	if testing.Short() {
		perScreen = 40
	}
	for _, rs := range runStarters {
		t.Run(rs.name, func(t *testing.T) {
			u, c, _ := newTestUI(t)
			n := 0
			u.data.onLogged = func(exercises.Entry) { n++ }
			for seed := int64(0); seed < int64(perScreen); seed++ {
				before := n
				sess, steps, err := randomSession(u, c, rs.start, seed)
				if err != nil {
					t.Fatalf("seed %d: %v", seed, err)
				}
				p := sess.Now()
				want := 0
				if p.Elapsed >= minLogged {
					want = 1
				}
				if got := n - before; got != want {
					t.Fatalf("seed %d: %d diary entries for a session of %v (%v), want %d; steps %v", seed, got, p.Elapsed, p.State, want, steps)
				}
				if u.failures != 0 {
					t.Fatalf("seed %d: a screen failed; steps %v", seed, steps)
				}
			}
		})
	}
}

// blank is an empty screen: leaving to it costs no layout.
type blank struct{}

func (blank) view() fyne.CanvasObject { return &fyne.Container{} }

var stepOf = regexp.MustCompile(`(?i)(?:step|stap) (\d+) (?:of|van) (\d+)`)

// randomSession runs one session with random actions until it is over or
// left, and returns it with what was done.
func randomSession(u *UI, c *exercises.FakeClock, start func(*UI), seed int64) (sess *exercises.Session, steps []string, err error) {
	r := rand.New(rand.NewSource(seed))
	start(u)
	cur := u.current
	run, ok := cur.(sessionScreen)
	if !ok {
		return nil, nil, fmt.Errorf("started %T, not an exercise", u.current)
	}
	sess = run.session()
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic %v after %v", p, steps)
		}
	}()
	keys := []fyne.KeyName{fyne.KeySpace, fyne.KeyEscape, fyne.KeyRight, fyne.KeyLeft, fyne.KeyReturn, fyne.KeyTab, fyne.KeyUp, fyne.KeyDown, fyne.KeyR, fyne.KeyS}
	for i := 0; i < 30 && u.current == cur; i++ {
		switch k := r.Intn(10); {
		case k < 3:
			key := keys[r.Intn(len(keys))]
			steps = append(steps, string(key))
			press(u, key)
		case k < 6:
			taps := tappables(u)
			if len(taps) == 0 {
				continue
			}
			tp := taps[r.Intn(len(taps))]
			steps = append(steps, "tap "+describe(tp))
			test.Tap(tp)
		case k < 8:
			d := time.Duration(r.Intn(15000)) * time.Millisecond
			if r.Intn(6) == 0 {
				d = time.Duration(1+r.Intn(3)) * time.Minute
			}
			steps = append(steps, "+"+d.String())
			c.Advance(d)
			if f, ok := u.current.(interface{ frame() }); ok && u.current == cur {
				u.guard(f.frame)
			}
		case k < 9:
			steps = append(steps, "ctrl+p")
			u.ParkWorry()
		default:
			steps = append(steps, "type")
			for _, ch := range "kalm" {
				if f := u.win.Canvas().Focused(); f != nil {
					f.TypedRune(ch)
				} else if h := u.win.Canvas().OnTypedRune(); h != nil {
					h(ch)
				}
			}
		}
		if err := sane(u); err != nil {
			return sess, steps, fmt.Errorf("%v after %v", err, steps)
		}
	}
	if u.parking != nil {
		press(u, fyne.KeyEscape)
		steps = append(steps, "esc (park)")
	}
	if u.current == cur {
		u.show(blank{}) // leaving a running session ends and logs it, as going home does
		steps = append(steps, "leave")
	}
	return sess, steps, nil
}

// sane checks what the screen says about where the session is.
func sane(u *UI) error {
	if u.failures != 0 {
		return fmt.Errorf("a screen failed")
	}
	for _, l := range labels(u.win.Content()) {
		if m := stepOf.FindStringSubmatch(l); m != nil {
			n, _ := strconv.Atoi(m[1])
			of, _ := strconv.Atoi(m[2])
			if n < 1 || n > of {
				return fmt.Errorf("the screen says %q", l)
			}
		}
	}
	return nil
}

// tappables are the visible, enabled things a user can tap: in the open
// pop-up when there is one (it is modal), else on the screen.
func tappables(u *UI) []fyne.Tappable {
	root := u.win.Content()
	if top := u.win.Canvas().Overlays().Top(); top != nil {
		root = top
	}
	var out []fyne.Tappable
	walk(root, func(o fyne.CanvasObject) {
		if d, ok := o.(fyne.Disableable); ok && d.Disabled() {
			return
		}
		if tp, ok := o.(fyne.Tappable); ok {
			out = append(out, tp)
		}
	})
	return out
}

func labels(root fyne.CanvasObject) []string {
	var out []string
	walk(root, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			out = append(out, l.Text)
		}
	})
	return out
}

// walk visits every visible object under o, widgets' parts included.
func walk(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	if o == nil || !o.Visible() {
		return
	}
	f(o)
	switch v := o.(type) {
	case *fyne.Container:
		for _, c := range v.Objects {
			walk(c, f)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(v).Objects() {
			walk(c, f)
		}
	}
}

func describe(o any) string {
	switch v := o.(type) {
	case *button:
		return v.Text
	case *widget.Button:
		return v.Text
	}
	return fmt.Sprintf("%T", o)
}
