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
// that changed and only when it changed by at least a pixel's worth.
func (p *Pacer) Set(k exercises.Kind, progress float64) {
	if p.reduced {
		f := barFill(k, progress)
		if math.Abs(f-p.fill) < 0.002 {
			return
		}
		p.fill = f
	} else {
		s := breathScale(k, progress)
		if math.Abs(s-p.scale) < 0.001 {
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
		ring:    canvas.NewCircle(color.Transparent),
		circle:  canvas.NewCircle(theme.Color(theme.ColorNamePrimary)),
		track:   canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground)),
		barFill: canvas.NewRectangle(theme.Color(theme.ColorNamePrimary)),
	}
	r.ring.StrokeWidth = 2
	r.track.CornerRadius, r.barFill.CornerRadius = 12, 12
	p.r = r
	r.Refresh()
	return r
}

type pacerRenderer struct {
	p              *Pacer
	size           fyne.Size
	ring, circle   *canvas.Circle
	track, barFill *canvas.Rectangle
}

func (r *pacerRenderer) Layout(s fyne.Size) {
	r.size = s
	r.place()
}

func (r *pacerRenderer) MinSize() fyne.Size { return r.p.MinSize() }

func (r *pacerRenderer) Objects() []fyne.CanvasObject {
	if r.p.reduced {
		return []fyne.CanvasObject{r.track, r.barFill}
	}
	return []fyne.CanvasObject{r.ring, r.circle}
}

func (r *pacerRenderer) Destroy() {}

func (r *pacerRenderer) Refresh() {
	primary := theme.Color(theme.ColorNamePrimary)
	r.circle.FillColor = withAlpha(primary, 0xb0)
	r.ring.StrokeColor = withAlpha(primary, 0x50)
	r.track.FillColor = theme.Color(theme.ColorNameInputBackground)
	r.barFill.FillColor = primary
	r.place()
	canvas.Refresh(r.ring)
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
	r.ring.Resize(fyne.NewSize(d, d))
	r.ring.Move(fyne.NewPos((s.Width-d)/2, (s.Height-d)/2))
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
