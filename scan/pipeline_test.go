package scan_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/rebound/rebound/scan"
)

// TestWorkersKeepOrder: with messages parsed on several workers ahead of their handling, each
// message is still handled in the walk's order (the --json lines, the stages, commits and moves
// are those of one worker), --limit handles exactly N, and a stop in AfterQueue leaves every
// later message unmoved.
func TestWorkersKeepOrder(t *testing.T) {
	var msgs []string
	for i := 0; i < 40; i++ {
		msgs = append(msgs, dsnWithRecipients(i, 1+i%3))
	}
	runWith := func(workers int, cfg scan.Config) (log string, names []string, st scan.Stats, err error) {
		var l []string
		var out bytes.Buffer
		src := &fakeSource{msgs: msgs, log: &l}
		b := &fakeBatch{log: &l}
		cfg.Workers, cfg.JSON, cfg.BatchSize = workers, &out, 7
		cfg.NewBatch = func() scan.ReportBatch { return b }
		st, err = scan.Run(context.Background(), src, cfg)
		for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
			var v struct {
				Source string `json:"source"`
			}
			json.Unmarshal([]byte(line), &v)
			names = append(names, v.Source)
		}
		return strings.Join(l, ","), names, st, err
	}
	oneLog, oneNames, oneStats, err := runWith(1, scan.Config{})
	if err != nil {
		t.Fatal(err)
	}
	for i, n := range oneNames {
		if n != fmt.Sprintf("m%d", i) {
			t.Fatalf("one worker: line %d is %q", i, n)
		}
	}
	for _, workers := range []int{2, 4, 16} {
		log, names, st, err := runWith(workers, scan.Config{})
		if err != nil || log != oneLog || strings.Join(names, ",") != strings.Join(oneNames, ",") || st != oneStats {
			t.Errorf("%d workers: %v\nlog   %s\nwant  %s\nnames %v\nstats %+v, want %+v", workers, err, log, oneLog, names, st, oneStats)
		}
		if _, names, st, _ := runWith(workers, scan.Config{Limit: 9}); st.Scanned != 9 || len(names) != 9 {
			t.Errorf("%d workers, --limit 9: scanned %d, %d lines", workers, st.Scanned, len(names))
		}
		stop := errors.New("stop")
		log, _, _, err = runWith(workers, scan.Config{AfterQueue: func(queued int) error {
			if queued >= 14 {
				return stop
			}
			return nil
		}})
		if !errors.Is(err, stop) || strings.Count(log, "move") != 7 || strings.Contains(log, "move m7") {
			t.Errorf("%d workers, stopped after the second commit: %v, %s", workers, err, log)
		}
	}
}
