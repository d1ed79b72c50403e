package history

import (
	"context"
	"testing"

	"github.com/rebound/rebound/internal/testmta"
)

// TestPostgresStore runs the store's contract against a real PostgreSQL.
func TestPostgresStore(t *testing.T) {
	pg := testmta.StartPostgres(t)
	st, err := Open(context.Background(), pg.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	testStore(t, st)
	// A second opening finds the schema made.
	again, err := Open(context.Background(), pg.URL)
	if err != nil {
		t.Fatal(err)
	}
	again.Close()
}

func TestRedact(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://u:secret@h:5432/db": "postgres://u:xxx@h:5432/db",
		"postgres://u@h/db":             "postgres://u@h/db",
		"/var/lib/rebound/history.db":   "/var/lib/rebound/history.db",
	} {
		if got := redact(in); got != want {
			t.Errorf("redact(%q) = %q, want %q", in, got, want)
		}
	}
}
