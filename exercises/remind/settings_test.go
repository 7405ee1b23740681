package remind

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/ontspan/ontspan/exercises"
)

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Settings)
		check  func(error) bool
		text   string // part of the message
	}{
		{"defaults are valid", func(*Settings) {}, func(err error) bool { return err == nil }, ""},
		{"window ends before it starts", func(s *Settings) { s.MiniChecks.Start, s.MiniChecks.End = "18:00", "09:00" },
			isType[*WindowError], "the window ends before it starts"},
		{"window crosses midnight", func(s *Settings) { s.MiniChecks.Start, s.MiniChecks.End = "22:00", "02:00" },
			isType[*WindowError], "midnight"},
		{"empty window", func(s *Settings) { s.MiniChecks.Start, s.MiniChecks.End = "09:00", "09:00" },
			isType[*WindowError], "ends before it starts"},
		{"zero per day", func(s *Settings) { s.MiniChecks.PerDay = 0 }, isType[*CountError], "1 to 15"},
		{"16 per day", func(s *Settings) { s.MiniChecks.PerDay = 16 }, isType[*CountError], "16"},
		{"hour 24", func(s *Settings) { s.MiniChecks.Start = "24:00" }, isType[*TimeError], "HH:MM"},
		{"dot for colon", func(s *Settings) { s.Practice.At = "9.00" }, isType[*TimeError], "practice.at"},
		{"not a time", func(s *Settings) { s.WindDown.At = "late" }, isType[*TimeError], "windDown.at"},
		{"empty time", func(s *Settings) { s.WorryTime.At = "" }, isType[*TimeError], "worryTime.at"},
		{"minute 60", func(s *Settings) { s.MiniChecks.End = "17:60" }, isType[*TimeError], "17:60"},
		{"worry length", func(s *Settings) { s.WorryTime.Minutes = 0 }, isType[*CountError], "worryTime.minutes"},
		{"weekday", func(s *Settings) { s.MiniChecks.Skip = []time.Weekday{7} }, isType[*WeekdayError], "weekday"},
		{"pause date", func(s *Settings) { s.PausedOn = "today" }, isType[*DateError], "YYYY-MM-DD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Defaults()
			tt.change(&s)
			err := s.Validate()
			if !tt.check(err) {
				t.Fatalf("Validate() = %v (%T)", err, err)
			}
			if err != nil && !strings.Contains(err.Error(), tt.text) {
				t.Errorf("message %q lacks %q", err, tt.text)
			}
		})
	}
	// Every problem is reported, so each field can show its own message.
	s := Defaults()
	s.MiniChecks.PerDay, s.Practice.At = 99, "x"
	err := s.Validate()
	if !isType[*CountError](err) || !isType[*TimeError](err) {
		t.Errorf("want both errors, got %v", err)
	}
}

func isType[T error](err error) bool {
	var target T
	return errors.As(err, &target)
}

// store stores s whole, as a test sets up what is stored.
func store(kv KV, s Settings) error {
	_, err := Update(kv, func(x *Settings) { *x = s })
	return err
}

func TestLoadSave(t *testing.T) {
	kv := &MemKV{}
	if s, err := Load(kv); err != nil || !equalSettings(s, Defaults()) {
		t.Fatalf("absent: %+v, %v", s, err)
	}

	want := Defaults()
	want.MiniChecks = MiniChecks{Enabled: true, PerDay: 10, Start: "08:30", End: "17:15", Skip: []time.Weekday{time.Sunday}}
	want.Practice = Daily{Enabled: true, At: "07:45"}
	want.PauseToday(time.Date(2026, 5, 12, 9, 0, 0, 0, time.UTC), true)
	if err := store(kv, want); err != nil {
		t.Fatal(err)
	}
	if got, err := Load(kv); err != nil || !equalSettings(got, want) {
		t.Errorf("round trip: %+v, %v", got, err)
	}

	bad := want
	bad.MiniChecks.End = "08:00"
	if err := store(kv, bad); !isType[*WindowError](err) {
		t.Errorf("storing bad settings: %v", err)
	}
	if got, _ := Load(kv); !equalSettings(got, want) {
		t.Error("invalid settings changed what was stored")
	}
}

func TestLoadDamaged(t *testing.T) {
	tests := []struct {
		name, raw string
		want      func() Settings
	}{
		{"not JSON", "{{{", Defaults},
		{"wrong type", `{"miniChecks":{"perDay":"six"}}`, Defaults},
		{"empty", "", Defaults},
		{"older JSON without new fields", `{"miniChecks":{"enabled":true,"perDay":4,"start":"10:00","end":"16:00"}}`, func() Settings {
			s := Defaults()
			s.MiniChecks = MiniChecks{Enabled: true, PerDay: 4, Start: "10:00", End: "16:00"}
			return s
		}},
		{"bad parts repaired, good parts kept",
			`{"miniChecks":{"enabled":true,"perDay":40,"start":"18:00","end":"09:00","skip":[6,9]},"practice":{"enabled":true,"at":"07:00"},"windDown":{"enabled":true,"at":"99:99"},"pausedOn":"x"}`,
			func() Settings {
				s := Defaults()
				s.MiniChecks.Enabled = true
				s.MiniChecks.Skip = []time.Weekday{time.Saturday}
				s.Practice = Daily{Enabled: true, At: "07:00"}
				s.WindDown.Enabled = true
				return s
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kv := &MemKV{}
			kv.SetSetting(SettingsKey, tt.raw)
			got, err := Load(kv)
			if !equalSettings(got, tt.want()) {
				t.Errorf("got %+v\nwant %+v", got, tt.want())
			}
			if err := got.Validate(); err != nil {
				t.Errorf("Load returned invalid settings: %v", err)
			}
			damaged := err != nil
			if damaged && !errors.Is(err, ErrDamaged) {
				t.Errorf("error %v is not ErrDamaged", err)
			}
		})
	}
}

type failingKV struct{}

func (failingKV) Setting(string) (string, bool, error) { return "", false, errors.New("disk gone") }
func (failingKV) SetSetting(string, string) error      { return errors.New("disk gone") }
func (failingKV) UpdateSetting(string, func(string, bool) (string, error)) error {
	return errors.New("disk gone")
}

func TestStoreFailure(t *testing.T) {
	s, err := Load(failingKV{})
	if err == nil || !equalSettings(s, Defaults()) {
		t.Errorf("Load on a failing store: %+v, %v", s, err)
	}
	if _, err := Update(failingKV{}, func(*Settings) {}); err == nil {
		t.Error("Update on a failing store succeeded")
	}
	if SessionRunning(failingKV{}, time.Now()) {
		t.Error("a failing store must not silence reminders")
	}
}

func equalSettings(a, b Settings) bool {
	return reflect.DeepEqual(a, b) ||
		len(a.MiniChecks.Skip) == 0 && len(b.MiniChecks.Skip) == 0 && reflect.DeepEqual(noSkip(a), noSkip(b))
}

func noSkip(s Settings) Settings { s.MiniChecks.Skip = nil; return s }

func TestSessionMarker(t *testing.T) {
	kv := &MemKV{}
	clock := exercises.NewFakeClock(time.Date(2026, 5, 12, 9, 0, 0, 0, time.UTC))
	steps := []struct {
		name    string
		do      func()
		running bool
	}{
		{"never marked", func() {}, false},
		{"started", func() { MarkSession(kv, true, clock.Now()) }, true},
		{"20 minutes in", func() { clock.Advance(20 * time.Minute) }, true},
		{"ended", func() { MarkSession(kv, false, clock.Now()) }, false},
		{"started again", func() { MarkSession(kv, true, clock.Now()) }, true},
		{"UI crashed, 3 hours later", func() { clock.Advance(StaleSession) }, false},
		{"clock set back far", func() { MarkSession(kv, true, clock.Now()); clock.Advance(-24 * time.Hour) }, false},
		{"garbage marker", func() { kv.SetSetting(SessionKey, "yes") }, false},
	}
	for _, st := range steps {
		st.do()
		if got := SessionRunning(kv, clock.Now()); got != st.running {
			t.Errorf("%s: running = %v, want %v", st.name, got, st.running)
		}
	}
}

func TestTimeOfDay(t *testing.T) {
	for _, s := range []string{"00:00", "09:05", "23:59"} {
		v, err := ParseTimeOfDay(s)
		if err != nil || v.String() != s {
			t.Errorf("%q → %v, %v", s, v, err)
		}
	}
	// "9:00" is read as 09:00, as the worry times are (one parser, exercises.ParseClock).
	if v, err := ParseTimeOfDay("9:00"); err != nil || v.String() != "09:00" {
		t.Errorf("9:00 → %v, %v", v, err)
	}
	for _, s := range []string{"", "0900", "9.00", "09:0", "-1:00", "24:00", "12:60", "ab:cd", "09:00:00"} {
		if _, err := ParseTimeOfDay(s); err == nil {
			t.Errorf("%q accepted", s)
		}
	}
}

func TestUpdateChangesOnlyWhatItChanges(t *testing.T) {
	day := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	for _, kv := range []KV{&MemKV{}} {
		s := Defaults()
		s.MiniChecks.Enabled, s.Practice.At = true, "21:15"
		if err := store(kv, s); err != nil {
			t.Fatal(err)
		}
		got, err := Update(kv, func(s *Settings) { s.PauseToday(day, true) })
		if err != nil {
			t.Fatalf("%T: %v", kv, err)
		}
		stored, _ := Load(kv)
		if !reflect.DeepEqual(got, stored) || !stored.PausedToday(day) || !stored.MiniChecks.Enabled || stored.Practice.At != "21:15" {
			t.Errorf("%T: returned %+v, stored %+v", kv, got, stored)
		}

		// An invalid change stores nothing and says why.
		_, err = Update(kv, func(s *Settings) { s.MiniChecks.End = "08:00" })
		var we *WindowError
		if !errors.As(err, &we) {
			t.Errorf("%T: error %v, want a WindowError", kv, err)
		}
		if again, _ := Load(kv); again.MiniChecks.End != "18:00" {
			t.Errorf("%T: an invalid change was stored: %+v", kv, again.MiniChecks)
		}

		// A damaged value is repaired, the change applied, the rest kept.
		_ = kv.SetSetting(SettingsKey, `{"practice":{"enabled":true,"at":"25:00"},"pausedOn":"2026-11-25"}`)
		got, err = Update(kv, func(s *Settings) { s.WindDown.Enabled = true })
		if err != nil || got.Practice.At != "20:00" || !got.Practice.Enabled || !got.WindDown.Enabled || !got.PausedToday(day) {
			t.Errorf("%T: damaged: %+v, %v", kv, got, err)
		}
	}
}

func TestAnyEnabled(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Settings)
		want   bool
	}{
		{"none", func(*Settings) {}, false},
		{"mini-checks", func(s *Settings) { s.MiniChecks.Enabled = true }, true},
		{"practice", func(s *Settings) { s.Practice.Enabled = true }, true},
		{"worry time", func(s *Settings) { s.WorryTime.Enabled = true }, true},
		{"wind-down", func(s *Settings) { s.WindDown.Enabled = true }, true},
		{"all", func(s *Settings) {
			s.MiniChecks.Enabled, s.Practice.Enabled, s.WorryTime.Enabled, s.WindDown.Enabled = true, true, true, true
		}, true},
		{"paused today is still enabled", func(s *Settings) {
			s.Practice.Enabled = true
			s.PauseToday(time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC), true)
		}, true},
	}
	for _, tt := range tests {
		s := Defaults() // every reminder off
		tt.change(&s)
		if got := s.AnyEnabled(); got != tt.want {
			t.Errorf("%s: AnyEnabled() = %v, want %v", tt.name, got, tt.want)
		}
	}
}
