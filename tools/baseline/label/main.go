// Command label is the bare Fyne baseline for tools/bench.sh: a window the
// app's size holding one label, and nothing else. Ontspan's start-up time,
// idle CPU and memory are measured against it, built with the same flags.
package main

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.NewWithID("io.github.ontspan.baseline.label")
	w := a.NewWindow("Baseline label")
	w.SetContent(container.NewCenter(widget.NewLabel("A bare Fyne window")))
	w.Resize(fyne.NewSize(560, 720))
	w.ShowAndRun()
}
