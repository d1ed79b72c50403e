package dsn

import (
	"encoding/binary"
	"math/rand/v2"
	"testing"
)

// TestQPPlainWord checks the eight-byte test of decodeQuotedPrintable against the class of each
// byte: every byte value at every place, among neighbours of every kind.
func TestQPPlainWord(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for at := range 8 {
		for c := range 256 {
			for range 20 {
				var b [8]byte
				for i := range b {
					b[i] = byte(rng.IntN(256))
				}
				b[at] = byte(c)
				want := true
				for _, x := range b {
					if qpClass[x] != qpLiteral || x < 0x20 {
						want = false
					}
				}
				if got := qpPlainWord(binary.LittleEndian.Uint64(b[:])); got != want {
					t.Fatalf("qpPlainWord(%q) = %v, want %v", b, got, want)
				}
			}
		}
	}
}
