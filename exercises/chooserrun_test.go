package exercises

import (
	"slices"
	"testing"
)

// A user answering with number keys: 1 (head), 2 (no complaints),
// 9 (no such answer: ignored), 2, Esc (back), 1 (can't sit still), 1 (2 min),
// 1 (bed) gets the same as Choose on those answers.
func TestChooserRunWalksTheQuestions(t *testing.T) {
	r := NewChooserRun(Outcomes{PMR: Helped})
	step := func(n int, want bool) {
		t.Helper()
		if got := r.Answer(n); got != want {
			t.Fatalf("answer %d: %v, want %v", n, got, want)
		}
	}
	if r.Back() {
		t.Error("back on the first question should leave the screen")
	}
	step(1, true)
	step(2, true)
	if q, n, of, ok := r.Question(); !ok || q.ID != QRestless || n != 3 || of != 5 {
		t.Fatalf("at %s, %d of %d", q.ID, n, of)
	}
	step(9, false)
	step(0, false)
	step(2, true)
	if !r.Back() || r.Chosen(QRestless) != AnsNo {
		t.Fatal("back should return to 'restless' with its answer kept")
	}
	step(1, true)
	step(1, true)
	if r.Done() {
		t.Fatal("done before the last question")
	}
	step(1, true)
	if !r.Done() {
		t.Fatal("not done after five answers")
	}
	if _, _, _, ok := r.Question(); ok {
		t.Error("a question after the last")
	}
	step(1, false)
	want := Choose(Answers{QFocus: AnsHead, QComplaints: AnsNo, QRestless: AnsYes, QTime: Ans2Min, QPlace: AnsBed}, Outcomes{PMR: Helped})
	if !slices.Equal(r.Result(), want) {
		t.Errorf("result %v, want %v", suggestionPicks(r.Result()), suggestionPicks(want))
	}
}

// "I don't know" is always the last number.
func TestChooserRunDontKnow(t *testing.T) {
	r := NewChooserRun(nil)
	for !r.Done() {
		q, _, _, _ := r.Question()
		r.Answer(len(q.Answers))
		if r.Chosen(q.ID) != DontKnow {
			t.Errorf("%s: last answer is %q", q.ID, r.Chosen(q.ID))
		}
	}
	if !slices.Equal(r.Result(), Choose(nil, nil)) {
		t.Error("all 'I don't know' differs from no answers")
	}
}
