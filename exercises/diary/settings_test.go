package diary

import (
	"errors"
	"strconv"
	"sync"
	"testing"
)

// TestUpdateSettingFromTwoConnections: two connections (as the window and
// the tray agent are two processes) each add one, many times, to a number
// kept under one key. Read and write are one transaction, so no addition is
// lost; reading with Setting and writing with SetSetting lost some.
func TestUpdateSettingFromTwoConnections(t *testing.T) {
	a, dir := openTemp(t)
	b, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	const each = 40
	var wg sync.WaitGroup
	errs := make(chan error, 2*each)
	for _, st := range []*Store{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range each {
				errs <- st.UpdateSetting("count", func(v string, ok bool) (string, error) {
					n, _ := strconv.Atoi(v)
					return strconv.Itoa(n + 1), nil
				})
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if v, _, _ := a.Setting("count"); v != strconv.Itoa(2*each) {
		t.Errorf("count %s, want %d: updates were lost", v, 2*each)
	}
}

// TestUpdateSettingErrorStoresNothing: an error from the change (e.g. a
// form's invalid value) leaves the stored value as it was, and comes back
// as it was given.
func TestUpdateSettingErrorStoresNothing(t *testing.T) {
	s, _ := openTemp(t)
	if err := s.SetSetting("k", "old"); err != nil {
		t.Fatal(err)
	}
	bad := errors.New("invalid")
	err := s.UpdateSetting("k", func(v string, ok bool) (string, error) {
		if v != "old" || !ok {
			t.Errorf("fn got %q, %v", v, ok)
		}
		return "new", bad
	})
	if err != bad {
		t.Errorf("error %v", err)
	}
	if v, _, _ := s.Setting("k"); v != "old" {
		t.Errorf("stored %q", v)
	}
	err = s.UpdateSetting("absent", func(v string, ok bool) (string, error) {
		if ok {
			t.Error("an absent key was reported present")
		}
		return "x", nil
	})
	if v, _, _ := s.Setting("absent"); err != nil || v != "x" {
		t.Errorf("absent key: %q, %v", v, err)
	}
}
