package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Day-mark sizes: a circle is markMax across where there is room, and
// shrinks with the window down to markMin; each day has at least
// markMinSlot of the width.
const (
	markMax     = 18
	markMin     = 8
	markMinSlot = 16
)

// markDiameter is the size of a day's circle in a slot slotWidth wide:
// markMax where there is room, smaller on a narrow window so fourteen fit
// side by side with a little air between them. Pure, for tests.
func markDiameter(slotWidth float32) float32 {
	return max(min(markMax, slotWidth-6), markMin)
}

// dayMarksLayout lays out the fourteen days in one row, each an equal
// share of the width: a circle (objects 0, 2, 4…) above its weekday's
// initial (1, 3, 5…). Today, the last, always fits, however narrow.
type dayMarksLayout struct{}

func (dayMarksLayout) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	n := len(objs) / 2
	if n == 0 {
		return
	}
	slot := s.Width / float32(n)
	d := markDiameter(slot)
	for i := 0; i < n; i++ {
		circle, initial := objs[2*i], objs[2*i+1]
		x := slot * float32(i)
		circle.Resize(fyne.NewSize(d, d))
		circle.Move(fyne.NewPos(x+(slot-d)/2, (markMax-d)/2))
		initial.Resize(fyne.NewSize(slot, initial.MinSize().Height))
		initial.Move(fyne.NewPos(x, markMax+theme.Padding()))
	}
}

func (dayMarksLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var textH float32
	for i := 1; i < len(objs); i += 2 {
		textH = max(textH, objs[i].MinSize().Height)
	}
	return fyne.NewSize(markMinSlot*float32(len(objs)/2), markMax+theme.Padding()+textH)
}
