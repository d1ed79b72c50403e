package dsn

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestFindStatus(t *testing.T) {
	tests := []struct{ in, want string }{
		{"550 5.1.1 <a@example.com>: Recipient address rejected", "5.1.1"},
		{"Status: 5.0.0 then 550 5.1.1 user unknown", "5.1.1"},
		{"host 192.0.2.1 said: 5.2.0 then 5.2.2", "5.2.2"},
		{"version 5.1.1.2 is not a code", ""},
		{"(#5.5.0)", "5.5.0"},
		{"4.4.7 then 4.4.2", "4.4.2"},
		{"ip 10.5.1.1", ""},
		{"no code here", ""},
	}
	for _, tt := range tests {
		if got := findStatus(tt.in); got != tt.want {
			t.Errorf("findStatus(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFindReplyCode(t *testing.T) {
	tests := []struct{ in, want string }{
		{"smtp; 550 5.1.1 user unknown", "550"},
		{"said: 550-5.1.1 The email account", "550"},
		{"554 <a@example.org>... 550 Host unknown", "550"},
		{"<a@example.com>: 550: 5.2.2 Mailbox Full", "550"},
		{"ERROR_CODE :550, ERROR_CODE :5.1.1", "550"},
		{"at 23:45:43 +0900, size=2500 bytes", ""},
		{"host 192.0.2.250 refused", ""},
		{"Remote host said: 452 4.2.2 Over quota", "452"},
		{"250 2.0.0 Ok: queued", "250"},
		{"RCPT TO: a@example.org Size (in bytes): 222 Number of lines: 2", ""},
		{"571 Delivery not authorized, message refused", "571"},
		{"Remote host said: 571 Delivery not authorized", ""},
		{"580 Main Street, Springfield", ""},
		{"590 5.0.0 odd", ""},
	}
	for _, tt := range tests {
		if got := findReplyCode(tt.in); got != tt.want {
			t.Errorf("findReplyCode(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestAddresses(t *testing.T) {
	tests := []struct{ in, want string }{
		{"rfc822; <User@Example.COM>", "User@example.com"},
		{`"john..doe"@example.org: host said`, `"john..doe"@example.org`},
		{`utf-8; \x{5F20}\x{4E09}@example.cn`, "张三@example.cn"},
		{"Kijitora <kijitora@example.jp>", "kijitora@example.jp"},
		{"nothing here", ""},
		// A masked address hides whose it is: no one's, the next one is read.
		{"We could not deliver your message to m***a@ob.example.net.", ""},
		{"To: j*****@example.com, marta.riva@example.com", "marta.riva@example.com"},
		{"***@example.com", ""},
	}
	for _, tt := range tests {
		if got := firstAddress(tt.in); got != tt.want {
			t.Errorf("firstAddress(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSpecificity(t *testing.T) {
	for code, want := range map[string]int{"5": 0, "5.0.0": 0, "5.1.0": 1, "4.4.7": 1, "5.1.1": 2, "5.7.26": 2} {
		if got := specificity(code); got != want {
			t.Errorf("specificity(%q) = %d, want %d", code, got, want)
		}
	}
}

func TestTranscriptEntry(t *testing.T) {
	tests := []struct{ in, want string }{
		{"554 <a@example.org>... Remote protocol error", "a@example.org"},
		{"550 5.1.1 <a@example.org>... User unknown", "a@example.org"},
		{"421 example.org (smtp)... Deferred: Connection timed out", "example.org"},
		{"550 b@example.org... User unknown", "b@example.org"},
		{"<<< 550 No such user here", ""},
		{"550 Host unknown (Authoritative answer)", ""},
		{"550 the mailbox is full... sorry", ""},
		{"554", ""},
	}
	for _, tt := range tests {
		if got := transcriptEntry(tt.in); got != tt.want {
			t.Errorf("transcriptEntry(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDecodeCharsetMislabelledUTF8(t *testing.T) {
	utf := []byte("エラー (テスト)")
	if got := string(decodeCharset(utf, "ISO-2022-JP")); got != string(utf) {
		t.Errorf("UTF-8 text labelled ISO-2022-JP: got %q", got)
	}
	jis := []byte("\x1b$B%(%i!<\x1b(B")
	if got := string(decodeCharset(jis, "iso-2022-jp")); got != "エラー" {
		t.Errorf("ISO-2022-JP text: got %q", got)
	}
}

func TestContainsDomain(t *testing.T) {
	tests := []struct {
		text, domain string
		want         bool
	}{
		{"553 example.org does not exist", "example.org", true},
		{"553 example.org. does not exist", "example.org", true},
		{"553 mx.example.org does not exist", "example.org", false},
		{"553 example.org.uk does not exist", "example.org", false},
		{"mail from <a@example.org> refused", "example.org", false},
		{"no such domain", "example.org", false},
	}
	for _, tt := range tests {
		if got := containsDomain(tt.text, tt.domain); got != tt.want {
			t.Errorf("containsDomain(%q, %q) = %v, want %v", tt.text, tt.domain, got, tt.want)
		}
	}
}

// findStatusEveryByte is findStatus as it was written before it went from dot to dot: a test of
// every byte.
func findStatusEveryByte(s string) string {
	best, bestSpec := "", -1
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != '2' && c != '4' && c != '5' {
			continue
		}
		n := statusAt(s, i)
		if n == 0 {
			continue
		}
		code := s[i : i+n]
		if sp := specificity(code); sp > bestSpec {
			best, bestSpec = code, sp
		}
		i += n - 1
	}
	return best
}

// TestFindStatusAsEveryByte holds findStatus to the test of every byte: over the lines of every
// fixture, and over every text of up to five bytes made of the characters a code is made of.
func TestFindStatusAsEveryByte(t *testing.T) {
	texts := fixtureTexts(t, "\n")
	short := []string{""}
	for range 5 {
		for _, s := range short {
			for _, c := range []string{"5", "4", ".", "0", "1", "x"} {
				short = append(short, s+c)
			}
		}
	}
	texts = append(texts, short...)
	texts = append(texts, "5.1.1 then 4.2.2.1 then 5.7.1", "1.2.3.4 5.1.10 2.0.0", "x5.1.1 5.1.1x 5.1.1.1 .5.1.1 5.1.1", "4.4.7 550 5.1.1")
	for _, s := range texts {
		if got, want := findStatus(s), findStatusEveryByte(s); got != want {
			t.Errorf("findStatus(%q) = %q, the test of every byte %q", s, got, want)
		}
	}
}

// TestTrimBytesAsTrim holds trimBytes to strings.Trim with the same characters, over every text
// of up to four bytes of a few kinds, ASCII and not.
func TestTrimBytesAsTrim(t *testing.T) {
	const chars = " \t<>'.,;:()[]"
	texts := []string{""}
	for range 4 {
		for _, s := range texts {
			for _, c := range []string{" ", "<", "]", "a", "@", "\u00e9", "\xff"} {
				texts = append(texts, s+c)
			}
		}
	}
	for _, s := range texts {
		if got, want := trimBytes(s, &addressPunctuation), strings.Trim(s, chars); got != want {
			t.Errorf("trimBytes(%q) = %q, strings.Trim %q", s, got, want)
		}
	}
}

// TestLowerASCIIAsLoop holds asciiLower and lowerASCIIBytes, which work eight bytes at a time,
// to the test of every byte: every byte value at every place of texts of up to 19 bytes.
func TestLowerASCIIAsLoop(t *testing.T) {
	byByte := func(s string) string {
		b := []byte(s)
		for i, c := range b {
			if c >= 'A' && c <= 'Z' {
				b[i] = c + 'a' - 'A'
			}
		}
		return string(b)
	}
	for n := range 20 {
		base := strings.Repeat("x", n)
		for at := range n {
			for c := range 256 {
				s := base[:at] + string(rune(0)) + base[at+1:]
				b := []byte(s)
				b[at] = byte(c)
				s = string(b)
				want := byByte(s)
				if got := asciiLower(s); got != want {
					t.Fatalf("asciiLower(%q) = %q, want %q", s, got, want)
				}
				lowerASCIIBytes(b)
				if string(b) != want {
					t.Fatalf("lowerASCIIBytes(%q) = %q, want %q", s, b, want)
				}
			}
		}
	}
	// Neighbours of every kind: random bytes, mostly around the letters' edges.
	rng := rand.New(rand.NewPCG(3, 4))
	edges := []byte{'@', 'A', 'M', 'Z', '[', '`', 'a', 'z', '{', 0x7f, 0x80, 0xc1, 0xda, 0xff, 0}
	for range 20000 {
		b := make([]byte, rng.IntN(40))
		for i := range b {
			b[i] = edges[rng.IntN(len(edges))]
		}
		s := string(b)
		want := byByte(s)
		if got := asciiLower(s); got != want {
			t.Fatalf("asciiLower(%q) = %q, want %q", s, got, want)
		}
		lowerASCIIBytes(b)
		if string(b) != want {
			t.Fatalf("lowerASCIIBytes(%q) = %q, want %q", s, b, want)
		}
	}
}

// TestToLowerAsStrings holds toLower to strings.ToLower over texts of up to 30 bytes of ASCII
// letters of both cases, digits, and bytes of UTF-8 and not.
func TestToLowerAsStrings(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	pieces := []string{"a", "Z", "@", "[", "`", "{", "7", " ", "\u00c9", "\u0130", "\u212a", "\xff", "\x80"}
	for range 20000 {
		var b strings.Builder
		for n := rng.IntN(30); b.Len() < n; {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := toLower(s), strings.ToLower(s); got != want {
			t.Fatalf("toLower(%q) = %q, strings.ToLower %q", s, got, want)
		}
	}
	// Mostly ASCII, so that upper case is often met before a non-ASCII byte, or with none.
	ascii := []string{"a", "Z", "Q", "@", "[", "`", "{", "7", " ", "-"}
	for range 20000 {
		var b strings.Builder
		for n := rng.IntN(40); b.Len() < n; {
			b.WriteString(ascii[rng.IntN(len(ascii))])
		}
		if rng.IntN(4) == 0 {
			b.WriteString(pieces[8+rng.IntN(len(pieces)-8)])
		}
		s := b.String()
		if got, want := toLower(s), strings.ToLower(s); got != want {
			t.Fatalf("toLower(%q) = %q, strings.ToLower %q", s, got, want)
		}
	}
}

// TestHasCodeDigit checks the eight-byte test of findReplyCode against a test of each byte:
// every byte value at every place, among neighbours of every kind.
func TestHasCodeDigit(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	for at := range 8 {
		for c := range 256 {
			for range 20 {
				var b [8]byte
				for i := range b {
					b[i] = byte(rng.IntN(256))
					for b[i] >= '2' && b[i] <= '5' {
						b[i] = byte(rng.IntN(256))
					}
				}
				b[at] = byte(c)
				want := c >= '2' && c <= '5'
				if got := hasCodeDigit(loadString8(string(b[:]))); got != want {
					t.Fatalf("hasCodeDigit(%q) = %v, want %v", b, got, want)
				}
			}
		}
	}
}

// TestReplyCodeNotInTelephoneNumber: a group of a telephone number written with spaces is no
// reply code; a reply code before its enhanced code or its text still is.
func TestReplyCodeNotInTelephoneNumber(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Fax number: +1 212 555 1234 Result: Failed - no answer", ""},
		{"call 0 421 5551 for help", ""},
		{"Attempts: 3 550 5.1.1 user unknown", "550"},
		{"host said: 550 No such user", "550"},
		{"code 550 1 attempt", "550"},
	}
	for _, tt := range tests {
		if got := findReplyCode(tt.in); got != tt.want {
			t.Errorf("findReplyCode(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
