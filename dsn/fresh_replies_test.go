package dsn

import (
	"fmt"
	"strings"
	"testing"

	"github.com/rebound/rebound/internal/freshreplies"
)

// TestClassifyFreshReplies classifies the held-out replies of internal/freshreplies (collected
// on 2026-12-03 from providers' and vendors' published references, labelled from them before
// rebound was run on any): each with the status a DSN around it carries (its own enhanced code,
// else the class of its reply code), its reply code, and the SMTP command it answered. A reply
// must get its source's reason or the second honest reading noted beside it (or, for the few
// that rebound reads otherwise by a documented rule, freshreplies.Readings), and be hard only
// when that reading says permanently that the address is dead.
func TestClassifyFreshReplies(t *testing.T) {
	const rcpt, sender = "jane@example.net", "news@lists.example.org"
	var reason, withAlt, hard int
	for _, r := range freshreplies.Replies {
		text := r.Text(rcpt, sender)
		in := ClassifyInput{Action: "failed", Status: postfixStatus(text), Diagnostic: text,
			ReplyCode: findReplyCode(text), Command: string(r.Stage), Recipient: rcpt, Sender: sender}
		got := Classify(in, nil)
		ok := string(got.Reason) == r.Reason
		if ok {
			reason++
		}
		switch documented, isDocumented := freshreplies.Readings[r.Name]; {
		case ok || (r.Alt != "" && string(got.Reason) == r.Alt):
			withAlt++
		case isDocumented && string(got.Reason) == documented:
			// read otherwise by a documented rule: a miss, counted as one
		case isDocumented:
			t.Errorf("%s (%s at %s): got %s, want %s or the documented reading %s", r.Name, text, r.Stage, got.Reason, want(r), documented)
		default:
			t.Errorf("%s (%s at %s): got %s, want %s", r.Name, text, r.Stage, got.Reason, want(r))
		}
		if wantHard := r.HardAs(r.Reading(string(got.Reason))); got.Hard == wantHard {
			hard++
		} else {
			t.Errorf("%s (%s): hard %v, want %v", r.Name, text, got.Hard, wantHard)
		}
	}
	n := len(freshreplies.Replies)
	t.Logf("held-out replies: %d; reason %s, with the second readings %s; hard %s",
		n, percent(reason, n), percent(withAlt, n), percent(hard, n))
}

// postfixStatus is the status Postfix writes for a remote reply: the enhanced code the reply
// opens with, else the class of its reply code with 0.0.
func postfixStatus(reply string) string {
	if st := findStatus(reply); st != "" && strings.Index(reply, st) <= 4 {
		return st
	}
	return reply[:1] + ".0.0"
}

func want(r freshreplies.Reply) string {
	if r.Alt != "" {
		return r.Reason + " (or " + r.Alt + ")"
	}
	return r.Reason
}

func percent(k, n int) string { return fmt.Sprintf("%d/%d (%.1f%%)", k, n, 100*float64(k)/float64(n)) }
