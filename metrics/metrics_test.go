package metrics

import (
	"path/filepath"
	"sync"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"

	"github.com/rebound/rebound/internal/testmta"
)

var (
	Parse = testmta.ParseProm
	Value = testmta.PromValue
)

func TestWriteAddsCountersAndSetsGauges(t *testing.T) {
	path := filepath.Join(t.TempDir(), "rebound.prom")
	now := time.Unix(1_800_000_000, 0)
	run := Run{Command: "pipe", Delivered: 1, Held: 1}
	run.AddKind("bounce")
	run.AddEvent("mailboxfull", "recipient", "soft")
	run.AddEvent("blocked", "antispam", "")
	run.Outbox = &Outbox{Waiting: 2, Failed: 1, OldestAge: 90 * time.Second}
	if err := Write(path, run, now); err != nil {
		t.Fatal(err)
	}
	run2 := Run{Command: "pipe", Queued: 1}
	run2.AddKind("bounce")
	run2.AddEvent("mailboxfull", "recipient", "soft")
	run2.Outbox = &Outbox{Waiting: 1}
	if err := Write(path, run2, now.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	fams := Parse(t, path)
	tests := []struct {
		name   string
		labels map[string]string
		want   float64
	}{
		{"rebound_messages_total", map[string]string{"command": "pipe", "kind": "bounce"}, 2},
		{"rebound_events_total", map[string]string{"reason": "mailboxfull", "category": "recipient", "type": "soft"}, 2},
		{"rebound_events_total", map[string]string{"reason": "blocked", "category": "antispam", "type": "none"}, 1},
		{"rebound_reports_total", map[string]string{"result": "delivered"}, 1},
		{"rebound_reports_total", map[string]string{"result": "queued"}, 1},
		{"rebound_reports_total", map[string]string{"result": "held"}, 1},
		{"rebound_reports_total", map[string]string{"result": "failed"}, 0},
		{"rebound_outbox_waiting", nil, 1}, // the last run's
		{"rebound_outbox_failed", nil, 0},
		{"rebound_outbox_oldest_age_seconds", nil, 0},
		{"rebound_last_success_timestamp_seconds", nil, 1_800_000_000}, // the second run delivered nothing
		{"rebound_last_run_timestamp_seconds", map[string]string{"command": "pipe"}, 1_800_000_060},
	}
	for _, tt := range tests {
		got, ok := Value(fams, tt.name, tt.labels)
		if !ok || got != tt.want {
			t.Errorf("%s%v = %v (found %v), want %v", tt.name, tt.labels, got, ok, tt.want)
		}
	}
	if fams["rebound_messages_total"].GetType() != dto.MetricType_COUNTER || fams["rebound_outbox_waiting"].GetType() != dto.MetricType_GAUGE {
		t.Error("metric types not declared")
	}
}

// TestConcurrentWritersAddUp: writers that run at once (pipes started together) lose no count.
func TestConcurrentWritersAddUp(t *testing.T) {
	path := filepath.Join(t.TempDir(), "rebound.prom")
	const n = 20
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			run := Run{Command: "pipe", Queued: 1}
			run.AddKind("bounce")
			if err := Write(path, run, time.Now()); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	fams := Parse(t, path)
	if v, _ := Value(fams, "rebound_messages_total", map[string]string{"kind": "bounce"}); v != n {
		t.Errorf("messages = %v, want %d", v, n)
	}
	if v, _ := Value(fams, "rebound_reports_total", map[string]string{"result": "queued"}); v != n {
		t.Errorf("queued = %v, want %d", v, n)
	}
}
