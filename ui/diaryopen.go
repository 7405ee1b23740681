package ui

import (
	"errors"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/ontspan/ontspan/exercises/diary"
)

// Opening the diary is part of the window's life: a damaged file is
// reported once, and a diary main could not open is tried again in the
// background while the cause may pass.

// CheckDiary tells the user, once, when their diary file was damaged and
// moved aside, and finishes the slower check of the whole file in the
// background (it would cost start-up time otherwise). When main could not
// open the diary, it tries again in the background and says why in words
// the user can act on.
func (u *UI) CheckDiary() {
	st := u.data.store
	if st == nil {
		u.reopenDiary()
		return
	}
	u.verifyDiary(st)
}

func (u *UI) verifyDiary(st *diary.Store) {
	if moved := st.Recovered(); moved != "" {
		u.diaryMoved(moved)
	}
	go func() {
		if err := st.Verify(); !errors.Is(err, diary.ErrDamaged) {
			return
		}
		moved, err := st.Recover()
		fyne.Do(func() {
			switch {
			case err != nil:
				inform(tr("diary.error.title"), diaryOpenMessage(err), u.win)
			case moved != "":
				u.diaryMoved(moved)
			}
		})
	}()
}

// diaryRetry is how often a window without its diary tries to open it
// again while the cause may pass (another Ontspan process busy with it).
const diaryRetry = 3 * time.Second

// diaryOpener is a window's second chance at its diary.
type diaryOpener struct {
	open func(dir string) (*diary.Store, error) // diary.Open; tests replace it
	err  error                                  // why the diary is not open, on the main goroutine
	told dialog.Dialog                          // the message saying why, once shown
}

// reopenDiary tries to open the diary again off the main goroutine, every
// diaryRetry while the failure is one that passes, instead of giving up
// for the whole run: a window started during a long import or a check of
// a damaged file gets its diary a moment later.
func (u *UI) reopenDiary() {
	if u.data.dataDir == "" {
		inform(tr("diary.error.title"), tr("diary.error.open"), u.win)
		return
	}
	go func() {
		for u.tryOpenDiary() {
			time.Sleep(diaryRetry)
		}
	}()
}

// tryOpenDiary makes one attempt; it reports whether trying again may help.
func (u *UI) tryOpenDiary() (again bool) {
	open := u.opener.open
	if open == nil {
		open = diary.Open
	}
	st, err := open(u.data.dataDir)
	fyne.Do(func() {
		if err == nil {
			u.data.store, u.opener.err = st, nil
			u.lateStore = st // opened here, so closed here (main closes the one it opened)
			if u.opener.told != nil {
				u.opener.told.Hide() // "busy" is no longer true
			}
			switch u.current.(type) { // show what the diary adds to the screen
			case *home:
				u.Home()
			case *diaryScreen:
				u.Diary()
			}
			u.verifyDiary(st)
			return
		}
		fyne.LogError("diary", err)
		u.opener.err = err
		if u.opener.told == nil {
			u.opener.told = newInformation(tr("diary.error.title"), diaryOpenMessage(err), u.win)
			u.opener.told.Show()
		}
	})
	return err != nil && diaryRetryable(err)
}

// diaryRetryable: errors that pass by themselves.
func diaryRetryable(err error) bool {
	return errors.Is(err, diary.ErrBusy) || errors.Is(err, diary.ErrInUse) || errors.Is(err, diary.ErrUnreadable)
}

// diaryOpenMessage says what is wrong with the diary and what to do, with
// the path where it helps.
func diaryOpenMessage(err error) string {
	var oe *diary.OpenError
	switch {
	case errors.Is(err, diary.ErrNewerDatabase):
		return tr("diary.error.newer")
	case errors.As(err, &oe) && errors.Is(oe.Kind, diary.ErrNotFolder):
		return tr("diary.error.notfolder", map[string]any{"Path": oe.Path})
	case errors.As(err, &oe) && errors.Is(oe.Kind, diary.ErrReadOnly):
		return tr("diary.error.readonly", map[string]any{"Path": oe.Path})
	case errors.Is(err, diary.ErrInUse):
		return tr("diary.error.inuse")
	case diaryRetryable(err):
		return tr("diary.error.busy")
	}
	return tr("diary.error.open")
}

func (u *UI) diaryMoved(path string) {
	inform(tr("diary.moved.title"), tr("diary.moved", map[string]any{"Path": path}), u.win)
}
