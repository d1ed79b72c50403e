//go:build nopostgres

package history

import (
	"context"
	"fmt"
)

// postgresLeftOut tells that the nopostgres tag left the PostgreSQL driver out of this binary.
var postgresLeftOut = errBackendNotBuilt("PostgreSQL", "nopostgres")

// OpenPostgres, in a binary built with the nopostgres tag (no PostgreSQL driver linked), tells
// that PostgreSQL is not there.
func OpenPostgres(_ context.Context, url string) (Store, error) {
	return nil, fmt.Errorf("history %s: %w", redact(url), postgresLeftOut)
}
