package ui

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"fyne.io/fyne/v2"
)

// filePrefs is fyne.Preferences kept in a file of Ontspan's own, which is
// only ever replaced whole (a temporary file renamed over it). Fyne v2.7.1
// rewrites its preferences.json in place — truncate, then write — and
// every open window reloads that file whenever anything in its folder
// changes (it watches the folder, which holds the diary too). A window
// reading at the moment another one writes gets an empty file: "Preferences
// load error: EOF" in the log, after which Fyne saves that window's own
// older copy over the newer one (fyne-io/fyne#2936). Here a reader sees
// the old file or the new one, never half of one; and each change is made
// on the file as it is at that moment, under a lock file, so two windows
// changing different settings keep both.
type filePrefs struct {
	path string
	logf func(string, ...any)

	mu        sync.Mutex
	vals      map[string]any
	read      os.FileInfo // the file vals were read from
	listeners []func()
}

var _ fyne.Preferences = (*filePrefs)(nil)

// prefsFileName is where newFilePrefs keeps the settings, inside the data
// folder: in a folder of its own, because Fyne reloads (and then rewrites)
// its own preferences file at every change in the data folder itself.
var prefsFileName = filepath.Join("settings", "preferences.json")

// newFilePrefs keeps preferences in dir/settings/preferences.json. The
// first time, it starts from the values in old (Fyne's preferences file),
// so nobody loses a setting by updating.
func newFilePrefs(dir, old string, logf func(string, ...any)) (*filePrefs, error) {
	p := &filePrefs{path: filepath.Join(dir, prefsFileName), logf: logf, vals: map[string]any{}}
	if err := os.MkdirAll(filepath.Dir(p.path), 0o700); err != nil {
		return nil, err
	}
	if _, err := os.Stat(p.path); errors.Is(err, fs.ErrNotExist) {
		if data, err := os.ReadFile(old); err == nil && validPrefs(data) {
			if err := writeAtomic(p.path, data); err != nil {
				return nil, err
			}
		}
	}
	p.mu.Lock()
	p.refresh(false)
	p.mu.Unlock()
	return p, nil
}

// refresh rereads the file when another window changed it. A file that
// cannot be read or parsed leaves the values as they were. Hold mu; locked
// says the lock file is held already.
func (p *filePrefs) refresh(locked bool) {
	fi, err := os.Stat(p.path)
	if err != nil {
		return // not written yet, or gone: keep what we have
	}
	if p.same(fi) {
		return
	}
	if !locked {
		// Windows cannot rename over a file another process has open:
		// reading under the lock keeps a writer's rename from failing.
		defer p.lock()()
	}
	data, err := os.ReadFile(p.path)
	if err != nil {
		p.logf("settings: %v", err)
		return
	}
	vals := map[string]any{}
	if err := json.Unmarshal(data, &vals); err != nil {
		p.logf("settings: %s: %v; keeping the settings in use", p.path, err)
		return
	}
	p.vals, p.read = vals, fi
}

// lock waits for the lock file and returns what releases it. Without a
// lock (an error, logged) the work goes on: a setting is never refused.
func (p *filePrefs) lock() (unlock func()) {
	lf, err := os.OpenFile(p.path+".lock", os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		p.logf("settings: lock: %v", err)
		return func() {}
	}
	if err := lockPrefs(lf); err != nil {
		p.logf("settings: lock: %v", err)
	}
	return func() { lf.Close() } // closing releases the lock
}

// same reports whether fi is the file vals were read from. Every write
// renames a new file into place, so a file changed by another window is
// another file, even when its size and time are the same.
func (p *filePrefs) same(fi os.FileInfo) bool {
	return p.read != nil && os.SameFile(p.read, fi) && fi.Size() == p.read.Size() && fi.ModTime().Equal(p.read.ModTime())
}

// unchanged reports whether setting key to value (or removing it) would
// leave the file as it is. Values are compared as they are written.
func (p *filePrefs) unchanged(key string, value any, remove bool) bool {
	was, ok := p.vals[key]
	if remove || !ok {
		return remove && !ok
	}
	a, err1 := json.Marshal(was)
	b, err2 := json.Marshal(value)
	return err1 == nil && err2 == nil && string(a) == string(b)
}

func (p *filePrefs) get(key string) (any, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.refresh(false)
	v, ok := p.vals[key]
	return v, ok
}

// set stores value under key (remove: deletes it) on the file as it is now,
// and tells the listeners.
func (p *filePrefs) set(key string, value any, remove bool) {
	p.mu.Lock()
	// Another window's change between our read and our rename would be
	// lost: the lock file makes read, change and rename one step.
	unlock := p.lock()
	p.refresh(true)
	if p.unchanged(key, value, remove) {
		// Fyne's selects report their first value as a change: a set-up
		// screen would rewrite the file (lock, write, fsync, rename) on
		// every opening.
		unlock()
		p.mu.Unlock()
		return
	}
	if remove {
		delete(p.vals, key)
	} else {
		p.vals[key] = value
	}
	data, err := json.Marshal(p.vals)
	if err == nil {
		err = writeAtomic(p.path, data)
	}
	if err != nil {
		p.logf("settings: could not save %q: %v", key, err)
	} else if fi, err := os.Stat(p.path); err == nil {
		p.read = fi
	}
	unlock() // the new file is in place
	ls := append([]func(){}, p.listeners...)
	p.mu.Unlock()
	for _, l := range ls {
		l()
	}
}

// value returns key's value as T, converting what JSON gives back
// (float64, []any) into the type it was stored as.
func value[T any](p *filePrefs, key string, fallback T) T {
	v, ok := p.get(key)
	if !ok {
		return fallback
	}
	if t, ok := v.(T); ok {
		return t
	}
	var out T
	switch o := any(&out).(type) {
	case *int:
		f, ok := v.(float64)
		if !ok {
			return fallback
		}
		*o = int(f)
	case *float64:
		i, ok := v.(int)
		if !ok {
			return fallback
		}
		*o = float64(i)
	case *[]bool:
		return listOf(v, fallback, func(x any) (bool, bool) { b, ok := x.(bool); return b, ok }, o)
	case *[]string:
		return listOf(v, fallback, func(x any) (string, bool) { s, ok := x.(string); return s, ok }, o)
	case *[]float64:
		return listOf(v, fallback, func(x any) (float64, bool) { f, ok := x.(float64); return f, ok }, o)
	case *[]int:
		return listOf(v, fallback, func(x any) (int, bool) { f, ok := x.(float64); return int(f), ok }, o)
	default:
		return fallback
	}
	return out
}

// listOf converts a JSON list into *out with conv, or gives fallback.
func listOf[T, E any](v any, fallback T, conv func(any) (E, bool), out *[]E) T {
	xs, ok := v.([]any)
	if !ok {
		return fallback
	}
	*out = make([]E, 0, len(xs))
	for _, x := range xs {
		e, ok := conv(x)
		if !ok {
			return fallback
		}
		*out = append(*out, e)
	}
	return any(*out).(T)
}

func (p *filePrefs) Bool(key string) bool                     { return value(p, key, false) }
func (p *filePrefs) BoolWithFallback(key string, f bool) bool { return value(p, key, f) }
func (p *filePrefs) SetBool(key string, v bool)               { p.set(key, v, false) }
func (p *filePrefs) BoolList(key string) []bool               { return value[[]bool](p, key, nil) }
func (p *filePrefs) BoolListWithFallback(key string, f []bool) []bool {
	return value(p, key, f)
}
func (p *filePrefs) SetBoolList(key string, v []bool)                { p.set(key, v, false) }
func (p *filePrefs) Float(key string) float64                        { return value(p, key, 0.0) }
func (p *filePrefs) FloatWithFallback(key string, f float64) float64 { return value(p, key, f) }
func (p *filePrefs) SetFloat(key string, v float64)                  { p.set(key, v, false) }
func (p *filePrefs) FloatList(key string) []float64                  { return value[[]float64](p, key, nil) }
func (p *filePrefs) FloatListWithFallback(key string, f []float64) []float64 {
	return value(p, key, f)
}
func (p *filePrefs) SetFloatList(key string, v []float64)          { p.set(key, v, false) }
func (p *filePrefs) Int(key string) int                            { return value(p, key, 0) }
func (p *filePrefs) IntWithFallback(key string, f int) int         { return value(p, key, f) }
func (p *filePrefs) SetInt(key string, v int)                      { p.set(key, v, false) }
func (p *filePrefs) IntList(key string) []int                      { return value[[]int](p, key, nil) }
func (p *filePrefs) IntListWithFallback(key string, f []int) []int { return value(p, key, f) }
func (p *filePrefs) SetIntList(key string, v []int)                { p.set(key, v, false) }
func (p *filePrefs) String(key string) string                      { return value(p, key, "") }
func (p *filePrefs) StringWithFallback(key, f string) string       { return value(p, key, f) }
func (p *filePrefs) SetString(key string, v string)                { p.set(key, v, false) }
func (p *filePrefs) StringList(key string) []string                { return value[[]string](p, key, nil) }
func (p *filePrefs) StringListWithFallback(key string, f []string) []string {
	return value(p, key, f)
}
func (p *filePrefs) SetStringList(key string, v []string) { p.set(key, v, false) }
func (p *filePrefs) RemoveValue(key string)               { p.set(key, nil, true) }

func (p *filePrefs) AddChangeListener(l func()) {
	p.mu.Lock()
	p.listeners = append(p.listeners, l)
	p.mu.Unlock()
}

func (p *filePrefs) ChangeListeners() []func() {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]func(){}, p.listeners...)
}

// prefsApp is the app with its Preferences kept in a filePrefs, so every
// screen that asks the app for them gets the safe store.
type prefsApp struct {
	fyne.App
	prefs fyne.Preferences
}

func (a prefsApp) Preferences() fyne.Preferences { return a.prefs }

// withFilePrefs gives a its preferences from dir (see filePrefs), starting
// from Fyne's own file the first time. When the file cannot be made, a
// keeps Fyne's preferences and the reason is logged.
func withFilePrefs(a fyne.App, dir string) fyne.App {
	logf := func(format string, args ...any) { fyne.LogError(fmt.Sprintf(format, args...), nil) }
	p, err := newFilePrefs(dir, FynePrefsPath(a.UniqueID()), logf)
	if err != nil {
		logf("settings: %v; using Fyne's preferences file", err)
		return a
	}
	return prefsApp{App: a, prefs: p}
}
