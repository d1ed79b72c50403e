package dsn_test

import (
	"testing"

	"github.com/rebound/rebound/dsn"
)

func TestValidMailbox(t *testing.T) {
	tests := []struct {
		addr string
		want bool
	}{
		{"user@example.com", true},
		{"first.last+tag@sub.example.co.uk", true},
		{"john..doe.@docomo.ne.jp", true}, // Japanese carriers hand out such local parts
		{`"john doe"@example.org`, true},
		{"postmaster@localhost", true},
		{"user@[192.0.2.1]", true},
		{"user@[IPv6:2001:db8::1]", true},
		{"用户@例子.广告", true},
		{"josé@exämple.de", true},
		{"bounce_1@mx_1.example.net", true},
		{"a\x00b@remote.test", false},
		{"\x1b[2J@remote.test", false},
		{"user@remote.test\x1b[0m", false},
		{"\x1b]0;title\x07a@remote.test", false},
		{"user\u0085@example.com", false}, // a C1 control character
		{`"a` + "\x07" + `b"@example.com`, false},
		{"user name@example.com", false},
		{"user@exa mple.com", false},
		{"user@-example.com", false},
		{"user@example..com", false},
		{"@example.com", false},
		{"user@", false},
		{"user", false},
		{"a<b>@example.com", false},
		{"user@example.com\xff", false},
	}
	for _, tt := range tests {
		if got := dsn.ValidMailbox(tt.addr); got != tt.want {
			t.Errorf("ValidMailbox(%q) = %v, want %v", tt.addr, got, tt.want)
		}
	}
}
