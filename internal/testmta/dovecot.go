package testmta

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// Dovecot is a running Dovecot instance: any user logs in with password "secret".
type Dovecot struct {
	Dir       string
	PlainAddr string // 127.0.0.1:port, plain and STARTTLS
	TLSAddr   string // 127.0.0.1:port, implicit TLS
	CAFile    string // the self-signed certificate to trust
	cmd       *exec.Cmd
}

// StartDovecot starts Dovecot on 127.0.0.1 with a self-signed certificate for 127.0.0.1 and
// localhost, and Maildir mailboxes under its directory.
func StartDovecot(t testing.TB, plainPort, tlsPort int) *Dovecot {
	t.Helper()
	if plainPort == 0 {
		plainPort = FreePort(t)
	}
	if tlsPort == 0 {
		tlsPort = FreePort(t)
	}
	bin := Require(t, "dovecot")
	Require(t, "openssl")
	portFree(t, fmt.Sprintf("127.0.0.1:%d", plainPort))
	portFree(t, fmt.Sprintf("127.0.0.1:%d", tlsPort))
	dir := WorldDir(t, "rebound-dovecot-")
	for _, d := range []string{"run", "state", "mail"} {
		os.MkdirAll(filepath.Join(dir, d), 0o755)
	}
	os.Chown(filepath.Join(dir, "mail"), 65534, 65534)
	cert, key := filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	run(t, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "2",
		"-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1")
	conf := fmt.Sprintf(`instance_name = rebound-test-%[4]d
base_dir = %[1]s/run
state_dir = %[1]s/state
log_path = %[1]s/dovecot.log
info_log_path = %[1]s/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = yes
ssl_cert = <%[1]s/cert.pem
ssl_key = <%[1]s/key.pem
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:%[1]s/mail/%%u/Maildir
passdb {
  driver = static
  args = password=secret
}
userdb {
  driver = static
  args = uid=65534 gid=65534 home=%[1]s/mail/%%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = %[2]d
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = %[3]d
    ssl = yes
  }
}
`, dir, plainPort, tlsPort, plainPort)
	confPath := filepath.Join(dir, "dovecot.conf")
	write(t, confPath, conf)
	cmd := exec.Command(bin, "-F", "-c", confPath)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting dovecot: %v", err)
	}
	d := &Dovecot{Dir: dir, PlainAddr: fmt.Sprintf("127.0.0.1:%d", plainPort), TLSAddr: fmt.Sprintf("127.0.0.1:%d", tlsPort), CAFile: cert, cmd: cmd}
	t.Cleanup(d.Stop)
	WaitPort(t, d.PlainAddr, 20*time.Second)
	WaitPort(t, d.TLSAddr, 20*time.Second)
	return d
}

// Stop stops Dovecot and waits for it to exit.
func (d *Dovecot) Stop() {
	if d.cmd.Process == nil {
		return
	}
	d.cmd.Process.Signal(syscall.SIGTERM) // the master stops its children
	done := make(chan struct{})
	go func() { d.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		d.cmd.Process.Kill()
		<-done
	}
}

// Log returns Dovecot's log.
func (d *Dovecot) Log() string { return readFile(filepath.Join(d.Dir, "dovecot.log")) }
