package tray

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/ontspan/ontspan/exercises"
	"github.com/ontspan/ontspan/exercises/diary"
)

// Main is `ontspan --tray`: it opens the diary in the app's data folder
// (waiting while a window holds it busy), logs to tray.log there and runs
// the agent until the user quits reminders. langKey is the setting in which
// the window keeps the user's language. It returns the exit code.
func Main(langKey string) int {
	fail := func(what string, err error) int {
		fmt.Fprintf(os.Stderr, "ontspan --tray: %s%v\n", what, err)
		return 1
	}
	dir, err := diary.DataDir()
	if err != nil {
		return fail("", err)
	}
	store, err := OpenDiary(dir, time.Sleep)
	if err != nil {
		return fail("cannot open the settings: ", err)
	}
	defer store.Close()
	exe, err := os.Executable()
	if err != nil {
		return fail("", err)
	}
	logf, err := os.OpenFile(filepath.Join(dir, "tray.log"), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return fail("", err)
	}
	defer logf.Close()
	lang, _, _ := store.Setting(langKey)
	if lang == "" {
		lang = os.Getenv("LANG")
	}
	// Run takes the agent lock itself: a second agent says so and returns.
	if err := Run(Options{Exe: exe, DataDir: dir, KV: store, Clock: exercises.RealClock{}, Logger: logf, Lang: lang}); err != nil {
		return fail("", err)
	}
	return 0
}
