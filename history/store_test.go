package history

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/rebound/rebound/policy"
)

func openSQLite(t testing.TB) Store {
	t.Helper()
	st, err := OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "history.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestSQLiteStore(t *testing.T) { testStore(t, openSQLite(t)) }

var threeStrikes = policy.Rule{Action: policy.Strikes, Strikes: 3, Within: 30 * 24 * time.Hour}

func day(n int) time.Time { return time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC).AddDate(0, 0, n) }

func strike(id, address string, at time.Time) Event {
	return Event{ID: id, At: at, Address: address, Domain: domainOf(address), Kind: "bounce", Reason: "mailboxfull",
		Category: "recipient", Status: "5.2.2", Action: policy.Strikes, Type: "soft", Source: "test"}
}

// testStore is what every store must do; the PostgreSQL test runs it too.
func testStore(t *testing.T, st Store) {
	ctx := context.Background()
	record := func(ev Event, rule policy.Rule) Event {
		t.Helper()
		got, err := st.Record(ctx, ev, rule)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}

	t.Run("strikes in order", func(t *testing.T) {
		var types []string
		for i, id := range []string{"a1", "a2", "a3"} {
			ev := record(strike(id, "a@x.test", day(3*i)), threeStrikes)
			types = append(types, ev.Type)
			if ev.Strikes != i+1 || !ev.FirstSeen.Equal(day(0)) {
				t.Errorf("%s: strikes %d first %v, want %d and %v", id, ev.Strikes, ev.FirstSeen, i+1, day(0))
			}
		}
		if want := "soft soft hard"; join(types) != want {
			t.Errorf("types %q, want %q", join(types), want)
		}
	})
	t.Run("strikes out of order", func(t *testing.T) {
		var types []string
		for _, d := range []int{6, 0, 3} {
			types = append(types, record(strike("b"+time.Duration(d).String(), "b@x.test", day(d)), threeStrikes).Type)
		}
		if want := "soft soft hard"; join(types) != want {
			t.Errorf("types %q, want %q", join(types), want)
		}
	})
	t.Run("strikes too far apart", func(t *testing.T) {
		var types []string
		for _, d := range []int{40, 0, 20} { // no 30 days hold all three
			types = append(types, record(strike("c"+time.Duration(d).String(), "c@x.test", day(d)), threeStrikes).Type)
		}
		if want := "soft soft soft"; join(types) != want {
			t.Errorf("types %q, want %q", join(types), want)
		}
	})
	t.Run("same bounce twice is one event", func(t *testing.T) {
		first := record(strike("d1", "d@x.test", day(0)), threeStrikes)
		again := record(strike("d1", "d@x.test", day(0)), threeStrikes)
		if again != first {
			t.Errorf("second record %+v, want the first %+v", again, first)
		}
		if ev := record(strike("d2", "d@x.test", day(1)), threeStrikes); ev.Strikes != 2 {
			t.Errorf("strikes after a duplicate = %d, want 2", ev.Strikes)
		}
	})
	t.Run("clear forgets strikes and death", func(t *testing.T) {
		record(strike("e1", "e@x.test", day(0)), threeStrikes)
		record(strike("e2", "e@x.test", day(1)), threeStrikes)
		if err := st.Clear(ctx, "E@x.test", day(1)); err != nil {
			t.Fatal(err)
		}
		if ev := record(strike("e3", "e@x.test", day(2)), threeStrikes); ev.Type != "soft" || ev.Strikes != 1 {
			t.Errorf("after clear: %s with %d strikes, want soft with 1", ev.Type, ev.Strikes)
		}
	})

	dead := Event{ID: "f1", At: day(5), Address: "f@y.test", Domain: "y.test", Kind: "bounce", Reason: "userunknown",
		Category: "recipient", Status: "5.1.1", Action: policy.Dead, Type: "hard", Campaign: "c1", Source: "test"}
	record(dead, policy.Rule{Action: policy.Dead})
	blocked := Event{ID: "g1", At: day(5), Address: "g@y.test", Domain: "y.test", Kind: "bounce", Reason: "blocked",
		Category: "antispam", Status: "5.7.1", Action: policy.Sender, Type: "", Campaign: "c1", Source: "test"}
	record(blocked, policy.Rule{Action: policy.Sender})

	sup, err := st.Suppressions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range sup {
		got = append(got, s.Address+" "+s.Reason)
	}
	if want := "a@x.test mailboxfull b@x.test mailboxfull f@y.test userunknown"; join(got) != want {
		t.Errorf("suppressions %q, want %q", join(got), want)
	}
	if err := st.Clear(ctx, "a@x.test", day(100)); err != nil {
		t.Fatal(err)
	}
	if sup, _ := st.Suppressions(ctx); len(sup) != 2 {
		t.Errorf("after clearing a@x.test: %d suppressions, want 2", len(sup))
	}

	rows, err := st.Count(ctx, day(-1), "reason")
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]Row{}
	for _, r := range rows {
		counts[r.Keys[0]] = r
	}
	// 3 + 3 + 3 + 2 + 3 strikes; one dead; one block.
	if r := counts["mailboxfull"]; r.Events != 14 || r.Hard != 2 || r.Soft != 12 {
		t.Errorf("mailboxfull: %+v, want 14 events, 2 hard, 12 soft", r)
	}
	if r := counts["userunknown"]; r.Events != 1 || r.Hard != 1 {
		t.Errorf("userunknown: %+v", r)
	}
	if r := counts["blocked"]; r.Events != 1 || r.Sender != 1 || r.Hard+r.Soft != 0 {
		t.Errorf("blocked: %+v", r)
	}
	byDay, err := st.Count(ctx, day(5).Add(-time.Hour), "day", "domain")
	if err != nil {
		t.Fatal(err)
	}
	if len(byDay) != 4 || byDay[0].Keys[0] != "2026-11-06" || byDay[0].Keys[1] != "y.test" || byDay[0].Events != 2 {
		t.Errorf("by day and domain since day 5: %+v", byDay)
	}
	if _, err := st.Count(ctx, day(0), "address; DROP TABLE events"); err == nil {
		t.Error("Count accepted an unknown grouping")
	}
}

func join(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += " "
		}
		out += x
	}
	return out
}

func TestBestWindow(t *testing.T) {
	const d = 86400
	tests := []struct {
		times     []int64
		t         int64
		wantCount int
		wantStart int64
	}{
		{[]int64{0}, 0, 1, 0},
		{[]int64{0, 3 * d, 6 * d}, 6 * d, 3, 0},
		{[]int64{0, 3 * d, 6 * d}, 0, 3, 0},
		{[]int64{0, 20 * d, 40 * d}, 20 * d, 2, 0},
		{[]int64{0, 20 * d, 40 * d, 45 * d}, 40 * d, 3, 20 * d},
	}
	for _, tt := range tests {
		n, start := bestWindow(append([]int64(nil), tt.times...), tt.t, 30*d)
		if n != tt.wantCount || start != tt.wantStart {
			t.Errorf("bestWindow(%v, %d) = %d, %d; want %d, %d", tt.times, tt.t, n, start, tt.wantCount, tt.wantStart)
		}
	}
}

// TestMigrationFillsDailyCounts: a history made by the first schema, with events in it, is
// brought to the last by opening it, and its counts hold the old events.
func TestMigrationFillsDailyCounts(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "history.db")
	st, err := OpenSQLite(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	s := st.(*sqlStore)
	// Back to version 1, as an older rebound left it, with two events.
	for _, stmt := range []string{
		`DROP TABLE daily`,
		`DELETE FROM schema_migrations WHERE version > 1`,
		`INSERT INTO events (` + eventColumns + `, recorded) VALUES ('old1', 1793526000, 'a@x.test', 'x.test', 'bounce', 'userunknown', 'recipient', '5.1.1', 'dead', 'hard', '', 'pipe', 0, 0, 0)`,
		`INSERT INTO events (` + eventColumns + `, recorded) VALUES ('old2', 1793526000, 'b@x.test', 'x.test', 'bounce', 'blocked', 'antispam', '5.7.1', 'sender', '', '', 'pipe', 0, 0, 0)`,
	} {
		if _, err := s.db.ExecContext(ctx, stmt); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	st, err = OpenSQLite(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	rows, err := st.Count(ctx, time.Unix(0, 0), "reason")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0].Keys[0] != "blocked" || rows[0].Sender != 1 || rows[1].Keys[0] != "userunknown" || rows[1].Hard != 1 {
		t.Errorf("counts after the migration: %+v", rows)
	}
}
