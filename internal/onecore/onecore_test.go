package onecore

import "testing"

func TestIsPipe(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want bool
	}{
		{[]string{"pipe"}, true},
		{[]string{"pipe", "sender@example.org", "bounces@example.org"}, true},
		{[]string{"--config", "/etc/rebound/rebound.yaml", "pipe", "s", "r"}, true},
		{[]string{"--config=/etc/rebound/rebound.yaml", "pipe"}, true},
		{[]string{"--log-level", "debug", "--syslog", "pipe"}, true},
		{[]string{"--config", "pipe", "parse", "pipe"}, false}, // a configuration file named pipe
		{[]string{"parse", "pipe"}, false},                     // a message file named pipe
		{[]string{"scan", "maildir", "/var/mail/bounces"}, false},
		{[]string{"--help"}, false},
		{[]string{"--", "pipe"}, false},
		{nil, false},
	} {
		if got := IsPipe(tc.args); got != tc.want {
			t.Errorf("IsPipe(%q) = %v, want %v", tc.args, got, tc.want)
		}
	}
}
