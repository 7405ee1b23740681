package diary

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Why Open failed, for a message the user can act on. Open wraps them in
// an *OpenError that names the path.
var (
	// ErrReadOnly: Ontspan may not write in the data folder (or to the
	// diary file): the folder is read-only, on a read-only disk, or owned
	// by someone else. Make it writable.
	ErrReadOnly = errors.New("Ontspan may not write there")
	// ErrNotFolder: where the data folder should be (or one of the folders
	// above it) there is a file. Move the file away.
	ErrNotFolder = errors.New("a file is in the way of the data folder")
)

// OpenError says what is wrong with the diary's place and where. It matches
// its Kind (ErrReadOnly, ErrNotFolder) and the cause with errors.Is.
type OpenError struct {
	Kind error  // ErrReadOnly or ErrNotFolder
	Path string // the folder to make writable, or the file to move away
	Err  error  // the cause, from the OS or SQLite
}

// Error implements error.
func (e *OpenError) Error() string { return fmt.Sprintf("%v: %s (%v)", e.Kind, e.Path, e.Err) }

// Unwrap returns the kind and the cause.
func (e *OpenError) Unwrap() []error { return []error{e.Kind, e.Err} }

// classifyOpenErr turns an OS or SQLite error from opening the diary in dir
// into an *OpenError where it can tell what is wrong, and into ErrBusy when
// SQLite gave up waiting; other errors pass through.
func classifyOpenErr(dir string, err error) error {
	var oe *OpenError
	if err == nil || errors.As(err, &oe) {
		return err
	}
	if errors.Is(err, syscall.ENOTDIR) || errors.Is(err, syscall.EEXIST) {
		if f := fileInTheWay(dir); f != "" {
			return &OpenError{Kind: ErrNotFolder, Path: f, Err: err}
		}
	}
	if errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS) {
		return &OpenError{Kind: ErrReadOnly, Path: nearestFolder(dir), Err: err}
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM:
			if !writable(dir) {
				return &OpenError{Kind: ErrReadOnly, Path: dir, Err: err}
			}
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return fmt.Errorf("%w: %w", ErrBusy, err)
		}
	}
	return err
}

// fileInTheWay returns the first path from dir upwards that exists and is
// not a folder, or "".
func fileInTheWay(dir string) string {
	for p := filepath.Clean(dir); ; p = filepath.Dir(p) {
		fi, err := os.Stat(p)
		if err == nil && !fi.IsDir() {
			return p
		}
		if filepath.Dir(p) == p {
			return ""
		}
	}
}

// nearestFolder returns dir, or the nearest folder above it that exists:
// the one that refused a new folder.
func nearestFolder(dir string) string {
	for p := filepath.Clean(dir); ; p = filepath.Dir(p) {
		if fi, err := os.Stat(p); err == nil && fi.IsDir() || filepath.Dir(p) == p {
			return p
		}
	}
}

// writable reports whether a file can be created in dir. SQLite says
// "cannot open" both for a read-only folder and for other reasons; this
// tells them apart.
func writable(dir string) bool {
	f, err := os.CreateTemp(dir, ".ontspan-write-test-*")
	if err != nil {
		return false
	}
	f.Close()
	os.Remove(f.Name())
	return true
}
