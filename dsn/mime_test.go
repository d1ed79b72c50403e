package dsn

import "testing"

// TestStripHTML checks the text stripHTML makes of HTML: block elements end lines, in any case
// and with attributes, other tags vanish, the common character references are decoded.
func TestStripHTML(t *testing.T) {
	for in, want := range map[string]string{
		"<p>a</p><p>b</p>":                                               "\na\n\nb\n",
		"a<BR>b<br/>c< br >d":                                            "a\nbc\nd", // "br/" is no name it knows
		`<TD class="x">cell</td><span>s</span>`:                          "\ncell\ns",
		"<table><tr><td>1</td></tr></table>":                             "\n\n\n1\n\n\n",
		"x &lt;a@example.com&gt; &amp; &quot;q&quot; &#39;s&#39;&nbsp;!": `x <a@example.com> & "q" 's' !`,
		"<h1>T</h1><h4>u</h4><brx>v<averyveryverylongtagname>w":          "\nT\nuvw",
		"<\u00a0div\u00a0>z":                                             "\nz",
	} {
		if got := string(stripHTML([]byte(in))); got != want {
			t.Errorf("stripHTML(%q) = %q, want %q", in, got, want)
		}
	}
}
