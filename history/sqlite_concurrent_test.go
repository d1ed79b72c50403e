//go:build !nosqlite

package history

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
)

// TestSQLiteConcurrentCreation opens one brand-new history from 30 connections at once, as
// concurrent `rebound pipe` processes do on a fresh installation, forty times over: none may
// fail with "database is locked" (the busy timeout alone does not cover the file's creation).
func TestSQLiteConcurrentCreation(t *testing.T) {
	for round := 0; round < 40; round++ {
		path := filepath.Join(t.TempDir(), "history.db")
		var wg sync.WaitGroup
		errs := make(chan error, 30)
		for i := 0; i < 30; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				st, err := OpenSQLite(context.Background(), path)
				if err != nil {
					errs <- err
					return
				}
				errs <- st.Close()
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatalf("round %d: %v", round, err)
			}
		}
	}
}
