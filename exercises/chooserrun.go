package exercises

// ChooserRun walks through the chooser's questions, one per screen: the
// screen shows Question, a click or number key calls Answer, Esc calls
// Back, and once Done it shows Result. It keeps no time and no Fyne state,
// so a test can walk it like a user.
type ChooserRun struct {
	qs      []Question
	i       int
	answers Answers
	history Outcomes
}

// NewChooserRun starts at the first question; history is the diary's
// verdicts, as for Choose.
func NewChooserRun(history Outcomes) *ChooserRun {
	return &ChooserRun{qs: Questions(), answers: Answers{}, history: history}
}

// Question is the question to show now, with its number (1-based) and the
// count; ok is false once every question is answered.
func (r *ChooserRun) Question() (q Question, n, of int, ok bool) {
	if r.Done() {
		return Question{}, len(r.qs), len(r.qs), false
	}
	return r.qs[r.i], r.i + 1, len(r.qs), true
}

// Answer picks answer n (1-based, as the number keys and the buttons'
// order) of the current question and goes on. A number without an
// answer, or an answer after the last question, is ignored: false.
func (r *ChooserRun) Answer(n int) bool {
	if r.Done() || n < 1 || n > len(r.qs[r.i].Answers) {
		return false
	}
	q := r.qs[r.i]
	r.answers[q.ID] = q.Answers[n-1].Value
	r.i++
	return true
}

// Back goes to the previous question, keeping its answer to show as
// chosen; on the first question it returns false (the screen leaves).
func (r *ChooserRun) Back() bool {
	if r.i == 0 {
		return false
	}
	r.i--
	return true
}

// Chosen is the value answered for q so far, or "" (to mark the button).
func (r *ChooserRun) Chosen(q QuestionID) string { return r.answers[q] }

// Done reports whether every question has an answer.
func (r *ChooserRun) Done() bool { return r.i >= len(r.qs) }

// Result is Choose on the answers given so far: the screen may offer it
// early ("skip the rest"), since unanswered questions count as "I don't know".
func (r *ChooserRun) Result() []Suggestion { return Choose(r.answers, r.history) }
