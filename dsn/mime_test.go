package dsn

import "testing"

// TestStripHTML checks the text stripHTML makes of HTML: block elements end lines, in any case
// and with attributes, a table's cells are set apart by spaces on their row's line, other tags
// vanish, the common character references are decoded.
func TestStripHTML(t *testing.T) {
	for in, want := range map[string]string{
		"<p>a</p><p>b</p>":                      "\na\n\nb\n",
		"a<BR>b<br/>c< br >d":                   "a\nbc\nd", // "br/" is no name it knows
		`<TD class="x">cell</td><span>s</span>`: " cell s",
		"<table><tr><td>1</td></tr></table>":    "\n\n 1 \n\n",
		"<tr><th>Recipient</th><th>Result</th></tr><tr><td>a@example.org</td><td>Delivered</td></tr>": "\n Recipient  Result \n\n a@example.org  Delivered \n",
		"x &lt;a@example.com&gt; &amp; &quot;q&quot; &#39;s&#39;&nbsp;!":                              `x <a@example.com> & "q" 's' !`,
		"<h1>T</h1><h4>u</h4><brx>v<averyveryverylongtagname>w":                                       "\nT\nuvw",
		"<\u00a0div\u00a0>z": "\nz",
		`<a href="mailto:walter.xu@example.com">Walter Xu</a> left`:  "Walter Xu <walter.xu@example.com> left",
		`<A HREF='mailto:a@example.org?subject=x'>a@example.org</A>`: "a@example.org",
		`<a href="https://example.org/?e=a@example.org">link</a>`:    "link",
	} {
		if got := string(stripHTML([]byte(in))); got != want {
			t.Errorf("stripHTML(%q) = %q, want %q", in, got, want)
		}
	}
}

// stripHTMLByByte is stripHTML as it was written before it went from tag to tag: a test of every
// byte.
func stripHTMLByByte(b []byte) []byte {
	out := make([]byte, 0, len(b))
	inTag := false
	var tag, whole []byte
	var link linkText
	for _, c := range b {
		switch {
		case c == '<':
			inTag, tag, whole = true, tag[:0], whole[:0]
		case c == '>' && inTag:
			inTag = false
			out = link.tag(whole, out)
			if b := tagBreak(tag); b != 0 {
				out = append(out, b)
			}
		case inTag:
			if len(tag) < 16 {
				tag = append(tag, c)
			}
			whole = append(whole, c)
		default:
			out = append(out, c)
		}
	}
	return []byte(htmlEntities.Replace(string(out)))
}

// TestStripHTMLAsByByte holds stripHTML to the test of every byte, over every text of up to
// six pieces of HTML (tags, unclosed and nested brackets, references, text) and the fixtures.
func TestStripHTMLAsByByte(t *testing.T) {
	pieces := []string{"<", ">", "<br>", "</P >", "<td class=\"a very long attribute\">", "&amp;", "&lt", "x", "<<div>", "\n"}
	texts := []string{""}
	for range 4 {
		for _, s := range texts {
			for _, p := range pieces {
				texts = append(texts, s+p)
			}
		}
	}
	texts = append(texts, fixtureTexts(t, "\x00")...)
	for _, s := range texts {
		if got, want := stripHTML([]byte(s)), stripHTMLByByte([]byte(s)); string(got) != string(want) {
			t.Fatalf("stripHTML(%.200q) = %.200q, the test of every byte %.200q", s, got, want)
		}
	}
}
