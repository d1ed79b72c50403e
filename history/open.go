package history

import (
	"context"
	"fmt"
	"strings"
)

// Open opens the history named by target: a postgres:// (or postgresql://) URL, or the path of
// a SQLite file, created with its schema when missing.
func Open(ctx context.Context, target string) (Store, error) {
	if isPostgres(target) {
		return OpenPostgres(ctx, target)
	}
	return OpenSQLite(ctx, target)
}

// isPostgres says whether target names a PostgreSQL history rather than a SQLite file.
func isPostgres(target string) bool {
	return strings.HasPrefix(target, "postgres://") || strings.HasPrefix(target, "postgresql://")
}

// Usable says whether this binary has the back-end of the history named by target: nil, or the
// error of a back-end its build tag left out (nosqlite, nopostgres).
func Usable(target string) error {
	if isPostgres(target) {
		return postgresLeftOut
	}
	return sqliteLeftOut
}

// errBackendNotBuilt is the error of a back-end left out of this binary by its build tag.
func errBackendNotBuilt(name, tag string) error {
	return fmt.Errorf("this rebound was built without %s (go build -tags %s): use a binary built without that tag", name, tag)
}

// redact hides the password of a URL in messages.
func redact(u string) string {
	at := strings.LastIndexByte(u, '@')
	scheme := strings.Index(u, "://")
	if at < 0 || scheme < 0 {
		return u
	}
	if colon := strings.IndexByte(u[scheme+3:at], ':'); colon >= 0 {
		return u[:scheme+3+colon] + ":xxx" + u[at:]
	}
	return u
}
