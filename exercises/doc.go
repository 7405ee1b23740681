// Package exercises is Ontspan's exercise engine: plain Go, no Fyne, no wall clock.
//
// An exercise is data (a list of steps); a Session runs it against a Clock and
// its state is a pure function of the start, the pauses and now, so nothing
// drifts. Diary entries, ratings and worries are plain types here; the store
// in exercises/diary persists them.
package exercises
