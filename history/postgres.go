//go:build !nopostgres

package history

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	_ "github.com/jackc/pgx/v5/stdlib" // the PostgreSQL driver
)

// postgresLeftOut is nil: this binary has the PostgreSQL driver (see postgres_off.go).
var postgresLeftOut error

// OpenPostgres opens the PostgreSQL history at url (postgres://user:pass@host:port/db), with
// the same schema as SQLite, migrated on first use.
func OpenPostgres(ctx context.Context, url string) (Store, error) {
	db, err := sql.Open("pgx", url)
	if err != nil {
		return nil, fmt.Errorf("history: %w", err)
	}
	db.SetMaxOpenConns(4)
	s := &sqlStore{db: db, d: dialect{
		name:   "postgres",
		rebind: dollarPlaceholders,
		// A transaction-scoped advisory lock per address: two hosts counting one address's
		// strikes take turns; other addresses go on.
		lock: func(ctx context.Context, tx *sql.Tx, key string) error {
			_, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(hashtext($1))`, "rebound:"+key)
			return err
		},
	}}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("history %s: %w", redact(url), err)
	}
	return s, nil
}

// dollarPlaceholders turns ? into $1, $2, ...
func dollarPlaceholders(q string) string {
	var b strings.Builder
	n := 0
	for _, c := range q {
		if c == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(c)
	}
	return b.String()
}
