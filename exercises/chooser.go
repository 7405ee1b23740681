package exercises

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"
)

// QuestionID names one of the chooser's questions ("What suits me?").
type QuestionID string

// The chooser's questions, in the order the screen asks them.
const (
	QFocus      QuestionID = "focus"      // mostly your head (racing thoughts) or your body (tense, restless)?
	QComplaints QuestionID = "complaints" // many physical complaints?
	QRestless   QuestionID = "restless"   // is sitting still hard right now?
	QTime       QuestionID = "time"       // how much time: 2, 5 or 15 minutes?
	QPlace      QuestionID = "place"      // where: bed, desk, on the way, sofa?
)

// The answers' values. A question left out of Answers, or answered
// DontKnow, counts as "I don't know": every rule then simply stays out.
const (
	DontKnow  = "dontknow"
	AnsHead   = "head"
	AnsBody   = "body"
	AnsYes    = "yes"
	AnsNo     = "no"
	Ans2Min   = "2"
	Ans5Min   = "5"
	Ans15Min  = "15"
	AnsBed    = "bed"
	AnsDesk   = "desk"
	AnsOnWay  = "way"
	AnsSofa   = "sofa"
	dontKnowK = "chooser.a.dontknow"
)

// Question is one chooser screen: the question and its answers, as
// translation keys, so the screen is a loop over data.
type Question struct {
	ID      QuestionID
	Text    string   // key "chooser.q.<id>"
	Answers []Answer // in screen order; number key n picks Answers[n-1]; DontKnow is always last
}

// Answer is one button of a question.
type Answer struct {
	Value string // stored in Answers, e.g. AnsHead
	Text  string // key "chooser.a.<id>.<value>", or "chooser.a.dontknow"
}

var questionValues = []struct {
	id     QuestionID
	values []string
}{
	{QFocus, []string{AnsHead, AnsBody}},
	{QComplaints, []string{AnsYes, AnsNo}},
	{QRestless, []string{AnsYes, AnsNo}},
	{QTime, []string{Ans2Min, Ans5Min, Ans15Min}},
	{QPlace, []string{AnsBed, AnsDesk, AnsOnWay, AnsSofa}},
}

// Questions returns the chooser's questions in order, each ending with
// "I don't know": nobody should have to guess to get a suggestion.
func Questions() []Question {
	qs := make([]Question, 0, len(questionValues))
	for _, q := range questionValues {
		as := make([]Answer, 0, len(q.values)+1)
		for _, v := range q.values {
			as = append(as, Answer{Value: v, Text: "chooser.a." + string(q.id) + "." + v})
		}
		as = append(as, Answer{Value: DontKnow, Text: dontKnowK})
		qs = append(qs, Question{ID: q.id, Text: "chooser.q." + string(q.id), Answers: as})
	}
	return qs
}

// Answers holds what the user chose, question by question. It is plain
// data (a map of strings), so a screen can keep or store it as it is.
type Answers map[QuestionID]string

// is reports whether question q was answered v.
func (a Answers) is(q QuestionID, v string) bool { return a[q] == v }

// Minutes is the time the user has (2, 5 or 15), or 0 for "I don't know".
func (a Answers) Minutes() int {
	n, err := strconv.Atoi(a[QTime])
	if err != nil || !slices.Contains([]int{2, 5, 15}, n) {
		return 0
	}
	return n
}

// Outcome is what a technique's two-week diary verdict says, reduced to
// what the chooser and the help notes need. It is plain input, so the
// rules stay pure and the diary package is not imported here (it imports
// this one). From a diary.Evaluation ev that is Offered(): Kind Helps is
// Helped, Kind NoChange is NotHelped; anything else is NoOutcome.
type Outcome int

// The outcomes.
const (
	NoOutcome Outcome = iota // no verdict yet, or too early to say
	Helped                   // the ratings show it helps
	NotHelped                // after two weeks it has not helped yet
)

// Outcomes maps techniques to their verdict's Outcome; a missing
// technique is NoOutcome.
type Outcomes map[Technique]Outcome

// Suggestion is one of the chooser's results: what to start, and why.
// All its fields are plain, so a screen can store it as JSON and show it
// on home ("Suggested for you") until the user asks again.
type Suggestion struct {
	Technique Technique `json:"technique"`
	Variant   string    `json:"variant"`           // pattern ID, PMR set ID, mini-check or senses variant
	Minutes   int       `json:"minutes,omitempty"` // breathing length; 0 where the exercise sets its own
	Name      string    `json:"name"`              // key: what it is, e.g. "4-6 breathing, 2 min" ({{.Minutes}})
	Reason    string    `json:"reason"`            // key: one line why, in plain words ({{.Minutes}})
	Hint      string    `json:"hint,omitempty"`    // key: how to do it here ("lie down"), or empty
	Diary     string    `json:"diary,omitempty"`   // key: what the diary's verdict adds, or empty
}

// Data is the template data for the suggestion's keys.
func (s Suggestion) Data() map[string]any { return map[string]any{"Minutes": s.Minutes} }

// ErrSuggestion: the suggestion names no exercise this engine knows.
var ErrSuggestion = errors.New("unknown suggestion")

// Exercise builds the exercise to start, with the default PMR timing; a
// screen with the user's own settings may build it itself instead. It is
// built as a ritual step of the same technique, variant and length is.
func (s Suggestion) Exercise() (Exercise, error) {
	ex, _, err := RitualStep{Technique: s.Technique, Variant: s.Variant, Minutes: s.Minutes}.Resolve(RitualEnv{})
	if err != nil {
		return Exercise{}, fmt.Errorf("%w: %s %q: %w", ErrSuggestion, s.Technique, s.Variant, err)
	}
	return ex, nil
}

// Typical lengths of the exercises without a clock of their own, so that
// "2 minutes" leaves out what does not fit. The five-senses prompts are
// self-paced; these are what one calm pass takes.
const (
	sensesBasicTime = 2 * time.Minute
	senses54321Time = 3 * time.Minute
)
