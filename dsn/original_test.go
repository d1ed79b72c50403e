package dsn

import (
	"os"
	"strings"
	"testing"
)

// lowerValuesForTest is what detectMTA searched before phraseScan: the values of the header's
// fields in lower case (ASCII), a line each.
func lowerValuesForTest(h header) string {
	var b strings.Builder
	for _, f := range h {
		b.WriteString(f.value)
		b.WriteByte('\n')
	}
	return string(lowerASCIIForTest([]byte(b.String())))
}

func lowerASCIIForTest(b []byte) []byte {
	lowerASCIIBytes(b)
	return b
}

// TestPhraseScanAsContains holds phraseScan.in to strings.Contains over the lower-cased values:
// on headers made to hold each phrase in mixed case, at a value's end, cut short or split
// across two values, and on the header of every fixture and corpus message.
func TestPhraseScanAsContains(t *testing.T) {
	ps := anyHeaderPhrases()
	var headers []header
	for _, p := range ps.phrases {
		mixed := []byte(p)
		for i := range mixed {
			if i%2 == 0 {
				mixed[i] = upperASCII(mixed[i])
			}
		}
		for _, v := range []string{
			"by mx.example.org with " + string(mixed) + " id 1",
			string(mixed),
			"x" + strings.ToUpper(p),
			p[:len(p)-1],
			"A" + p[:1],
			"ab" + p[:len(p)/2] + "\u00e9" + p[len(p)/2:],
		} {
			headers = append(headers, header{{key: "received", value: v}})
		}
		headers = append(headers, header{{key: "a", value: p[:len(p)/2]}, {key: "b", value: p[len(p)/2:]}})
		for pad := range 2 * len(p) {
			lead := strings.Repeat("-", pad)
			headers = append(headers, header{{key: "c", value: lead + p}}, header{{key: "c", value: lead + p[:len(p)-1] + " " + p}})
		}
	}
	files := readerFixtures(t)
	files = append(files, corpusPathsIfPresent()...)
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		headers = append(headers, parseHeaderBytes(data))
	}
	found := 0
	for _, h := range headers {
		values := lowerValuesForTest(h)
		got := ps.in(h)
		for i, p := range ps.phrases {
			want := strings.Contains(values, p)
			if (got&(1<<i) != 0) != want {
				t.Errorf("phrase %q in %.200q: phraseScan says %v, Contains %v", p, values, !want, want)
			}
			if want {
				found++
			}
		}
	}
	if found < 2*len(ps.phrases) {
		t.Errorf("only %d phrases found: the test's headers do not exercise the scan", found)
	}
}
