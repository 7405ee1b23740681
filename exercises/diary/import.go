package diary

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"math"
	"path/filepath"
	"time"

	"github.com/ontspan/ontspan/exercises"
)

// importBatch is how many items one import transaction writes. Each batch
// holds the write lock for a few milliseconds, and the next one is decoded
// while it is free, so the window and the tray agent can write in between.
const importBatch = 500

// maxNamedDuplicates is how many repeated items ImportResult names.
const maxNamedDuplicates = 5

// ImportResult counts what ImportJSON did. Items whose uid the diary already
// holds are skipped: what is in the diary wins, so importing twice adds
// nothing. An item whose uid appeared earlier in the same file is a
// duplicate: only the first is imported, and the summary says so.
type ImportResult struct {
	SessionsAdded      int
	SessionsSkipped    int // already in the diary
	SessionsDuplicate  int // repeated in the file
	WorriesAdded       int
	WorriesSkipped     int
	WorriesDuplicate   int
	RitualsAdded       int
	RitualsSkipped     int
	RitualsDuplicate   int
	PaceTestsAdded     int
	PaceTestsSkipped   int
	PaceTestsDuplicate int
	// Duplicates names the first few repeated items, in file order.
	Duplicates []Duplicate
}

// Duplicate is an item that appeared more than once in an import file.
type Duplicate struct {
	Kind  string    // "session", "worry", "ritual" or "pace test"
	Index int       // 0-based position of the repeat in the file's list
	UID   string    // the uid both carry
	When  time.Time // the session's or pace test's start, when the worry was written; zero for a ritual
	What  string    // the technique, the worry's text or the ritual's name; empty for a pace test
}

// Added is how many items of every kind the import added.
func (r ImportResult) Added() int {
	return r.SessionsAdded + r.WorriesAdded + r.RitualsAdded + r.PaceTestsAdded
}

// Skipped is how many items of every kind the diary held already.
func (r ImportResult) Skipped() int {
	return r.SessionsSkipped + r.WorriesSkipped + r.RitualsSkipped + r.PaceTestsSkipped
}

// DuplicateCount is how many items of every kind repeated an earlier one in
// the file; Duplicates names the first few of them.
func (r ImportResult) DuplicateCount() int {
	return r.SessionsDuplicate + r.WorriesDuplicate + r.RitualsDuplicate + r.PaceTestsDuplicate
}

// Empty reports whether nothing at all was counted: the import met no item.
func (r ImportResult) Empty() bool {
	return r.Added() == 0 && r.Skipped() == 0 && r.DuplicateCount() == 0 && len(r.Duplicates) == 0
}

// ImportJSON merges a JSON export (see ExportJSON) into the diary by uid;
// see ImportJSONProgress.
func (s *Store) ImportJSON(r io.Reader) (ImportResult, error) {
	return s.ImportJSONProgress(r, nil)
}

// ImportJSONProgress merges a JSON export (see ExportJSON) into the diary
// by uid: items already present are skipped, so nothing is doubled and
// importing the same file twice adds nothing.
//
// The file is read twice as a stream (never whole in memory): first to
// check all of it, so a bad file changes nothing and returns one of the
// typed errors (ErrImportEmpty, ErrImportNotJSON, ErrImportTruncated,
// ErrImportForeign, ErrImportNewerVersion, an *ImportError for an invalid
// item, ErrImportTooLarge); then to write it in batches of importBatch
// items, each one transaction, so other windows and the reminder agent are
// never locked out for long. Should writing fail half-way (a full disk),
// the batches written stay and the error says so; importing the file again
// adds the rest.
//
// A reader that is not an io.ReadSeeker is read into memory first. progress,
// if not nil, is called now and then with the part done, from 0 to 1, on
// the calling goroutine.
func (s *Store) ImportJSONProgress(r io.Reader, progress func(done float64)) (ImportResult, error) {
	if progress == nil {
		progress = func(float64) {}
	}
	rs, size, err := seekable(r)
	if err != nil {
		return ImportResult{}, fmt.Errorf("import diary: %w", err)
	}
	// The check is about a fifth of the time; the writing the rest.
	dups, err := checkImport(rs, func(off int64) { progress(0.2 * float64(off) / float64(size)) })
	if err != nil {
		return ImportResult{}, fmt.Errorf("import diary: %w", err)
	}
	if _, err := rs.Seek(0, io.SeekStart); err != nil {
		return ImportResult{}, fmt.Errorf("import diary: read import file: %w", err)
	}
	res, err := s.writeImport(rs, dups, func(off int64) { progress(0.2 + 0.8*float64(off)/float64(size)) })
	if err != nil {
		return res, fmt.Errorf("import diary: %w", err)
	}
	progress(1)
	return res, nil
}

// seekable returns r as an io.ReadSeeker and its size, after checking the
// size limit. Other readers are read into memory, up to the limit.
func seekable(r io.Reader) (io.ReadSeeker, int64, error) {
	if rs, ok := r.(io.ReadSeeker); ok {
		start, err1 := rs.Seek(0, io.SeekCurrent)
		end, err2 := rs.Seek(0, io.SeekEnd)
		_, err3 := rs.Seek(start, io.SeekStart)
		if err := errors.Join(err1, err2, err3); err == nil {
			if end-start > MaxImportBytes {
				return nil, 0, ErrImportTooLarge
			}
			return &offsetSeeker{rs: rs, start: start}, max(end-start, 1), nil
		}
		// Not really seekable (a pipe): read it instead.
	}
	data, err := io.ReadAll(io.LimitReader(r, MaxImportBytes+1))
	if err != nil {
		return nil, 0, fmt.Errorf("read import file: %w", err)
	}
	if len(data) > MaxImportBytes {
		return nil, 0, ErrImportTooLarge
	}
	return bytes.NewReader(data), max(int64(len(data)), 1), nil
}

// offsetSeeker makes the reader's position when the import began its start.
type offsetSeeker struct {
	rs    io.ReadSeeker
	start int64
}

func (o *offsetSeeker) Read(p []byte) (int, error) { return o.rs.Read(p) }
func (o *offsetSeeker) Seek(off int64, whence int) (int64, error) {
	if whence == io.SeekStart {
		off += o.start
	}
	n, err := o.rs.Seek(off, whence)
	return n - o.start, err
}

// dupSet finds uids that occur more than once among a file's sessions or
// worries. The first pass keeps only a 64-bit hash per item (8 bytes, not
// the uid), and notes the hashes seen twice; the second pass checks those
// few exactly, so a hash collision never drops an item.
type dupSet struct {
	seed       maphash.Seed
	seen       map[uint64]struct{}
	candidates map[uint64]struct{}
	exact      map[string]struct{} // second pass: candidate uids met so far
}

func newDupSet() *dupSet {
	return &dupSet{seed: maphash.MakeSeed(), seen: map[uint64]struct{}{}, candidates: map[uint64]struct{}{},
		exact: map[string]struct{}{}}
}

func (d *dupSet) key(kind, uid string) uint64 { return maphash.String(d.seed, kind+"\x00"+uid) }

// note records an item in the first pass.
func (d *dupSet) note(kind, uid string) {
	k := d.key(kind, uid)
	if _, ok := d.seen[k]; ok {
		d.candidates[k] = struct{}{}
		return
	}
	d.seen[k] = struct{}{}
}

// repeated reports, in the second pass, whether the item's uid was met
// before in the file.
func (d *dupSet) repeated(kind, uid string) bool {
	if _, ok := d.candidates[d.key(kind, uid)]; !ok {
		return false
	}
	k := kind + "\x00" + uid
	if _, ok := d.exact[k]; ok {
		return true
	}
	d.exact[k] = struct{}{}
	return false
}

// checkImport reads the whole file and checks it; it returns what the
// second pass needs to find repeated uids. Errors come in the order a
// person would fix them: not JSON or cut off, then not a diary export or
// from a newer version, then the first invalid item.
func checkImport(r io.Reader, progress func(int64)) (*dupSet, error) {
	dups := newDupSet()
	var firstBad error
	n := 0
	head, err := walkExport(r, func(it item) error {
		if it.err == nil {
			it.err = it.check()
		}
		if it.err != nil {
			if firstBad == nil {
				firstBad = &ImportError{Kind: it.kind, Index: it.index, Err: it.err}
			}
			return nil
		}
		dups.note(it.kind, it.uid())
		if n++; n%importBatch == 0 {
			progress(it.offset)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := head.check(); err != nil {
		return nil, err
	}
	if firstBad == nil {
		firstBad = head.bad
	}
	return dups, firstBad
}

// writeImport is the second pass: it adds the checked items in batches.
func (s *Store) writeImport(r io.Reader, dups *dupSet, progress func(int64)) (ImportResult, error) {
	var res ImportResult
	var entries []exercises.Entry
	var worries []exercises.Worry
	var rituals []exercises.Ritual
	var paces []exercises.PaceTest
	pending := func() int { return len(entries) + len(worries) + len(rituals) + len(paces) }
	flush := func() error {
		if pending() == 0 {
			return nil
		}
		var batch ImportResult
		err := s.write(func(tx *sql.Tx) error {
			batch = ImportResult{}
			// One prepared statement per transaction (a retry gets new
			// ones): preparing it for every row took two thirds of the time.
			var sessionStmt, worryStmt, ritualStmt, paceStmt *sql.Stmt
			insert := func(stmt **sql.Stmt, query string, args []any, added, skipped *int) error {
				ok, err := insertPrepared(tx, stmt, query, args)
				if ok {
					*added++
				} else if err == nil {
					*skipped++
				}
				return err
			}
			for i := range entries {
				if err := insert(&sessionStmt, insertEntrySQL, entryArgs(&entries[i]), &batch.SessionsAdded, &batch.SessionsSkipped); err != nil {
					return err
				}
			}
			for i := range worries {
				if err := insert(&worryStmt, insertWorrySQL, worryArgs(&worries[i]), &batch.WorriesAdded, &batch.WorriesSkipped); err != nil {
					return err
				}
			}
			for i := range rituals {
				if err := insert(&ritualStmt, insertRitualSQL, ritualArgs(&rituals[i]), &batch.RitualsAdded, &batch.RitualsSkipped); err != nil {
					return err
				}
			}
			for i := range paces {
				if err := insert(&paceStmt, insertPaceSQL, paceArgs(&paces[i]), &batch.PaceTestsAdded, &batch.PaceTestsSkipped); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		res.SessionsAdded += batch.SessionsAdded
		res.SessionsSkipped += batch.SessionsSkipped
		res.WorriesAdded += batch.WorriesAdded
		res.WorriesSkipped += batch.WorriesSkipped
		res.RitualsAdded += batch.RitualsAdded
		res.RitualsSkipped += batch.RitualsSkipped
		res.PaceTestsAdded += batch.PaceTestsAdded
		res.PaceTestsSkipped += batch.PaceTestsSkipped
		entries, worries, rituals, paces = entries[:0], worries[:0], rituals[:0], paces[:0]
		return nil
	}
	duplicate := func(it item, uid string, when time.Time, what string) {
		switch {
		case it.entry != nil:
			res.SessionsDuplicate++
		case it.worry != nil:
			res.WorriesDuplicate++
		case it.ritual != nil:
			res.RitualsDuplicate++
		default:
			res.PaceTestsDuplicate++
		}
		if len(res.Duplicates) < maxNamedDuplicates {
			res.Duplicates = append(res.Duplicates, Duplicate{Kind: it.kind, Index: it.index, UID: uid, When: when, What: what})
		}
	}
	_, err := walkExport(r, func(it item) error {
		if it.err != nil {
			return &ImportError{Kind: it.kind, Index: it.index, Err: it.err} // the file changed since the check
		}
		bad := func(err error) error { return &ImportError{Kind: it.kind, Index: it.index, Err: err} }
		switch {
		case it.entry != nil:
			e, err := fromExportEntry(*it.entry)
			if err != nil {
				return bad(err)
			}
			if dups.repeated(it.kind, e.UID) {
				duplicate(it, e.UID, e.Started, string(e.Technique))
				return nil
			}
			entries = append(entries, e)
		case it.worry != nil:
			w, err := fromExportWorry(*it.worry)
			if err != nil {
				return bad(err)
			}
			if dups.repeated(it.kind, w.UID) {
				duplicate(it, w.UID, w.Created, w.Text)
				return nil
			}
			worries = append(worries, w)
		case it.ritual != nil:
			x, err := fromExportRitual(*it.ritual)
			if err != nil {
				return bad(err)
			}
			if dups.repeated(it.kind, x.UID) {
				duplicate(it, x.UID, time.Time{}, x.Name)
				return nil
			}
			rituals = append(rituals, x)
		default:
			x, err := fromExportPace(*it.pace)
			if err != nil {
				return bad(err)
			}
			if dups.repeated(it.kind, x.UID) {
				duplicate(it, x.UID, x.Started, "")
				return nil
			}
			paces = append(paces, x)
		}
		if pending() < importBatch {
			return nil
		}
		progress(it.offset)
		yieldToWriters(filepath.Dir(s.path))
		return flush()
	})
	if err == nil {
		err = flush()
	}
	if err != nil {
		if res.Added() > 0 {
			err = fmt.Errorf("%d sessions, %d worries, %d rituals and %d pace tests were imported before this: %w",
				res.SessionsAdded, res.WorriesAdded, res.RitualsAdded, res.PaceTestsAdded, err)
		}
		return res, err
	}
	return res, nil
}

// insertPrepared runs an insert (insertEntrySQL or insertWorrySQL, with a
// NULL id) through *stmt, preparing it in tx first if needed, and reports
// whether a row was added.
func insertPrepared(tx *sql.Tx, stmt **sql.Stmt, query string, args []any) (bool, error) {
	if *stmt == nil {
		st, err := tx.Prepare(query)
		if err != nil {
			return false, err
		}
		*stmt = st
	}
	res, err := (*stmt).Exec(append([]any{nil}, args...)...)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n > 0, err
}

// item is one session, worry, ritual or pace test as walkExport decoded
// it; exactly one of entry, worry, ritual and pace is set.
type item struct {
	kind   string // "session", "worry", "ritual" or "pace test"
	index  int    // 0-based position in its list
	entry  *exportEntry
	worry  *exportWorry
	ritual *exportRitual
	pace   *exportPace
	err    error // the item could not be decoded (a wrong type, an unknown field)
	offset int64 // bytes of the file read so far
}

// check validates the item as it would be written.
func (it item) check() error {
	var err error
	switch {
	case it.entry != nil:
		_, err = fromExportEntry(*it.entry)
	case it.worry != nil:
		_, err = fromExportWorry(*it.worry)
	case it.ritual != nil:
		_, err = fromExportRitual(*it.ritual)
	default:
		_, err = fromExportPace(*it.pace)
	}
	return err
}

// uid is the item's uid as the file gives it.
func (it item) uid() string {
	switch {
	case it.entry != nil:
		return it.entry.UID
	case it.worry != nil:
		return it.worry.UID
	case it.ritual != nil:
		return it.ritual.UID
	}
	return it.pace.UID
}

// exportHead is the top of an export: its identity, and an invalid field
// outside the lists.
type exportHead struct {
	format, version any
	bad             error
}

// check tells a foreign or newer export.
func (h exportHead) check() error {
	if h.format != ExportFormat {
		return ErrImportForeign
	}
	v, ok := h.version.(float64)
	if !ok || v != math.Trunc(v) || v < 1 {
		return fmt.Errorf("%w: missing or invalid version", ErrImportForeign)
	}
	if v > ExportVersion {
		found := math.MaxInt32
		if v < math.MaxInt32 {
			found = int(v)
		}
		return &VersionError{Kind: ErrImportNewerVersion, Found: found, Known: ExportVersion}
	}
	return nil
}

// walkExport reads an export from r token by token with a json.Decoder,
// decoding one item at a time (memory stays small whatever the file's
// size), and calls fn with every session and worry in file order. A file
// that is not JSON, is cut off, or has anything after the object is an
// error (ErrImportEmpty, ErrImportNotJSON, ErrImportTruncated); so is an
// error returned by fn, which stops the walk. Item and field errors are
// passed on, not returned: the walk goes on to find worse ones.
func walkExport(r io.Reader, fn func(item) error) (exportHead, error) {
	var head exportHead
	er := &errReader{r: r}
	dec := json.NewDecoder(er)
	dec.DisallowUnknownFields()
	fatal := func(err error) error {
		var se *json.SyntaxError
		switch {
		case er.err != nil:
			return fmt.Errorf("read import file: %w", er.err)
		case errors.As(err, &se):
			return ErrImportNotJSON
		case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
			return ErrImportTruncated // the object began, so it was cut off
		}
		return nil // not fatal: an invalid value
	}
	invalid := func(err error) {
		if head.bad == nil {
			head.bad = fmt.Errorf("%w: %v", ErrImportInvalid, err)
		}
	}

	tok, err := dec.Token()
	switch {
	case errors.Is(err, io.EOF) && er.err == nil:
		return head, ErrImportEmpty
	case err != nil:
		if er.err != nil {
			return head, fmt.Errorf("read import file: %w", er.err)
		}
		return head, ErrImportNotJSON
	case tok != json.Delim('{'):
		return head, ErrImportForeign // JSON, but not an object
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return head, orNotJSON(fatal(err))
		}
		key, _ := tok.(string)
		switch key {
		case "format", "version":
			var v any
			if err := dec.Decode(&v); err != nil {
				return head, orNotJSON(fatal(err))
			}
			if key == "format" {
				head.format = v
			} else {
				head.version = v
			}
		case "exported":
			var t time.Time
			if err := dec.Decode(&t); err != nil {
				if f := fatal(err); f != nil {
					return head, f
				}
				invalid(fmt.Errorf("exported: %v", err))
			}
		case "sessions", "worries", "rituals", "pace_tests":
			if err := walkList(dec, key, fatal, fn); err != nil {
				return head, err
			}
		default:
			invalid(fmt.Errorf("json: unknown field %q", key))
			if err := skipValue(dec); err != nil {
				return head, orNotJSON(fatal(err))
			}
		}
	}
	if _, err := dec.Token(); err != nil { // the closing brace
		return head, orNotJSON(fatal(err))
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) || er.err != nil {
		if er.err != nil {
			return head, fmt.Errorf("read import file: %w", er.err)
		}
		return head, ErrImportNotJSON // something after the object
	}
	return head, nil
}

// orNotJSON is for errors that end the walk whatever they are: err, or
// ErrImportNotJSON when fatal found nothing more specific.
func orNotJSON(err error) error {
	if err == nil {
		return ErrImportNotJSON
	}
	return err
}

// listKinds names the items of each list of an export.
var listKinds = map[string]string{"sessions": "session", "worries": "worry", "rituals": "ritual", "pace_tests": "pace test"}

// walkList reads one of the export's lists (null counts as empty).
func walkList(dec *json.Decoder, key string, fatal func(error) error, fn func(item) error) error {
	kind := listKinds[key]
	tok, err := dec.Token()
	if err != nil {
		return orNotJSON(fatal(err))
	}
	if tok == nil {
		return nil
	}
	if tok != json.Delim('[') {
		if d, ok := tok.(json.Delim); ok && d == '{' {
			if err := skipRest(dec); err != nil {
				return orNotJSON(fatal(err))
			}
		}
		return fn(item{kind: kind, index: 0, err: fmt.Errorf("%s is not a list", key), offset: dec.InputOffset()})
	}
	for i := 0; dec.More(); i++ {
		it := item{kind: kind, index: i}
		switch kind {
		case "session":
			it.entry = &exportEntry{}
			err = dec.Decode(it.entry)
		case "worry":
			it.worry = &exportWorry{}
			err = dec.Decode(it.worry)
		case "ritual":
			it.ritual = &exportRitual{}
			err = dec.Decode(it.ritual)
		default:
			it.pace = &exportPace{}
			err = dec.Decode(it.pace)
		}
		if err != nil {
			if f := fatal(err); f != nil {
				return f
			}
			it.err = err // a wrong type, an unknown field: ImportError adds ErrImportInvalid
		}
		it.offset = dec.InputOffset()
		if err := fn(it); err != nil {
			return err
		}
	}
	if _, err := dec.Token(); err != nil { // the closing bracket
		return orNotJSON(fatal(err))
	}
	return nil
}

// skipValue reads past the next value, of whatever size, without keeping it.
func skipValue(dec *json.Decoder) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if d, ok := tok.(json.Delim); ok && (d == '{' || d == '[') {
		return skipRest(dec)
	}
	return nil
}

// skipRest reads to the end of the object or array just opened.
func skipRest(dec *json.Decoder) error {
	for depth := 1; depth > 0; {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		if d, ok := tok.(json.Delim); ok {
			if d == '{' || d == '[' {
				depth++
			} else {
				depth--
			}
		}
	}
	return nil
}

// errReader remembers a read error that is not EOF, so a failing disk is
// not reported as a cut-off file.
type errReader struct {
	r   io.Reader
	err error
}

func (e *errReader) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err != nil && err != io.EOF {
		e.err = err
	}
	return n, err
}

func fromExportEntry(x exportEntry) (exercises.Entry, error) {
	planned, ok1 := duration(x.Planned)
	actual, ok2 := duration(x.Actual)
	if !ok1 {
		return exercises.Entry{}, fieldErr("planned", ErrDurationRange)
	}
	if !ok2 {
		return exercises.Entry{}, fieldErr("actual", ErrDurationRange)
	}
	e := exercises.Entry{UID: x.UID, Technique: exercises.Technique(x.Technique), Variant: x.Variant,
		Started: x.Started, Planned: planned, Actual: actual, Completed: x.Completed,
		Before: ratingFrom(x.Before), After: ratingFrom(x.After), Note: x.Note,
		Ritual: x.Ritual, RitualName: x.RitualName}
	if err := checkUID(e.UID); err != nil {
		return e, err
	}
	if x.Before != nil && *x.Before == exercises.NoRating {
		return e, fieldErr("before", ErrRatingRange) // -1 is the store's marker, not a rating
	}
	if x.After != nil && *x.After == exercises.NoRating {
		return e, fieldErr("after", ErrRatingRange)
	}
	return e, ValidateEntry(e)
}

func fromExportWorry(x exportWorry) (exercises.Worry, error) {
	w := exercises.Worry{UID: x.UID, Text: x.Text, Created: x.Created, Revisit: x.Revisit,
		State: exercises.WorryState(x.State), Decision: exercises.Decision(x.Decision), NextStep: x.NextStep}
	if x.Reviewed != nil {
		w.Reviewed = *x.Reviewed
		if w.Reviewed.IsZero() {
			return w, fieldErr("reviewed", ErrTimeRange)
		}
	}
	if err := checkUID(w.UID); err != nil {
		return w, err
	}
	return w, ValidateWorry(w)
}

// fromExportRitual checks a ritual as AddRitual does; it must carry a uid.
func fromExportRitual(x exportRitual) (exercises.Ritual, error) {
	r := exercises.Ritual{UID: x.UID, Name: x.Name, Steps: fromRitualSteps(x.Steps)}
	if err := checkUID(r.UID); err != nil {
		return r, err
	}
	return validRitual(r)
}

// fromExportPace checks a pace test as AddPaceTest does; a result must
// follow from its ratings.
func fromExportPace(x exportPace) (exercises.PaceTest, error) {
	t := exercises.PaceTest{UID: x.UID, Started: x.Started, Finished: x.Finished, Ratings: fromPaceRatings(x.Ratings)}
	if x.Chosen != nil {
		if *x.Chosen == 0 {
			return t, fieldErr("chosen", exercises.ErrPaceResult) // 0 is the store's "none", not a pace
		}
		t.Chosen = *x.Chosen
	}
	for i, r := range x.Ratings {
		if r.Comfort == nil && !r.Skipped {
			return t, fieldErr("ratings", fmt.Errorf("rating %d: %w", i+1, exercises.ErrPaceComfort))
		}
	}
	if err := checkUID(t.UID); err != nil {
		return t, err
	}
	return t, ValidatePaceTest(t)
}
