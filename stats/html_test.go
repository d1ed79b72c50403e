package stats

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/rebound/rebound/history"
	"github.com/rebound/rebound/internal/testmta"
	"github.com/rebound/rebound/policy"
)

// seed records events on days 0, 1, 2 and 4 (day 3 has none) for three domains and two
// campaigns: dead addresses (userunknown, and mailboxfull at its third strike) and the sender's
// problems (blocked, spamdetected).
func seed(t *testing.T) history.Store {
	t.Helper()
	ctx := context.Background()
	st, err := history.OpenSQLite(ctx, filepath.Join(t.TempDir(), "history.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	day := func(n int) time.Time { return time.Date(2026, 11, 1, 10, 0, 0, 0, time.UTC).AddDate(0, 0, n) }
	strikes := policy.Rule{Action: policy.Strikes, Strikes: 3, Within: 30 * 24 * time.Hour}
	events := []struct {
		day                             int
		address, reason, category, camp string
		action                          policy.Action
		typ                             string
	}{
		{0, "a@one.test", "userunknown", "recipient", "c1", policy.Dead, "hard"},
		{0, "b@one.test", "mailboxfull", "recipient", "c1", policy.Strikes, "soft"},
		{1, "b@one.test", "mailboxfull", "recipient", "c1", policy.Strikes, "soft"},
		{2, "b@one.test", "mailboxfull", "recipient", "c2", policy.Strikes, "soft"},
		{1, "c@two.test", "blocked", "antispam", "c1", policy.Sender, ""},
		{2, "d@two.test", "spamdetected", "antispam", "c2", policy.Sender, ""},
		{4, "e@three.test", "hostunknown", "domain", "c2", policy.Dead, "hard"},
		{4, "f@three.test", "contenterror", "content", "", policy.Pass, "soft"},
	}
	for i, e := range events {
		ev := history.Event{ID: fmt.Sprint("ev", i), At: day(e.day), Address: e.address, Domain: strings.SplitN(e.address, "@", 2)[1],
			Kind: "bounce", Reason: e.reason, Category: e.category, Action: e.action, Type: e.typ, Campaign: e.camp, Source: "test"}
		if _, err := st.Record(ctx, ev, strikes); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

func TestTable(t *testing.T) {
	st := seed(t)
	rows, err := st.Count(context.Background(), time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC), "campaign")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := WriteTable(&b, "campaign", rows, Sent{"c1": 100}); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"CAMPAIGN EVENTS HARD SOFT SENDER COMPLAINT OTHER SENT RATE",
		"c1 4 1 2 1 0 0 100 3.00%",
		"c2 3 2 0 1 0 0 - -", // b's third strike is hard
		"- 1 0 1 0 0 0 - -",
		"total 8 3 3 2 0 0",
	}
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(b.String()), "\n") {
		got = append(got, strings.Join(strings.Fields(line), " "))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("table:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestHTMLInChromium renders the page in headless Chromium: the screenshot is not blank, and the
// DOM holds one bar per day from the first event to the last (a day without events included),
// per domain, per campaign with a sent count, per dead reason and per sender-side reason.
func TestHTMLInChromium(t *testing.T) {
	st := seed(t)
	page, err := Collect(context.Background(), st, time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "stats.html")
	if err := WriteHTMLFile(file, page, Sent{"c1": 100, "c2": 50}); err != nil {
		t.Fatal(err)
	}
	html, _ := os.ReadFile(file)
	for _, external := range []string{"<script", "src=", "@import", "url(", "<link"} {
		if bytes.Contains(html, []byte(external)) {
			t.Errorf("page not self-contained: holds %q", external)
		}
	}

	dom := string(testmta.Chromium(t, file, "--dump-dom"))
	bars := map[string]int{"per-day": 5, "domains": 3, "rates": 2, "dead": 3, "sender": 2}
	for id, want := range bars {
		if got := countBars(t, dom, id); got != want {
			t.Errorf("chart %s: %d bars, want %d", id, got, want)
		}
	}
	if !strings.Contains(dom, `data-key="2026-11-04"`) {
		t.Error("the day without events has no place on the day chart")
	}
	if got := strings.Count(section(t, dom, "per-day"), "<rect"); got < 7 {
		t.Errorf("per-day chart: %d segments, want at least 7 (stacked by category) plus the legend", got)
	}

	shot := filepath.Join(t.TempDir(), "stats.png")
	if d := os.Getenv("REBOUND_KEEP_SCREENSHOT"); d != "" {
		shot = d
	}
	testmta.Chromium(t, file, "--screenshot="+shot, "--window-size=1000,1400", "--hide-scrollbars")
	f, err := os.Open(shot)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	inked, colours := ink(img)
	if inked < 0.02 || colours < 6 {
		t.Errorf("screenshot looks blank: %.1f%% of pixels not white, %d colours", 100*inked, colours)
	}
}

// section returns the element with the given id, up to the end of its first svg.
func section(t *testing.T, dom, id string) string {
	t.Helper()
	i := strings.Index(dom, `id="`+id+`"`)
	if i < 0 {
		t.Fatalf("no element %s in the DOM", id)
	}
	j := strings.Index(dom[i:], "</svg>")
	if j < 0 {
		t.Fatalf("element %s holds no svg", id)
	}
	return dom[i : i+j]
}

var barRE = regexp.MustCompile(`<g class="bar"`)

func countBars(t *testing.T, dom, id string) int {
	return len(barRE.FindAllString(section(t, dom, id), -1))
}

// ink returns the share of pixels that are not white and the number of distinct colours.
func ink(img image.Image) (float64, int) {
	b := img.Bounds()
	colours := map[color.RGBA]bool{}
	n := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			c := color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(bl >> 8), 255}
			colours[c] = true
			if c != (color.RGBA{255, 255, 255, 255}) {
				n++
			}
		}
	}
	return float64(n) / float64(b.Dx()*b.Dy()), len(colours)
}
