package main

import (
	"context"
	"log/slog"
	"time"

	"github.com/rebound/rebound/dsn"
	"github.com/rebound/rebound/feedback"
	"github.com/rebound/rebound/metrics"
	"github.com/rebound/rebound/outbox"
)

// MetricsOptions name the Prometheus textfile that pipe, scan and flush keep up to date.
type MetricsOptions struct {
	MetricsFile string `name:"metrics-file" placeholder:"PATH" help:"Prometheus textfile-collector file (e.g. /var/lib/prometheus/node-exporter/rebound.prom) rewritten after each run: counters by kind, reason and category, reports delivered/queued/held/failed, outbox depth and age."`
}

// observe returns a decider that counts, into the returned run, the messages and recipient
// events passing through inner (which may be nil: reports then pass as built). Without
// --metrics-file it returns inner and no run.
func (o *MetricsOptions) observe(inner feedback.Decider, command string) (feedback.Decider, *metrics.Run) {
	if o.MetricsFile == "" {
		return inner, nil
	}
	run := &metrics.Run{Command: command}
	return &countingDecider{inner: inner, run: run}, run
}

// countingDecider counts what a decider lets through and what it holds back.
type countingDecider struct {
	inner feedback.Decider
	run   *metrics.Run
}

func (d *countingDecider) Decide(ctx context.Context, rep *dsn.Report, reports []feedback.Report) ([]feedback.Report, error) {
	out := reports
	if d.inner != nil {
		var err error
		if out, err = d.inner.Decide(ctx, rep, reports); err != nil {
			return nil, err
		}
	}
	d.run.AddKind(string(rep.Kind))
	sent := make(map[string]bool, len(out))
	for _, r := range out {
		sent[r.ID] = true
		d.run.AddEvent(string(r.Reason), string(r.Category), r.Type)
	}
	for _, r := range reports {
		if !sent[r.ID] {
			d.run.AddEvent(string(r.Reason), string(r.Category), "")
			d.run.Held++
		}
	}
	return out, nil
}

// finish writes the run to the metrics file, with what the reporter and the flush did and the
// outbox's state. A failure is logged: metrics never fail a run.
func (o *MetricsOptions) finish(run *metrics.Run, rep *outbox.Reporter, flushed outbox.Stats) {
	if o.MetricsFile == "" || run == nil {
		return
	}
	run.Delivered += flushed.Delivered
	run.Failed += flushed.Rejected
	if rep != nil {
		run.Queued += rep.Counts.Queued
		run.Delivered += rep.Counts.Sent
		run.Failed += rep.Counts.Refused
		if rep.Outbox != nil {
			run.Outbox = outboxState(rep.Outbox)
		}
	}
	if err := metrics.Write(o.MetricsFile, *run, time.Now()); err != nil {
		slog.Warn("metrics file not written", "path", o.MetricsFile, "err", err)
	}
}

// outboxState counts the outbox's waiting and failed reports and the age of the oldest waiting.
func outboxState(ob *outbox.Outbox) *metrics.Outbox {
	items, err := ob.List()
	if err != nil {
		slog.Warn("metrics: outbox unreadable", "err", err)
		return nil
	}
	now := time.Now()
	st := &metrics.Outbox{}
	for _, it := range items {
		if it.State == outbox.StateFailed {
			st.Failed++
			continue
		}
		st.Waiting++
		if age := it.Age(now); age > st.OldestAge {
			st.OldestAge = age
		}
	}
	return st
}
