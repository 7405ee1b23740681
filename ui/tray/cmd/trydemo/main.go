// Throwaway: runs the agent against a MemKV, or a fake StatusNotifierWatcher.
package main

import (
	"fmt"
	"os"
	"time"

	"github.com/godbus/dbus/v5"
	"github.com/ontspan/ontspan/exercises"
	"github.com/ontspan/ontspan/exercises/remind"
	"github.com/ontspan/ontspan/ui/tray"
)

type watcher struct{ items []string }

func (w *watcher) RegisterStatusNotifierItem(s string, sender dbus.Sender) *dbus.Error {
	fmt.Fprintln(os.Stderr, "watcher: registered", s, sender)
	w.items = append(w.items, string(sender))
	return nil
}

func main() {
	if len(os.Args) > 1 && os.Args[1] == "--watcher" {
		conn, err := dbus.ConnectSessionBus()
		if err != nil {
			panic(err)
		}
		conn.Export(&watcher{}, "/StatusNotifierWatcher", "org.kde.StatusNotifierWatcher")
		r, err := conn.RequestName("org.kde.StatusNotifierWatcher", dbus.NameFlagDoNotQueue)
		fmt.Fprintln(os.Stderr, "watcher name", r, err)
		select {}
	}
	kv := &remind.MemKV{}
	s := remind.Defaults()
	s.MiniChecks.Enabled = true
	s.MiniChecks.Start, s.MiniChecks.End = "00:00", "23:59"
	s.MiniChecks.PerDay = 15
	if os.Getenv("SOON") != "" { // a practice reminder in ~70 s
		t := time.Now().Add(70 * time.Second)
		s.Practice = remind.Daily{Enabled: true, At: t.Format("15:04")}
		s.WorryTime = remind.WorryReview{Enabled: true, At: t.Format("15:04"), Minutes: 15}
		s.MiniChecks.Enabled = false
	}
	if err := remind.Save(kv, s); err != nil {
		panic(err)
	}
	err := tray.Run(tray.Options{
		Exe: os.Getenv("FAKE_EXE"), DataDir: os.Getenv("DATA"), KV: kv,
		Clock: exercises.RealClock{}, Logger: os.Stderr, Lang: os.Getenv("TLANG"),
	})
	st, _, _ := kv.Setting(tray.StatusKey)
	fmt.Fprintln(os.Stderr, "Run returned", err, "status", st)
}
