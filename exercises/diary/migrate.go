package diary

import (
	"context"
	"database/sql"
	"fmt"
)

// migrations are the schema's numbered steps; migrations[i] takes the
// database from user_version i to i+1. Never edit a step that has shipped:
// add a new one.
//
// Times are Unix nanoseconds (NULL for "not set"), durations nanoseconds,
// ratings 0–10 or -1 for "skipped".
var migrations = []string{
	// 1: practice sessions, their per-technique totals (kept by triggers,
	// so the statistics never scan ten years of sessions) and the settings
	// shared with the tray agent.
	`CREATE TABLE sessions (
		id        INTEGER PRIMARY KEY AUTOINCREMENT,
		uid       TEXT    NOT NULL UNIQUE,
		technique TEXT    NOT NULL,
		variant   TEXT    NOT NULL DEFAULT '',
		started   INTEGER NOT NULL,
		planned   INTEGER NOT NULL DEFAULT 0,
		actual    INTEGER NOT NULL DEFAULT 0,
		completed INTEGER NOT NULL DEFAULT 0 CHECK (completed IN (0, 1)),
		before    INTEGER NOT NULL DEFAULT -1 CHECK (before BETWEEN -1 AND 10),
		after     INTEGER NOT NULL DEFAULT -1 CHECK (after BETWEEN -1 AND 10),
		note      TEXT    NOT NULL DEFAULT ''
	);
	-- The history list and the day statistics walk sessions by start time.
	CREATE INDEX sessions_started ON sessions (started);
	-- The verdict reads one technique's recent sessions.
	CREATE INDEX sessions_technique ON sessions (technique, started);

	-- rated counts sessions rated before and after; before_sum and
	-- after_sum add up those sessions' ratings only.
	CREATE TABLE technique_totals (
		technique  TEXT    PRIMARY KEY NOT NULL,
		sessions   INTEGER NOT NULL DEFAULT 0,
		actual     INTEGER NOT NULL DEFAULT 0,
		rated      INTEGER NOT NULL DEFAULT 0,
		before_sum INTEGER NOT NULL DEFAULT 0,
		after_sum  INTEGER NOT NULL DEFAULT 0
	) WITHOUT ROWID;
	CREATE TRIGGER sessions_totals_insert AFTER INSERT ON sessions BEGIN
		INSERT OR IGNORE INTO technique_totals (technique) VALUES (NEW.technique);
		UPDATE technique_totals SET
			sessions   = sessions + 1,
			actual     = actual + NEW.actual,
			rated      = rated + (NEW.before >= 0 AND NEW.after >= 0),
			before_sum = before_sum + iif(NEW.before >= 0 AND NEW.after >= 0, NEW.before, 0),
			after_sum  = after_sum + iif(NEW.before >= 0 AND NEW.after >= 0, NEW.after, 0)
		WHERE technique = NEW.technique;
	END;
	CREATE TRIGGER sessions_totals_delete AFTER DELETE ON sessions BEGIN
		UPDATE technique_totals SET
			sessions   = sessions - 1,
			actual     = actual - OLD.actual,
			rated      = rated - (OLD.before >= 0 AND OLD.after >= 0),
			before_sum = before_sum - iif(OLD.before >= 0 AND OLD.after >= 0, OLD.before, 0),
			after_sum  = after_sum - iif(OLD.before >= 0 AND OLD.after >= 0, OLD.after, 0)
		WHERE technique = OLD.technique;
		DELETE FROM technique_totals WHERE technique = OLD.technique AND sessions <= 0;
	END;
	CREATE TRIGGER sessions_totals_update AFTER UPDATE OF technique, actual, before, after ON sessions BEGIN
		UPDATE technique_totals SET
			sessions   = sessions - 1,
			actual     = actual - OLD.actual,
			rated      = rated - (OLD.before >= 0 AND OLD.after >= 0),
			before_sum = before_sum - iif(OLD.before >= 0 AND OLD.after >= 0, OLD.before, 0),
			after_sum  = after_sum - iif(OLD.before >= 0 AND OLD.after >= 0, OLD.after, 0)
		WHERE technique = OLD.technique;
		INSERT OR IGNORE INTO technique_totals (technique) VALUES (NEW.technique);
		UPDATE technique_totals SET
			sessions   = sessions + 1,
			actual     = actual + NEW.actual,
			rated      = rated + (NEW.before >= 0 AND NEW.after >= 0),
			before_sum = before_sum + iif(NEW.before >= 0 AND NEW.after >= 0, NEW.before, 0),
			after_sum  = after_sum + iif(NEW.before >= 0 AND NEW.after >= 0, NEW.after, 0)
		WHERE technique = NEW.technique;
		DELETE FROM technique_totals WHERE technique = OLD.technique AND sessions <= 0;
	END;

	CREATE TABLE settings (
		key   TEXT PRIMARY KEY NOT NULL,
		value TEXT NOT NULL
	) WITHOUT ROWID;`,

	// 2: the worry notebook.
	`CREATE TABLE worries (
		id        INTEGER PRIMARY KEY AUTOINCREMENT,
		uid       TEXT    NOT NULL UNIQUE,
		text      TEXT    NOT NULL,
		created   INTEGER NOT NULL,
		revisit   INTEGER NOT NULL,
		state     TEXT    NOT NULL CHECK (state IN ('waiting', 'archived')),
		decision  TEXT    NOT NULL DEFAULT '' CHECK (decision IN ('', 'handled', 'next-step', 'let-go')),
		next_step TEXT    NOT NULL DEFAULT '',
		reviewed  INTEGER
	);
	-- Waiting worries by revisit time (the list and what is due now).
	CREATE INDEX worries_revisit ON worries (state, revisit);
	-- Archived worries, most recently reviewed first.
	CREATE INDEX worries_reviewed ON worries (state, reviewed);`,

	// 3: rituals and the pace finder (issue 15). A session done as a step
	// of a ritual carries the ritual's uid (built-ins: "evening",
	// "desk-reset") and its name as it was then, so the diary can name it
	// after the ritual is deleted. The user's rituals keep their steps as a
	// JSON list (see ritualStep): they are read and written whole. A pace
	// test keeps its ratings the same way; chosen is 0 when no pace was
	// found (stopped half way, or every pace skipped).
	`ALTER TABLE sessions ADD COLUMN ritual TEXT NOT NULL DEFAULT '';
	ALTER TABLE sessions ADD COLUMN ritual_name TEXT NOT NULL DEFAULT '';
	-- "Evening ritual: 12 evenings in the last 14" reads one ritual's sessions.
	CREATE INDEX sessions_ritual ON sessions (ritual, started) WHERE ritual != '';

	CREATE TABLE rituals (
		id    INTEGER PRIMARY KEY AUTOINCREMENT,
		uid   TEXT    NOT NULL UNIQUE,
		name  TEXT    NOT NULL,
		steps TEXT    NOT NULL
	);

	CREATE TABLE pace_tests (
		id       INTEGER PRIMARY KEY AUTOINCREMENT,
		uid      TEXT    NOT NULL UNIQUE,
		started  INTEGER NOT NULL,
		finished INTEGER NOT NULL CHECK (finished IN (0, 1)),
		chosen   REAL    NOT NULL DEFAULT 0,
		ratings  TEXT    NOT NULL
	);
	CREATE INDEX pace_tests_started ON pace_tests (started);`,
}

// migrateTo runs the missing migrations up to version target, all in one
// transaction, and records the new version in PRAGMA user_version. The
// version is read inside the write transaction, so two processes starting at
// once do not both migrate.
func migrateTo(ctx context.Context, db *sql.DB, target int) error {
	tx, err := db.BeginTx(ctx, nil) // IMMEDIATE: holds the write lock
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var version int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return err
	}
	if version > len(migrations) {
		return &VersionError{Kind: ErrNewerDatabase, Found: version, Known: len(migrations)}
	}
	if version >= target {
		return nil
	}
	for v := version; v < target; v++ {
		if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
			return fmt.Errorf("migration %d: %w", v+1, err)
		}
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", target)); err != nil {
		return err
	}
	return tx.Commit()
}
