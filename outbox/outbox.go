// Package outbox is a durable, crash-safe spool of reports waiting to be delivered, laid out
// like a Maildir (tmp/, new/, failed/) so that several processes may share it.
package outbox

import (
	"context"

	"github.com/rebound/rebound/feedback"
)

// Outbox is an open spool directory.
type Outbox struct{ dir string }

// Open opens (creating when missing) the outbox in dir.
func Open(dir string) (*Outbox, error) { return &Outbox{dir: dir}, nil }

// Enqueue writes r durably (tmp/, fsync, rename into new/). A report whose id is already waiting
// is not queued twice.
func (o *Outbox) Enqueue(r feedback.Report) error { return nil }

// Stats counts what a Flush did.
type Stats struct{ Delivered, Rejected, Retry int }

// Flush sends what is waiting through s; delivered reports leave the outbox, permanently
// rejected ones go to failed/, others stay for the next flush.
func (o *Outbox) Flush(ctx context.Context, s feedback.Sender) (Stats, error) { return Stats{}, nil }
