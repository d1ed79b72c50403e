package nosource

import (
	"bytes"
	"context"
	"log/slog"
	"testing"
)

// recorder keeps the records it is given.
type recorder struct {
	slog.Handler
	records []slog.Record
}

func (h *recorder) Handle(ctx context.Context, r slog.Record) error {
	h.records = append(h.records, r)
	return h.Handler.Handle(ctx, r)
}

// use makes h the default logger for the test.
func use(t *testing.T, h slog.Handler) {
	saved := slog.Default()
	slog.SetDefault(slog.New(h))
	t.Cleanup(func() { slog.SetDefault(saved) })
}

// TestInfoAsSlog checks that Info writes what slog.Info writes, through the same handler, and
// that its record has no program counter where slog.Info's has one.
func TestInfoAsSlog(t *testing.T) {
	var out bytes.Buffer
	noTime := func(_ []string, a slog.Attr) slog.Attr {
		if a.Key == slog.TimeKey {
			return slog.Attr{}
		}
		return a
	}
	rec := &recorder{Handler: slog.NewTextHandler(&out, &slog.HandlerOptions{ReplaceAttr: noTime})}
	use(t, rec)
	args := []any{"campaign", "c-1", "id", "5f0c", slog.Int("n", 2), "odd"}
	slog.Info("userunknown hard a@example.com", args...)
	want := out.String()
	out.Reset()
	Info("userunknown hard a@example.com", args...)
	if got := out.String(); got != want || got == "" {
		t.Errorf("Info wrote %q, slog.Info %q", got, want)
	}
	if len(rec.records) != 2 || rec.records[0].PC == 0 || rec.records[1].PC != 0 {
		t.Errorf("program counters: slog.Info's and Info's records are %v", rec.records)
	}
}

// TestInfoBelowLevel checks that Info writes nothing when the logger's level is above Info.
func TestInfoBelowLevel(t *testing.T) {
	var out bytes.Buffer
	use(t, slog.NewTextHandler(&out, &slog.HandlerOptions{Level: slog.LevelWarn}))
	Info("not written", "k", "v")
	if out.Len() != 0 {
		t.Errorf("Info wrote %q at level WARN", out.String())
	}
}
