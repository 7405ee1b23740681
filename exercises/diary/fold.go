package diary

import (
	"database/sql/driver"
	"strings"

	"modernc.org/sqlite"
)

// fold lowercases s with Unicode rules, so a search for "eén" finds "EÉN"
// (SQLite's own LIKE folds ASCII only).
func fold(s string) string { return strings.ToLower(s) }

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
