package ui

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ontspan/ontspan/exercises"
)

// minScale is how small the circle gets after breathing out: never a dot,
// so it stays a calm shape to rest the eyes on.
const minScale = 0.4

// ease is a gentle sine in-out: lungs speed up and slow down, they don't jerk.
func ease(p float64) float64 {
	p = math.Max(0, math.Min(1, p))
	return (1 - math.Cos(math.Pi*p)) / 2
}

// breathScale is the circle's size (minScale..1 of its room) for a phase and
// the progress through it. Pure, so tests can check any moment.
func breathScale(k exercises.Kind, progress float64) float64 {
	switch k {
	case exercises.Inhale:
		return minScale + (1-minScale)*ease(progress)
	case exercises.HoldIn:
		return 1
	case exercises.Exhale:
		return 1 - (1-minScale)*ease(progress)
	default:
		return minScale
	}
}

// barFill is the reduced-motion pacer: the bar fills while breathing in and
// empties while breathing out, linearly, with no growing shapes.
func barFill(k exercises.Kind, progress float64) float64 {
	progress = math.Max(0, math.Min(1, progress))
	switch k {
	case exercises.Inhale:
		return progress
	case exercises.HoldIn:
		return 1
	case exercises.Exhale:
		return 1 - progress
	default:
		return 0
	}
}

// circleMoved reports whether the circle must be redrawn going from scale
// old to new in a room of px device pixels: when its diameter changes by a
// whole pixel, or it reaches either end (so full and empty are exact). With
// no size yet (px 0) any change of 0.1% counts.
func circleMoved(old, new, px float64) bool {
	if old == new {
		return false
	}
	if new == 1 || new == minScale {
		return true
	}
	if px <= 0 {
		return math.Abs(new-old) >= 0.001
	}
	return math.Abs(new-old)*px >= 1
}

// ringSegments is how many straight strokes draw the outer ring: at a
// 500 px ring they stray 0.3 px from a true circle.
const ringSegments = 64

// ringPoints returns the ring's corners, n+1 points (the last is the first)
// on a circle of radius r around (cx, cy).
func ringPoints(cx, cy, r float32, n int) []fyne.Position {
	pts := make([]fyne.Position, n+1)
	for i := range pts {
		a := 2 * math.Pi * float64(i%n) / float64(n)
		pts[i] = fyne.NewPos(cx+r*float32(math.Cos(a)), cy+r*float32(math.Sin(a)))
	}
	return pts
}

// Pacer draws the breathing rhythm: a circle that grows and shrinks, or a
// bar when motion is reduced. It only draws; the screen feeds it positions.
type Pacer struct {
	widget.BaseWidget
	scale   float64 // circle size, minScale..1
	fill    float64 // bar fill, 0..1
	reduced bool
	r       *pacerRenderer
}

// NewPacer returns a pacer at rest (breathed out).
func NewPacer(reduced bool) *Pacer {
	p := &Pacer{scale: minScale, reduced: reduced}
	p.ExtendBaseWidget(p)
	return p
}

// Set moves the pacer to a phase and progress, redrawing only the shape
// that changed and only when it changed by at least a pixel's worth: every
// redraw repaints the whole window, which software GL pays for per pixel.
func (p *Pacer) Set(k exercises.Kind, progress float64) {
	if p.reduced {
		f := barFill(k, progress)
		if math.Abs(f-p.fill) < 0.002 {
			return
		}
		p.fill = f
	} else {
		s := breathScale(k, progress)
		px := 0.0
		if p.r != nil {
			px = p.r.pixels
		}
		if !circleMoved(p.scale, s, px) {
			return
		}
		p.scale = s
	}
	if p.r != nil {
		p.r.place()
	}
}

// Scale is the circle's current size, for tests.
func (p *Pacer) Scale() float64 { return p.scale }

// Fill is the bar's current fill, for tests.
func (p *Pacer) Fill() float64 { return p.fill }

// Reduced reports whether the pacer shows the bar.
func (p *Pacer) Reduced() bool { return p.reduced }

// MinSize keeps the circle visible in a small window.
func (p *Pacer) MinSize() fyne.Size {
	if p.reduced {
		return fyne.NewSize(200, 48)
	}
	return fyne.NewSize(160, 160)
}

// CreateRenderer builds the ring, the circle and the bar.
func (p *Pacer) CreateRenderer() fyne.WidgetRenderer {
	r := &pacerRenderer{p: p,
		ring:    make([]fyne.CanvasObject, ringSegments),
		circle:  canvas.NewCircle(theme.Color(theme.ColorNamePrimary)),
		track:   canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground)),
		barFill: canvas.NewRectangle(theme.Color(theme.ColorNamePrimary)),
	}
	for i := range r.ring {
		l := canvas.NewLine(color.Transparent)
		l.StrokeWidth = 1.5
		r.ring[i] = l
	}
	r.objects = append(append([]fyne.CanvasObject{}, r.ring...), r.circle)
	r.bar = []fyne.CanvasObject{r.track, r.barFill}
	r.track.CornerRadius, r.barFill.CornerRadius = 12, 12
	p.r = r
	r.Refresh()
	return r
}

type pacerRenderer struct {
	p              *Pacer
	size           fyne.Size
	pixels         float64 // the ring's diameter in device pixels
	ring           []fyne.CanvasObject
	objects        []fyne.CanvasObject // ring and circle, built once: painted every frame
	bar            []fyne.CanvasObject // track and fill, the same for reduced motion
	circle         *canvas.Circle
	track, barFill *canvas.Rectangle
}

// Layout places the ring once per size. The ring is straight strokes, not
// a stroked canvas.Circle: Fyne shades a circle over its whole square, and a
// full-size ring redrawn every frame cost more than the moving circle itself
// (docs/performance.md).
func (r *pacerRenderer) Layout(s fyne.Size) {
	r.size = s
	d := min(s.Width, s.Height)
	scale := float32(1)
	if a := fyne.CurrentApp(); a != nil {
		if c := a.Driver().CanvasForObject(r.p); c != nil {
			scale = c.Scale()
		}
	}
	r.pixels = float64(d * scale)
	pts := ringPoints(s.Width/2, s.Height/2, d/2-1, len(r.ring))
	for i, o := range r.ring {
		l := o.(*canvas.Line)
		l.Position1, l.Position2 = pts[i], pts[i+1]
		canvas.Refresh(l)
	}
	r.place()
}

func (r *pacerRenderer) MinSize() fyne.Size { return r.p.MinSize() }

func (r *pacerRenderer) Objects() []fyne.CanvasObject {
	if r.p.reduced {
		return r.bar
	}
	return r.objects
}

func (r *pacerRenderer) Destroy() {}

func (r *pacerRenderer) Refresh() {
	primary := theme.Color(theme.ColorNamePrimary)
	r.circle.FillColor = withAlpha(primary, 0xb0)
	for _, l := range r.ring {
		l.(*canvas.Line).StrokeColor = withAlpha(primary, 0x50)
	}
	r.track.FillColor = theme.Color(theme.ColorNameInputBackground)
	r.barFill.FillColor = primary
	r.place()
	for _, l := range r.ring {
		canvas.Refresh(l)
	}
	canvas.Refresh(r.track)
}

// place positions the moving shape for the current scale or fill.
func (r *pacerRenderer) place() {
	s := r.size
	if s.IsZero() {
		return
	}
	if r.p.reduced {
		h := float32(36)
		y := (s.Height - h) / 2
		r.track.Move(fyne.NewPos(0, y))
		r.track.Resize(fyne.NewSize(s.Width, h))
		r.barFill.Move(fyne.NewPos(0, y))
		r.barFill.Resize(fyne.NewSize(s.Width*float32(r.p.fill), h))
		canvas.Refresh(r.barFill)
		return
	}
	d := min(s.Width, s.Height)
	cd := d * float32(r.p.scale)
	r.circle.Resize(fyne.NewSize(cd, cd))
	r.circle.Move(fyne.NewPos((s.Width-cd)/2, (s.Height-cd)/2))
	canvas.Refresh(r.circle)
}

func withAlpha(c color.Color, a uint8) color.Color {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = a
	return n
}
