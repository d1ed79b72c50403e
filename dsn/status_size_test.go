package dsn_test

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/rebound/rebound/dsn"
)

// manyRecipientsDSN returns a DSN whose delivery-status part holds n recipient records,
// generated as it is read.
func manyRecipientsDSN(n int) io.Reader {
	head := "From: MAILER-DAEMON@mx.example.org\nTo: bounces@lists.example.org\nSubject: Undelivered Mail Returned to Sender\n" +
		"MIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n" +
		"--B\nContent-Type: text/plain\n\nThe mail could not be delivered to many recipients.\n\n" +
		"--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.org\n"
	i := 0
	records := readerFunc(func() string {
		if i == n {
			return ""
		}
		i++
		return fmt.Sprintf("\nFinal-Recipient: rfc822; user%06d@example.com\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 <user%06d@example.com>: Recipient address rejected: User unknown\n", i, i)
	})
	tail := "\n--B\nContent-Type: text/rfc822-headers\n\nFrom: news@lists.example.org\nSubject: News\nX-Campaign-ID: 42\n\n--B--\n"
	return io.MultiReader(strings.NewReader(head), records, strings.NewReader(tail))
}

// readerFunc reads the texts next returns until it returns "".
type readerFunc func() string

func (f readerFunc) Read(p []byte) (int, error) {
	s := f()
	if s == "" {
		return 0, io.EOF
	}
	return copy(p, s), nil // the records are far shorter than any read buffer
}

// TestHugeStatusPartRefused: a DSN of 100,000 recipients, whose status part exceeds what the
// parser keeps, is refused with ErrStatusTooLarge rather than reported in part (8,603 reports,
// the last one half-read, was what it gave before).
func TestHugeStatusPartRefused(t *testing.T) {
	rep, err := dsn.Parse(manyRecipientsDSN(100000), nil)
	if !errors.Is(err, dsn.ErrStatusTooLarge) {
		n := -1
		if rep != nil {
			n = len(rep.Recipients)
		}
		t.Fatalf("err = %v with %d recipients, want ErrStatusTooLarge", err, n)
	}
}

// TestManyRecipientsWithinBound: a DSN of 5,000 recipients (under the bound) yields 5,000
// whole reports.
func TestManyRecipientsWithinBound(t *testing.T) {
	const n = 5000
	rep, err := dsn.Parse(manyRecipientsDSN(n), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Recipients) != n {
		t.Fatalf("%d recipients, want %d", len(rep.Recipients), n)
	}
	for i, r := range rep.Recipients {
		if want := fmt.Sprintf("user%06d@example.com", i+1); r.Address != want || r.Status != "5.1.1" || r.Reason != "userunknown" || !r.Hard {
			t.Fatalf("recipient %d: %+v", i, r)
		}
	}
}
