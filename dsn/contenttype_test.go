package dsn

import (
	"bufio"
	"mime"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// contentTypeCases are Content-Type values at the edges of what simpleContentType reads.
var contentTypeCases = []string{
	"text/plain", "TEXT/Plain; Charset=UTF-8", "multipart/report; report-type=delivery-status; boundary=\"b1\"",
	"multipart/mixed;boundary=abc", "multipart/mixed; boundary=\"\"", "text/plain;", "text/plain; ;", "text/plain;;",
	"text/plain; charset", "text/plain; charset=", "text/plain; =x", "text/plain; charset=\"utf-8", "text /plain",
	"text/", "/plain", "text", "text/plain/x", "text/plain; a=1; a=1", "text/plain; a=1; A=2", "text/plain; charset = utf-8 ",
	"text/plain; x=\"a;b=c\"; charset=iso-8859-1", "text/plain; name*=utf-8''x", "text/plain; name=\"a\\\"b\"",
	"text/plain; charset=utf-8 junk", "text/plain\tcharset=utf-8", "text/plain; charset=utf-8;\t", "; charset=x",
	"text/plain; a=1; b=2; c=3; d=4; e=5; f=6; g=7; h=8; boundary=x", "text/html; charset=\u00e9", "text/plain; charset=\x7f",
	"message/delivery-status; x=\"\"; boundary=y", "text/plain; charset=us-ascii (comment)",
}

func checkSimpleContentType(t *testing.T, ct string) bool {
	t.Helper()
	var pt partType
	if !simpleContentType(ct, &pt) {
		if pt != (partType{}) {
			t.Errorf("%q: refused but set %+v", ct, pt)
		}
		return false
	}
	media, params, err := mime.ParseMediaType(ct)
	if err != nil {
		t.Errorf("%q: read as simple, but mime refuses it: %v", ct, err)
		return true
	}
	want := partType{media: media, boundary: params["boundary"], charset: params["charset"], reportType: params["report-type"]}
	if pt != want {
		t.Errorf("%q: got %+v, mime reads %+v", ct, pt, want)
	}
	return true
}

// TestSimpleContentTypeAsMime holds simpleContentType to mime.ParseMediaType: every value it
// reads is read the same by mime, over edge cases and over every Content-Type field of the
// fixtures and the corpus, most of which it must read.
func TestSimpleContentTypeAsMime(t *testing.T) {
	for _, ct := range contentTypeCases {
		checkSimpleContentType(t, ct)
	}
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "*", "*.eml"))
	files = append(files, corpusPathsIfPresent()...)
	total, simple := 0, 0
	for _, file := range files {
		for _, ct := range contentTypeFields(t, file) {
			total++
			if checkSimpleContentType(t, ct) {
				simple++
			}
		}
	}
	if total < 200 || simple*10 < total*9 {
		t.Errorf("%d of %d Content-Type fields read as simple, want 90%%", simple, total)
	}
}

// contentTypeFields returns the values of the Content-Type fields in a message file, unfolded.
func contentTypeFields(t *testing.T, file string) []string {
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	inField := false
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		switch {
		case inField && (strings.HasPrefix(line, " ") || strings.HasPrefix(line, "\t")):
			out[len(out)-1] += " " + strings.TrimSpace(line)
		case len(line) > 13 && strings.EqualFold(line[:13], "content-type:"):
			out = append(out, strings.TrimSpace(line[13:]))
			inField = true
		default:
			inField = false
		}
	}
	return out
}

// FuzzSimpleContentType holds simpleContentType to mime.ParseMediaType on any value.
func FuzzSimpleContentType(f *testing.F) {
	for _, ct := range contentTypeCases {
		f.Add(ct)
	}
	f.Fuzz(func(t *testing.T, ct string) { checkSimpleContentType(t, ct) })
}

// TestMIMETokenChars checks the table of token bytes against RFC 2045's definition, byte by
// byte: printable ASCII but the tspecials.
func TestMIMETokenChars(t *testing.T) {
	for c := range 256 {
		want := c > ' ' && c < 0x7f && !strings.ContainsRune(`()<>@,;:\"/[]?=`, rune(c))
		if got := isMIMETokenChar(byte(c)); got != want {
			t.Errorf("isMIMETokenChar(%q) = %v, want %v", byte(c), got, want)
		}
	}
}
