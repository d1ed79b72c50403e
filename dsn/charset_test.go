package dsn

import (
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/emersion/go-message/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/ianaindex"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

var updateCharsets = flag.Bool("update-charsets", false, "regenerate charset_gen.go from x/text's ianaindex and htmlindex (go generate ./dsn)")

const generatedCharsetFile = "charset_gen.go"

// knownEncodings are the encodings the indexes may answer, with the Go expression that names
// each in charset_gen.go.
var knownEncodings = []struct {
	expr string
	enc  encoding.Encoding
}{
	{"asciiEncoding{}", mustIANA("US-ASCII")},
	{"unicode.UTF8", unicode.UTF8},
	{"unicode.UTF16(unicode.BigEndian, unicode.UseBOM)", unicode.UTF16(unicode.BigEndian, unicode.UseBOM)},
	{"unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)", unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)},
	{"unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)", unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)},
	{"unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)", unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)},
	{"unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)", unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)},
	{"unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)", unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)},
	{"charmap.CodePage037", charmap.CodePage037},
	{"charmap.CodePage437", charmap.CodePage437},
	{"charmap.CodePage850", charmap.CodePage850},
	{"charmap.CodePage852", charmap.CodePage852},
	{"charmap.CodePage855", charmap.CodePage855},
	{"charmap.CodePage858", charmap.CodePage858},
	{"charmap.CodePage860", charmap.CodePage860},
	{"charmap.CodePage862", charmap.CodePage862},
	{"charmap.CodePage863", charmap.CodePage863},
	{"charmap.CodePage865", charmap.CodePage865},
	{"charmap.CodePage866", charmap.CodePage866},
	{"charmap.CodePage1047", charmap.CodePage1047},
	{"charmap.CodePage1140", charmap.CodePage1140},
	{"charmap.ISO8859_1", charmap.ISO8859_1},
	{"charmap.ISO8859_2", charmap.ISO8859_2},
	{"charmap.ISO8859_3", charmap.ISO8859_3},
	{"charmap.ISO8859_4", charmap.ISO8859_4},
	{"charmap.ISO8859_5", charmap.ISO8859_5},
	{"charmap.ISO8859_6", charmap.ISO8859_6},
	{"charmap.ISO8859_6E", charmap.ISO8859_6E},
	{"charmap.ISO8859_6I", charmap.ISO8859_6I},
	{"charmap.ISO8859_7", charmap.ISO8859_7},
	{"charmap.ISO8859_8", charmap.ISO8859_8},
	{"charmap.ISO8859_8E", charmap.ISO8859_8E},
	{"charmap.ISO8859_8I", charmap.ISO8859_8I},
	{"charmap.ISO8859_9", charmap.ISO8859_9},
	{"charmap.ISO8859_10", charmap.ISO8859_10},
	{"charmap.ISO8859_13", charmap.ISO8859_13},
	{"charmap.ISO8859_14", charmap.ISO8859_14},
	{"charmap.ISO8859_15", charmap.ISO8859_15},
	{"charmap.ISO8859_16", charmap.ISO8859_16},
	{"charmap.KOI8R", charmap.KOI8R},
	{"charmap.KOI8U", charmap.KOI8U},
	{"charmap.Macintosh", charmap.Macintosh},
	{"charmap.MacintoshCyrillic", charmap.MacintoshCyrillic},
	{"charmap.Windows874", charmap.Windows874},
	{"charmap.Windows1250", charmap.Windows1250},
	{"charmap.Windows1251", charmap.Windows1251},
	{"charmap.Windows1252", charmap.Windows1252},
	{"charmap.Windows1253", charmap.Windows1253},
	{"charmap.Windows1254", charmap.Windows1254},
	{"charmap.Windows1255", charmap.Windows1255},
	{"charmap.Windows1256", charmap.Windows1256},
	{"charmap.Windows1257", charmap.Windows1257},
	{"charmap.Windows1258", charmap.Windows1258},
	{"charmap.XUserDefined", charmap.XUserDefined},
	{"japanese.EUCJP", japanese.EUCJP},
	{"japanese.ISO2022JP", japanese.ISO2022JP},
	{"japanese.ShiftJIS", japanese.ShiftJIS},
	{"korean.EUCKR", korean.EUCKR},
	{"simplifiedchinese.GBK", simplifiedchinese.GBK},
	{"simplifiedchinese.GB18030", simplifiedchinese.GB18030},
	{"simplifiedchinese.HZGB2312", simplifiedchinese.HZGB2312},
	{"traditionalchinese.Big5", traditionalchinese.Big5},
	{"encoding.Replacement", encoding.Replacement},
}

func mustIANA(name string) encoding.Encoding {
	enc, err := ianaindex.MIME.Encoding(name)
	if err != nil || enc == nil {
		panic(fmt.Sprintf("ianaindex: %s: %v", name, err))
	}
	return enc
}

// indexNames returns the keys of the map literal named mapVar in the source file of x/text
// (the names and aliases an index knows: the packages do not list them).
func indexNames(t *testing.T, file, mapVar string) []string {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "golang.org/x/text").Output()
	if err != nil {
		t.Fatalf("go list -m golang.org/x/text: %v", err)
	}
	src, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(out)), "encoding", file))
	if err != nil {
		t.Fatal(err)
	}
	start := bytes.Index(src, []byte("\nvar "+mapVar+" = map[string]"))
	if start < 0 {
		t.Fatalf("%s: no map %s", file, mapVar)
	}
	body := src[start:]
	body = body[:bytes.Index(body, []byte("\n}\n"))]
	var names []string
	for _, m := range regexp.MustCompile(`(?m)^\s*("(?:[^"\\]|\\.)*"):`).FindAllSubmatch(body, -1) {
		name, err := strconv.Unquote(string(m[1]))
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, name)
	}
	if len(names) < 100 {
		t.Fatalf("%s: only %d names in %s", file, len(names), mapVar)
	}
	return names
}

// charsetTable builds a table of the names that lookup knows, in lower case, each with the
// index of its encoding in knownEncodings (plus one); the encodings used are marked in used.
func charsetTable(t *testing.T, names []string, lookup func(string) (encoding.Encoding, error), used map[int]bool) []charsetName {
	t.Helper()
	byName := map[string]uint8{}
	for _, name := range names {
		enc, err := lookup(name)
		if err != nil {
			t.Fatalf("%q: %v", name, err)
		}
		lower := strings.ToLower(name)
		if encLower, err := lookup(lower); err != nil || encLower != enc {
			t.Fatalf("%q and %q differ: a table in lower case would not be the index", name, lower)
		}
		if enc == nil {
			continue // known but not supported: as unknown
		}
		i := -1
		for j, k := range knownEncodings {
			if k.enc == enc {
				i = j
			}
		}
		if i < 0 {
			t.Fatalf("%q: encoding %v is not in knownEncodings", name, enc)
		}
		byName[lower] = uint8(i + 1)
		used[i] = true
	}
	var table []charsetName
	for name, enc := range byName {
		table = append(table, charsetName{name, enc})
	}
	sort.Slice(table, func(i, j int) bool { return table[i].name < table[j].name })
	return table
}

// generateCharsets writes the Go source of charset_gen.go.
func generateCharsets(t *testing.T) []byte {
	used := map[int]bool{}
	iana := charsetTable(t, indexNames(t, "ianaindex/tables.go", "ianaAliases"), ianaindex.MIME.Encoding, used)
	html := charsetTable(t, indexNames(t, "htmlindex/tables.go", "nameMap"), htmlindex.Get, used)
	var b bytes.Buffer
	b.WriteString("// Code generated by go test -run TestCharsetTableUpToDate -update-charsets (go generate ./dsn); DO NOT EDIT.\n")
	b.WriteString("// Source: golang.org/x/text/encoding/ianaindex and htmlindex.\n\npackage dsn\n\n")
	b.WriteString("import (\n")
	for _, pkg := range []string{"encoding", "encoding/charmap", "encoding/japanese", "encoding/korean", "encoding/simplifiedchinese", "encoding/traditionalchinese", "encoding/unicode"} {
		fmt.Fprintf(&b, "%q\n", "golang.org/x/text/"+pkg)
	}
	b.WriteString(")\n\n")
	table := func(doc, name string, rows []charsetName) {
		fmt.Fprintf(&b, "// %s\nvar %s = []charsetName{\n", doc, name)
		for _, r := range rows {
			fmt.Fprintf(&b, "{%q, %d},\n", r.name, r.enc)
		}
		b.WriteString("}\n\n")
	}
	table("ianaCharsets are the IANA names and aliases of ianaindex.MIME, in lower case.", "ianaCharsets", iana)
	table("htmlCharsets are the WHATWG labels of htmlindex.", "htmlCharsets", html)
	b.WriteString("// charsetEncoding is the encoding of a table's entry.\nfunc charsetEncoding(i uint8) encoding.Encoding {\nswitch i {\n")
	for i, k := range knownEncodings {
		if used[i] {
			fmt.Fprintf(&b, "case %d:\nreturn %s\n", i+1, k.expr)
		}
	}
	b.WriteString("}\nreturn nil\n}\n")
	src, err := format.Source(b.Bytes())
	if err != nil {
		t.Fatalf("charset_gen.go: %v", err)
	}
	return src
}

// TestCharsetTableUpToDate checks that charset_gen.go is what x/text's indexes say now (a newer
// x/text may know more names); with -update-charsets (go generate ./dsn) it rewrites it.
func TestCharsetTableUpToDate(t *testing.T) {
	checkGenerated(t, generatedCharsetFile, generateCharsets(t), *updateCharsets, "golang.org/x/text")
}

// checkGenerated compares the generated file path with want, the source it should hold now
// (from), and fails when they differ; with update it writes want to path instead.
func checkGenerated(t *testing.T, path string, want []byte, update bool, from string) {
	t.Helper()
	if update {
		if err := os.WriteFile(path, want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s is out of date with %s: run go generate ./dsn", path, from)
	}
}

// charsetSample holds every byte value, and sequences of the multi-byte charsets (Shift_JIS,
// EUC, ISO-2022-JP's escapes, UTF-16 with a byte order mark, HZ).
var charsetSample = func() []byte {
	var b []byte
	for c := 0; c < 256; c++ {
		b = append(b, byte(c))
	}
	b = append(b, "\x1b$B$3$s$K$A$O\x1b(B \x82\xa0\x82\xa2 \xa4\xa2\xa4\xa4 \xfe\xff\x00A\x30\x42 ~{<:Ky2;S{#,~} \xb0\xa1\xc4\xe3"...)
	return b
}()

// decodeWith reads sample through the reader that read gives for name, and says whether it
// refused the name.
func decodeWith(read func(string, io.Reader) (io.Reader, error), name string, sample []byte) (string, bool) {
	r, err := read(name, bytes.NewReader(sample))
	if err != nil {
		return "", false
	}
	out, err := io.ReadAll(r)
	if err != nil {
		return fmt.Sprintf("%q, error %v", out, err), true
	}
	return string(out), true
}

// TestCharsetReaderAsGoMessage holds charsetReader to go-message's charset.Reader, which rebound
// used before: every name the indexes know, in several spellings, and names they do not know,
// are refused by both or decode the sample (and each fixture's message parts in corpus tests)
// to the same text.
func TestCharsetReaderAsGoMessage(t *testing.T) {
	names := []string{"", " ", "utf-8", "UTF-8", "utf8", "us-ascii", "ascii", "ansi_x3.110-1983", "ANSI_X3.110-1983",
		"x-utf_8j", " x-utf_8j", "unknown-8bit", "x-unknown", "iso-8859-1 ", "\tlatin1", "cs", "csutf8", "default",
		"iso-2022-jp", "ISO-2022-JP", "shift_jis", "x-sjis", "gb2312", "big5", "ks_c_5601-1987", "euc-kr", "koi8-r",
		"windows-1252", "cp1252", "x-mac-roman", "macintosh", "utf-16", "utf-16le", "utf-16be", "hz-gb-2312",
		"iso-2022-kr", "replacement", "x-user-defined", "\u212aoi8-r", "isolatin1", "cs isolatin1", "csISOLatin1",
		"ISOLatin1", "IBM037", "ebcdic-cp-us", "iso-8859-8-i", "ISO_8859-8-I", "csiso88598i", "utf-7", "utf-32"}
	for _, table := range [][]charsetName{ianaCharsets, htmlCharsets} {
		for _, e := range table {
			upper := strings.ToUpper(e.name)
			trimmedCS, _ := strings.CutPrefix(e.name, "cs")
			names = append(names, e.name, upper, " "+upper+"\t", "cs"+e.name, trimmedCS, e.name+"x", "x"+e.name)
		}
	}
	for _, name := range names {
		want, wantOK := decodeWith(charset.Reader, name, charsetSample)
		got, gotOK := decodeWith(charsetReader, name, charsetSample)
		if gotOK != wantOK || got != want {
			t.Errorf("charset %q: decoded %v %q, go-message's charset.Reader %v %q", name, gotOK, got, wantOK, want)
		}
	}
}
