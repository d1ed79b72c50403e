//go:build !nosqlite

package history

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"time"

	"modernc.org/sqlite" // the pure-Go SQLite driver: the binary stays static
	sqlite3 "modernc.org/sqlite/lib"
)

// sqliteLeftOut is nil: this binary has SQLite (see sqlite_off.go).
var sqliteLeftOut error

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
	q.Add("_pragma", "journal_size_limit(0)")  // the kept WAL is cut to nothing at each checkpoint
	q.Add("_pragma", "wal_autocheckpoint(32)") // and checkpointed by the writers every 128 kB, so that a pipe that finds it unclosed reads little
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
	db.SetMaxOpenConns(1) // one process, one connection: it holds the settings below
	// The busy timeout does not cover a brand-new file: while one process creates it and
	// switches it to WAL, another's connection or first statements get SQLITE_BUSY at once
	// (TestSQLiteConcurrentCreation). Those first steps are tried again for as long.
	if err := retryBusy(ctx, func() error { return persistWAL(ctx, db) }); err != nil {
		db.Close()
		return nil, fmt.Errorf("history %s: %w", path, err)
	}
	if err := retryBusy(ctx, func() error { return s.migrate(ctx) }); err != nil {
		db.Close()
		return nil, fmt.Errorf("history %s: %w", path, err)
	}
	return s, nil
}

// retryBusy runs step until it does not fail with SQLITE_BUSY, for up to busyTimeout.
func retryBusy(ctx context.Context, step func() error) error {
	deadline := time.Now().Add(busyTimeout)
	for delay := time.Millisecond; ; delay = min(2*delay, 50*time.Millisecond) {
		err := step()
		if err == nil || !isBusy(err) || time.Now().After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(delay):
		}
	}
}

// isBusy says whether err is SQLite's "database is locked" (any of its extended codes).
func isBusy(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_BUSY
}

// persistWAL keeps the write-ahead log file when the last connection closes, so that each
// `rebound pipe` does not create and delete it again.
func persistWAL(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.Raw(func(dc any) error {
		fc, ok := dc.(sqlite.FileControl)
		if !ok {
			return nil
		}
		_, err := fc.FileControlPersistWAL("main", 1)
		return err
	})
}
