package history

import (
	"context"
	"net/mail"
	"strings"
	"time"

	"github.com/rebound/rebound/dsn"
	"github.com/rebound/rebound/feedback"
	"github.com/rebound/rebound/policy"
)

// Recorder is a feedback.Decider: it applies the policy to a message's reports, records each
// in the store, and returns the reports to send.
type Recorder struct {
	Store  Store
	Policy *policy.Policy
	Source string           // pipe or scan
	Now    func() time.Time // for tests; time.Now when nil
}

// Decide implements feedback.Decider. A success notice clears the strikes of its recipients.
// Each report is then judged by the policy: dead makes it hard, strikes counts it (the Nth
// within the window is hard, with the count and the first date), sender and ignore keep it from
// the application (sender is sent as type sender when the policy says so). Every report is
// recorded, sent or not; one recorded before (the same bounce read again) keeps its first
// decision. A recipient that must never be hard (feedback.NeverHard: only guessed, or the
// sender's own address) is not made hard by a dead rule, and its strikes are counted but it
// stays soft, in the report and in the history (so it never reaches the suppression list).
func (r *Recorder) Decide(ctx context.Context, rep *dsn.Report, reports []feedback.Report) ([]feedback.Report, error) {
	at := r.eventTime(rep)
	if rep.Kind == dsn.KindSuccess {
		for _, rc := range rep.Recipients {
			if rc.Action == "delivered" || rc.Action == "relayed" || rc.Action == "expanded" {
				if err := r.Store.Clear(ctx, rc.Address, at); err != nil {
					return nil, err
				}
			}
		}
	}
	out := reports[:0:0]
	for _, rp := range reports {
		rule := r.rule(rp)
		neverHard := feedback.NeverHard(rep, rp)
		if neverHard && rule.Action == policy.Dead {
			rule = policy.Rule{Action: policy.Pass}
		}
		if neverHard && rule.Action == policy.Strikes {
			rule.Strikes = 0 // counted, never made hard: kept soft, so never suppressed
		}
		ev := Event{
			ID: rp.ID, At: at, Address: strings.ToLower(rp.Email), Domain: domainOf(rp.Email), Kind: string(rep.Kind),
			Reason: string(rp.Reason), Category: string(rp.Category), Status: rp.Status, Action: rule.Action,
			Type: typeFor(rule, rp.Type, r.Policy.ReportSender), Campaign: rp.Campaign, Source: r.Source,
		}
		stored, err := r.Store.Record(ctx, ev, rule)
		if err != nil {
			return nil, err
		}
		if stored.Type == "" {
			continue
		}
		rp.Type = stored.Type
		if neverHard && rp.Type == feedback.TypeHard {
			rp.Type = feedback.TypeSoft
		}
		if stored.Action == policy.Strikes {
			rp.Strikes = stored.Strikes
			rp.FirstSeen = stored.FirstSeen.UTC().Format(time.RFC3339)
		}
		out = append(out, rp)
	}
	return out, nil
}

// rule is the policy's rule for a report. Complaints and delays are not bounces: rebound's
// verdict stands for them.
func (r *Recorder) rule(rp feedback.Report) policy.Rule {
	switch rp.Type {
	case feedback.TypeComplaint, feedback.TypeDelay:
		return policy.Rule{Action: policy.Pass}
	}
	return r.Policy.For(rp.Reason, rp.Category, permanent(rp))
}

// typeFor is the type a rule gives a report before any counting; "" is not reported.
func typeFor(rule policy.Rule, built string, reportSender bool) string {
	switch rule.Action {
	case policy.Dead:
		return feedback.TypeHard
	case policy.Strikes:
		return feedback.TypeSoft
	case policy.Sender:
		if reportSender {
			return feedback.TypeSender
		}
		return ""
	case policy.Ignore:
		return ""
	}
	return built
}

// permanent tells a permanent failure by its status, else its reply code, else rebound's verdict.
func permanent(rp feedback.Report) bool {
	switch {
	case rp.Status != "":
		return strings.HasPrefix(rp.Status, "5")
	case rp.ReplyCode != "":
		return strings.HasPrefix(rp.ReplyCode, "5")
	}
	return rp.Type == feedback.TypeHard
}

// eventTime is the bounce's own date: its Arrival-Date, else its Date, else now.
func (r *Recorder) eventTime(rep *dsn.Report) time.Time {
	for _, d := range []string{rep.ArrivalDate, rep.Date} {
		if t, err := mail.ParseDate(d); err == nil {
			return t.UTC()
		}
	}
	if r.Now != nil {
		return r.Now().UTC()
	}
	return time.Now().UTC()
}

func domainOf(address string) string {
	if at := strings.LastIndexByte(address, '@'); at >= 0 {
		return strings.ToLower(address[at+1:])
	}
	return ""
}
