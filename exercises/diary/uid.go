package diary

import (
	"crypto/rand"
	"encoding/hex"
)

// newUID returns 128 random bits as 32 hex digits: unique across machines,
// so a diary exported on one computer merges into another without clashes.
func newUID() string {
	var b [16]byte
	rand.Read(b[:]) // never fails (crypto/rand panics instead of returning an error)
	return hex.EncodeToString(b[:])
}
