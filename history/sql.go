package history

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/rebound/rebound/policy"
)

// migrations are the schema, one step per version; a step is never changed once released, only
// new steps appended. The SQL is common to SQLite and PostgreSQL: times are Unix seconds.
var migrations = []string{
	`CREATE TABLE events (
		id         TEXT PRIMARY KEY,
		at         BIGINT NOT NULL,
		address    TEXT NOT NULL,
		domain     TEXT NOT NULL,
		kind       TEXT NOT NULL,
		reason     TEXT NOT NULL,
		category   TEXT NOT NULL,
		status     TEXT NOT NULL,
		action     TEXT NOT NULL,
		type       TEXT NOT NULL,
		campaign   TEXT NOT NULL,
		source     TEXT NOT NULL,
		strikes    INTEGER NOT NULL,
		first_seen BIGINT NOT NULL,
		recorded   BIGINT NOT NULL
	);
	CREATE INDEX events_address_at ON events (address, at);
	CREATE INDEX events_at ON events (at);
	CREATE TABLE clears (
		address    TEXT PRIMARY KEY,
		cleared_at BIGINT NOT NULL
	);`,
	// Daily counts, kept with each event, so that stats over millions of events add up
	// thousands of rows.
	`CREATE TABLE daily (
		day      BIGINT NOT NULL,
		kind     TEXT NOT NULL,
		reason   TEXT NOT NULL,
		category TEXT NOT NULL,
		domain   TEXT NOT NULL,
		campaign TEXT NOT NULL,
		action   TEXT NOT NULL,
		type     TEXT NOT NULL,
		n        BIGINT NOT NULL,
		PRIMARY KEY (day, kind, reason, category, domain, campaign, action, type)
	);
	INSERT INTO daily (day, kind, reason, category, domain, campaign, action, type, n)
		SELECT at / 86400, kind, reason, category, domain, campaign, action, type, COUNT(*) FROM events
		GROUP BY at / 86400, kind, reason, category, domain, campaign, action, type;`,
}

// dialect is what differs between the databases.
type dialect struct {
	name string
	// rebind turns the ? placeholders of a statement into the database's own.
	rebind func(string) string
	// lock serializes, inside tx, the writers of one key (an address; "" for migrations).
	lock func(ctx context.Context, tx *sql.Tx, key string) error
}

// sqlStore is a Store over database/sql.
type sqlStore struct {
	db *sql.DB
	d  dialect
}

func (s *sqlStore) Close() error { return s.db.Close() }

func (s *sqlStore) q(query string) string { return s.d.rebind(query) }

// migrate brings the schema to the last version. Processes racing to create it take the
// migration lock in turn; the one that comes second finds the work done.
func (s *sqlStore) migrate(ctx context.Context) error {
	var version int
	if err := s.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&version); err == nil && version == len(migrations) {
		return nil // the common case: one read
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("history: migrating: %w", err)
	}
	defer tx.Rollback()
	if err := s.d.lock(ctx, tx, ""); err != nil {
		return fmt.Errorf("history: migrating: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied BIGINT NOT NULL)`); err != nil {
		return fmt.Errorf("history: migrating: %w", err)
	}
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&version); err != nil {
		return fmt.Errorf("history: reading the schema version: %w", err)
	}
	if version > len(migrations) {
		return fmt.Errorf("history: schema version %d is newer than this rebound knows (%d)", version, len(migrations))
	}
	for v := version + 1; v <= len(migrations); v++ {
		for _, stmt := range strings.Split(migrations[v-1], ";") {
			if strings.TrimSpace(stmt) == "" {
				continue
			}
			if _, err := tx.ExecContext(ctx, stmt); err != nil {
				return fmt.Errorf("history: migration %d: %w", v, err)
			}
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO schema_migrations (version, applied) VALUES (?, ?)`), v, time.Now().Unix()); err != nil {
			return fmt.Errorf("history: migration %d: %w", v, err)
		}
	}
	return tx.Commit()
}

const eventColumns = `id, at, address, domain, kind, reason, category, status, action, type, campaign, source, strikes, first_seen`

func (s *sqlStore) Record(ctx context.Context, ev Event, rule policy.Rule) (Event, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return ev, fmt.Errorf("history: recording %s: %w", ev.ID, err)
	}
	defer tx.Rollback()
	if err := s.d.lock(ctx, tx, ev.Address); err != nil {
		return ev, fmt.Errorf("history: recording %s: %w", ev.ID, err)
	}
	stored, err := scanEvent(tx.QueryRowContext(ctx, s.q(`SELECT `+eventColumns+` FROM events WHERE id = ?`), ev.ID))
	if err == nil {
		return stored, tx.Commit() // the same bounce again: the first decision stands
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return ev, fmt.Errorf("history: recording %s: %w", ev.ID, err)
	}
	if ev.Action == policy.Strikes {
		if err := s.countStrikes(ctx, tx, &ev, rule); err != nil {
			return ev, err
		}
	}
	var first int64
	if !ev.FirstSeen.IsZero() {
		first = ev.FirstSeen.Unix()
	}
	_, err = tx.ExecContext(ctx, s.q(`INSERT INTO events (`+eventColumns+`, recorded) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
		ev.ID, ev.At.Unix(), ev.Address, ev.Domain, ev.Kind, ev.Reason, ev.Category, ev.Status, string(ev.Action), ev.Type,
		ev.Campaign, ev.Source, ev.Strikes, first, time.Now().Unix())
	if err != nil {
		return ev, fmt.Errorf("history: recording %s: %w", ev.ID, err)
	}
	_, err = tx.ExecContext(ctx, s.q(`INSERT INTO daily (day, kind, reason, category, domain, campaign, action, type, n)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)
		ON CONFLICT (day, kind, reason, category, domain, campaign, action, type) DO UPDATE SET n = daily.n + 1`),
		dayOf(ev.At.Unix()), ev.Kind, ev.Reason, ev.Category, ev.Domain, ev.Campaign, string(ev.Action), ev.Type)
	if err != nil {
		return ev, fmt.Errorf("history: counting %s: %w", ev.ID, err)
	}
	if err := tx.Commit(); err != nil {
		return ev, fmt.Errorf("history: recording %s: %w", ev.ID, err)
	}
	return ev, nil
}

// countStrikes sets ev's strike count and first date, and makes it hard at the rule's count.
// The count is the most strikes of the address that any window of the rule's length holding
// ev holds, so that bounces read out of order (a scan meets files in any order) count the same.
func (s *sqlStore) countStrikes(ctx context.Context, tx *sql.Tx, ev *Event, rule policy.Rule) error {
	t := ev.At.Unix()
	span := int64(rule.Within / time.Second)
	from := t - span
	var cleared sql.NullInt64
	err := tx.QueryRowContext(ctx, s.q(`SELECT cleared_at FROM clears WHERE address = ?`), ev.Address).Scan(&cleared)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("history: counting strikes: %w", err)
	}
	if cleared.Valid && cleared.Int64 >= from {
		from = cleared.Int64 + 1
	}
	rows, err := tx.QueryContext(ctx, s.q(`SELECT at FROM events WHERE address = ? AND action = ? AND at >= ? AND at <= ?`),
		ev.Address, string(policy.Strikes), from, t+span)
	if err != nil {
		return fmt.Errorf("history: counting strikes: %w", err)
	}
	times := []int64{t}
	for rows.Next() {
		var at int64
		if err := rows.Scan(&at); err != nil {
			rows.Close()
			return fmt.Errorf("history: counting strikes: %w", err)
		}
		times = append(times, at)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("history: counting strikes: %w", err)
	}
	n, first := bestWindow(times, t, span)
	ev.Strikes, ev.FirstSeen = n, time.Unix(first, 0).UTC()
	if rule.Strikes > 0 && n >= rule.Strikes {
		ev.Type = "hard"
	}
	return nil
}

// bestWindow returns the most times that a window [start, start+span] holding t holds, and the
// earliest start that reaches it.
func bestWindow(times []int64, t, span int64) (count int, start int64) {
	slices.Sort(times)
	count, start = 0, t
	for i, s := range times {
		if s > t {
			break
		}
		if s < t-span {
			continue
		}
		n := 0
		for _, u := range times[i:] {
			if u > s+span {
				break
			}
			n++
		}
		if n > count {
			count, start = n, s
		}
	}
	return count, start
}

type rowScanner interface{ Scan(dest ...any) error }

func scanEvent(r rowScanner) (Event, error) {
	var ev Event
	var at, first int64
	var action string
	err := r.Scan(&ev.ID, &at, &ev.Address, &ev.Domain, &ev.Kind, &ev.Reason, &ev.Category, &ev.Status, &action, &ev.Type,
		&ev.Campaign, &ev.Source, &ev.Strikes, &first)
	if err != nil {
		return ev, err
	}
	ev.At, ev.Action = time.Unix(at, 0).UTC(), policy.Action(action)
	if first != 0 {
		ev.FirstSeen = time.Unix(first, 0).UTC()
	}
	return ev, nil
}

func (s *sqlStore) Clear(ctx context.Context, address string, at time.Time) error {
	_, err := s.db.ExecContext(ctx, s.q(`INSERT INTO clears (address, cleared_at) VALUES (?, ?)
		ON CONFLICT (address) DO UPDATE SET cleared_at = CASE WHEN excluded.cleared_at > clears.cleared_at THEN excluded.cleared_at ELSE clears.cleared_at END`),
		strings.ToLower(address), at.Unix())
	if err != nil {
		return fmt.Errorf("history: clearing %s: %w", address, err)
	}
	return nil
}

func (s *sqlStore) Suppressions(ctx context.Context) ([]Suppression, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT e.address, e.reason, e.at FROM events e LEFT JOIN clears c ON c.address = e.address
		WHERE e.type = ? AND (c.cleared_at IS NULL OR e.at > c.cleared_at) ORDER BY e.address, e.at DESC`), "hard")
	if err != nil {
		return nil, fmt.Errorf("history: listing suppressions: %w", err)
	}
	defer rows.Close()
	var out []Suppression
	for rows.Next() {
		var sp Suppression
		var at int64
		if err := rows.Scan(&sp.Address, &sp.Reason, &at); err != nil {
			return nil, fmt.Errorf("history: listing suppressions: %w", err)
		}
		if len(out) > 0 && out[len(out)-1].Address == sp.Address {
			continue // the latest event of an address comes first
		}
		sp.At = time.Unix(at, 0).UTC()
		out = append(out, sp)
	}
	return out, rows.Err()
}

// Count adds up the daily counts of the whole days since the given time, and the events of the
// part of a day before them.
func (s *sqlStore) Count(ctx context.Context, since time.Time, by ...string) ([]Row, error) {
	for _, b := range by {
		if _, ok := groupings[b]; !ok {
			return nil, fmt.Errorf("history: cannot group by %q", b)
		}
	}
	t := max(since.Unix(), 0)
	firstDay := dayOf(t)
	if t%86400 != 0 {
		firstDay++
	}
	out, err := s.count(ctx, "daily", "n", "day >= ?", by, firstDay)
	if err != nil {
		return nil, err
	}
	if t < firstDay*86400 {
		part, err := s.count(ctx, "events", "1", "at >= ? AND at < ?", by, t, firstDay*86400)
		if err != nil {
			return nil, err
		}
		out = mergeRows(out, part)
	}
	return out, nil
}

func dayOf(unix int64) int64 { return unix / 86400 }

// count runs one counting query over table, each row weighing weight.
func (s *sqlStore) count(ctx context.Context, table, weight, where string, by []string, args ...any) ([]Row, error) {
	var keys []string
	for _, b := range by {
		col := groupings[b]
		if b == "day" && table == "daily" {
			col = "day"
		}
		keys = append(keys, col)
	}
	sel := `SUM(` + weight + `),
		SUM(CASE WHEN type = 'hard' THEN ` + weight + ` ELSE 0 END),
		SUM(CASE WHEN type = 'soft' THEN ` + weight + ` ELSE 0 END),
		SUM(CASE WHEN action = 'sender' THEN ` + weight + ` ELSE 0 END),
		SUM(CASE WHEN type = 'complaint' THEN ` + weight + ` ELSE 0 END)`
	query := `SELECT ` + sel + ` FROM ` + table + ` WHERE ` + where
	if len(keys) > 0 {
		k := strings.Join(keys, ", ")
		query = `SELECT ` + k + `, ` + sel + ` FROM ` + table + ` WHERE ` + where + ` GROUP BY ` + k
	}
	rows, err := s.db.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, fmt.Errorf("history: counting: %w", err)
	}
	defer rows.Close()
	var out []Row
	for rows.Next() {
		keyVals := make([]any, len(keys))
		dest := make([]any, 0, len(keys)+5)
		for i := range keyVals {
			dest = append(dest, &keyVals[i])
		}
		var events, hard, soft, sender, complaint sql.NullInt64
		dest = append(dest, &events, &hard, &soft, &sender, &complaint)
		if err := rows.Scan(dest...); err != nil {
			return nil, fmt.Errorf("history: counting: %w", err)
		}
		r := Row{Events: int(events.Int64), Hard: int(hard.Int64), Soft: int(soft.Int64), Sender: int(sender.Int64), Complaint: int(complaint.Int64)}
		r.Other = r.Events - r.Hard - r.Soft - r.Sender - r.Complaint
		if r.Events == 0 {
			continue
		}
		for i, v := range keyVals {
			r.Keys = append(r.Keys, keyString(by[i], v))
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// mergeRows adds the rows of b to those of a with the same keys, and orders them by keys.
func mergeRows(a, b []Row) []Row {
	idx := make(map[string]int, len(a))
	for i, r := range a {
		idx[strings.Join(r.Keys, "\x00")] = i
	}
	for _, r := range b {
		k := strings.Join(r.Keys, "\x00")
		i, ok := idx[k]
		if !ok {
			idx[k] = len(a)
			a = append(a, r)
			continue
		}
		a[i].Events += r.Events
		a[i].Hard += r.Hard
		a[i].Soft += r.Soft
		a[i].Sender += r.Sender
		a[i].Complaint += r.Complaint
		a[i].Other += r.Other
	}
	sort.Slice(a, func(i, j int) bool { return strings.Join(a[i].Keys, "\x00") < strings.Join(a[j].Keys, "\x00") })
	return a
}

// keyString renders a grouping value: a day as its date.
func keyString(by string, v any) string {
	var s string
	switch x := v.(type) {
	case int64:
		s = strconv.FormatInt(x, 10)
		if by == "day" {
			return time.Unix(x*86400, 0).UTC().Format(time.DateOnly)
		}
	case []byte:
		s = string(x)
	case string:
		s = x
	case nil:
	default:
		s = fmt.Sprint(x)
	}
	return s
}
