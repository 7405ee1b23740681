package tray

import (
	"errors"
	"time"

	"github.com/ontspan/ontspan/exercises/diary"
)

// OpenDiary opens the diary for the agent. The agent starts at login, often
// while a window is busy with the diary (an import, a check after a crash):
// a busy diary is tried again every retryEvery for up to retryFor instead of
// leaving the user without reminders all day. Other errors return at once.
func OpenDiary(dir string, sleep func(time.Duration)) (*diary.Store, error) {
	var err error
	for waited := time.Duration(0); ; waited += retryEvery {
		var st *diary.Store
		st, err = openStore(dir)
		if err == nil || !busy(err) || waited >= retryFor {
			return st, err
		}
		sleep(retryEvery)
	}
}

const (
	retryEvery = 5 * time.Second
	retryFor   = 10 * time.Minute
)

// openStore is diary.Open; tests replace it.
var openStore = diary.Open

func busy(err error) bool {
	return errors.Is(err, diary.ErrBusy) || errors.Is(err, diary.ErrInUse) || errors.Is(err, diary.ErrUnreadable)
}
