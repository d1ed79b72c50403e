package feedback

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"strings"
)

// certFix says what to do about a TLS certificate that could not be verified, and whether err is
// such a failure at all.
func certFix(err error) (string, bool) {
	var host x509.HostnameError
	if errors.As(err, &host) {
		return "the receiver's TLS certificate is not valid for " + host.Host + ": put a name it was issued for in --report-url", true
	}
	if IsUntrustedCertificate(err) {
		return "the receiver's TLS certificate is not trusted: give the CA that signed it with --report-ca-file", true
	}
	return "", false
}

// IsUntrustedCertificate reports whether err is a TLS certificate that could not be verified:
// signed by an unknown authority, expired, or otherwise invalid.
func IsUntrustedCertificate(err error) bool {
	var verify *tls.CertificateVerificationError
	var unknown x509.UnknownAuthorityError
	var invalid x509.CertificateInvalidError
	var host x509.HostnameError
	if errors.As(err, &verify) || errors.As(err, &unknown) || errors.As(err, &invalid) || errors.As(err, &host) {
		return true
	}
	// Some clients (go-imap's reader) report the handshake's failure as text, losing the chain.
	return err != nil && strings.Contains(err.Error(), "tls: failed to verify certificate")
}

// withCertFix turns a certificate failure into a configuration error that says to use
// --report-ca-file (retrying cannot help until the configuration changes); other errors pass.
func withCertFix(err error) error {
	if fix, ok := certFix(err); ok {
		return &ConfigError{Err: err, Fix: fix}
	}
	return err
}
