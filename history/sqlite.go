package history

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"time"

	_ "modernc.org/sqlite" // the pure-Go SQLite driver: the binary stays static
)

// busyTimeout is how long a writer waits for another one's transaction; with many `rebound pipe`
// processes each holds the lock for about a millisecond.
const busyTimeout = 30 * time.Second

// OpenSQLite opens (creating it when missing) the SQLite history at path: WAL mode so that
// readers never wait, immediate transactions and a busy timeout so that concurrent writers
// queue instead of failing with "database is locked".
func OpenSQLite(ctx context.Context, path string) (Store, error) {
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busyTimeout.Milliseconds()))
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath()+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("history %s: %w", path, err)
	}
	s := &sqlStore{db: db, d: dialect{
		name:   "sqlite",
		rebind: func(q string) string { return q },
		// An immediate transaction already holds the database's write lock.
		lock: func(context.Context, *sql.Tx, string) error { return nil },
	}}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("history %s: %w", path, err)
	}
	return s, nil
}
