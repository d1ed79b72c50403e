package dsn

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

// decodeCharsetByReader is decodeCharset as it was before it decoded at once: through the
// charset's decoding reader, read to its end, what was read before an error kept.
func decodeCharsetByReader(b []byte, cs string) []byte {
	cs, ok := charsetToDecode(b, cs)
	if !ok {
		return b
	}
	r, err := charsetReader(cs, bytes.NewReader(b))
	if err != nil {
		return b
	}
	var buf bytes.Buffer
	_, err = buf.ReadFrom(r)
	if err != nil && buf.Len() == 0 {
		return b
	}
	return buf.Bytes()
}

// TestDecodeCharsetAsReader holds decodeCharset to the decoding reader it replaced, for every
// charset name the tables know, over texts of random bytes (valid and invalid sequences of any
// charset, texts longer than the reader's 4 kB buffers so that sequences cross them), ASCII
// texts, ISO-2022 escapes, UTF-7 and HZ shifts.
func TestDecodeCharsetAsReader(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var texts [][]byte
	for _, n := range []int{0, 1, 2, 3, 7, 100, 4095, 4097, 9000} {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(rng.IntN(256))
		}
		texts = append(texts, b)
		hi := make([]byte, n) // mostly 8-bit bytes: multi-byte sequences of the Asian charsets
		for i := range hi {
			hi[i] = byte(0x80 + rng.IntN(128))
			if rng.IntN(8) == 0 {
				hi[i] = byte(rng.IntN(128))
			}
		}
		texts = append(texts, hi)
	}
	texts = append(texts, []byte("plain ASCII text\r\n"), []byte("\x1b$B$3$s$K$A$O\x1b(B world"), []byte("+AGEAYgBj- utf-7"), []byte("~{<:Ky2;S{#,NpJ)l6HK!#~}"))
	for _, table := range [][]charsetName{ianaCharsets, htmlCharsets} {
		for _, cn := range table {
			for _, text := range texts {
				got := decodeCharset(bytes.Clone(text), cn.name)
				want := decodeCharsetByReader(bytes.Clone(text), cn.name)
				if !bytes.Equal(got, want) {
					t.Fatalf("decodeCharset(%d bytes, %q) = %.60q, the reader gives %.60q", len(text), cn.name, got, want)
				}
			}
		}
	}
	for _, text := range texts {
		for _, cs := range []string{"", " UTF-8 ", "no-such-charset"} {
			if got, want := decodeCharset(bytes.Clone(text), cs), decodeCharsetByReader(bytes.Clone(text), cs); !bytes.Equal(got, want) {
				t.Fatalf("decodeCharset(%d bytes, %q) = %.60q, the reader gives %.60q", len(text), cs, got, want)
			}
		}
	}
}
