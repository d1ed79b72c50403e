package dsn

import "strings"

// Evidence says where a recipient's address was read: how sure the parser is that the notice
// names it as the recipient it speaks of.
type Evidence string

// The kinds of evidence, from the strongest.
const (
	// EvidenceDSNField: a field of a machine-readable report (a DSN's Final-Recipient, an ARF
	// report's Original-Rcpt-To, an MDN's Final-Recipient, Amazon SES's JSON).
	EvidenceDSNField Evidence = "dsn-field"
	// EvidenceFailedRecipients: the X-Failed-Recipients header field (Exim and others).
	EvidenceFailedRecipients Evidence = "x-failed-recipients"
	// EvidenceTranscriptRcpt: a session transcript's line for the recipient: Sendmail's "550
	// <a@example.org>... User unknown", a "RCPT TO:<a@example.org>" answered with an error.
	EvidenceTranscriptRcpt Evidence = "transcript-rcpt"
	// EvidenceLabelledLine: a line of the notice that names the address as the failed
	// recipient ("<a@example.org>: host ... said", "Recipient address: a@example.org",
	// an address under "could not be delivered to the following recipients:").
	EvidenceLabelledLine Evidence = "labelled-line"
	// EvidenceVERP: the recipient a VERP template decodes from the address the bounce came back to.
	EvidenceVERP Evidence = "verp"
	// EvidenceOriginalTo: the only To of the returned message (or the recipient field a
	// feedback loop keeps in it).
	EvidenceOriginalTo Evidence = "original-to"
	// EvidenceGuess: an address the notice only mentions in passing; never reported hard.
	EvidenceGuess Evidence = "guess"
	// EvidenceReplyFrom: the sender of an auto-reply or of an unsubscribe request: the
	// subscriber's own mailbox answering.
	EvidenceReplyFrom Evidence = "reply-from"
)

// senderSide returns the addresses (lower case) that belong to the sender of the returned
// message rather than to any of its recipients: the From, Sender and Return-Path of the bounce
// and of the returned message (unless it was also sent to), the address the bounce came back to when a VERP template reads
// it, and the addresses of the sending list (List-Post, List-Owner, List-Help, List-Subscribe,
// List-Unsubscribe, the address List-Id names, the list whose robot the bounce came back to,
// and their -owner, -request and -bounces addresses). None is ever a failed recipient: reporting the list's own address as a hard
// bounce is the worst mistake a bounce processor can make.
func (p *interpreter) senderSide() map[string]bool {
	if p.sender != nil {
		return p.sender
	}
	set := map[string]bool{}
	add := func(a string) {
		if a = toLower(normalizeAddress(a)); validAddress(a) {
			set[a] = true
		}
	}
	// The returned message's own recipients, which its sender may be too (a copy sent to
	// oneself, a test): those stay recipients.
	addressees := map[string]bool{}
	if p.c.hasOriginal {
		for _, k := range []string{"to", "cc"} {
			for _, s := range findAddresses(p.c.original.get(k)) {
				addressees[toLower(s.addr)] = true
			}
		}
	}
	for _, k := range []string{"from", "sender", "return-path"} {
		add(firstAddress(p.c.top.get(k)))
		if a := firstAddress(p.c.original.get(k)); p.c.hasOriginal && !addressees[toLower(a)] {
			add(a)
		}
	}
	for _, a := range []string{p.opts.EnvelopeRecipient, firstAddress(p.c.top.get("x-original-to")), firstAddress(p.c.top.get("delivered-to")), firstAddress(p.c.top.get("to"))} {
		if a != "" && p.isVERPAddress(a) {
			add(a)
		}
	}
	// A bounce that came back to a list's robot ("news-bounces@lists.example.org", Mailman's
	// VERP "news-bounces+a=example.org@lists.example.org", "owner-news@...") speaks of a post
	// to that list: the list's own address is the sender's, even when the returned message
	// keeps none of its List-* fields.
	var lists []string
	for _, a := range []string{p.opts.EnvelopeRecipient, firstAddress(p.c.top.get("x-original-to")), firstAddress(p.c.top.get("delivered-to")), firstAddress(p.c.top.get("to"))} {
		if list := robotList(a); list != "" {
			lists = append(lists, list)
		}
	}
	if p.c.hasOriginal {
		for _, k := range []string{"list-post", "list-owner", "list-help", "list-subscribe", "list-unsubscribe"} {
			for _, s := range findAddresses(p.c.original.get(k)) {
				lists = append(lists, s.addr)
			}
		}
		if a := listIDAddress(p.c.original.get("list-id")); a != "" {
			lists = append(lists, a)
		}
	}
	p.list = map[string]bool{}
	for _, a := range lists {
		local, domain, _ := strings.Cut(a, "@")
		for _, l := range []string{local, local + "-owner", local + "-request", local + "-bounces", "owner-" + local} {
			add(l + "@" + domain)
			p.list[toLower(l+"@"+domain)] = true
		}
	}
	p.sender = set
	return set
}

// isListOrBounceAddress tells whether a is a mail system's or a list's own address, never a
// person's: the bounce's mail system (mailer-daemon, postmaster), a list's posting address or
// one of its robots, or a bounce address that a VERP template reads. Such an address is never
// reported, even when the MTA names it alone in its failed-recipient slot (dropSenderSide).
func (p *interpreter) isListOrBounceAddress(a string) bool {
	p.senderSide()
	return isSystemAddress(a) || robotList(a) != "" || p.isVERPAddress(a) || p.list[toLower(normalizeAddress(a))]
}

// isSenderSide tells whether a is one of the sender's addresses (see senderSide), a list robot's
// by its name ("news-bounces@", "news-request@", "owner-news@") at one of the sender's domains,
// or a bounce address that a VERP template reads.
func (p *interpreter) isSenderSide(a string) bool {
	k := toLower(a)
	set := p.senderSide()
	if set[k] {
		return true
	}
	if local, domain, ok := strings.Cut(k, "@"); ok && isListRobot(local) {
		for s := range set {
			if strings.HasSuffix(s, "@"+domain) {
				return true
			}
		}
	}
	return p.isVERPAddress(a)
}

// isListRobot tells the local part of a mailing list's own robot (Mailman, Sympa, majordomo),
// which receives bounces and requests, never a post.
func isListRobot(local string) bool {
	for _, suffix := range listRobotSuffixes {
		if strings.HasSuffix(local, suffix) {
			return true
		}
	}
	return strings.HasPrefix(local, "owner-")
}

// robotList returns the posting address of the list whose robot a is ("news-bounces@",
// "news-bounces+a=example.org@", "owner-news@" give "news@" at the same domain), or "".
func robotList(a string) string {
	local, domain, ok := strings.Cut(toLower(a), "@")
	if !ok || domain == "" {
		return ""
	}
	local, _, _ = strings.Cut(local, "+")
	for _, suffix := range listRobotSuffixes {
		if base, ok := strings.CutSuffix(local, suffix); ok && base != "" {
			return base + "@" + domain
		}
	}
	if base, ok := strings.CutPrefix(local, "owner-"); ok && base != "" {
		return base + "@" + domain
	}
	return ""
}

// listRobotSuffixes end the local parts of a mailing list's own robots (Mailman, Sympa,
// majordomo), which receive bounces and requests, never a post.
var listRobotSuffixes = phraseList("list-robot-suffixes")

// isVERPAddress tells whether a VERP template reads a: a bounce address, not a recipient.
func (p *interpreter) isVERPAddress(a string) bool {
	for _, t := range p.opts.VERP {
		if _, ok := t.Decode(a); ok {
			return true
		}
	}
	return false
}

// listIDAddress returns the posting address a List-Id names by the usual convention (RFC 2919:
// "<news.lists.example.org>" is the list "news" at lists.example.org), or "".
func listIDAddress(listID string) string {
	id := listID
	if i := strings.LastIndexByte(id, '<'); i >= 0 {
		id = id[i+1:]
		if j := strings.IndexByte(id, '>'); j >= 0 {
			id = id[:j]
		}
	}
	id = strings.TrimSpace(id)
	local, domain, ok := strings.Cut(id, ".")
	if !ok || local == "" || !strings.Contains(domain, ".") || strings.ContainsAny(id, " @") {
		return ""
	}
	return local + "@" + domain
}

// dropSenderSide removes, from a report of failures, the recipients that are the sender's own
// addresses. Complaints, auto-replies and unsubscribe requests name the subscriber who sent
// them, and are kept; so is a recipient whose original address (the one the sender wrote, which
// an alias turned into the sender's own) is not the sender's: the report names that one.
//
// One exception. Text heuristics once took the list's or the sender's address for the failed
// recipient, and reporting the list's own address as a hard bounce is the worst mistake a
// bounce processor can make; so a sender's address is never kept when a heuristic found it (a
// labelled line of free text, a transcript, the returned message's To, a guess) or when any
// other candidate exists. But when the MTA itself names it, and nothing else, in its
// failed-recipient slot (slotEvidence here; the text reader marks a line under one of
// failedAddressHeadings itself), and it is a person's address (the From, Sender or
// Return-Path of someone who wrote to themselves, or an anonymised copy that made the recipient
// equal to the sender), the failure is real. It is then kept, marked SenderSide, and never hard
// (finish caps it; feedback logs it). A list's or a mail system's own address
// (isListOrBounceAddress) is never kept: no subscriber has it.
func (p *interpreter) dropSenderSide() {
	switch p.rep.Kind {
	case KindComplaint, KindAutoReply:
		return
	}
	only := len(p.rep.Recipients) == 1
	kept := p.rep.Recipients[:0]
	for _, r := range p.rep.Recipients {
		if r.Evidence != EvidenceReplyFrom && r.Reason != ReasonFeedback && !r.SenderSide && p.isSenderSide(r.Address) && (r.OriginalAddress == "" || p.isSenderSide(r.OriginalAddress)) {
			if !only || !slotEvidence(r.Evidence) || p.isListOrBounceAddress(r.Address) {
				continue
			}
			r.SenderSide = true
		}
		kept = append(kept, r)
	}
	p.rep.Recipients = kept
}

// slotEvidence tells the evidence of an address that a machine-readable slot names as failed:
// a delivery-status field (Final-Recipient, Original-Recipient, ...) or X-Failed-Recipients.
// A text bounce's line is such a slot only under a known MTA's failed-address heading, which
// the text reader tells itself (failedAddressHeadings).
func slotEvidence(e Evidence) bool {
	return e == EvidenceDSNField || e == EvidenceFailedRecipients
}
