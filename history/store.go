// Package history keeps every recipient event rebound reports or decides not to report, so that
// soft bounces can be counted into strikes, dead addresses listed for suppression, and bounces
// counted for stats. Its store is SQLite (a file, WAL mode, safe for many concurrent `rebound
// pipe` processes) or PostgreSQL (a postgres:// URL, for several hosts sharing one history),
// with the same schema; Recorder applies the sender's policy on top.
package history

import (
	"context"
	"time"

	"github.com/rebound/rebound/policy"
)

// Event is one recipient of one bounce, as rebound decided it.
type Event struct {
	ID        string    // the report id: the same bounce twice is one event
	At        time.Time // the bounce's own date (Arrival-Date or Date), else when it was read
	Address   string    // lower case
	Domain    string
	Kind      string // bounce, delay, complaint
	Reason    string
	Category  string
	Status    string
	Action    policy.Action // the policy rule applied
	Type      string        // the type reported: hard, soft, sender, complaint, delay; "" when not reported
	Campaign  string
	Source    string    // pipe or scan
	Strikes   int       // for a strikes rule: the strikes within the window, this one included
	FirstSeen time.Time // for a strikes rule: the date of the first of them
}

// Suppression is one dead address.
type Suppression struct {
	Address string
	Reason  string
	At      time.Time // the event that made it dead
}

// Row is one group of a Count.
type Row struct {
	Keys      []string // one per grouping column, in order
	Events    int
	Hard      int // reported hard (dead)
	Soft      int
	Sender    int // the sender's problems (policy sender), reported or not
	Complaint int
	Other     int // delays, ignored events
}

// Grouping columns of Count.
var groupings = map[string]string{
	"reason":   "reason",
	"category": "category",
	"domain":   "domain",
	"campaign": "campaign",
	"day":      "at / 86400",
	"action":   "action",
	"type":     "type",
	"kind":     "kind",
}

// Store is where events are kept.
type Store interface {
	// Record stores ev, unless an event with its id exists, and returns the stored event: the
	// same bounce read twice gets the decision of the first time. For an event of action
	// strikes, the store counts the address's strikes within rule.Within up to ev.At (since it
	// was last cleared), this one included, and makes the event hard when they reach
	// rule.Strikes.
	Record(ctx context.Context, ev Event, rule policy.Rule) (Event, error)
	// Clear forgets the address's strikes and dead state up to at (a later event counts again).
	Clear(ctx context.Context, address string, at time.Time) error
	// Suppressions lists the dead addresses, by address.
	Suppressions(ctx context.Context) ([]Suppression, error)
	// Count groups the events since the given time by the columns named (reason, category,
	// domain, campaign, day, action, type, kind), biggest first.
	Count(ctx context.Context, since time.Time, by ...string) ([]Row, error)
	Close() error
}

// Leave lets go of a store in a process about to exit, such as `rebound pipe`: a SQLite history
// is left as a crash would leave it, which costs nothing and loses nothing (every transaction
// is already in the write-ahead log, which the writers checkpoint as it grows), where closing
// it would copy the log into the database and sync it in every pipe. Other stores are closed.
func Leave(st Store) {
	if s, ok := st.(*sqlStore); ok && s.d.name == "sqlite" {
		return
	}
	st.Close()
}
