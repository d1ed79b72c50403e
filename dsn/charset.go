package dsn

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

//go:generate go test -run ^TestCharsetTableUpToDate$ -update-charsets .

// The charsets a message may name are looked up in tables generated from x/text's own indexes
// (charset_gen.go): the IANA names and aliases that ianaindex knows, and the WHATWG labels that
// htmlindex knows. Those two packages build their maps in their init, at every start of every
// rebound process, and a pipe almost never meets a charset other than ASCII or UTF-8; the
// generated tables are static data, read only when a charset is looked up.
// TestCharsetTableUpToDate holds the tables to the indexes, and TestCharsetReaderAsGoMessage
// holds charsetReader to the reader of github.com/emersion/go-message/charset, which rebound
// used before: the same names decode the same way, and the same names are refused.

// charsetName is a charset's name or alias in lower case, and its encoding (charsetEncoding).
type charsetName struct {
	name string
	enc  uint8
}

// charsetReader returns a reader of input decoded from the charset name to UTF-8, or an error
// when the charset is unknown or not supported.
func charsetReader(name string, input io.Reader) (io.Reader, error) {
	enc := lookupCharset(name)
	if enc == nil {
		return nil, fmt.Errorf("charset %q: unknown or unsupported charset", name)
	}
	return enc.NewDecoder().Reader(input), nil
}

// lookupCharset finds the encoding of a charset as go-message's charset.Reader does: its own
// quirks, then the IANA name or alias (MIME's index), then the same with "cs" before it (the
// aliases csISOLatin1, ...), then the WHATWG label. It returns nil when none knows the name.
func lookupCharset(name string) encoding.Encoding {
	switch toLower(name) { // the names go-message's charset package adds to the indexes
	case "ansi_x3.110-1983":
		return charmap.ISO8859_1 // RFC 1345: mostly a superset of ISO 8859-1
	case "x-utf_8j":
		return unicode.UTF8
	}
	if enc := findCharset(ianaCharsets, name); enc != nil {
		return enc
	}
	if enc := findCharset(ianaCharsets, "cs"+name); enc != nil {
		return enc
	}
	return findCharset(htmlCharsets, name)
}

// findCharset looks name up in table, as the indexes do: without its surrounding white space,
// in lower case.
func findCharset(table []charsetName, name string) encoding.Encoding {
	key := toLower(strings.TrimSpace(name))
	i := sort.Search(len(table), func(i int) bool { return table[i].name >= key })
	if i < len(table) && table[i].name == key {
		return charsetEncoding(table[i].enc)
	}
	return nil
}

// asciiEncoding is US-ASCII as ianaindex decodes it: a byte above 0x7F becomes U+FFFD. Only its
// decoder is used; its encoder leaves text as it is.
type asciiEncoding struct{}

func (asciiEncoding) NewDecoder() *encoding.Decoder {
	return &encoding.Decoder{Transformer: asciiDecoder{}}
}

func (asciiEncoding) NewEncoder() *encoding.Encoder { return encoding.Nop.NewEncoder() }

// asciiDecoder is the transformer of asciiEncoding's decoder.
type asciiDecoder struct{ transform.NopResetter }

func (asciiDecoder) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	for _, c := range src {
		if c >= utf8.RuneSelf {
			if nDst+len(string(utf8.RuneError)) > len(dst) {
				return nDst, nSrc, transform.ErrShortDst
			}
			nDst += utf8.EncodeRune(dst[nDst:], utf8.RuneError)
			nSrc++
			continue
		}
		if nDst >= len(dst) {
			return nDst, nSrc, transform.ErrShortDst
		}
		dst[nDst] = c
		nDst++
		nSrc++
	}
	return nDst, nSrc, nil
}
