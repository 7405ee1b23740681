package diary

import (
	"database/sql"
	"errors"
	"fmt"
)

// The settings table's queries, shared by Setting, SetSetting and
// UpdateSetting.
const (
	selectSettingSQL = `SELECT value FROM settings WHERE key = ?`
	upsertSettingSQL = `INSERT INTO settings (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`
)

// Setting returns the value stored under key and whether it was set. The
// settings table holds what both the window and the tray agent need
// (reminder times, mute, …), since the agent never loads Fyne's Preferences.
func (s *Store) Setting(key string) (string, bool, error) {
	var v string
	err := s.conn().QueryRow(selectSettingSQL, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("setting %q: %w", key, err)
	}
	return v, true, nil
}

// SetSetting stores value under key, replacing what was there.
func (s *Store) SetSetting(key, value string) error {
	if err := validateSetting(key, value); err != nil {
		return err
	}
	err := s.write(func(tx *sql.Tx) error {
		_, err := tx.Exec(upsertSettingSQL, key, value)
		return err
	})
	if err != nil {
		return fmt.Errorf("save setting %q: %w", key, err)
	}
	return nil
}

// UpdateSetting reads the value under key and stores what fn makes of it
// in one write transaction (BEGIN IMMEDIATE), so no other connection or
// process writes the key in between; an error from fn stores nothing.
// remind.Update uses it for settings that two processes change.
func (s *Store) UpdateSetting(key string, fn func(value string, ok bool) (string, error)) error {
	var fnErr error
	err := s.write(func(tx *sql.Tx) error {
		var v string
		err := tx.QueryRow(selectSettingSQL, key).Scan(&v)
		ok := err == nil
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		nv, err := fn(v, ok)
		if err != nil {
			fnErr = err
			return err
		}
		if err := validateSetting(key, nv); err != nil {
			fnErr = err
			return err
		}
		_, err = tx.Exec(upsertSettingSQL, key, nv)
		return err
	})
	if fnErr != nil {
		return fnErr // the caller's own error, unwrapped: e.g. a validation error for the form
	}
	if err != nil {
		return fmt.Errorf("update setting %q: %w", key, err)
	}
	return nil
}

// DeleteSetting removes key, so the default applies again.
func (s *Store) DeleteSetting(key string) error {
	err := s.write(func(tx *sql.Tx) error {
		_, err := tx.Exec(`DELETE FROM settings WHERE key = ?`, key)
		return err
	})
	if err != nil {
		return fmt.Errorf("delete setting %q: %w", key, err)
	}
	return nil
}
