package history

import (
	"context"
	"testing"
	"time"

	"github.com/rebound/rebound/dsn"
	"github.com/rebound/rebound/feedback"
	"github.com/rebound/rebound/policy"
)

// bounce is a parsed bounce of one failed recipient, with the report Build makes of it.
func bounce(id, address, reason, category, status, date string, hard bool) (*dsn.Report, []feedback.Report) {
	rep := &dsn.Report{Kind: dsn.KindBounce, MessageID: id, Date: date,
		Recipients: []dsn.Recipient{{Address: address, Action: "failed", Status: status, Reason: dsn.Reason(reason), Category: dsn.Category(category), Hard: hard}}}
	return rep, feedback.Build(rep, feedback.BuildOptions{})
}

func TestRecorderPolicy(t *testing.T) {
	ctx := context.Background()
	pol := policy.Default()
	pol.Rules["filtered"] = policy.Rule{Action: policy.Ignore}
	rec := &Recorder{Store: openSQLite(t), Policy: pol, Source: "test", Now: func() time.Time { return day(9) }}
	tests := []struct {
		name                      string
		address, reason, category string
		status                    string
		hard                      bool
		date                      string
		wantType                  string // "" not reported
		wantAt                    time.Time
	}{
		{"dead at once", "u@x.test", "userunknown", "recipient", "5.1.1", true, "Mon, 02 Nov 2026 12:00:00 +0000", "hard", day(1)},
		{"a first strike", "f@x.test", "mailboxfull", "recipient", "5.2.2", false, "Tue, 03 Nov 2026 12:00:00 +0000", "soft", day(2)},
		{"the sender's", "b@x.test", "blocked", "antispam", "5.7.1", false, "", "", day(9)},
		{"ignored", "i@x.test", "filtered", "recipient", "5.7.1", false, "", "", day(9)},
		{"a transient notaccept passes", "n@x.test", "notaccept", "domain", "4.1.10", false, "", "soft", day(9)},
		{"a permanent notaccept is dead", "m@x.test", "notaccept", "domain", "5.1.10", true, "", "hard", day(9)},
	}
	for _, tt := range tests {
		rep, reports := bounce("<"+tt.name+"@mx>", tt.address, tt.reason, tt.category, tt.status, tt.date, tt.hard)
		out, err := rec.Decide(ctx, rep, reports)
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if len(out) == 1 {
			got = out[0].Type
		}
		if len(out) > 1 || got != tt.wantType {
			t.Errorf("%s: reports %+v, want type %q", tt.name, out, tt.wantType)
		}
		rows, _ := rec.Store.Count(ctx, tt.wantAt, "reason")
		found := false
		for _, r := range rows {
			found = found || r.Keys[0] == tt.reason
		}
		if !found {
			t.Errorf("%s: no event recorded at %v", tt.name, tt.wantAt)
		}
	}

	pol.ReportSender = true
	rep, reports := bounce("<sender2@mx>", "b@x.test", "blocked", "antispam", "5.7.1", "", false)
	if out, _ := rec.Decide(ctx, rep, reports); len(out) != 1 || out[0].Type != feedback.TypeSender {
		t.Errorf("with report-sender: %+v, want one report of type sender", out)
	}
}

// TestRecorderSuccessClears: a delivery success notice for an address clears its strikes and
// takes it off the suppression list.
func TestRecorderSuccessClears(t *testing.T) {
	ctx := context.Background()
	rec := &Recorder{Store: openSQLite(t), Policy: policy.Default(), Source: "test"}
	for i, date := range []string{"Sun, 01 Nov 2026 12:00:00 +0000", "Mon, 02 Nov 2026 12:00:00 +0000", "Tue, 03 Nov 2026 12:00:00 +0000"} {
		rep, reports := bounce("<full"+date+"@mx>", "f@x.test", "mailboxfull", "recipient", "5.2.2", date, false)
		out, err := rec.Decide(ctx, rep, reports)
		if err != nil || len(out) != 1 || out[0].Strikes != i+1 {
			t.Fatalf("strike %d: %+v, %v", i+1, out, err)
		}
	}
	if sup, _ := rec.Store.Suppressions(ctx); len(sup) != 1 {
		t.Fatalf("suppressions after three strikes: %+v", sup)
	}
	success := &dsn.Report{Kind: dsn.KindSuccess, MessageID: "<ok@mx>", Date: "Wed, 04 Nov 2026 12:00:00 +0000",
		Recipients: []dsn.Recipient{{Address: "F@x.test", Action: "delivered", Status: "2.0.0", Reason: "delivered"}}}
	if _, err := rec.Decide(ctx, success, nil); err != nil {
		t.Fatal(err)
	}
	if sup, _ := rec.Store.Suppressions(ctx); len(sup) != 0 {
		t.Errorf("suppressions after a success notice: %+v", sup)
	}
	rep, reports := bounce("<full-again@mx>", "f@x.test", "mailboxfull", "recipient", "5.2.2", "Thu, 05 Nov 2026 12:00:00 +0000", false)
	if out, _ := rec.Decide(ctx, rep, reports); len(out) != 1 || out[0].Type != "soft" || out[0].Strikes != 1 {
		t.Errorf("after the success notice: %+v, want a first strike", out)
	}
}

// TestRecorderNeverHard: a dead rule or a strikes count never makes hard the report of a
// recipient the parser only guessed or that is the sender's own address (feedback.NeverHard).
func TestRecorderNeverHard(t *testing.T) {
	ctx := context.Background()
	pol := policy.Default()
	pol.Rules["mailboxfull"] = policy.Rule{Action: policy.Strikes, Strikes: 1, Within: 30 * 24 * time.Hour}
	rec := &Recorder{Store: openSQLite(t), Policy: pol, Source: "test", Now: func() time.Time { return day(9) }}
	for _, tt := range []struct {
		name, reason string
		recipient    dsn.Recipient
	}{
		{"sender's own, dead rule", "userunknown", dsn.Recipient{SenderSide: true, Evidence: dsn.EvidenceDSNField}},
		{"guessed, dead rule", "userunknown", dsn.Recipient{Evidence: dsn.EvidenceGuess}},
		{"sender's own, first strike is the last", "mailboxfull", dsn.Recipient{SenderSide: true, Evidence: dsn.EvidenceFailedRecipients}},
	} {
		r := tt.recipient
		r.Address, r.Action, r.Status, r.Reason, r.Category = "news@lists.example.org", "failed", "5.1.1", dsn.Reason(tt.reason), "recipient"
		rep := &dsn.Report{Kind: dsn.KindBounce, MessageID: "<" + tt.name + "@mx>", Date: "Mon, 02 Nov 2026 12:00:00 +0000", Recipients: []dsn.Recipient{r}}
		out, err := rec.Decide(ctx, rep, feedback.Build(rep, feedback.BuildOptions{}))
		if err != nil {
			t.Fatal(err)
		}
		if len(out) != 1 || out[0].Type != feedback.TypeSoft {
			t.Errorf("%s: reports %+v, want one soft", tt.name, out)
		}
	}
	// What is kept agrees with what was reported: no hard event, so no suppression.
	rows, err := rec.Store.Count(ctx, day(0), "type")
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range rows {
		if row.Hard != 0 {
			t.Errorf("history keeps %d hard events of recipients that were reported soft: %+v", row.Hard, rows)
		}
	}
	if sup, err := rec.Store.Suppressions(ctx); err != nil || len(sup) != 0 {
		t.Errorf("suppressions %+v (%v), want none", sup, err)
	}
}
