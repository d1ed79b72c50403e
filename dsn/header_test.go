package dsn

import (
	"bytes"
	"mime"
	"os"
	"runtime"
	"strings"
	"testing"
	"unsafe"
)

// TestHeaderRead checks the fields of header blocks read from lines: names in lower case,
// values unfolded and trimmed, over a block small enough for its values to share one string
// and over one too large for that.
func TestHeaderRead(t *testing.T) {
	long := strings.Repeat("x", maxSharedHeader)
	for _, tc := range []struct {
		name, in string
		want     header
	}{
		{"plain", "From: a@example.com\nSubject:  Hello \n\nbody", header{{"from", "a@example.com"}, {"subject", "Hello"}}},
		{"folded", "Subject: one\n  two\n\tthree  \nTo: b@example.com\n\n", header{{"subject", "one two three"}, {"to", "b@example.com"}}},
		{"empty values", "X-A:\nX-B:   \nX-C: c\n\n", header{{"x-a", ""}, {"x-b", ""}, {"x-c", "c"}}},
		{"empty then folded", "X-A:\n  a\nCRLF: y\r\n\r\n", header{{"x-a", "a"}, {"crlf", "y"}}},
		{"unicode space", "Subject: \u00a0caf\u00e9\u00a0\n\n", header{{"subject", "caf\u00e9"}}},
		{"boundary lost its indent", "Content-Type: multipart/mixed;\nboundary=\"b\"\n\n", header{{"content-type", `multipart/mixed; boundary="b"`}}},
		{"large", "X-Long: " + long + "\nX-Short: s\n\n", header{{"x-long", long}, {"x-short", "s"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lr := newLineReader(strings.NewReader(tc.in))
			defer lr.release()
			got, n := headerReader{lr: lr}.read(false)
			if n != len(tc.want) || len(got) != len(tc.want) {
				t.Fatalf("got %d fields (n=%d), want %d: %q", len(got), n, len(tc.want), got)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("field %d = %q, want %q", i, got[i], tc.want[i])
				}
			}
		})
	}
}

// TestHeaderLargeBlockNotShared checks that the values of a header block larger than
// maxSharedHeader are strings of their own: a report that keeps one short value does not keep
// the whole block alive.
func TestHeaderLargeBlockNotShared(t *testing.T) {
	in := "X-Long: " + strings.Repeat("x", 2*maxSharedHeader) + "\nMessage-ID: <m@example.com>\n\n"
	h := parseHeaderBytes([]byte(in))
	if len(h) != 2 {
		t.Fatalf("got %d fields, want 2", len(h))
	}
	long, id := unsafe.StringData(h[0].value), unsafe.StringData(h[1].value)
	if uintptr(unsafe.Pointer(id)) >= uintptr(unsafe.Pointer(long)) && uintptr(unsafe.Pointer(id)) < uintptr(unsafe.Pointer(long))+uintptr(len(h[0].value))+64 {
		t.Errorf("the Message-ID's value lies in the long value's memory")
	}
	if h[1].value != "<m@example.com>" {
		t.Errorf("Message-ID = %q", h[1].value)
	}
}

// TestHeaderReaderReuse checks that a pooled line reader gives no trace of a previous header
// block to the next one.
func TestHeaderReaderReuse(t *testing.T) {
	for range 3 {
		first := parseHeaderBytes([]byte("Subject: " + strings.Repeat("long subject ", 100) + "\nX-A: a\n\n"))
		second := parseHeaderBytes([]byte("X-B: b\n\n"))
		if len(second) != 1 || second[0] != (field{"x-b", "b"}) {
			t.Fatalf("second block = %q", second)
		}
		if first.get("x-a") != "a" {
			t.Fatalf("first block changed: %q", first.get("x-a"))
		}
	}
}

// TestFieldNameCommon checks that fieldName finds every common name, in any case, without
// allocating, and lower-cases any other name.
func TestFieldNameCommon(t *testing.T) {
	for _, name := range commonFieldNames {
		for _, k := range []string{name, strings.ToUpper(name), strings.ToUpper(name[:1]) + name[1:]} {
			if got := fieldName([]byte(k)); got != name {
				t.Errorf("fieldName(%q) = %q, want %q", k, got, name)
			}
			key := []byte(k)
			if allocs := testing.AllocsPerRun(10, func() { fieldName(key) }); allocs != 0 {
				t.Errorf("fieldName(%q) allocates %v times", k, allocs)
			}
		}
	}
	for k, want := range map[string]string{"X-Unknown-Field": "x-unknown-field", "Receivedx": "receivedx", "T": "t", "": "", "TO-": "to-"} {
		if got := fieldName([]byte(k)); got != want {
			t.Errorf("fieldName(%q) = %q, want %q", k, got, want)
		}
	}
}

// TestIsBlankAsTrimSpace holds isBlank to bytes.TrimSpace over lines of white space, ASCII and
// not, and of every first byte.
func TestIsBlankAsTrimSpace(t *testing.T) {
	lines := []string{"", " ", "\t \r", "\u00a0", " \u0085 ", "\u2003x", "\x7f", "\xff", "a", " a"}
	for c := range 256 {
		lines = append(lines, string([]byte{byte(c)}), string([]byte{byte(c), ' '}))
	}
	for _, line := range lines {
		if got, want := isBlank([]byte(line)), len(bytes.TrimSpace([]byte(line))) == 0; got != want {
			t.Errorf("isBlank(%q) = %v, want %v", line, got, want)
		}
	}
}

// TestWordCharsetReaderAsPlain holds the encoded words' decoding through wordCharsetReader to
// the WordDecoder with charsetReader as it is, over the encoded words of the fixtures' and the
// corpus's headers and a few made here; and checks that a word no longer costs io.Copy's 32 kB.
func TestWordCharsetReaderAsPlain(t *testing.T) {
	plain := &mime.WordDecoder{CharsetReader: charsetReader}
	values := []string{
		"=?iso-2022-jp?B?GyRCJDMkcyRLJEEkTxsoQg==?=",
		"=?ISO-8859-1?Q?Andr=E9?= Pirard <PIRARD@vm1.ulg.ac.be>",
		"=?windows-1252?Q?=93quoted=94?= and =?koi8-r?B?8NLJ18XU?=",
		"=?x-unknown?Q?abc?=",
		"=?iso-8859-1?B?broken base64?=",
	}
	files := readerFixtures(t)
	files = append(files, corpusPathsIfPresent()...)
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range parseHeaderBytes(data) {
			if strings.Contains(f.value, "=?") {
				values = append(values, f.value)
			}
		}
	}
	for _, v := range values {
		got, gotErr := wordDecoder.DecodeHeader(v)
		want, wantErr := plain.DecodeHeader(v)
		if got != want || (gotErr == nil) != (wantErr == nil) {
			t.Errorf("DecodeHeader(%q) = %q, %v; with charsetReader as it is %q, %v", v, got, gotErr, want, wantErr)
		}
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	wordDecoder.DecodeHeader(values[0])
	runtime.ReadMemStats(&after)
	if n := after.TotalAlloc - before.TotalAlloc; n > 16<<10 {
		t.Errorf("decoding one encoded word allocated %d bytes", n)
	}
}

// TestTrimRightBlanksAsBytes holds trimRightBlanks to bytes.TrimRight with " \t".
func TestTrimRightBlanksAsBytes(t *testing.T) {
	for _, s := range []string{"", " ", "\t", "a", "a ", "a\t \t", " a", "a\r", "a \r", "é\u00a0", "x\n "} {
		if got, want := trimRightBlanks([]byte(s)), bytes.TrimRight([]byte(s), " \t"); string(got) != string(want) {
			t.Errorf("trimRightBlanks(%q) = %q, want %q", s, got, want)
		}
	}
}
