//go:build nosqlite

package history

import (
	"context"
	"fmt"
)

// sqliteLeftOut tells that the nosqlite tag left SQLite out of this binary.
var sqliteLeftOut = errBackendNotBuilt("SQLite", "nosqlite")

// OpenSQLite, in a binary built with the nosqlite tag (no SQLite linked, for a smaller and
// faster `rebound pipe` on hosts that keep no history), tells that SQLite is not there.
func OpenSQLite(_ context.Context, path string) (Store, error) {
	return nil, fmt.Errorf("history %s: %w", path, sqliteLeftOut)
}
