package testmta

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// LDA is Dovecot's local delivery agent with Sieve and a 1 KB quota, its auth service running
// (the LDA asks it for users), for every user under its directory. What the LDA sends back (a
// Sieve rejection, a quota DSN) goes to the sendmail command given to StartLDA.
type LDA struct {
	Dir  string
	bin  string
	conf string
	cmd  *exec.Cmd
}

// StartLDA starts Dovecot's auth service for an LDA whose returned mail is piped to sendmail (a
// shell command line; the LDA's own arguments are not passed on). User "reject" has a Sieve
// script that refuses every message with the reason given; every user has a 1 KB quota.
func StartLDA(t testing.TB, sendmail, rejectReason string) *LDA {
	t.Helper()
	dovecot := Require(t, "dovecot")
	bin := "/usr/lib/dovecot/dovecot-lda"
	if !fileExists(bin) {
		bin = Require(t, "dovecot-lda")
	}
	if !fileExists("/usr/lib/dovecot/modules/lib90_sieve_plugin.so") {
		if os.Getenv("REBOUND_REQUIRE_SERVERS") != "" {
			t.Fatal("dovecot-sieve is not installed (scripts/test.sh installs it)")
		}
		t.Skip("dovecot-sieve is not installed; run scripts/test.sh")
	}
	dir := WorldDir(t, "rebound-lda-")
	for _, d := range []string{"run", "state", "mail", "home/reject"} {
		os.MkdirAll(filepath.Join(dir, d), 0o755)
	}
	write(t, filepath.Join(dir, "home", "reject", "active.sieve"),
		fmt.Sprintf("require [\"reject\"];\nreject %q;\n", rejectReason))
	write(t, filepath.Join(dir, "sendmail.sh"), "#!/bin/sh\nexec "+sendmail+"\n")
	os.Chmod(filepath.Join(dir, "sendmail.sh"), 0o755)
	for _, d := range []string{"mail", "home", "home/reject"} {
		os.Chown(filepath.Join(dir, d), 65534, 65534)
	}
	conf := fmt.Sprintf(`instance_name = rebound-lda-%[2]d
base_dir = %[1]s/run
state_dir = %[1]s/state
log_path = %[1]s/dovecot.log
info_log_path = %[1]s/dovecot.log
protocols =
hostname = mx.example.com
postmaster_address = postmaster@mx.example.com
sendmail_path = %[1]s/sendmail.sh
mail_location = maildir:%[1]s/mail/%%n
mail_plugins = quota
protocol lda {
  mail_plugins = $mail_plugins sieve
}
plugin {
  sieve = file:%[1]s/home/%%n/sieve;active=%[1]s/home/%%n/active.sieve
  quota = maildir:User quota
  quota_rule = *:storage=1K
}
passdb {
  driver = static
  args = nopassword=y
}
userdb {
  driver = static
  args = uid=65534 gid=65534 home=%[1]s/home/%%n
}
service auth {
  unix_listener auth-userdb {
    mode = 0666
  }
}
`, dir, os.Getpid())
	confPath := filepath.Join(dir, "dovecot.conf")
	write(t, confPath, conf)
	cmd := exec.Command(dovecot, "-F", "-c", confPath)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting dovecot: %v", err)
	}
	l := &LDA{Dir: dir, bin: bin, conf: confPath, cmd: cmd}
	t.Cleanup(func() { (&Dovecot{cmd: cmd}).Stop() })
	socket := filepath.Join(dir, "run", "auth-userdb")
	for deadline := time.Now().Add(20 * time.Second); !fileExists(socket); time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("dovecot's auth service did not start:\n%s", l.Log())
		}
	}
	return l
}

// Deliver hands msg to the LDA for user@domain with the given envelope sender, as an MTA would.
func (l *LDA) Deliver(t testing.TB, sender, recipient string, msg []byte) {
	t.Helper()
	cmd := exec.Command(l.bin, "-c", l.conf, "-d", recipient, "-f", sender)
	cmd.Stdin = strings.NewReader(string(msg))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("dovecot-lda for %s: %v\n%s\n%s", recipient, err, out, l.Log())
	}
}

// Log returns Dovecot's log.
func (l *LDA) Log() string { return readFile(filepath.Join(l.Dir, "dovecot.log")) }
