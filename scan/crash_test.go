package scan_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/rebound/rebound/dsn"
	"github.com/rebound/rebound/feedback"
	"github.com/rebound/rebound/internal/testmta"
)

// TestScanMaildirKilledMidBatch kills `rebound scan` with SIGKILL at random moments while it
// stages, syncs and moves batches of bounces (group commit), and checks after every kill that
// each bounce is either still in its folder, or in the backup folder with every one of its
// reports whole in the outbox; the scan run once more without a kill ends with every bounce
// moved and every report queued once.
func TestScanMaildirKilledMidBatch(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Maildir")
	for _, sub := range []string{"new", "cur", "tmp"} {
		os.MkdirAll(filepath.Join(dir, sub), 0o700)
	}
	sample := corpusSample(t, 60)
	const n = 300 // two batches of at most 256
	reportIDs := map[string][]string{}
	kinds := map[string]dsn.Kind{}
	movers := 0 // bounces, delays and complaints: the messages a scan moves
	for i := 0; i < n; i++ {
		name := fmt.Sprintf("%d.M%d.killtest", i, i)
		msg := append([]byte(fmt.Sprintf("Message-ID: <kill-%d@kill.test>\n", i)), sample[i%len(sample)]...)
		os.WriteFile(filepath.Join(dir, "new", name), msg, 0o600)
		rep, err := dsn.Parse(bytes.NewReader(msg), &dsn.Options{})
		if err != nil {
			t.Fatal(err)
		}
		kinds[name] = rep.Kind
		switch rep.Kind {
		case dsn.KindBounce, dsn.KindDelay, dsn.KindComplaint:
			movers++
		}
		reportIDs[name] = []string{}
		for _, r := range feedback.Build(rep, feedback.BuildOptions{}) {
			reportIDs[name] = append(reportIDs[name], r.ID)
		}
	}
	outbox := filepath.Join(t.TempDir(), "outbox")
	args := []string{"scan", "maildir", dir, "--report-url", "http://127.0.0.1:1/down", "--outbox", outbox, "--no-flush", "--no-progress"}
	backup := filepath.Join(dir, ".Bounces.Processed", "new")

	check := func(when string) (moved int) {
		t.Helper()
		queued := queuedReports(t, outbox)
		for name, ids := range reportIDs {
			_, errSrc := os.Stat(filepath.Join(dir, "new", name))
			_, errBak := os.Stat(filepath.Join(backup, name))
			switch {
			case errSrc == nil && errBak == nil:
				t.Fatalf("%s: %s is in both folders", when, name)
			case errSrc != nil && errBak != nil:
				t.Fatalf("%s: %s is lost", when, name)
			case errBak == nil:
				moved++
				for _, id := range ids {
					if r, ok := queued[id]; !ok || r.ID != id || r.Email == "" {
						t.Fatalf("%s: %s moved but its report %s is not queued whole", when, name, id)
					}
				}
			}
		}
		return moved
	}

	// Each run is killed at a chosen step of a batch, in turn: while reports are staged (at a
	// random moment of the run), while their batch file is written into new/, while the
	// messages are moved.
	count := func(d string) int { es, _ := os.ReadDir(d); return len(es) }
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 2))
	var started time.Time
	steps := []struct {
		name string
		hit  func(queued0, moved0 int) bool
	}{
		{"staging", func(int, int) bool { return time.Since(started) > time.Duration(rng.IntN(300))*time.Millisecond }},
		{"committing", func(queued0, _ int) bool { return count(filepath.Join(outbox, "new")) > queued0 }},
		{"moving", func(_, moved0 int) bool { return count(backup) > moved0 }},
	}
	for kill := 0; kill < 9; kill++ {
		step := steps[kill%len(steps)]
		queued0, moved0 := count(filepath.Join(outbox, "new")), count(backup)
		cmd := exec.Command(reboundBin, args...)
		started = time.Now()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		killed := false
	wait:
		for {
			select {
			case err := <-done:
				if err != nil {
					t.Fatalf("scan ended with %v before a kill", err)
				}
				break wait
			case <-time.After(time.Millisecond):
				if step.hit(queued0, moved0) {
					cmd.Process.Kill()
					<-done
					killed = true
					break wait
				}
			}
		}
		moved := check(fmt.Sprintf("after a kill while %s", step.name))
		t.Logf("killed while %s: %v; %d of %d moved", step.name, killed, moved, movers)
		if moved == movers {
			break
		}
	}
	if code, stderr := run(t, nil, args...); code != 0 {
		t.Fatalf("final scan: exit %d: %s", code, stderr)
	}
	if moved := check("at the end"); moved != movers {
		t.Errorf("%d of %d bounces moved", moved, movers)
		left, _ := filepath.Glob(filepath.Join(dir, "new", "*"))
		for _, l := range left {
			t.Logf("left: %s %s", filepath.Base(l), kinds[filepath.Base(l)])
		}
	}
	// The flush delivers every report of every moved bounce, and each id once.
	hook := testmta.NewWebhook(t)
	if code, stderr := run(t, nil, "flush", "--report-url", hook.URL(), "--outbox", outbox); code != 0 {
		t.Fatalf("flush: exit %d: %s", code, stderr)
	}
	got := map[string]bool{}
	for _, r := range hook.Reports() {
		got[r.ID] = true
	}
	want := 0
	for _, ids := range reportIDs {
		for _, id := range ids {
			want++
			if !got[id] {
				t.Errorf("report %s never delivered", id)
			}
		}
	}
	if hook.Duplicates() != 0 || hook.Posts() != want {
		t.Errorf("%d posts, %d duplicates for %d reports", hook.Posts(), hook.Duplicates(), want)
	}
	if left := queuedReports(t, outbox); len(left) != 0 {
		t.Errorf("%d reports still queued after the flush", len(left))
	}
	// What the killed runs had staged and not committed was removed by the next run.
	if left, _ := filepath.Glob(filepath.Join(outbox, "tmp", "*")); len(left) > 0 {
		t.Errorf("%d staged reports left in tmp/", len(left))
	}
}
