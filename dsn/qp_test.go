package dsn_test

import (
	"bytes"
	"io"
	"mime/quotedprintable"
	"os"
	"strings"
	"testing"

	"github.com/rebound/rebound/dsn"
)

// qpCases are quoted-printable inputs at the edges of the format: soft breaks, white space,
// broken escapes, control bytes, over-long lines.
var qpCases = []string{
	"", "plain\n", "a=3Db\n", "lower =e9t=c3=a9\n", "soft=\nbreak\n", "soft=  \nbreak\n", "crlf=\r\nsoft\r\n",
	"trail   \n", "tab\t\n", "=\n", "=", "a=", "a= ", "a==\n", "x=4\n", "x=4", "=4g=\n", "=\r", "a=\rb\n",
	"a=\r\r\n", "= x\n", "a=  b\n", "ctl\x01x\n", "del\x7fx\n", "high\xe9\n", "cr\rin\nline\n",
	"last line", "last soft=", "  =  ", "a=0", "=0\n=00\n", "\n\n\n", "a\r\nb\r\n", "=\r\n",
	strings.Repeat("x", dsn.QPMaxLine-1) + "\n" + "next\n", strings.Repeat("x", dsn.QPMaxLine) + "\nnext\n",
	strings.Repeat("y", dsn.QPMaxLine+10), strings.Repeat("z", dsn.QPMaxLine-2) + "=\nmore\n",
	strings.Repeat("w", dsn.QPMaxLine-1) + "=", strings.Repeat(" ", dsn.QPMaxLine+3) + "\nx\n",
	strings.Repeat("v", dsn.QPMaxLine-3) + "=41\n", strings.Repeat("u", dsn.QPMaxLine-2) + "=41\n",
}

// stdlibQuotedPrintable decodes raw with mime/quotedprintable, as decodeTransfer once did.
func stdlibQuotedPrintable(raw []byte) ([]byte, bool) {
	out, err := io.ReadAll(quotedprintable.NewReader(bytes.NewReader(raw)))
	return out, err != nil
}

func checkQuotedPrintable(t *testing.T, raw []byte) {
	t.Helper()
	want, wantFailed := stdlibQuotedPrintable(raw)
	got, failed := dsn.DecodeQuotedPrintable(raw)
	if !bytes.Equal(got, want) || failed != wantFailed {
		t.Errorf("decoding %.200q:\n got %.200q (failed %v)\nwant %.200q (failed %v)", raw, got, failed, want, wantFailed)
	}
}

// TestQuotedPrintableAsStdlib holds decodeQuotedPrintable to mime/quotedprintable's Reader: the
// same bytes and the same failures, over the edge cases and over every message of the fixtures
// and of the shared corpus taken whole as a quoted-printable body.
func TestQuotedPrintableAsStdlib(t *testing.T) {
	for _, c := range qpCases {
		checkQuotedPrintable(t, []byte(c))
	}
	for _, file := range allMessageFiles(t) {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		checkQuotedPrintable(t, data)
		checkQuotedPrintable(t, bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")))
	}
}

// FuzzQuotedPrintable holds decodeQuotedPrintable to mime/quotedprintable on any input.
func FuzzQuotedPrintable(f *testing.F) {
	for _, c := range qpCases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, raw []byte) { checkQuotedPrintable(t, raw) })
}
