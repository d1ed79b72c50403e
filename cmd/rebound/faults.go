//go:build rebound_faults

package main

import (
	"os"
	"strconv"

	"github.com/rebound/rebound/scan"
)

// A binary built with -tags rebound_faults (as the integration tests build it, see
// testmta.BuildRebound) dies with exit status 99 once the reports of the n-th message are
// queued and before it is moved, when REBOUND_TEST_CRASH_AFTER_QUEUE=n: the kill that the
// outbox and the rescan must survive. A release build has no such hook.
func init() {
	scanFaults = func(cfg *scan.Config) {
		n, err := strconv.Atoi(os.Getenv("REBOUND_TEST_CRASH_AFTER_QUEUE"))
		if err != nil || n <= 0 {
			return
		}
		cfg.AfterQueue = func(queued int) error {
			if queued >= n {
				os.Exit(99)
			}
			return nil
		}
	}
}
