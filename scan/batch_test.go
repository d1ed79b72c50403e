package scan_test

import (
	"context"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/rebound/rebound/feedback"
	"github.com/rebound/rebound/scan"
)

// fakeSource yields messages from memory and records the order of moves.
type fakeSource struct {
	msgs  []string
	log   *[]string
	moved int
}

func (s *fakeSource) Walk(ctx context.Context, fn func(*scan.Message) error) error {
	for i, m := range s.msgs {
		name := fmt.Sprintf("m%d", i)
		msg := &scan.Message{
			Name:   name,
			Open:   func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(m)), nil },
			Backup: func() error { *s.log = append(*s.log, "move "+name); s.moved++; return nil },
		}
		if err := fn(msg); err != nil {
			return err
		}
	}
	return nil
}

// fakeBatch records what is staged and committed.
type fakeBatch struct {
	log    *[]string
	staged int
}

func (b *fakeBatch) Stage(_ context.Context, reports []feedback.Report) error {
	b.staged += len(reports)
	*b.log = append(*b.log, fmt.Sprintf("stage %d", len(reports)))
	return nil
}

func (b *fakeBatch) Commit() error {
	*b.log = append(*b.log, fmt.Sprintf("commit %d", b.staged))
	b.staged = 0
	return nil
}

func (b *fakeBatch) Len() int { return b.staged }

func dsnWithRecipients(id, n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "From: MAILER-DAEMON@mx.example.org\nMessage-ID: <big-%d@mx.example.org>\nSubject: Undelivered Mail Returned to Sender\nMIME-Version: 1.0\n"+
		"Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.org\n", id)
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "\nFinal-Recipient: rfc822; u%d-%d@example.com\nAction: failed\nStatus: 5.1.1\n", id, i)
	}
	b.WriteString("\n--B--\n")
	return b.String()
}

// TestBatchesMoveAfterCommit: messages move only after the commit of the batch holding their
// reports; a batch is committed at BatchSize messages, or earlier when its messages bring more
// than 1,024 reports (each an open file), and the last one at the end of the walk.
func TestBatchesMoveAfterCommit(t *testing.T) {
	var log []string
	var msgs []string
	for i := 0; i < 7; i++ {
		msgs = append(msgs, dsnWithRecipients(i, 300))
	}
	msgs = append(msgs, dsnWithRecipients(7, 1), dsnWithRecipients(8, 1), dsnWithRecipients(9, 1))
	src := &fakeSource{msgs: msgs, log: &log}
	b := &fakeBatch{log: &log}
	st, err := scan.Run(context.Background(), src, scan.Config{NewBatch: func() scan.ReportBatch { return b }, BatchSize: 2})
	if err != nil {
		t.Fatal(err)
	}
	if st.Scanned != 10 || src.moved != 10 {
		t.Fatalf("scanned %d, moved %d", st.Scanned, src.moved)
	}
	want := "stage 300,stage 300,commit 600,move m0,move m1," +
		"stage 300,stage 300,commit 600,move m2,move m3," +
		"stage 300,stage 300,commit 600,move m4,move m5," +
		"stage 300,stage 1,commit 301,move m6,move m7," +
		"stage 1,stage 1,commit 2,move m8,move m9"
	if got := strings.Join(log, ","); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	// Many reports per message: the batch is committed before 1,024 staged reports.
	log = nil
	src = &fakeSource{msgs: msgs[:7], log: &log}
	b = &fakeBatch{log: &log}
	if _, err := scan.Run(context.Background(), src, scan.Config{NewBatch: func() scan.ReportBatch { return b }}); err != nil {
		t.Fatal(err)
	}
	want = "stage 300,stage 300,stage 300,stage 300,commit 1200,move m0,move m1,move m2,move m3," +
		"stage 300,stage 300,stage 300,commit 900,move m4,move m5,move m6"
	if got := strings.Join(log, ","); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
