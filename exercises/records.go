package exercises

import "time"

// Technique names a kind of exercise as it is logged in the diary.
type Technique string

// The techniques Ontspan logs.
const (
	Breathing Technique = "breathing"
	PMR       Technique = "pmr"       // progressive muscle relaxation
	MiniCheck Technique = "minicheck" // body mini-check during the day
	Senses    Technique = "senses"    // five-senses grounding
	WindDown  Technique = "winddown"  // the evening ritual
)

// NoRating marks a before/after tension rating the user skipped.
const NoRating = -1

// Entry is one practice session in the diary.
type Entry struct {
	ID        int64     // store row id; 0 before it is saved
	UID       string    // stable unique id, so an import can merge without duplicates
	Technique Technique // what was practised
	Variant   string    // pattern or set, e.g. "4-6", "short"
	Started   time.Time
	Planned   time.Duration // what the user chose; 0 for self-paced exercises
	Actual    time.Duration // time practised, pauses excluded
	Completed bool          // false when stopped early
	Before    int           // tension 0–10 before, or NoRating
	After     int           // tension 0–10 after, or NoRating
	Note      string        // optional, short
	// Ritual is the UID of the ritual this session was a step of ("" for a
	// session on its own); RitualName is that ritual's name when it was
	// logged, so the diary can name it even after it is deleted ("" for a
	// built-in, which the UI names by its UID).
	Ritual     string
	RitualName string
}

// WorryState says where a parked worry is.
type WorryState string

// The states of a worry.
const (
	WorryWaiting  WorryState = "waiting"  // parked until Revisit, also with a next step
	WorryArchived WorryState = "archived" // handled or let go; Decision says which
)

// Decision is what the user decided when reviewing a worry.
type Decision string

// The review decisions.
const (
	DecisionNone     Decision = ""
	DecisionHandled  Decision = "handled"   // done with it
	DecisionNextStep Decision = "next-step" // still matters; NextStep says what to do, and it waits
	DecisionLetGo    Decision = "let-go"    // let it go
)

// Worry is a thought parked in the worry notebook until a set time.
type Worry struct {
	ID       int64
	UID      string
	Text     string
	Created  time.Time
	Revisit  time.Time // when to look at it again
	State    WorryState
	Decision Decision
	NextStep string    // the short note for DecisionNextStep
	Reviewed time.Time // zero until reviewed
}
