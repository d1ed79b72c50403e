package feedback

import (
	"errors"
	"fmt"
)

// ErrorKind says what a failed delivery means for the report.
type ErrorKind int

// The kinds of delivery errors.
const (
	// KindTemporary: the receiver may accept the report later (5xx, 408, 429, timeouts,
	// refused or closed connections). The report is retried with a short backoff.
	KindTemporary ErrorKind = iota
	// KindConfig: rebound is set up wrongly for this receiver (a redirect, a wrong token, a
	// wrong path, webhooks turned off). Every report would fail the same way, so the report is
	// kept and retried with a long backoff until the configuration is fixed.
	KindConfig
	// KindPermanent: the receiver refused this report itself (400, 413, 422): it will never be
	// accepted, and is set aside.
	KindPermanent
)

func (k ErrorKind) String() string {
	switch k {
	case KindConfig:
		return "config"
	case KindPermanent:
		return "permanent"
	}
	return "temporary"
}

// KindOf classifies a delivery error: *PermanentError and *ConfigError anywhere in its chain
// make it permanent or a configuration error; anything else is temporary.
func KindOf(err error) ErrorKind {
	switch {
	case IsConfig(err):
		return KindConfig
	case IsPermanent(err):
		return KindPermanent
	}
	return KindTemporary
}

// PermanentError is a refusal of the report itself (HTTP 400, 413, 422; a report command's exit
// status 65): retrying will not change the answer.
type PermanentError struct{ Err error }

func (e *PermanentError) Error() string { return "permanent: " + e.Err.Error() }
func (e *PermanentError) Unwrap() error { return e.Err }

// IsPermanent reports whether err is a permanent refusal of the report.
func IsPermanent(err error) bool {
	var p *PermanentError
	return errors.As(err, &p)
}

// ConfigError is a failure that says rebound's configuration does not fit the receiver: the
// report is fine but no report can be delivered until someone fixes what Fix names.
type ConfigError struct {
	Err error
	Fix string // what to change, for the log
}

func (e *ConfigError) Error() string {
	if e.Fix == "" {
		return "configuration error: " + e.Err.Error()
	}
	return fmt.Sprintf("configuration error: %v (%s)", e.Err, e.Fix)
}
func (e *ConfigError) Unwrap() error { return e.Err }

// IsConfig reports whether err is a configuration error.
func IsConfig(err error) bool {
	_, ok := AsConfig(err)
	return ok
}

// AsConfig returns the *ConfigError in err's chain, if any.
func AsConfig(err error) (*ConfigError, bool) {
	var c *ConfigError
	ok := errors.As(err, &c)
	return c, ok
}
