// Package stats counts the bounces of a history for people: a table by one grouping, and one
// self-contained HTML page of charts (inline SVG, no script or font from elsewhere).
package stats

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/rebound/rebound/history"
)

// Groupings are the values --by takes.
var Groupings = []string{"reason", "category", "domain", "campaign", "day"}

// ParseSince reads a --since value: N days ("30d", or a bare "30"), hours ("12h") or weeks
// ("2w").
func ParseSince(s string, now time.Time) (time.Time, error) {
	s = strings.TrimSpace(strings.ToLower(s))
	unit := 24 * time.Hour
	switch {
	case strings.HasSuffix(s, "d"):
		s = s[:len(s)-1]
	case strings.HasSuffix(s, "h"):
		s, unit = s[:len(s)-1], time.Hour
	case strings.HasSuffix(s, "w"):
		s, unit = s[:len(s)-1], 7*24*time.Hour
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return time.Time{}, fmt.Errorf("--since: want a number of days such as 30d (or 12h, 2w)")
	}
	return now.Add(-time.Duration(n) * unit), nil
}

// Sent is how many messages each campaign sent, when known.
type Sent map[string]int

// Set reads one --sent value, CAMPAIGN=N.
func (s Sent) Set(kv string) error {
	k, v, ok := strings.Cut(kv, "=")
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if !ok || err != nil || n < 0 {
		return fmt.Errorf("--sent %q: want CAMPAIGN=N, N a number of messages", kv)
	}
	s[strings.TrimSpace(k)] = n
	return nil
}

// ReadSentCSV reads campaign sent counts from a CSV: columns named campaign and sent (any
// order, other columns ignored), or, without such a header, campaign then count.
func ReadSentCSV(path string, into Sent) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("sent counts: %w", err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		return fmt.Errorf("sent counts %s: %w", path, err)
	}
	campaignCol, sentCol := 0, 1
	if len(recs) > 0 {
		for i, h := range recs[0] {
			switch strings.ToLower(strings.TrimSpace(h)) {
			case "campaign":
				campaignCol = i
			case "sent":
				sentCol = i
			}
		}
		if _, err := strconv.Atoi(strings.TrimSpace(at(recs[0], sentCol))); err != nil {
			recs = recs[1:] // a header
		}
	}
	for i, rec := range recs {
		n, err := strconv.Atoi(strings.TrimSpace(at(rec, sentCol)))
		if err != nil {
			return fmt.Errorf("sent counts %s: record %d: bad count %q", path, i+1, at(rec, sentCol))
		}
		into[strings.TrimSpace(at(rec, campaignCol))] = n
	}
	return nil
}

func at(rec []string, i int) string {
	if i < len(rec) {
		return rec[i]
	}
	return ""
}

// SortRows orders rows for a table: days and campaigns in order, other groupings biggest first.
func SortRows(rows []history.Row, by string) {
	sort.SliceStable(rows, func(i, j int) bool {
		if by == "day" {
			return rows[i].Keys[0] < rows[j].Keys[0]
		}
		if rows[i].Events != rows[j].Events {
			return rows[i].Events > rows[j].Events
		}
		return strings.Join(rows[i].Keys, "\x00") < strings.Join(rows[j].Keys, "\x00")
	})
}

// WriteTable prints rows grouped by by, with a total line; by campaign with sent counts it adds
// the sent count and the bounce rate (hard and soft bounces over messages sent).
func WriteTable(w io.Writer, by string, rows []history.Row, sent Sent) error {
	SortRows(rows, by)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	withSent := by == "campaign" && len(sent) > 0
	head := strings.ToUpper(by) + "\tEVENTS\tHARD\tSOFT\tSENDER\tCOMPLAINT\tOTHER\t"
	if withSent {
		head += "SENT\tRATE\t"
	}
	fmt.Fprintln(tw, head)
	var total history.Row
	for _, r := range rows {
		key := r.Keys[0]
		if key == "" {
			key = "-"
		}
		line := fmt.Sprintf("%s\t%d\t%d\t%d\t%d\t%d\t%d\t", key, r.Events, r.Hard, r.Soft, r.Sender, r.Complaint, r.Other)
		if withSent {
			line += sentCells(r, sent[r.Keys[0]])
		}
		fmt.Fprintln(tw, line)
		total.Events += r.Events
		total.Hard += r.Hard
		total.Soft += r.Soft
		total.Sender += r.Sender
		total.Complaint += r.Complaint
		total.Other += r.Other
	}
	fmt.Fprintf(tw, "total\t%d\t%d\t%d\t%d\t%d\t%d\t\n", total.Events, total.Hard, total.Soft, total.Sender, total.Complaint, total.Other)
	return tw.Flush()
}

func sentCells(r history.Row, sent int) string {
	if sent <= 0 {
		return "-\t-\t"
	}
	return fmt.Sprintf("%d\t%.2f%%\t", sent, Rate(r, sent))
}

// Rate is a campaign's bounce rate in percent: its hard and soft bounces over messages sent.
func Rate(r history.Row, sent int) float64 {
	if sent <= 0 {
		return 0
	}
	return 100 * float64(r.Hard+r.Soft) / float64(sent)
}
