package main

import (
	"fmt"
	"net"
	"strconv"

	"github.com/rebound/rebound/feedback"
)

// checkHostPort refuses, before anything is dialled, a server address without a host or with a
// port that is not a number from 1 to 65535. flag names the option in the message.
func checkHostPort(flag, addr string) error {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("%s %q: want HOST:PORT (e.g. imap.example.org:993): %w", flag, addr, err)
	}
	if host == "" {
		return fmt.Errorf("%s %q: no host before the port", flag, addr)
	}
	if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 {
		return fmt.Errorf("%s %q: port %q: want a number from 1 to 65535", flag, addr, port)
	}
	return nil
}

// explainIMAP says what to do about an error of imap.Connect when the option that fixes it is
// known: an untrusted certificate needs the CA file. prefix is the options' prefix ("imap-" for
// check).
func explainIMAP(err error, prefix string) error {
	if feedback.IsUntrustedCertificate(err) {
		return fmt.Errorf("%w (the server's TLS certificate is not trusted: give the CA that signed it with --%sca-file)", err, prefix)
	}
	return err
}
