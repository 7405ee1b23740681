package tray

import (
	"bytes"
	"errors"
	"log"
	"strings"
	"testing"

	"github.com/ontspan/ontspan/exercises/remind"
)

// fakeDesktop records notifications; fail makes Notify fail.
type fakeDesktop struct {
	notes []note
	fail  bool
}

func (f *fakeDesktop) Notify(n note) error {
	if f.fail {
		return errors.New("no server")
	}
	f.notes = append(f.notes, n)
	return nil
}
func (f *fakeDesktop) Check() (bool, bool)   { return true, !f.fail }
func (f *fakeDesktop) Done() <-chan struct{} { return nil }
func (f *fakeDesktop) Close()                {}

func TestStatusSaidOnce(t *testing.T) {
	var logBuf bytes.Buffer
	kv := &remind.MemKV{}
	desk := &fakeDesktop{}
	a := &agent{opts: Options{KV: kv, Lang: "en"}, log: log.New(&logBuf, "", 0), desk: desk}

	a.report(true, true)
	a.report(true, true)
	if st, _, _ := kv.Setting(StatusKey); st != StatusOK {
		t.Errorf("status %q", st)
	}
	desk.fail = true
	for range 3 { // three reminders with no notification server
		a.notify(note{Kind: remind.MiniCheck, Title: "t", Body: "b"})
		a.report(desk.Check())
	}
	if st, _, _ := kv.Setting(StatusKey); st != StatusNoNotifications {
		t.Errorf("status %q, want %q", st, StatusNoNotifications)
	}
	if n := strings.Count(logBuf.String(), "no notification service"); n != 1 {
		t.Errorf("said %d times, want once:\n%s", n, logBuf.String())
	}
	desk.fail = false
	a.report(desk.Check())
	a.notify(note{Kind: remind.Practice, Title: "t", Body: "b"})
	if st, _, _ := kv.Setting(StatusKey); st != StatusOK || len(desk.notes) != 1 {
		t.Errorf("after recovery: status %q, %d notes", st, len(desk.notes))
	}
}

func TestStatusOf(t *testing.T) {
	tests := []struct {
		tray, notify bool
		want         string
	}{
		{true, true, StatusOK}, {false, true, StatusNoTray}, {true, false, StatusNoNotifications}, {false, false, StatusNone},
	}
	for _, tt := range tests {
		if got := statusOf(tt.tray, tt.notify); got != tt.want {
			t.Errorf("statusOf(%v, %v) = %q, want %q", tt.tray, tt.notify, got, tt.want)
		}
	}
}

func TestShowsReminders(t *testing.T) {
	dir := t.TempDir()
	kv := &remind.MemKV{}
	kv.SetSetting(StatusKey, StatusOK)
	if ShowsReminders(dir, kv) {
		t.Error("no agent runs, yet ShowsReminders: a stale status must not count")
	}
	l, err := acquireLock(dir + "/" + lockName)
	if err != nil {
		t.Fatal(err)
	}
	defer l.release()
	if !ShowsReminders(dir, kv) {
		t.Error("agent runs with notifications, yet not ShowsReminders")
	}
	kv.SetSetting(StatusKey, StatusNoNotifications)
	if ShowsReminders(dir, kv) {
		t.Error("no notifications, yet ShowsReminders")
	}
}
