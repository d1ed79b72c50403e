package dsn

import "strings"

// smailReader reads the failure notice of Smail 3, the mail transfer agent of many Unix hosts of
// the 1990s ("Subject: mail failed, returning to sender"). Its failed recipients are listed one
// a line between two rules, each with Smail's reason after " ... ":
//
//	|------------------------- Failed addresses follow: ---------------------|
//	 <jane@example.com> ... remote error: 550 <jane@example.com>... User unknown
//	 bob@nowhere.example ... unknown host
//	|------------------------- Message text follows: ------------------------|
//
// Only that list is read: no address elsewhere in the notice is a failed recipient.
var smailReader = reader{
	name:   "smail",
	stage:  stageText,
	order:  20,
	detect: func(p *interpreter) bool { return p.lowerContains(smailFailedRule) },
	read:   (*interpreter).smailFailure,
}

func init() { register(smailReader) }

// smailFailedRule opens the list of failed addresses (lower case).
const smailFailedRule = "failed addresses follow:"

// smailFailure reads the failed addresses of a Smail notice.
func (p *interpreter) smailFailure() {
	at := strings.Index(p.lower, smailFailedRule)
	list := p.text[at+len(smailFailedRule):]
	if nl := strings.IndexByte(list, '\n'); nl >= 0 {
		list = list[nl+1:] // past the rest of the rule
	}
	for _, line := range strings.Split(list, "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "|--") {
			break // "Message text follows": the returned message
		}
		addr, reason, ok := strings.Cut(line, " ... ")
		if !ok {
			continue
		}
		addr = normalizeAddress(strings.Trim(addr, "<> "))
		if !validAddress(addr) {
			continue
		}
		r := Recipient{Address: addr, Action: ActionFailed, Diagnostic: strings.TrimSpace(reason), Evidence: EvidenceLabelledLine}
		p.complete(&r)
		p.rep.Recipients = append(p.rep.Recipients, r)
	}
	if len(p.rep.Recipients) > 0 {
		p.rep.MTA = "smail"
	}
}
