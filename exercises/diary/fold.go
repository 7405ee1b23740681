package diary

import (
	"database/sql/driver"

	"modernc.org/sqlite"

	"github.com/ontspan/ontspan/exercises"
)

// fold is exercises.Fold: it lowercases s with Unicode rules and takes the
// accents off, so a search for "een" or "eén" finds "ÉÉN" (SQLite's own
// LIKE folds ASCII only), as the help's search does.
func fold(s string) string { return exercises.Fold(s) }

func init() {
	// ontspan_fold(text) is fold in SQL. Registered once per process for
	// every connection the "sqlite" driver opens.
	sqlite.MustRegisterDeterministicScalarFunction("ontspan_fold", 1,
		func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
			switch v := args[0].(type) {
			case string:
				return fold(v), nil
			case []byte:
				return fold(string(v)), nil
			case nil:
				return "", nil
			default:
				return v, nil
			}
		})
}
