package exercises

import "slices"

// The ritual editor's operations are pure: each returns a changed copy and
// leaves its argument alone, so the editor can keep the last saved version
// for Cancel and Undo. A ritual being edited may have no steps yet;
// ValidateRitual, called on saving, asks for at least one.

// NewRitual starts an empty ritual of the user's with the given name.
func NewRitual(name string) (Ritual, error) {
	n, err := CleanRitualName(name)
	if err != nil {
		return Ritual{}, err
	}
	return Ritual{Name: n}, nil
}

// CopyRitual makes an editable ritual of the user's from r (a built-in or
// one of the user's) under a new name; it gets a new UID when saved.
func CopyRitual(r Ritual, name string) (Ritual, error) {
	c, err := NewRitual(name)
	if err != nil {
		return Ritual{}, err
	}
	c.Steps = slices.Clone(r.Steps)
	return c, nil
}

// editable returns a copy of r to change, or ErrRitualBuiltin.
func editable(r Ritual) (Ritual, error) {
	if r.Builtin() {
		return r, ErrRitualBuiltin
	}
	r.Steps = slices.Clone(r.Steps)
	return r, nil
}

// AddStep adds s (checked, see RitualStep.Check) at position at, 0 being
// first; an at out of range adds it at the end.
func AddStep(r Ritual, s RitualStep, at int) (Ritual, error) {
	c, err := editable(r)
	if err != nil {
		return r, err
	}
	if len(c.Steps) >= MaxRitualSteps {
		return r, ErrRitualTooLong
	}
	if s, err = s.Check(); err != nil {
		return r, err
	}
	if at < 0 || at > len(c.Steps) {
		at = len(c.Steps)
	}
	c.Steps = slices.Insert(c.Steps, at, s)
	return c, nil
}

// RemoveStep takes step i out.
func RemoveStep(r Ritual, i int) (Ritual, error) {
	c, err := editable(r)
	if err != nil {
		return r, err
	}
	if i < 0 || i >= len(c.Steps) {
		return r, ErrRitualStepIndex
	}
	c.Steps = slices.Delete(c.Steps, i, i+1)
	return c, nil
}

// MoveStep moves step i one place up (delta -1) or down (delta +1), for
// buttons and keys instead of dragging. Moving past either end changes
// nothing and is no error, so holding a key at the top is harmless; the
// second result is the step's new index.
func MoveStep(r Ritual, i, delta int) (Ritual, int, error) {
	c, err := editable(r)
	if err != nil {
		return r, i, err
	}
	if i < 0 || i >= len(c.Steps) {
		return r, i, ErrRitualStepIndex
	}
	j := min(max(i+delta, 0), len(c.Steps)-1)
	step := c.Steps[i]
	c.Steps = slices.Insert(slices.Delete(c.Steps, i, i+1), j, step)
	return c, j, nil
}
