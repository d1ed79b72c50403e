package freshreplies

import "fmt"

// Verdict is how the reason rebound gave a reply compares with the reply's readings.
type Verdict int

// The verdicts, from the best.
const (
	Right         Verdict = iota // its source's reason
	SecondReading                // the second honest reading noted beside it
	Documented                   // the reading Readings documents: a miss, but a known one
	Wrong                        // none of them
)

// Judge compares got with the reply's readings; documented, when not "", replaces the reading
// of Readings (an MTA's wrapping may change it by a documented rule).
func (r Reply) Judge(got, documented string) Verdict {
	if documented == "" {
		documented = Readings[r.Name]
	}
	switch {
	case got == r.Reason:
		return Right
	case r.Alt != "" && got == r.Alt:
		return SecondReading
	case documented != "" && got == documented:
		return Documented
	}
	return Wrong
}

// Figures count the replies of a set and how rebound read them.
type Figures struct{ N, Reported, Reason, WithAlt, Hard int }

// Count adds one reply that was reported, with its verdict and whether hard was right.
func (f *Figures) Count(v Verdict, hardRight bool) {
	f.Reported++
	if v == Right {
		f.Reason++
	}
	if v <= SecondReading {
		f.WithAlt++
	}
	if hardRight {
		f.Hard++
	}
}

func (f Figures) String() string {
	pct := func(k int) string { return fmt.Sprintf("%d/%d (%.1f%%)", k, f.N, 100*float64(k)/float64(f.N)) }
	return fmt.Sprintf("%d replies, reported %d; reason %s, with the second readings %s; hard right %s",
		f.N, f.Reported, pct(f.Reason), pct(f.WithAlt), pct(f.Hard))
}

// Tally keeps the figures of each set apart: Sets[0] the first, Sets[1] the second, and so on
// to Sets[11], the twelfth.
type Tally struct{ Sets [12]Figures }

// Of returns the figures of the set r belongs to, with r counted in N.
func (t *Tally) Of(r Reply) *Figures {
	f := &t.Sets[SetOf(r.Name)-1]
	f.N++
	return f
}

// Add adds the figures of o to t.
func (t *Tally) Add(o Tally) {
	for i, f := range o.Sets {
		s := &t.Sets[i]
		s.N += f.N
		s.Reported += f.Reported
		s.Reason += f.Reason
		s.WithAlt += f.WithAlt
		s.Hard += f.Hard
	}
}
