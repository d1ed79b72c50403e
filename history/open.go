package history

import (
	"context"
	"strings"
)

// Open opens the history named by target: a postgres:// (or postgresql://) URL, or the path of
// a SQLite file, created with its schema when missing.
func Open(ctx context.Context, target string) (Store, error) {
	if strings.HasPrefix(target, "postgres://") || strings.HasPrefix(target, "postgresql://") {
		return OpenPostgres(ctx, target)
	}
	return OpenSQLite(ctx, target)
}
