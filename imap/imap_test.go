package imap

import (
	"context"
	"net"
	"strings"
	"testing"
)

// TestPlainTextOnlyToLoopback: --security none is refused for any host but the loopback, before
// any connection is made.
func TestPlainTextOnlyToLoopback(t *testing.T) {
	dialed := false
	dial := func(ctx context.Context, addr string) (net.Conn, error) {
		dialed = true
		return nil, net.ErrClosed
	}
	for _, server := range []string{"imap.example.com:143", "192.0.2.1:143", "[2001:db8::1]:143"} {
		_, err := Connect(context.Background(), Config{Server: server, Security: "none", User: "u", Dial: dial})
		if err == nil || !strings.Contains(err.Error(), "only allowed to 127.0.0.1") {
			t.Errorf("%s: %v", server, err)
		}
	}
	if dialed {
		t.Error("dialed a non-loopback server in plain text")
	}
	for _, host := range []string{"127.0.0.1", "localhost", "::1"} {
		if !isLoopback(host) {
			t.Errorf("%s is loopback", host)
		}
	}
}
