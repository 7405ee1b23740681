// Command circle is the bare Fyne baseline for tools/bench.sh: a window the
// app's size (560x720) with one circle that grows and shrinks forever, as the
// breathing pacer does, moved by one fyne.Animation. Ontspan's CPU while a
// session animates is measured against it, built with the same flags.
package main

import (
	"image/color"
	"math"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
)

// breathing lays out one circle in the middle of its room, at a scale
// between 0.4 and 1 of the room's smaller side.
type breathing struct {
	circle *canvas.Circle
	scale  float32
	size   fyne.Size
}

func (b *breathing) Layout(_ []fyne.CanvasObject, s fyne.Size) {
	b.size = s
	b.place()
}

func (b *breathing) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(160, 160) }

func (b *breathing) place() {
	d := min(b.size.Width, b.size.Height) * b.scale
	b.circle.Resize(fyne.NewSize(d, d))
	b.circle.Move(fyne.NewPos((b.size.Width-d)/2, (b.size.Height-d)/2))
	canvas.Refresh(b.circle)
}

func main() {
	a := app.NewWithID("io.github.ontspan.baseline.circle")
	w := a.NewWindow("Baseline circle")
	b := &breathing{circle: canvas.NewCircle(color.NRGBA{R: 0x4a, G: 0x8f, B: 0x9a, A: 0xb0}), scale: 0.4}
	w.SetContent(container.New(b, b.circle))
	w.Resize(fyne.NewSize(560, 720))
	start := time.Now()
	anim := &fyne.Animation{Duration: time.Second, RepeatCount: fyne.AnimationRepeatForever, Tick: func(float32) {
		// A 10 s breath (4-6 has the same period), eased like the pacer.
		t := time.Since(start).Seconds() / 10
		b.scale = float32(0.4 + 0.6*(1-math.Cos(2*math.Pi*t))/2)
		b.place()
	}}
	anim.Start()
	w.ShowAndRun()
}
