package dsn

import "strings"

// autoReplyReader reads an auto-reply (RFC 3834, or a vacation message that does not say so)
// from a person, not a mail system: nothing failed, unless it says the mailbox is abandoned.
var autoReplyReader = reader{
	name:  "autoreply",
	stage: stageText, order: 100,
	detect: func(p *interpreter) bool {
		return p.looksLikeAutoReply() && (!p.fromMailSystem() || p.fromNoReply())
	},
	read: (*interpreter).autoReply,
}

func init() { register(autoReplyReader) }

// fromNoReply tells a message from a "noreply" address: an application, which may auto-reply,
// not a mail system reporting a failure.
func (p *interpreter) fromNoReply() bool {
	switch localPart(firstAddress(p.c.top.get("from"))) {
	case "noreply", "no-reply", "donotreply", "do-not-reply":
		return true
	}
	return false
}

// autoReplySubjects are subject prefixes and phrases of auto-replies (lower case).
var autoReplySubjects = phraseList("auto-reply-subjects")

// looksLikeAutoReply tells whether a message is an RFC 3834 auto-reply (or a vacation message
// that does not say so).
func (p *interpreter) looksLikeAutoReply() bool {
	top := p.c.top
	as := toLower(top.get("auto-submitted"))
	subject := toLower(top.decoded("subject"))
	switch {
	case top.has("x-autoreply") || top.has("x-autorespond") || top.has("x-autoresponder"):
		return true
	case strings.HasPrefix(as, "auto-replied"):
		return true
	case strings.Contains(toLower(top.get("precedence")), "auto_reply"):
		return true
	case containsAny(subject, autoReplySubjects):
		return true
	}
	// A message sent with a null return path or as bulk, that thanks for the mail or says when
	// its author will answer: an auto-reply that does not name itself.
	precedence := toLower(top.get("precedence"))
	if top.get("return-path") == "<>" || precedence == "bulk" || precedence == "junk" {
		opening := p.lower[:min(len(p.lower), 600)]
		return containsAny(subject, autoReplyThanks) || containsAny(opening, autoReplyPhrases)
	}
	return false
}

// autoReplyThanks are subjects of auto-replies that thank for the mail (lower case).
var autoReplyThanks = phraseList("auto-reply-thanks")

// autoReplyPhrases are openings of auto-replies (lower case).
var autoReplyPhrases = phraseList("auto-reply-phrases")

func (p *interpreter) autoReply() {
	addr := firstAddress(p.c.top.get("from"))
	if addr == "" {
		return
	}
	p.rep.MTA = "rfc3834"
	if r, ok := p.abandonedMailbox(addr); ok {
		p.rep.Kind = KindBounce
		p.rep.Recipients = append(p.rep.Recipients, r)
		return
	}
	p.rep.Kind = KindAutoReply
	p.rep.Recipients = append(p.rep.Recipients, Recipient{
		Address: addr, Diagnostic: openingLine(p.text), Reason: ReasonVacation, Category: CategoryAutoreply,
		Evidence: EvidenceReplyFrom,
	})
}

// abandonedMailbox reads an auto-reply that says its mailbox is no longer used ("This email inbox
// a@example.org is no longer in use"): a failure for the address it names, or for its sender,
// reason suspend.
func (p *interpreter) abandonedMailbox(from string) (Recipient, bool) {
	opening := p.lower[:min(len(p.lower), 2000)]
	at := -1
	for _, ph := range abandonedPhrases {
		if i := indexAcrossLines(opening, ph); i >= 0 {
			at = i
			break
		}
	}
	if at < 0 {
		return Recipient{}, false
	}
	addr, evidence := from, EvidenceReplyFrom
	if r := firstAddress(p.c.top.get("reply-to")); r != "" && isSystemAddress(from) {
		addr = r // sent from no-reply@ for the mailbox it answers for
	}
	start, _ := paragraphBounds(p.text, at)
	for _, s := range findAddresses(p.text[start:at]) {
		if !isSystemAddress(s.addr) {
			addr, evidence = s.addr, EvidenceLabelledLine // "This email inbox a@example.org is no longer in use"
			break
		}
	}
	cl := Judge(ReasonSuspend, "", "")
	return Recipient{
		Address: addr, Action: ActionFailed, Status: "5", Diagnostic: paragraphAt(p.text, at),
		Reason: cl.Reason, Category: cl.Category, Hard: cl.Hard, Evidence: evidence,
	}, true
}

// indexAcrossLines returns where phrase starts in s, each space of phrase matching any run of
// spaces, tabs and line breaks ("this mailbox is\nno longer monitored"), or -1.
func indexAcrossLines(s, phrase string) int {
	words := strings.Fields(phrase)
	if len(words) == 0 {
		return -1
	}
	for from := 0; from < len(s); {
		i := strings.Index(s[from:], words[0])
		if i < 0 {
			return -1
		}
		i += from
		j, ok := i+len(words[0]), true
		for _, w := range words[1:] {
			k := j
			for k < len(s) && (s[k] == ' ' || s[k] == '\t' || s[k] == '\n' || s[k] == '\r') {
				k++
			}
			if k == j || !strings.HasPrefix(s[k:], w) {
				ok = false
				break
			}
			j = k + len(w)
		}
		if ok {
			return i
		}
		from = i + 1
	}
	return -1
}
