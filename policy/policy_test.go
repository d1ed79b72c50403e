package policy

import (
	"testing"
	"time"

	"github.com/rebound/rebound/dsn"
)

func TestParseRule(t *testing.T) {
	tests := []struct {
		in   string
		want Rule
		bad  bool
	}{
		{in: "dead", want: Rule{Action: Dead}},
		{in: "Sender", want: Rule{Action: Sender}},
		{in: "ignore", want: Rule{Action: Ignore}},
		{in: "pass", want: Rule{Action: Pass}},
		{in: "strikes 3 within 30 days", want: Rule{Action: Strikes, Strikes: 3, Within: 30 * 24 * time.Hour}},
		{in: "strikes 2 within 7d", want: Rule{Action: Strikes, Strikes: 2, Within: 7 * 24 * time.Hour}},
		{in: "strikes 5/10d", want: Rule{Action: Strikes, Strikes: 5, Within: 10 * 24 * time.Hour}},
		{in: "strikes 0 within 7d", bad: true},
		{in: "strikes 3", bad: true},
		{in: "strikes 3 within soon", bad: true},
		{in: "dead now", bad: true},
		{in: "kill", bad: true},
		{in: "", bad: true},
	}
	for _, tt := range tests {
		got, err := ParseRule(tt.in)
		if tt.bad {
			if err == nil {
				t.Errorf("ParseRule(%q) = %v, want an error", tt.in, got)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseRule(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

func TestFor(t *testing.T) {
	p, err := FromConfig(map[string]any{"recipient": "strikes 2 within 7d", "mailererror": "ignore", "report-sender": true})
	if err != nil {
		t.Fatal(err)
	}
	if !p.ReportSender {
		t.Error("report-sender not read")
	}
	tests := []struct {
		reason    dsn.Reason
		category  dsn.Category
		permanent bool
		want      Action
	}{
		{"userunknown", "recipient", true, Dead},    // the reason's default wins over the category
		{"mailboxfull", "recipient", true, Strikes}, // the default 3 in 30 days
		{"filtered", "recipient", true, Strikes},    // the configured category
		{"mailererror", "recipient", true, Ignore},  // configured reason
		{"notaccept", "domain", true, Dead},         // notaccept-permanent
		{"notaccept", "domain", false, Pass},        // a transient one: rebound's verdict
		{"blocked", "antispam", true, Sender},       // the sender's
		{"norelaying", "relay", true, Sender},       // the sender's
		{"contenterror", "content", true, Pass},     // no rule
		{"virusdetected", "antispam", false, Pass},  // no rule for the reason nor the category
	}
	for _, tt := range tests {
		if got := p.For(tt.reason, tt.category, tt.permanent); got.Action != tt.want {
			t.Errorf("For(%s, %s, %v) = %v, want %s", tt.reason, tt.category, tt.permanent, got, tt.want)
		}
	}
	if r := p.For("mailboxfull", "recipient", true); r.Strikes != 3 || r.Within != 30*24*time.Hour {
		t.Errorf("mailboxfull default = %v, want strikes 3 within 30d", r)
	}
}

func TestFromConfigRefusesBadValues(t *testing.T) {
	for _, section := range []map[string]any{
		{"mailboxfull": 3},
		{"mailboxfull": "strikes three within 30d"},
		{"report-sender": "yes"},
	} {
		if _, err := FromConfig(section); err == nil {
			t.Errorf("FromConfig(%v) accepted", section)
		}
	}
}
