package ui

import (
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/ontspan/ontspan/exercises/remind"
)

// soundFake is a Player with a volume that may have no audio device.
type soundFake struct {
	recorder
	volume float64
	err    error
}

func (f *soundFake) SetVolume(v float64) { f.volume = v }
func (f *soundFake) Check() error        { return f.err }

// openSettings shows Settings with its slow checks run at once.
func openSettings(u *UI) *settingsScreen {
	s := u.settingsScreen()
	s.async = func(f func()) { f() }
	u.show(s)
	return s
}

func TestVolumeIsKeptAndTestTonePlays(t *testing.T) {
	u, _, _ := newTestUI(t)
	snd := &soundFake{volume: 1}
	u.data.sound = snd
	s := openSettings(u)
	if s.volume.Value != 100 || len(snd.played()) != 0 {
		t.Fatalf("opening: volume %v, played %v", s.volume.Value, snd.played())
	}
	s.volume.SetValue(40) // as a drag ends
	if snd.volume != 0.4 || NewPrefs(u.app.Preferences()).Volume() != 0.4 {
		t.Errorf("volume 40: player %v, stored %v", snd.volume, u.data.prefs.Volume())
	}
	if got := snd.played(); len(got) != 1 || got[0] != CueIn {
		t.Errorf("a new volume plays the test tone once, played %v", got)
	}
	test.Tap(s.testTone)
	if len(snd.played()) != 2 {
		t.Errorf("Test tone: played %v", snd.played())
	}
	if len(s.noteBox.Objects) != 0 {
		t.Error("sound works, yet the no-sound note shows")
	}
	test.Tap(s.sound) // off
	if !s.volume.Disabled() || !s.testTone.Disabled() {
		t.Error("with the tones off, volume and test tone must be greyed out")
	}
	test.Tap(s.testTone)
	if len(snd.played()) != 2 {
		t.Error("a muted test tone played")
	}
	if again := openSettings(u); again.volume.Value != 40 {
		t.Errorf("volume shown after reopening: %v", again.volume.Value)
	}
}

func TestNoSoundDeviceIsSaidInSettings(t *testing.T) {
	u, _, _ := newTestUI(t)
	u.data.sound = &soundFake{err: errors.New("alsa: no device")}
	s := openSettings(u)
	if len(s.noteBox.Objects) != 1 || !strings.Contains(s.soundNote.Text, "No sound can play") {
		t.Errorf("no device: note shown %v, %q", len(s.noteBox.Objects) == 1, s.soundNote.Text)
	}
}

// TestMiniCheckFieldsFollowTheirSwitch: times and days stayed editable
// while mini-checks were off, as if they counted.
func TestMiniCheckFieldsFollowTheirSwitch(t *testing.T) {
	u, _, _ := newTestUI(t)
	r := openSettings(u).reminders
	fields := map[string]interface{ Disabled() bool }{
		"per day": r.perDay, "from": r.from, "to": r.to, "monday": r.days[0], "sunday": r.days[6],
	}
	for name, f := range fields {
		if !f.Disabled() {
			t.Errorf("mini-checks off, %s is editable", name)
		}
	}
	if !r.practiceAt.Disabled() {
		t.Error("practice off, its time is editable")
	}
	test.Tap(r.mini)
	for name, f := range fields {
		if f.Disabled() {
			t.Errorf("mini-checks on, %s is greyed out", name)
		}
	}
	if s, _ := remind.Load(u.data.store); !s.MiniChecks.Enabled {
		t.Error("mini-checks on was not saved")
	}
}

// TestReminderStatusNamesWhatIsOn: with only the worry time on (set in the
// notebook), Settings said "reminders are on" under a column of empty boxes.
func TestReminderStatusNamesWhatIsOn(t *testing.T) {
	u, _, _ := newTestUI(t)
	r := openSettings(u).reminders
	if got := r.status.Text; got != tr("remind.status.off") {
		t.Errorf("nothing on: %q", got)
	}
	s, _ := remind.Load(u.data.store)
	s.WorryTime.Enabled, s.WorryTime.At = true, "19:30"
	if _, err := remind.Update(u.data.store, func(x *remind.Settings) { *x = s }); err != nil {
		t.Fatal(err)
	}
	r = openSettings(u).reminders
	if got := r.status.Text; !strings.HasPrefix(got, "On: worry time at 19:30 (set in the worry notebook).") {
		t.Errorf("worry time on: %q", got)
	}
	test.Tap(r.practice)
	if got := r.status.Text; !strings.HasPrefix(got, "On: practice at 20:00; worry time at 19:30") {
		t.Errorf("practice and worry time on: %q", got)
	}
}
