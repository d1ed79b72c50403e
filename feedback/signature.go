package feedback

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"time"
)

// Headers of a signed report.
const (
	SignatureHeader = "X-Rebound-Signature" // sha256=<hex HMAC-SHA256 of timestamp "." body>
	TimestampHeader = "X-Rebound-Timestamp" // Unix seconds when the request was made
)

// SignatureWindow is how far a signed request's timestamp may be from the receiver's clock: a
// request captured and replayed later than that is refused.
const SignatureWindow = 5 * time.Minute

// Sign returns the signature header value of a request made at timestamp (Unix seconds, as sent
// in X-Rebound-Timestamp) with body: the HMAC-SHA256 with secret of timestamp, a dot and the
// body. Signing the time with the body lets a receiver refuse a replayed request.
func Sign(secret, timestamp string, body []byte) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(timestamp))
	m.Write([]byte{'.'})
	m.Write(body)
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}

// Verify checks a signed request as a receiver does: the timestamp is within SignatureWindow of
// now and the signature is Sign's for secret, timestamp and body.
func Verify(secret, signature, timestamp string, body []byte, now time.Time) error {
	sec, err := strconv.ParseInt(timestamp, 10, 64)
	if err != nil {
		return fmt.Errorf("timestamp %q: not Unix seconds", timestamp)
	}
	if d := now.Sub(time.Unix(sec, 0)); d > SignatureWindow || d < -SignatureWindow {
		return fmt.Errorf("timestamp %s is %v away from now: stale or replayed", timestamp, d.Round(time.Second))
	}
	if !hmac.Equal([]byte(signature), []byte(Sign(secret, timestamp, body))) {
		return errors.New("signature does not match")
	}
	return nil
}
