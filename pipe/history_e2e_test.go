package pipe_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rebound/rebound/feedback"
	"github.com/rebound/rebound/internal/testmta"
)

// runOut runs rebound and returns its exit status, standard output and standard error.
func runOut(t *testing.T, stdin []byte, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(reboundBin, args...)
	cmd.Stdin = bytes.NewReader(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return exit.ExitCode(), stdout.String(), stderr.String()
	}
	if err != nil {
		t.Fatal(err)
	}
	return 0, stdout.String(), stderr.String()
}

// historyConfig writes a configuration that reports on stdout and keeps the history given.
func historyConfig(t *testing.T, history string) string {
	t.Helper()
	config := filepath.Join(t.TempDir(), "rebound.yaml")
	body := fmt.Sprintf("report-url: \"-\"\nhistory: %q\npolicy:\n  expired: strikes 2 within 10d\n", history)
	if err := os.WriteFile(config, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return config
}

// pipeReports pipes msg through rebound and returns the reports it printed.
func pipeReports(t *testing.T, config string, msg []byte) []feedback.Report {
	t.Helper()
	code, stdout, stderr := runOut(t, msg, "--config", config, "pipe")
	if code != 0 {
		t.Fatalf("pipe: exit %d: %s", code, stderr)
	}
	var out []feedback.Report
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
		if line == "" {
			continue
		}
		var r feedback.Report
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("report %q: %v", line, err)
		}
		out = append(out, r)
	}
	return out
}

var nov1 = time.Date(2026, 11, 1, 9, 30, 0, 0, time.UTC)

// TestPipeHistoryPolicy: three mailbox-full bounces three days apart are reported soft, soft,
// hard (with the count and the first date); a user unknown is hard at once (dated by its
// Arrival-Date); a block of the
// sender's IP is recorded but not reported; the same bounce twice is one event; suppressions and
// stats agree with the events.
func TestPipeHistoryPolicy(t *testing.T) {
	pipePolicyScenario(t, filepath.Join(t.TempDir(), "history.db"))
}

// TestPipeHistoryPolicyPostgres: the same through a history in a real PostgreSQL.
func TestPipeHistoryPolicyPostgres(t *testing.T) {
	pipePolicyScenario(t, testmta.StartPostgres(t).URL)
}

func pipePolicyScenario(t *testing.T, hist string) {
	config := historyConfig(t, hist)

	var types []string
	for i := 0; i < 3; i++ {
		msg := testmta.Redated(t, "..", "examples/exim-mailbox-full.eml", fmt.Sprintf("full-%d@mx1.example.org", i), nov1.AddDate(0, 0, 3*i))
		reps := pipeReports(t, config, msg)
		if len(reps) != 1 || reps[0].Email != "carol@example.net" || reps[0].Reason != "mailboxfull" {
			t.Fatalf("bounce %d: reports %+v", i, reps)
		}
		types = append(types, reps[0].Type)
		if reps[0].Strikes != i+1 || reps[0].FirstSeen != "2026-11-01T09:30:00Z" {
			t.Errorf("bounce %d: strikes %d first_seen %q, want %d and 2026-11-01T09:30:00Z", i, reps[0].Strikes, reps[0].FirstSeen, i+1)
		}
	}
	if got := strings.Join(types, " "); got != "soft soft hard" {
		t.Errorf("three mailbox-full bounces: %s, want soft soft hard", got)
	}
	// The first bounce again (the MTA delivered it twice): the same decision, no new event.
	again := pipeReports(t, config, testmta.Redated(t, "..", "examples/exim-mailbox-full.eml", "full-0@mx1.example.org", nov1))
	if len(again) != 1 || again[0].Type != "soft" || again[0].Strikes != 1 {
		t.Errorf("the first bounce again: %+v, want soft with 1 strike", again)
	}

	unknown := pipeReports(t, config, testmta.Redated(t, "..", "examples/postfix-user-unknown.eml", "unknown@mx.test.example", nov1))
	if len(unknown) != 1 || unknown[0].Type != "hard" || unknown[0].Email != "nouser@remote.test" {
		t.Errorf("user unknown: %+v, want one hard report", unknown)
	}
	if blocked := pipeReports(t, config, testmta.Redated(t, "..", "real/exim-remote-554-blocklist.eml", "block@mx.exim.test", nov1)); len(blocked) != 0 {
		t.Errorf("IP block reported against the subscriber: %+v", blocked)
	}

	code, stdout, stderr := runOut(t, nil, "--config", config, "suppressions", "--format", "csv")
	if code != 0 {
		t.Fatalf("suppressions: exit %d: %s", code, stderr)
	}
	want := "address,reason,date\ncarol@example.net,mailboxfull,2026-11-07T09:30:00Z\nnouser@remote.test,userunknown,2026-11-22T14:26:18Z\n"
	if stdout != want {
		t.Errorf("suppressions:\n%s\nwant:\n%s", stdout, want)
	}

	code, stdout, stderr = runOut(t, nil, "--config", config, "stats", "--since", "3650d", "--by", "reason")
	if code != 0 {
		t.Fatalf("stats: exit %d: %s", code, stderr)
	}
	for _, line := range []string{
		"mailboxfull  3  1  2  0  0  0",
		"userunknown  1  1  0  0  0  0",
		"blocked  1  0  0  1  0  0",
		"total  5  2  2  1  0  0",
	} {
		if !strings.Contains(squeeze(stdout), line) {
			t.Errorf("stats lack %q:\n%s", line, stdout)
		}
	}

	page := filepath.Join(t.TempDir(), "stats.html")
	code, stdout, stderr = runOut(t, nil, "--config", config, "stats", "--since", "3650d", "--by", "campaign", "--sent", "nov-2026=100", "--html", page)
	if code != 0 {
		t.Fatalf("stats --by campaign: exit %d: %s", code, stderr)
	}
	// nov-2026: the three full mailboxes and the block; camp-7: the user unknown.
	for _, line := range []string{"nov-2026  4  1  2  1  0  0  100  3.00%", "camp-7  1  1  0  0  0  0  -  -"} {
		if !strings.Contains(squeeze(stdout), line) {
			t.Errorf("stats by campaign lack %q:\n%s", line, stdout)
		}
	}
	if html, err := os.ReadFile(page); err != nil || !strings.Contains(string(html), `<svg class="chart" id="per-day"`) {
		t.Errorf("stats --html wrote no day chart: %v", err)
	}

	if code, _, stderr := runOut(t, nil, "--config", config, "suppressions", "remove", "carol@example.net"); code != 0 {
		t.Fatalf("suppressions remove: exit %d: %s", code, stderr)
	}
	_, stdout, _ = runOut(t, nil, "--config", config, "suppressions")
	if strings.Contains(stdout, "carol@") || !strings.Contains(stdout, "nouser@remote.test") {
		t.Errorf("after remove:\n%s", stdout)
	}
	// Her strikes are gone with it: a new full mailbox is a first strike.
	later := pipeReports(t, config, testmta.Redated(t, "..", "examples/exim-mailbox-full.eml", "full-later@mx1.example.org", time.Now().Add(time.Hour)))
	if len(later) != 1 || later[0].Type != "soft" || later[0].Strikes != 1 {
		t.Errorf("after remove: %+v, want soft with 1 strike", later)
	}
}

// squeeze collapses runs of spaces to two, so that table lines compare whatever their widths.
func squeeze(s string) string {
	var b strings.Builder
	for _, line := range strings.Split(s, "\n") {
		b.WriteString(strings.Join(strings.Fields(line), "  ") + "\n")
	}
	return b.String()
}

// TestPipeHistoryConcurrent: 20 rebound pipe processes at once write one SQLite history; every
// event is kept and none fails on a locked database.
func TestPipeHistoryConcurrent(t *testing.T) {
	concurrentPipes(t, historyConfig(t, filepath.Join(t.TempDir(), "history.db")))
}

// TestPipeHistoryConcurrentPostgres: the same with a history in a real PostgreSQL.
func TestPipeHistoryConcurrentPostgres(t *testing.T) {
	concurrentPipes(t, historyConfig(t, testmta.StartPostgres(t).URL))
}

// concurrentPipes pipes 20 bounces at once, for 5 addresses, and checks the history's count.
func concurrentPipes(t *testing.T, config string) {
	const n = 20
	var wg sync.WaitGroup
	errs := make(chan string, n)
	for i := 0; i < n; i++ {
		msg := testmta.Redated(t, "..", "examples/exim-mailbox-full.eml", fmt.Sprintf("c%d@mx1.example.org", i), nov1.Add(time.Duration(i)*time.Hour))
		msg = bytes.ReplaceAll(msg, []byte("carol@example.net"), []byte(fmt.Sprintf("carol%d@example.net", i%5)))
		wg.Add(1)
		go func() {
			defer wg.Done()
			code, _, stderr := runOut(t, msg, "--config", config, "pipe")
			if code != 0 || strings.Contains(stderr, "locked") {
				errs <- fmt.Sprintf("exit %d: %s", code, stderr)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	code, stdout, stderr := runOut(t, nil, "--config", config, "stats", "--since", "3650d", "--by", "reason")
	if code != 0 {
		t.Fatalf("stats: exit %d: %s", code, stderr)
	}
	// Each address had 4 full-mailbox bounces within a day: soft, soft, hard, hard.
	if want := "mailboxfull  20  10  10  0  0  0"; !strings.Contains(squeeze(stdout), want) {
		t.Errorf("stats lack %q:\n%s", want, stdout)
	}
}
