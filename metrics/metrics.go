// Package metrics keeps a Prometheus textfile-collector file (node_exporter's
// --collector.textfile.directory) up to date: each rebound run adds its counts to the counters
// the file holds and sets the gauges, under a lock, and replaces the file atomically, so that
// concurrent `rebound pipe` processes add up and the collector never reads half a file.
package metrics

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/rebound/rebound/internal/safefile"
)

// Run is what one run of rebound did.
type Run struct {
	Command string         // pipe, scan or flush
	Kinds   map[string]int // messages handled, by kind (bounce, delay, complaint, success, ...)
	Events  map[Event]int  // recipient events, by reason, category and the type reported
	// Reports by outcome: delivered to the receiver, queued in the outbox, held back by the
	// policy (not reported), failed (refused for good by the receiver).
	Delivered, Queued, Held, Failed int
	Outbox                          *Outbox // the outbox after the run; nil without one
}

// Event is the labels of one recipient event. Type is "none" for an event not reported.
type Event struct{ Reason, Category, Type string }

// Outbox is the state of the outbox.
type Outbox struct {
	Waiting, Failed int
	OldestAge       time.Duration // age of the oldest waiting report; 0 when none waits
}

// AddEvent counts one event.
func (r *Run) AddEvent(reason, category, typ string) {
	if r.Events == nil {
		r.Events = map[Event]int{}
	}
	if typ == "" {
		typ = "none"
	}
	r.Events[Event{reason, category, typ}]++
}

// AddKind counts one message.
func (r *Run) AddKind(kind string) {
	if r.Kinds == nil {
		r.Kinds = map[string]int{}
	}
	r.Kinds[kind]++
}

// family is one metric of the file.
type family struct {
	name, help, typ string
}

var families = []family{
	{"rebound_messages_total", "Messages handled, by command and kind.", "counter"},
	{"rebound_events_total", "Recipient events, by reason, category and the type reported (none: held back by the policy).", "counter"},
	{"rebound_reports_total", "Reports by result: delivered, queued, held (by the policy), failed (refused for good).", "counter"},
	{"rebound_outbox_waiting", "Reports waiting in the outbox.", "gauge"},
	{"rebound_outbox_failed", "Reports the receiver refused for good, kept in the outbox's failed folder.", "gauge"},
	{"rebound_outbox_oldest_age_seconds", "Age of the oldest report waiting in the outbox.", "gauge"},
	{"rebound_last_success_timestamp_seconds", "When a report was last delivered (Unix time).", "gauge"},
	{"rebound_last_run_timestamp_seconds", "When each command last ran (Unix time).", "gauge"},
}

// Write adds run to the file at path at time now: counters are summed with those the file
// holds, gauges replaced. Concurrent writers take turns on a lock file beside it.
func Write(path string, run Run, now time.Time) error {
	lock, err := os.OpenFile(path+".lock", os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return fmt.Errorf("metrics: %w", err)
	}
	defer lock.Close()
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX); err != nil {
		return fmt.Errorf("metrics: locking %s: %w", path, err)
	}
	defer syscall.Flock(int(lock.Fd()), syscall.LOCK_UN)

	series, err := read(path)
	if err != nil {
		return err
	}
	add := func(name string, v float64, labels ...string) {
		if v != 0 {
			series[key(name, labels...)] += v
		}
	}
	set := func(name string, v float64, labels ...string) { series[key(name, labels...)] = v }
	for kind, n := range run.Kinds {
		add("rebound_messages_total", float64(n), "command", run.Command, "kind", kind)
	}
	for ev, n := range run.Events {
		add("rebound_events_total", float64(n), "category", ev.Category, "reason", ev.Reason, "type", ev.Type)
	}
	for _, r := range []struct {
		result string
		n      int
	}{{"delivered", run.Delivered}, {"queued", run.Queued}, {"held", run.Held}, {"failed", run.Failed}} {
		k := key("rebound_reports_total", "result", r.result)
		series[k] += float64(r.n) // every result present, 0 included
	}
	if ob := run.Outbox; ob != nil {
		set("rebound_outbox_waiting", float64(ob.Waiting))
		set("rebound_outbox_failed", float64(ob.Failed))
		set("rebound_outbox_oldest_age_seconds", ob.OldestAge.Seconds())
	}
	if run.Delivered > 0 {
		set("rebound_last_success_timestamp_seconds", float64(now.Unix()))
	}
	set("rebound_last_run_timestamp_seconds", float64(now.Unix()), "command", run.Command)
	return write(path, series)
}

// key is a series' name and labels as the file writes them; labels come in name-value pairs,
// in the order given (alphabetical, as the file keeps them).
func key(name string, labels ...string) string {
	if len(labels) == 0 {
		return name
	}
	var b strings.Builder
	b.WriteString(name + "{")
	for i := 0; i+1 < len(labels); i += 2 {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(labels[i] + "=" + strconv.Quote(labels[i+1]))
	}
	b.WriteByte('}')
	return b.String()
}

// read returns the series of the file, by key; a missing file has none.
func read(path string) (map[string]float64, error) {
	series := map[string]float64{}
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return series, nil
	}
	if err != nil {
		return nil, fmt.Errorf("metrics: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		sp := strings.LastIndexByte(line, ' ')
		if sp < 0 {
			continue
		}
		v, err := strconv.ParseFloat(line[sp+1:], 64)
		if err != nil {
			continue // not ours: dropped rather than stop counting
		}
		series[line[:sp]] = v
	}
	return series, sc.Err()
}

// write replaces the file with series, grouped by family, atomically.
func write(path string, series map[string]float64) error {
	keys := make([]string, 0, len(series))
	for k := range series {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, fam := range families {
		first := true
		for _, k := range keys {
			if k != fam.name && !strings.HasPrefix(k, fam.name+"{") {
				continue
			}
			if first {
				fmt.Fprintf(&b, "# HELP %s %s\n# TYPE %s %s\n", fam.name, fam.help, fam.name, fam.typ)
				first = false
			}
			fmt.Fprintf(&b, "%s %s\n", k, strconv.FormatFloat(series[k], 'f', -1, 64))
		}
	}
	if err := safefile.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("metrics: %w", err)
	}
	return nil
}
