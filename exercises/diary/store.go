// Package diary is Ontspan's practice diary: one SQLite database (through the
// pure-Go driver modernc.org/sqlite, so it builds with CGO_ENABLED=0) holding
// the practice sessions, the parked worries and a few settings that the
// window and the tray agent share.
//
// The store keeps health data, so it is careful: the folder is 0700 and the
// files 0600, every write is one transaction in WAL mode with synchronous=FULL,
// the schema is versioned with numbered migrations, and a damaged database
// is moved aside (never overwritten) so the app can start with a fresh one
// and tell the user where the old one is.
package diary

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// FileName is the database's name inside the data folder.
const FileName = "diary.db"

// busyTimeout is how long a write waits for another connection or process
// (the tray agent) to finish its transaction before giving up.
const busyTimeout = 5 * time.Second

// Store is the open diary. It is safe for concurrent use by several
// goroutines, and several processes may open the same folder at once.
type Store struct {
	path   string
	now    func() time.Time
	closed atomic.Bool

	lock    *procLock // shared for as long as the Store is open
	writers *writers  // shared while a write waits or runs, see yieldToWriters

	mu        sync.RWMutex // guards h and recovered, which Recover replaces
	h         *handle
	recovered string // where a damaged database was moved, or ""
}

// handle is one open database with its background integrity check.
type handle struct {
	db       *sql.DB
	stop     context.CancelFunc
	done     chan struct{} // closed when the check has finished
	checkErr error         // its result, readable after done
}

// Open opens (or creates) the diary in dir, creating dir with mode 0700 if
// needed, and brings its schema up to date.
//
// A database written by a newer Ontspan is left untouched and Open returns an
// error matching ErrNewerDatabase. A folder Ontspan may not write in, or a
// file where the folder should be, gives an *OpenError (ErrReadOnly,
// ErrNotFolder) naming the path. ErrBusy means another process held the
// diary for too long: try again later.
//
// A damaged database is never overwritten, and never moved while another
// Ontspan process has it open: every Store holds a shared lock on
// diary.lock, and Open moves a database aside (to
// diary-damaged-YYYYMMDD-HHMMSS.db in the same folder) only with the
// exclusive lock and after checking it again, twice; then it creates a fresh
// diary and succeeds, and Recovered tells where the old file is. When others
// have it open, Open returns an error matching ErrInUse and moves nothing.
// Read errors (a busy or unreadable file) are never taken for damage.
//
// Open itself checks what is cheap (the file header, its size against the
// page count, the schema) so the diary screen appears at once. Reading every
// page (SQLite's quick_check, ~50 ms for ten years of heavy use) runs in the
// background: call Verify to learn its result, and Recover if it found damage.
func Open(dir string) (*Store, error) {
	return open(dir, time.Now)
}

func open(dir string, now func() time.Time) (*Store, error) {
	if strings.ContainsRune(dir, '?') {
		return nil, fmt.Errorf("open diary: folder name %q contains '?', which SQLite cannot take", dir)
	}
	if err := ensureDir(dir); err != nil {
		return nil, fmt.Errorf("open diary: %w", classifyOpenErr(dir, err))
	}
	lk, err := takeShared(dir)
	if err != nil {
		return nil, fmt.Errorf("open diary: %w", classifyOpenErr(dir, err))
	}
	wr, err := openWriters(dir)
	if err != nil {
		lk.close()
		return nil, fmt.Errorf("open diary: %w", classifyOpenErr(dir, err))
	}
	s := &Store{path: filepath.Join(dir, FileName), now: now, lock: lk, writers: wr}
	h, err := openFile(s.path)
	if errors.Is(err, ErrDamaged) {
		var moved string
		moved, err = s.moveAsideIfDamaged()
		if err == nil {
			s.recovered = moved
			h, err = openFile(s.path)
		}
	}
	if err != nil {
		lk.close()
		wr.close()
		return nil, fmt.Errorf("open diary: %w", classifyOpenErr(dir, err))
	}
	s.h = h
	return s, nil
}

// moveAsideIfDamaged is the only way a database is moved aside. With the
// exclusive lock (no other Ontspan process has the diary open), it checks
// the file again from scratch, twice, and moves it only if both checks find
// damage. It returns the new path, or "" when the file turned out sound
// (a read error or a check that raced with a writer). No handle of this
// Store may be open while it runs.
func (s *Store) moveAsideIfDamaged() (string, error) {
	ok, err := s.lock.tryExclusive()
	if err != nil {
		return "", err
	}
	if !ok {
		return "", ErrInUse
	}
	defer s.lock.shared()
	for range 2 {
		if err = checkAgain(s.path); !errors.Is(err, ErrDamaged) {
			return "", err // sound, or unreadable: leave it where it is
		}
	}
	moved, err := moveAside(s.path, s.now())
	if err != nil {
		return "", fmt.Errorf("the database is damaged and could not be moved aside: %w", err)
	}
	return moved, nil
}

// checkAgain checks the database at path from scratch: its header, its
// schema and every page. nil means sound; an error matching ErrDamaged
// means damage; any other error means the file could not be read.
func checkAgain(path string) error {
	if err := checkHeader(path); err != nil {
		return err
	}
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		return err
	}
	defer db.Close()
	var version int
	if err := db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return asDamage(err)
	}
	return quickCheck(context.Background(), db)
}

// conn returns the database of the current handle.
func (s *Store) conn() *sql.DB {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.h.db
}

// Recovered returns the path the damaged database was moved to when Open
// (or Recover) found it damaged and started a fresh diary, or "" when that
// did not happen. The UI tells the user plainly where the old file is.
func (s *Store) Recovered() string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.recovered
}

// Path returns the database file's path.
func (s *Store) Path() string { return s.path }

// Verify waits for the background check that Open started (it reads every
// page of the database) and returns its result: nil, or an error matching
// ErrDamaged. The UI calls it off the main goroutine after showing the diary;
// on ErrDamaged it tells the user and calls Recover.
func (s *Store) Verify() error {
	s.mu.RLock()
	h := s.h
	s.mu.RUnlock()
	<-h.done
	if s.closed.Load() {
		return ErrClosed
	}
	return h.checkErr
}

// Recover moves the damaged database aside (as Open does, to
// diary-damaged-YYYYMMDD-HHMMSS.db) and continues with a fresh, empty one. It
// returns the path of the moved file, which Recovered reports from then on.
// Use it when Verify reports ErrDamaged; what is stored in the old file stays
// there for an expert (or a later version) to rescue.
//
// It moves nothing, and returns an error matching ErrInUse, while another
// Ontspan process has the diary open; and it returns "" and nil when a
// fresh check under the exclusive lock finds the file sound after all.
func (s *Store) Recover() (string, error) {
	if s.closed.Load() {
		return "", ErrClosed
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.h.close()
	moved, err := s.moveAsideIfDamaged()
	h, openErr := openFile(s.path)
	if openErr != nil {
		// Keep a handle that answers every call with the error.
		db, _ := sql.Open("sqlite", dsn(s.path))
		db.Close()
		h = &handle{db: db, stop: func() {}, done: make(chan struct{}), checkErr: openErr}
		close(h.done)
	}
	s.h = h
	if moved != "" {
		s.recovered = moved
	}
	if err != nil {
		return "", fmt.Errorf("move the damaged diary aside: %w", err)
	}
	if openErr != nil {
		return moved, fmt.Errorf("open a fresh diary: %w", openErr)
	}
	return moved, nil
}

// Close stops the background check and closes the database. The store must
// not be used afterwards.
func (s *Store) Close() error {
	if s.closed.Swap(true) {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	err := s.h.close()
	s.lock.close()
	s.writers.close()
	return err
}

func (h *handle) close() error {
	h.stop()
	<-h.done
	return h.db.Close()
}

// ensureDir creates dir with mode 0700 and takes group and other access
// away if it already existed (the folder holds health data; on Windows the
// folder under %APPDATA% is private already and nothing is changed).
func ensureDir(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	fi, err := os.Stat(dir)
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return &fs.PathError{Op: "open", Path: dir, Err: syscall.ENOTDIR}
	}
	if perm := fi.Mode().Perm(); perm&0o077 != 0 {
		return restrictMode(dir, perm&0o700)
	}
	return nil
}

// restrictFiles sets the database and its -wal/-shm files to 0600, whatever
// the umask was when they were made. It runs before this process's SQLite
// opens them; the -wal and -shm files SQLite creates later get the
// database's mode from SQLite itself. On Windows it changes nothing.
func restrictFiles(path string) error {
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		if err := restrictMode(p, 0o600); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return nil
}

// ErrDamaged: the database file is damaged (not an SQLite file, cut off,
// or failing SQLite's check). Open and Recover move such a file aside.
var ErrDamaged = errors.New("the diary file is damaged")

// damageError says what is wrong with a damaged database; it matches ErrDamaged.
type damageError struct{ reason string }

func (e *damageError) Error() string { return ErrDamaged.Error() + ": " + e.reason }
func (e *damageError) Unwrap() error { return ErrDamaged }

// asDamage turns SQLite's "not a database" and "malformed" errors into a
// *damageError and passes every other error (busy, permissions, …) through,
// so that a locked or unreadable database is never mistaken for a damaged one.
func asDamage(err error) error {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
			return &damageError{reason: err.Error()}
		}
	}
	return err
}

const sqliteMagic = "SQLite format 3\x00"

// checkHeader creates the file (0600) when it is missing and reports a
// *damageError when it exists but is no SQLite database, or is shorter than
// its header says (cut off by a failed copy or sync) while no WAL file
// holds the missing pages.
func checkHeader(path string) error {
	f, err := os.OpenFile(path, os.O_RDONLY|os.O_CREATE, 0o600)
	if err != nil {
		return err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	if fi.Size() == 0 {
		return nil // new or empty file: SQLite makes it a database
	}
	var h [100]byte
	if _, err := io.ReadFull(f, h[:]); errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return &damageError{reason: "shorter than an SQLite header"}
	} else if err != nil {
		return err
	}
	if string(h[:len(sqliteMagic)]) != sqliteMagic {
		return &damageError{reason: "not an SQLite database file"}
	}
	pageSize := int64(binary.BigEndian.Uint16(h[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	if pageSize < 512 || pageSize&(pageSize-1) != 0 {
		return &damageError{reason: "invalid page size in header"}
	}
	pages := int64(binary.BigEndian.Uint32(h[28:32]))
	headerValid := binary.BigEndian.Uint32(h[24:28]) == binary.BigEndian.Uint32(h[92:96])
	if wal, err := os.Stat(path + "-wal"); err == nil && wal.Size() > 0 {
		return nil // after a crash the WAL may hold pages the file lacks; SQLite recovers them
	}
	if headerValid && pages > 0 && fi.Size() < pages*pageSize {
		return &damageError{reason: fmt.Sprintf("cut off: %d bytes instead of %d", fi.Size(), pages*pageSize)}
	}
	return nil
}

func dsn(path string) string {
	return path + fmt.Sprintf("?_pragma=busy_timeout(%d)&_pragma=foreign_keys(1)&_pragma=synchronous(FULL)&_txlock=immediate",
		busyTimeout.Milliseconds())
}

// openFile opens the database at path, checks it cheaply, migrates it and
// starts the thorough check in the background.
func openFile(path string) (*handle, error) {
	if err := checkHeader(path); err != nil {
		return nil, err
	}
	if err := restrictFiles(path); err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		return nil, err
	}
	fresh, err := prepare(db)
	if err != nil {
		db.Close()
		return nil, asDamage(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	h := &handle{db: db, stop: stop, done: make(chan struct{})}
	if fresh {
		close(h.done) // nothing to check in a database we just created
	} else {
		go func() {
			defer close(h.done)
			h.checkErr = quickCheck(ctx, db)
		}()
	}
	return h, nil
}

// prepare refuses newer schemas, switches to WAL and runs the migrations.
// Reading the schema version parses the schema, which finds a damaged first
// page. fresh reports a database that had no schema yet.
func prepare(db *sql.DB) (fresh bool, err error) {
	ctx := context.Background()
	var version int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return false, err
	}
	if version > len(migrations) {
		return false, &VersionError{Kind: ErrNewerDatabase, Found: version, Known: len(migrations)}
	}
	var mode string
	if err := db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
		return false, err
	}
	if !strings.EqualFold(mode, "wal") { // switching needs the write lock: only when not yet done
		if err := db.QueryRowContext(ctx, "PRAGMA journal_mode=WAL").Scan(&mode); err != nil {
			return false, err
		}
		if !strings.EqualFold(mode, "wal") {
			return false, fmt.Errorf("could not switch the database to WAL mode (got %q)", mode)
		}
	}
	if version == len(migrations) {
		// Current: a plain read, so a window opens while another process
		// writes (an import, the agent) instead of waiting for its lock.
		return false, nil
	}
	return version == 0, migrateTo(ctx, db, len(migrations))
}

// quickCheck runs SQLite's quick_check: it reads every page and verifies the
// b-trees (but not that indexes match their tables, which integrity_check
// adds at five times the cost). Damage it finds is a *damageError; being
// stopped by Close is not an error.
func quickCheck(ctx context.Context, db *sql.DB) error {
	msgs, err := pragmaCheck(ctx, db, "quick_check(5)") // the first 5 problems are enough to tell
	if ctx.Err() != nil {
		return nil
	}
	if err != nil {
		return asDamage(err)
	}
	return checkResult("SQLite check", msgs)
}

// readErrorCode finds the error code SQLite puts in a check's result line
// when it could not read a page ("unable to get the page. error code=522").
var readErrorCode = regexp.MustCompile(`error code[= ](\d+)`)

// checkResult turns the lines of quick_check or integrity_check into nil
// ("ok"), an *ioError when a line only says a page could not be read (an
// I/O, busy or memory error: e.g. another process's WAL file was deleted),
// or a *damageError.
func checkResult(what string, msgs []string) error {
	if len(msgs) == 1 && msgs[0] == "ok" {
		return nil
	}
	for _, m := range msgs {
		if c := readErrorCode.FindStringSubmatch(m); c != nil {
			code, _ := strconv.Atoi(c[1])
			if code&0xff != sqlite3.SQLITE_CORRUPT && code&0xff != sqlite3.SQLITE_NOTADB {
				return &ioError{reason: what + ": " + strings.Join(msgs, "; ")}
			}
		}
	}
	if len(msgs) == 0 {
		return &ioError{reason: what + ": no result"}
	}
	return &damageError{reason: what + ": " + strings.Join(msgs, "; ")}
}

// ErrUnreadable: the diary could not be read completely (an I/O error, or
// another process's files changed under it). It is not damage: nothing is
// moved, and opening it again later usually works.
var ErrUnreadable = errors.New("the diary could not be read completely")

// ioError says what could not be read; it matches ErrUnreadable.
type ioError struct{ reason string }

func (e *ioError) Error() string { return ErrUnreadable.Error() + ": " + e.reason }
func (e *ioError) Unwrap() error { return ErrUnreadable }

func pragmaCheck(ctx context.Context, db *sql.DB, pragma string) ([]string, error) {
	rows, err := db.QueryContext(ctx, "PRAGMA "+pragma)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var msgs []string
	for rows.Next() {
		var m string
		if err := rows.Scan(&m); err != nil {
			return nil, err
		}
		msgs = append(msgs, m)
	}
	return msgs, rows.Err()
}

// IntegrityCheck runs SQLite's full integrity_check (several times slower
// than the quick_check behind Verify) and returns nil when the database is
// sound, or an error matching ErrDamaged. For tests and a "check my diary"
// action.
func (s *Store) IntegrityCheck() error {
	msgs, err := pragmaCheck(context.Background(), s.conn(), "integrity_check")
	if err != nil {
		return asDamage(err)
	}
	return checkResult("integrity check", msgs)
}

// moveAside renames the damaged database and its -wal/-shm files to
// diary-damaged-YYYYMMDD-HHMMSS.db (adding -2, -3, … if that exists) and
// returns the new path of the database.
func moveAside(path string, now time.Time) (string, error) {
	dir := filepath.Dir(path)
	stamp := now.Format("20060102-150405")
	var dst string
	for i := 1; ; i++ {
		name := "diary-damaged-" + stamp + ".db"
		if i > 1 {
			name = fmt.Sprintf("diary-damaged-%s-%d.db", stamp, i)
		}
		dst = filepath.Join(dir, name)
		if _, err := os.Lstat(dst); errors.Is(err, fs.ErrNotExist) {
			break
		}
		if i > 1000 {
			return "", fmt.Errorf("no free name for the damaged database")
		}
	}
	if err := os.Rename(path, dst); err != nil {
		return "", err
	}
	// Still health data, whatever mode it had: only the user may read it.
	// (No process has it open: the caller holds the exclusive lock.)
	_ = restrictMode(dst, 0o600)
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Rename(path+suffix, dst+suffix); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return dst, err
		}
		_ = restrictMode(dst+suffix, 0o600)
	}
	return dst, nil
}

// isBusy reports whether err is SQLite's "database is locked" after the busy
// timeout ran out.
func isBusy(err error) bool {
	var se *sqlite.Error
	if errors.As(err, &se) {
		c := se.Code() & 0xff
		return c == sqlite3.SQLITE_BUSY || c == sqlite3.SQLITE_LOCKED
	}
	return false
}

// write runs fn in one IMMEDIATE transaction and commits it, retrying a few
// times if another process held the write lock longer than busyTimeout.
func (s *Store) write(fn func(tx *sql.Tx) error) error {
	if s.closed.Load() {
		return ErrClosed
	}
	s.writers.enter()
	defer s.writers.leave()
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		err = s.writeOnce(fn)
		if err == nil || !isBusy(err) {
			return err
		}
	}
	return err
}

func (s *Store) writeOnce(fn func(tx *sql.Tx) error) error {
	tx, err := s.conn().Begin() // BEGIN IMMEDIATE, see dsn
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// nanos and fromNanos store times as Unix nanoseconds: exact, sortable and
// independent of time zones. The zero time is stored as NULL.
func nanos(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UnixNano()
}

func fromNanos(n sql.NullInt64) time.Time {
	if !n.Valid {
		return time.Time{}
	}
	return time.Unix(0, n.Int64)
}

// oneRow turns an UPDATE's result into ErrNotFound when no row matched.
func oneRow(res sql.Result, err error) error {
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err == nil && n == 0 {
		err = ErrNotFound
	}
	return err
}

// takeRow reads row id of table and deletes it in tx, returning it as it
// was so the caller can offer Undo; ErrNotFound when there is none.
func takeRow[T any](tx *sql.Tx, table, columns string, scan func(scanner) (T, error), id int64) (T, error) {
	v, err := scan(tx.QueryRow(`SELECT `+columns+` FROM `+table+` WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return v, ErrNotFound
	}
	if err != nil {
		return v, err
	}
	_, err = tx.Exec(`DELETE FROM `+table+` WHERE id = ?`, id)
	return v, err
}

// insertKeepingID runs query, an INSERT … ON CONFLICT (uid) DO NOTHING
// whose first parameter is the row's id, with args after it. The row keeps
// id when id > 0 and no row of table has it (a restore or an undo puts an
// item back where it was); otherwise SQLite picks one. It reports whether a
// row was added (false: the uid is in the diary already) and its id.
func insertKeepingID(tx *sql.Tx, table, query string, id int64, args []any) (bool, int64, error) {
	var keep any
	if id > 0 {
		var taken bool
		if err := tx.QueryRow(`SELECT EXISTS (SELECT 1 FROM `+table+` WHERE id = ?)`, id).Scan(&taken); err != nil {
			return false, 0, err
		}
		if !taken {
			keep = id
		}
	}
	res, err := tx.Exec(query, append([]any{keep}, args...)...)
	if err != nil {
		return false, 0, err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return false, 0, err
	}
	newID, err := res.LastInsertId()
	return true, newID, err
}

// keptID is the id to keep for insertKeepingID: id when keep is set, else
// 0 (a new one).
func keptID(keep bool, id int64) int64 {
	if keep {
		return id
	}
	return 0
}
