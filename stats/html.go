package stats

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"io"
	"math"
	"sort"
	"sync"
	"time"

	"github.com/rebound/rebound/history"
	"github.com/rebound/rebound/internal/safefile"
)

// Page is what the HTML page shows.
type Page struct {
	Since, Until time.Time
	Total        history.Row
	Days         []Day         // one per day from the first event to the last
	Categories   []string      // the categories met, in legend order
	Domains      []history.Row // the receiving domains with most events, at most TopDomains
	Campaigns    []history.Row // by campaign
	Dead         []history.Row // hard events by reason: addresses that are gone
	SenderSide   []history.Row // the sender's problems by reason: blocks, reputation, authentication
}

// Day is one day's events by category.
type Day struct {
	Date       string
	ByCategory map[string]int
	Total      int
}

// TopDomains is how many receiving domains the page shows.
const TopDomains = 10

// Collect reads what the page shows from the store.
func Collect(ctx context.Context, st history.Store, since, until time.Time) (*Page, error) {
	p := &Page{Since: since, Until: until}
	perDay, err := st.Count(ctx, since, "day", "category")
	if err != nil {
		return nil, err
	}
	days := map[string]*Day{}
	cats := map[string]bool{}
	for _, r := range perDay {
		d := days[r.Keys[0]]
		if d == nil {
			d = &Day{Date: r.Keys[0], ByCategory: map[string]int{}}
			days[r.Keys[0]] = d
		}
		d.ByCategory[r.Keys[1]] += r.Events
		d.Total += r.Events
		cats[r.Keys[1]] = true
		p.Total.Events += r.Events
		p.Total.Hard += r.Hard
		p.Total.Soft += r.Soft
		p.Total.Sender += r.Sender
		p.Total.Complaint += r.Complaint
		p.Total.Other += r.Other
	}
	p.Days = fillDays(days)
	for c := range cats {
		p.Categories = append(p.Categories, c)
	}
	sort.Strings(p.Categories)
	if p.Domains, err = st.Count(ctx, since, "domain"); err != nil {
		return nil, err
	}
	SortRows(p.Domains, "domain")
	if len(p.Domains) > TopDomains {
		p.Domains = p.Domains[:TopDomains]
	}
	if p.Campaigns, err = st.Count(ctx, since, "campaign"); err != nil {
		return nil, err
	}
	SortRows(p.Campaigns, "campaign")
	byAction, err := st.Count(ctx, since, "action", "reason")
	if err != nil {
		return nil, err
	}
	for _, r := range byAction {
		row := history.Row{Keys: r.Keys[1:], Events: r.Events, Hard: r.Hard, Soft: r.Soft, Sender: r.Sender, Complaint: r.Complaint, Other: r.Other}
		if r.Keys[0] == "sender" {
			p.SenderSide = append(p.SenderSide, row)
		} else if r.Hard > 0 {
			row.Events = r.Hard
			p.Dead = append(p.Dead, row)
		}
	}
	p.Dead = mergeByKey(p.Dead)
	SortRows(p.SenderSide, "reason")
	SortRows(p.Dead, "reason")
	return p, nil
}

// mergeByKey adds up rows of the same key (a reason dead through several policy actions).
func mergeByKey(rows []history.Row) []history.Row {
	var out []history.Row
	idx := map[string]int{}
	for _, r := range rows {
		if i, ok := idx[r.Keys[0]]; ok {
			out[i].Events += r.Events
			out[i].Hard += r.Hard
			continue
		}
		idx[r.Keys[0]] = len(out)
		out = append(out, r)
	}
	return out
}

// fillDays lists every day from the first to the last, days without events included.
func fillDays(days map[string]*Day) []Day {
	if len(days) == 0 {
		return nil
	}
	var keys []string
	for k := range days {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	first, err1 := time.Parse(time.DateOnly, keys[0])
	last, err2 := time.Parse(time.DateOnly, keys[len(keys)-1])
	if err1 != nil || err2 != nil {
		return nil
	}
	var out []Day
	for d := first; !d.After(last); d = d.AddDate(0, 0, 1) {
		k := d.Format(time.DateOnly)
		if day, ok := days[k]; ok {
			out = append(out, *day)
		} else {
			out = append(out, Day{Date: k, ByCategory: map[string]int{}})
		}
	}
	return out
}

// palette colours the categories; others take grey.
var palette = map[string]string{
	"recipient": "#d62728", "domain": "#ff7f0e", "antispam": "#1f77b4", "relay": "#17becf",
	"content": "#9467bd", "system": "#8c564b", "complaint": "#e377c2", "unknown": "#7f7f7f",
}

// WriteHTMLFile writes the page to path atomically.
func WriteHTMLFile(path string, p *Page, sent Sent) error {
	var buf bytes.Buffer
	if err := WriteHTML(&buf, p, sent); err != nil {
		return err
	}
	return safefile.WriteFile(path, buf.Bytes(), 0o644)
}

// bar is one drawn bar (or a segment of a stacked bar).
type bar struct {
	X, Y, W, H   float64
	Colour, Tip  string
	Label, Value string
}

type stackedBar struct {
	Key      string
	X        float64
	Label    string // the date under the bar, on every few bars when they are narrow
	Segments []bar
}

type chartData struct {
	Page       *Page
	Width      float64
	DayMax     int
	DayBars    []stackedBar
	DayHeight  float64
	Legend     []bar
	DomainBars []bar
	RateBars   []bar
	NoRate     []history.Row
	DeadBars   []bar
	SenderBars []bar
	Sent       Sent
}

const (
	chartWidth = 720.0
	dayHeight  = 200.0
	rowHeight  = 22.0
	labelWidth = 200.0
)

// WriteHTML writes the page: bounces per day stacked by category, top receiving domains, bounce
// rate per campaign (when sent counts are known), and the dead addresses apart from the sender's
// own problems.
func WriteHTML(w io.Writer, p *Page, sent Sent) error {
	d := chartData{Page: p, Width: chartWidth, DayHeight: dayHeight, Sent: sent}
	max := 0
	for _, day := range p.Days {
		if day.Total > max {
			max = day.Total
		}
	}
	d.DayMax = max
	if n := len(p.Days); n > 0 {
		step := chartWidth / float64(n)
		every := int(math.Ceil(40 / step)) // a label needs about 40 pixels
		for i, day := range p.Days {
			sb := stackedBar{Key: day.Date, X: float64(i) * step}
			if i%every == 0 {
				sb.Label = day.Date[5:]
			}
			y := dayHeight
			for _, c := range p.Categories {
				v := day.ByCategory[c]
				if v == 0 {
					continue
				}
				h := dayHeight * float64(v) / float64(max)
				y -= h
				sb.Segments = append(sb.Segments, bar{X: sb.X + 1, Y: y, W: step - 2, H: h, Colour: colour(c),
					Tip: fmt.Sprintf("%s %s: %d", day.Date, c, v)})
			}
			d.DayBars = append(d.DayBars, sb)
		}
	}
	for i, c := range p.Categories {
		d.Legend = append(d.Legend, bar{X: float64(i) * 110, Colour: colour(c), Label: c})
	}
	d.DomainBars = hbars(p.Domains, func(r history.Row) (float64, string) { return float64(r.Events), fmt.Sprint(r.Events) }, "#1f77b4")
	var rated []history.Row
	for _, r := range p.Campaigns {
		if sent[r.Keys[0]] > 0 {
			rated = append(rated, r)
		} else {
			d.NoRate = append(d.NoRate, r)
		}
	}
	d.RateBars = hbars(rated, func(r history.Row) (float64, string) {
		rate := Rate(r, sent[r.Keys[0]])
		return rate, fmt.Sprintf("%.2f%% of %d", rate, sent[r.Keys[0]])
	}, "#ff7f0e")
	d.DeadBars = hbars(p.Dead, func(r history.Row) (float64, string) { return float64(r.Events), fmt.Sprint(r.Events) }, "#d62728")
	d.SenderBars = hbars(p.SenderSide, func(r history.Row) (float64, string) { return float64(r.Events), fmt.Sprint(r.Events) }, "#1f77b4")
	return pageTemplate().Execute(w, d)
}

// hbars lays out horizontal bars, one per row, scaled to the largest value.
func hbars(rows []history.Row, value func(history.Row) (float64, string), colour string) []bar {
	max := 0.0
	for _, r := range rows {
		if v, _ := value(r); v > max {
			max = v
		}
	}
	var out []bar
	for i, r := range rows {
		v, text := value(r)
		wdt := 0.0
		if max > 0 {
			wdt = (chartWidth - labelWidth - 120) * v / max
		}
		label := r.Keys[0]
		if label == "" {
			label = "(none)"
		}
		out = append(out, bar{X: labelWidth, Y: float64(i) * rowHeight, W: wdt, H: rowHeight - 4, Colour: colour,
			Label: label, Value: text, Tip: label + ": " + text})
	}
	return out
}

func colour(category string) string {
	if c, ok := palette[category]; ok {
		return c
	}
	return "#bcbd22"
}

// pageTemplate is parsed at first use, not at start-up: most runs of rebound draw no page.
var pageTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("page").Funcs(template.FuncMap{
		"height": func(bars []bar) float64 { return float64(len(bars))*rowHeight + 4 },
		"add":    func(a, b float64) float64 { return a + b },
		"date":   func(t time.Time) string { return t.UTC().Format(time.DateOnly) },
	}).Parse(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>rebound: bounces since {{date .Page.Since}}</title>
<style>
body{font-family:sans-serif;margin:2em;color:#222;background:#fff}
h1{font-size:1.4em} h2{font-size:1.1em;margin-top:2em}
svg text{font-size:12px;fill:#222}
table{border-collapse:collapse} td,th{padding:2px 8px;text-align:right} td:first-child,th:first-child{text-align:left}
.note{color:#666}
</style></head><body>
<h1>Bounces from {{date .Page.Since}} to {{date .Page.Until}}</h1>
<p id="totals">{{.Page.Total.Events}} events: {{.Page.Total.Hard}} dead (hard), {{.Page.Total.Soft}} soft, {{.Page.Total.Sender}} the sender's problems, {{.Page.Total.Complaint}} complaints, {{.Page.Total.Other}} other.</p>

<h2>Bounces per day, by category{{if .DayBars}} (highest day: {{.DayMax}}){{end}}</h2>
<svg class="chart" id="per-day" width="{{.Width}}" height="{{add .DayHeight 44}}" viewBox="0 0 {{.Width}} {{add .DayHeight 44}}" role="img">
{{range .DayBars}}<g class="bar" data-key="{{.Key}}">{{range .Segments}}<rect x="{{.X}}" y="{{.Y}}" width="{{.W}}" height="{{.H}}" fill="{{.Colour}}"><title>{{.Tip}}</title></rect>{{end}}</g>
{{if .Label}}<text class="day" x="{{.X}}" y="{{add $.DayHeight 14}}">{{.Label}}</text>{{end}}
{{end}}<line x1="0" y1="{{.DayHeight}}" x2="{{.Width}}" y2="{{.DayHeight}}" stroke="#999"/>
{{range .Legend}}<g class="legend"><rect x="{{.X}}" y="{{add $.DayHeight 24}}" width="12" height="12" fill="{{.Colour}}"/><text x="{{add .X 16}}" y="{{add $.DayHeight 35}}">{{.Label}}</text></g>{{end}}
</svg>

<h2>Top receiving domains</h2>
<div id="domains">{{template "hbars" .DomainBars}}</div>

<h2>Bounce rate per campaign</h2>
{{if .RateBars}}<div id="rates">{{template "hbars" .RateBars}}</div>{{else}}<p class="note">No sent counts given (--sent campaign=N or --sent-csv FILE).</p>{{end}}
{{if .NoRate}}<table id="campaigns-without-sent"><tr><th>campaign (sent count unknown)</th><th>events</th><th>hard</th><th>soft</th></tr>
{{range .NoRate}}<tr><td>{{with index .Keys 0}}{{.}}{{else}}(none){{end}}</td><td>{{.Events}}</td><td>{{.Hard}}</td><td>{{.Soft}}</td></tr>{{end}}</table>{{end}}

<h2>Dead addresses, by reason</h2>
<p class="note">Addresses reported hard: remove them from the list.</p>
<div id="dead">{{template "hbars" .DeadBars}}</div>

<h2>The sender's problems, by reason</h2>
<p class="note">Blocks, reputation, authentication: not held against the subscribers.</p>
<div id="sender">{{template "hbars" .SenderBars}}</div>
</body></html>
{{define "hbars"}}<svg class="chart" width="720" height="{{height .}}" viewBox="0 0 720 {{height .}}" role="img">
{{range .}}<g class="bar" data-key="{{.Label}}"><text x="0" y="{{add .Y 14}}">{{.Label}}</text><rect x="{{.X}}" y="{{.Y}}" width="{{.W}}" height="{{.H}}" fill="{{.Colour}}"><title>{{.Tip}}</title></rect><text x="{{add .X (add .W 6)}}" y="{{add .Y 14}}">{{.Value}}</text></g>
{{end}}</svg>{{end}}
`))
})
