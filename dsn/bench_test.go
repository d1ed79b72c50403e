package dsn_test

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"testing"

	"github.com/rebound/rebound/dsn"
)

// loadCorpus reads the corpus messages into memory, so that benchmarks measure parsing only.
func loadCorpus(b *testing.B) [][]byte {
	var msgs [][]byte
	for _, path := range corpusFiles(b, sharedDir(b)) {
		data, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		if len(data) > 16 {
			msgs = append(msgs, data)
		}
	}
	return msgs
}

// BenchmarkParseCorpus parses the corpus messages one after the other on one goroutine.
func BenchmarkParseCorpus(b *testing.B) {
	msgs := loadCorpus(b)
	var size int64
	for _, m := range msgs {
		size += int64(len(m))
	}
	b.SetBytes(size / int64(len(msgs)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := dsn.Parse(bytes.NewReader(msgs[i%len(msgs)]), nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "msgs/s")
}

// BenchmarkParseLarge parses a 50 MB bounce (a DSN returning a message with a large attachment)
// and reports the bytes allocated per parse, an upper bound of the heap it needs.
func BenchmarkParseLarge(b *testing.B) {
	const size = 50 << 20
	b.SetBytes(size)
	var total uint64
	for i := 0; i < b.N; i++ {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		if _, err := dsn.Parse(largeBounce(size), nil); err != nil {
			b.Fatal(err)
		}
		runtime.ReadMemStats(&after)
		total += after.TotalAlloc - before.TotalAlloc
	}
	b.ReportMetric(float64(total)/float64(b.N)/(1<<20), "MB-alloc/op")
}

// largeBounce returns a Postfix-like DSN whose returned message carries a base64 attachment of
// about size bytes, generated as it is read.
func largeBounce(size int) io.Reader {
	head := `From: MAILER-DAEMON@mx.example.org (Mail Delivery System)
To: bounces+user=example.com@lists.example.org
Subject: Undelivered Mail Returned to Sender
Message-Id: <large.1@mx.example.org>
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="B1"

--B1
Content-Type: text/plain

<user@example.com>: host mx.example.com[192.0.2.1] said: 552 5.2.2 Mailbox full

--B1
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.org

Final-Recipient: rfc822; user@example.com
Action: failed
Status: 5.2.2
Diagnostic-Code: smtp; 552 5.2.2 Mailbox full

--B1
Content-Type: message/rfc822

From: news@lists.example.org
To: user@example.com
Subject: Big newsletter
Message-ID: <campaign-42.1@lists.example.org>
X-Campaign-ID: 42
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="B2"

--B2
Content-Type: application/pdf
Content-Transfer-Encoding: base64

`
	line := strings.Repeat("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo", 3)[:76] + "\n"
	body := &repeatReader{line: []byte(line), n: size / len(line)}
	tail := "\n--B2--\n\n--B1--\n"
	return io.MultiReader(strings.NewReader(head), body, strings.NewReader(tail))
}

// repeatReader yields line n times without holding more than one copy.
type repeatReader struct {
	line []byte
	n    int
	off  int
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.n == 0 {
		return 0, io.EOF
	}
	w := 0
	for w < len(p) && r.n > 0 {
		c := copy(p[w:], r.line[r.off:])
		w += c
		r.off += c
		if r.off == len(r.line) {
			r.off = 0
			r.n--
		}
	}
	return w, nil
}

// hostileCases are inputs built to exhaust memory or time.
func hostileCases() map[string]func() io.Reader {
	return map[string]func() io.Reader{
		"deep nesting": func() io.Reader {
			var b strings.Builder
			b.WriteString("From: a@example.com\nContent-Type: multipart/mixed; boundary=\"b0\"\n\n")
			for i := 0; i < 5000; i++ {
				fmt.Fprintf(&b, "--b%d\nContent-Type: multipart/mixed; boundary=\"b%d\"\n\n", i, i+1)
			}
			return strings.NewReader(b.String())
		},
		"endless header": func() io.Reader {
			return io.MultiReader(strings.NewReader("From: a@example.com\n"),
				&repeatReader{line: []byte("X-Junk: " + strings.Repeat("j", 60) + "\n"), n: 500000})
		},
		"endless folded header": func() io.Reader {
			return io.MultiReader(strings.NewReader("From: a@example.com\nSubject: x\n"),
				&repeatReader{line: []byte("  " + strings.Repeat("f", 70) + "\n"), n: 500000})
		},
		"huge line": func() io.Reader {
			return io.MultiReader(strings.NewReader("From: MAILER-DAEMON@example.com\nSubject: Undelivered Mail\n\n"),
				&repeatReader{line: []byte("x"), n: 30 << 20})
		},
		"huge status part": func() io.Reader {
			return io.MultiReader(strings.NewReader("From: a@example.com\nContent-Type: multipart/report; boundary=\"b\"\n\n--b\nContent-Type: message/delivery-status\n\n"),
				&repeatReader{line: []byte("Final-Recipient: rfc822; user@example.com\nAction: failed\n\n"), n: 500000})
		},
	}
}

// TestHostileInputBoundedMemory checks that hostile inputs of tens of megabytes are parsed with
// a bounded amount of allocation (total bytes allocated bound the peak heap).
func TestHostileInputBoundedMemory(t *testing.T) {
	for name, mk := range hostileCases() {
		t.Run(name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			dsn.Parse(mk(), nil)
			runtime.ReadMemStats(&after)
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64<<20 {
				t.Errorf("allocated %d MB", alloc>>20)
			}
		})
	}
}

// TestLargeBounceStreams checks that a 50 MB bounce is parsed, correctly, with far less than
// 50 MB allocated in all.
func TestLargeBounceStreams(t *testing.T) {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	rep, err := dsn.Parse(largeBounce(50<<20), nil)
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 16<<20 {
		t.Errorf("allocated %d MB to parse a 50 MB bounce, want < 16 MB", alloc>>20)
	}
	if len(rep.Recipients) != 1 || rep.Recipients[0].Address != "user@example.com" || rep.Recipients[0].Status != "5.2.2" {
		t.Errorf("recipients = %+v", rep.Recipients)
	}
	if rep.Original.Campaign != "42" || rep.Original.MessageID != "campaign-42.1@lists.example.org" {
		t.Errorf("original = %+v", rep.Original)
	}
}
