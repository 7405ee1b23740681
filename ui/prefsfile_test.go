package ui

import (
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"sync"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/ontspan/ontspan/exercises"
)

func newTestPrefs(t *testing.T, dir, old string) *filePrefs {
	t.Helper()
	p, err := newFilePrefs(dir, old, t.Logf)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestPrefsFileTwoWindows: two windows change settings at the same moment.
// Fyne's file was truncated and then written, so the other window could
// read it empty ("Preferences load error: EOF") and then save its older
// copy over it. Here a reader only ever sees a whole file, and no change of
// either window is lost.
func TestPrefsFileTwoWindows(t *testing.T) {
	dir := t.TempDir()
	a, b := newTestPrefs(t, dir, ""), newTestPrefs(t, dir, "")
	const n = 60
	var wg sync.WaitGroup
	stop := make(chan struct{})
	bad := make(chan string, 1)
	go func() { // a third window reading the file as it changes
		for {
			select {
			case <-stop:
				return
			default:
			}
			data, err := os.ReadFile(a.path)
			if err == nil && !validPrefs(data) {
				select {
				case bad <- string(data):
				default:
				}
			}
		}
	}()
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := range n {
			a.SetBool("a"+strconv.Itoa(i), true)
		}
	}()
	go func() {
		defer wg.Done()
		for i := range n {
			b.SetString("b"+strconv.Itoa(i), "x")
		}
	}()
	wg.Wait()
	close(stop)
	select {
	case data := <-bad:
		t.Errorf("a reader saw a partial file: %q", data)
	default:
	}
	// Each sees the other's changes, and the file holds them all.
	if !b.Bool("a"+strconv.Itoa(n-1)) || a.String("b"+strconv.Itoa(n-1)) != "x" {
		t.Error("a window does not see the other's last change")
	}
	c := newTestPrefs(t, dir, "")
	lost := 0
	for i := range n {
		if !c.Bool("a"+strconv.Itoa(i)) || c.String("b"+strconv.Itoa(i)) != "x" {
			lost++
		}
	}
	if lost > 0 {
		t.Errorf("%d of %d pairs of changes lost", lost, n)
	}
}

// TestPrefsFileStartsFromFynesFile: updating keeps every setting; Fyne's
// file is left as it was.
func TestPrefsFileStartsFromFynesFile(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(t.TempDir(), "preferences.json")
	data := `{"sound":false,"last-minutes":10,"volume":0.5,"pmr-mine":["neck","hands"],"language":"nl"}` + "\n"
	if err := os.WriteFile(old, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	p := newTestPrefs(t, dir, old)
	if p.BoolWithFallback("sound", true) || p.Int("last-minutes") != 10 || p.Float("volume") != 0.5 ||
		!reflect.DeepEqual(p.StringList("pmr-mine"), []string{"neck", "hands"}) || p.String("language") != "nl" {
		t.Errorf("not carried over: %v", p.vals)
	}
	if got, _ := os.ReadFile(old); string(got) != data {
		t.Error("Fyne's file was changed")
	}
	if fi, err := os.Stat(p.path); err != nil || (fi.Mode().Perm()&0o077 != 0 && os.PathSeparator == '/') {
		t.Errorf("settings file: %v, %v", fi, err)
	}
	// Later starts read their own file, not Fyne's again.
	p.SetString("language", "en")
	if q := newTestPrefs(t, dir, old); q.String("language") != "en" {
		t.Errorf("language %q", q.String("language"))
	}
}

// TestPrefsFileTypesAndDamage: values come back with their types from
// another window, lists included; a damaged file leaves the values in use.
func TestPrefsFileTypesAndDamage(t *testing.T) {
	dir := t.TempDir()
	a, b := newTestPrefs(t, dir, ""), newTestPrefs(t, dir, "")
	changed := 0
	b.AddChangeListener(func() { changed++ })
	a.SetInt("i", 7)
	a.SetFloat("f", 0.25)
	a.SetIntList("il", []int{1, 2})
	a.SetBoolList("bl", []bool{true, false})
	a.SetFloatList("fl", []float64{1.5})
	a.SetStringList("sl", []string{"a"})
	if b.Int("i") != 7 || b.Float("f") != 0.25 || !reflect.DeepEqual(b.IntList("il"), []int{1, 2}) ||
		!reflect.DeepEqual(b.BoolList("bl"), []bool{true, false}) || !reflect.DeepEqual(b.FloatList("fl"), []float64{1.5}) ||
		!reflect.DeepEqual(b.StringList("sl"), []string{"a"}) {
		t.Errorf("read back: %v", b.vals)
	}
	if b.IntWithFallback("none", 3) != 3 || b.String("i") != "" {
		t.Error("fallbacks")
	}
	b.RemoveValue("i")
	if a.IntWithFallback("i", 5) != 5 || changed != 1 || len(b.ChangeListeners()) != 1 {
		t.Errorf("remove: %d, %d changes", a.IntWithFallback("i", 5), changed)
	}
	if err := os.WriteFile(a.path, []byte(`{"f": 0.`), 0o600); err != nil {
		t.Fatal(err)
	}
	if a.Float("f") != 0.25 {
		t.Error("a damaged file dropped the values in use")
	}
}

// TestWindowKeepsSettingsInItsOwnFile: a window with a data folder keeps
// its settings in settings/preferences.json there, for every screen (they
// ask the app), and the next window reads them back.
func TestWindowKeepsSettingsInItsOwnFile(t *testing.T) {
	dir := t.TempDir()
	a := test.NewTempApp(t)
	u := New(a, a.NewWindow("Ontspan"), Deps{Clock: exercises.NewFakeClock(testStart), DataDir: dir, NoAgent: true})
	t.Cleanup(func() { _ = setLanguage("en") })
	if _, ok := u.app.Preferences().(*filePrefs); !ok {
		t.Fatalf("preferences are %T", u.app.Preferences())
	}
	u.data.prefs.SetSound(false)
	u.app.Preferences().SetBool(prefPracticeOffered, true) // as a screen does
	data, err := os.ReadFile(filepath.Join(dir, prefsFileName))
	if err != nil || !validPrefs(data) {
		t.Fatalf("settings file: %q, %v", data, err)
	}
	if a.Preferences().BoolWithFallback(prefSound, true) == false {
		t.Error("the setting went to Fyne's preferences")
	}
	u2 := New(a, a.NewWindow("Ontspan"), Deps{Clock: exercises.NewFakeClock(testStart), DataDir: dir, NoAgent: true})
	if u2.data.prefs.Sound() || !u2.app.Preferences().Bool(prefPracticeOffered) {
		t.Error("the next window does not read the settings back")
	}
}

// TestPrefsFileSameValueWritesNothing: storing what is stored already (a
// set-up screen's select reporting its first value) leaves the file alone;
// a real change, or removing a key, still writes.
func TestPrefsFileSameValueWritesNothing(t *testing.T) {
	dir := t.TempDir()
	p := newTestPrefs(t, dir, "")
	p.SetStringList("ids", []string{"neck", "jaw"})
	p.SetInt("n", 20)
	// A second name keeps the file's inode taken, so a rewrite (a new file
	// renamed into place) cannot get the same one back.
	if err := os.Link(p.path, filepath.Join(dir, "kept")); err != nil {
		t.Skip("no hard links here:", err)
	}
	before, err := os.Stat(p.path)
	if err != nil {
		t.Fatal(err)
	}
	p.SetStringList("ids", []string{"neck", "jaw"})
	p.SetInt("n", 20)
	p.RemoveValue("absent")
	if after, _ := os.Stat(p.path); !os.SameFile(before, after) {
		t.Error("the same values were written again")
	}
	p.SetInt("n", 25)
	if after, _ := os.Stat(p.path); os.SameFile(before, after) {
		t.Error("a change was not written")
	}
	if got := newTestPrefs(t, dir, "").Int("n"); got != 25 {
		t.Errorf("read back %d", got)
	}
}
