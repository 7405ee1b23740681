package tray

import (
	"errors"
	"testing"
	"time"

	"github.com/ontspan/ontspan/exercises/diary"
)

func TestOpenDiaryWaitsWhileBusy(t *testing.T) {
	defer func(f func(string) (*diary.Store, error)) { openStore = f }(openStore)
	dir := t.TempDir()
	tries := 0
	openStore = func(d string) (*diary.Store, error) {
		tries++
		if tries < 4 {
			return nil, diary.ErrBusy
		}
		return diary.Open(d)
	}
	var slept time.Duration
	st, err := OpenDiary(dir, func(d time.Duration) { slept += d })
	if err != nil {
		t.Fatalf("busy three times, then free: %v", err)
	}
	st.Close()
	if tries != 4 || slept != 3*retryEvery {
		t.Errorf("tries %d, slept %v; want 4 tries and 3 waits", tries, slept)
	}
}

func TestOpenDiaryGivesUpOnOtherErrors(t *testing.T) {
	defer func(f func(string) (*diary.Store, error)) { openStore = f }(openStore)
	bad := errors.New("disk on fire")
	tries := 0
	openStore = func(string) (*diary.Store, error) { tries++; return nil, bad }
	if _, err := OpenDiary(t.TempDir(), func(time.Duration) { t.Fatal("slept on a lasting error") }); !errors.Is(err, bad) || tries != 1 {
		t.Errorf("got %v after %d tries", err, tries)
	}
}

func TestOpenDiaryStopsWaiting(t *testing.T) {
	defer func(f func(string) (*diary.Store, error)) { openStore = f }(openStore)
	openStore = func(string) (*diary.Store, error) { return nil, diary.ErrInUse }
	var slept time.Duration
	if _, err := OpenDiary(t.TempDir(), func(d time.Duration) { slept += d }); !errors.Is(err, diary.ErrInUse) {
		t.Fatalf("got %v", err)
	}
	if slept != retryFor {
		t.Errorf("waited %v, want %v", slept, retryFor)
	}
}
