package dsn

import "strings"

// listRefusalPhrases are what a mailing-list manager says when it refuses a message posted to
// one of its lists (lower case).
var listRefusalPhrases = phraseList("list-refusal-phrases")

// listManagerReader reads the notice of a mailing-list manager (fml, and others that mark their
// mail with X-MLServer or List-Id) that refused a message posted to a list: the failed recipient
// is the list address, named in angle brackets in the notice.
var listManagerReader = reader{
	name:  "list-manager",
	stage: stageText, order: 10,
	detect: (*interpreter).isListManagerRefusal,
	read:   (*interpreter).listManagerRefusal,
}

func init() { register(listManagerReader) }

// isListManagerRefusal tells a list manager's notice that it refused a post.
func (p *interpreter) isListManagerRefusal() bool {
	top := p.c.top
	if !top.has("x-mlserver") && !top.has("list-id") && !top.has("mailing-list") {
		return false
	}
	subject := toLower(top.decoded("subject"))
	return p.lowerContainsAny(listRefusalPhrases) || containsAny(subject, listRefusalPhrases)
}

// listManagerRefusal reads the list address, named in angle brackets in a list manager's
// refusal.
func (p *interpreter) listManagerRefusal() {
	top := p.c.top
	for _, line := range strings.Split(p.text, "\n") {
		open := strings.IndexByte(line, '<')
		if open < 0 {
			continue
		}
		spans := findAddresses(line[open:])
		if len(spans) == 0 {
			continue
		}
		addr := normalizeAddress(spans[0].addr)
		if !validAddress(addr) {
			continue
		}
		if strings.Contains(toLower(top.get("x-mlserver")), "fml") {
			p.rep.MTA = "fml"
		}
		r := Recipient{Address: addr, Action: ActionFailed, Diagnostic: strings.TrimSpace(line), Evidence: EvidenceLabelledLine}
		p.complete(&r)
		p.rep.Recipients = append(p.rep.Recipients, r)
		return
	}
}
