package imap_test

import (
	"bytes"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	goimap "github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"

	"github.com/rebound/rebound/internal/testmta"
)

var reboundBin string

func TestMain(m *testing.M) { testmta.MainWithRebound(m, "..", &reboundBin) }

func run(t *testing.T, env []string, args ...string) (int, string) {
	t.Helper()
	return testmta.Run(t, reboundBin, env, nil, args...)
}

func sample(t testing.TB, n int) [][]byte { return testmta.Bounces(t, n, 5) }

// client opens an IMAP session as user on the Dovecot instance.
func client(t testing.TB, d *testmta.Dovecot, user string) *imapclient.Client {
	t.Helper()
	pem, _ := os.ReadFile(d.CAFile)
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(pem)
	c, err := imapclient.DialTLS(d.TLSAddr, &imapclient.Options{TLSConfig: &tls.Config{RootCAs: pool, ServerName: "127.0.0.1"}})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Login(user, "secret").Wait(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Logout().Wait(); c.Close() })
	return c
}

func appendAll(t testing.TB, c *imapclient.Client, msgs [][]byte) {
	t.Helper()
	// 64 APPENDs on the wire at a time (the server takes non-synchronizing literals).
	for len(msgs) > 0 {
		var cmds []*imapclient.AppendCommand
		for _, m := range msgs[:min(64, len(msgs))] {
			cmd := c.Append("INBOX", int64(len(m)), nil)
			cmd.Write(m)
			cmd.Close()
			cmds = append(cmds, cmd)
		}
		msgs = msgs[len(cmds):]
		for _, cmd := range cmds {
			if _, err := cmd.Wait(); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// folder returns how many messages a folder holds, and how many of them are \Seen.
func folder(t testing.TB, c *imapclient.Client, name string) (n int, seen int) {
	t.Helper()
	sel, err := c.Select(name, &goimap.SelectOptions{ReadOnly: true}).Wait()
	if err != nil {
		t.Fatal(err)
	}
	if sel.NumMessages == 0 {
		return 0, 0
	}
	var all goimap.SeqSet
	all.AddRange(1, sel.NumMessages)
	msgs, err := c.Fetch(all, &goimap.FetchOptions{Flags: true}).Collect()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range msgs {
		for _, f := range m.Flags {
			if f == goimap.FlagSeen {
				seen++
			}
		}
	}
	return len(msgs), seen
}

func scanArgs(d *testmta.Dovecot, security, server, user, hook, outbox string) []string {
	return []string{"scan", "imap", "--server", server, "--security", security, "--ca-file", d.CAFile,
		"--user", user, "--report-url", hook, "--outbox", outbox}
}

// TestScanIMAP seeds a real Dovecot mailbox with bounces and ordinary unread mail and scans it
// over implicit TLS and over STARTTLS: every bounce ends in the backup folder, reported once;
// every ordinary message stays in INBOX, unread.
func TestScanIMAP(t *testing.T) {
	d := testmta.StartDovecot(t, 0, 0)
	for _, tc := range []struct{ security, addr string }{{"tls", d.TLSAddr}, {"starttls", d.PlainAddr}} {
		t.Run(tc.security, func(t *testing.T) {
			user := "scan-" + tc.security
			c := client(t, d, user)
			bounces := sample(t, 30)
			var msgs [][]byte
			for i, b := range bounces {
				msgs = append(msgs, b)
				if i%6 == 0 {
					msgs = append(msgs, testmta.Ordinary(i))
				}
			}
			appendAll(t, c, msgs)
			humans := len(msgs) - len(bounces)
			hook := testmta.NewWebhook(t)
			outbox := filepath.Join(t.TempDir(), "outbox")
			env := []string{"REBOUND_IMAP_PASSWORD=secret"}
			code, stderr := run(t, env, scanArgs(d, tc.security, tc.addr, user, hook.URL(), outbox)...)
			if code != 0 {
				t.Fatalf("exit %d: %s\n%s", code, stderr, d.Log())
			}
			if n, seen := folder(t, c, "INBOX"); n != humans || seen != 0 {
				t.Errorf("INBOX holds %d messages (%d seen), want %d unread", n, seen, humans)
			}
			if n, _ := folder(t, c, "Bounces.Processed"); n != len(bounces) {
				t.Errorf("backup holds %d, want %d", n, len(bounces))
			}
			if len(hook.Reports()) < len(bounces)-3 || hook.Duplicates() != 0 {
				t.Errorf("%d reports, %d duplicates, for %d bounces", len(hook.Reports()), hook.Duplicates(), len(bounces))
			}
			// `rebound check` logs in and counts what a scan would take: nothing, the ordinary
			// mail left in INBOX is what a scan leaves alone.
			code, out := runOut(t, env, "check", "--report-url", hook.URL(), "--imap-server", tc.addr, "--imap-security", tc.security,
				"--imap-ca-file", d.CAFile, "--imap-user", user)
			if code != 0 || !strings.Contains(out, fmt.Sprintf("0 messages in INBOX a scan would take (0 bounces, 0 complaints, 0 delays), %d it leaves alone", humans)) {
				t.Errorf("check: exit %d: %s", code, out)
			}
		})
	}
}

// TestCheckCountsWhatScanTakes: with contrib/rebound.yaml as written (only its paths, server and
// user substituted, and the CA of the test server added), check probes the scan-imap mailbox
// with the scan's filters, read-only, and counts exactly the messages the scan then takes.
func TestCheckCountsWhatScanTakes(t *testing.T) {
	d := testmta.StartDovecot(t, 0, 0)
	c := client(t, d, "check")
	bounces := sample(t, 12)
	msgs := append([][]byte{}, bounces...)
	for i := 0; i < 4; i++ {
		msgs = append(msgs, testmta.Ordinary(i))
	}
	appendAll(t, c, msgs)
	dir := t.TempDir()
	contrib, err := os.ReadFile("../contrib/rebound.yaml")
	if err != nil {
		t.Fatal(err)
	}
	password := filepath.Join(dir, "imap-password")
	os.WriteFile(password, []byte("secret\n"), 0o600)
	hook := testmta.NewWebhook(t)
	conf := strings.NewReplacer(
		"imap.example.org:993", d.TLSAddr+"\n  ca-file: "+d.CAFile,
		"bounces@example.org", "check",
		"/etc/rebound/imap-password", password,
		"/var/spool/rebound", dir,
		"https://newsletter.example.org/webhooks/bounce", hook.URL(),
		"report-token-file: /etc/rebound/token", "",
		"report-secret-file: /etc/rebound/hmac-secret", "",
		"run-user: rebound", "run-user: root",
	).Replace(string(contrib))
	config := filepath.Join(dir, "rebound.yaml")
	os.WriteFile(config, []byte(conf), 0o644)
	code, out := runOut(t, nil, "--config", config, "check")
	m := regexp.MustCompile(`ok    IMAP \S+ as check: (\d+) messages in INBOX a scan would take \(.*\), (\d+) it leaves alone`).FindStringSubmatch(out)
	if code != 0 || m == nil {
		t.Fatalf("check: exit %d: %s", code, out)
	}
	take, _ := strconv.Atoi(m[1])
	leave, _ := strconv.Atoi(m[2])
	if take == 0 || take+leave != len(msgs) || leave < 4 {
		t.Errorf("check: %d to take, %d left alone, of %d", take, leave, len(msgs))
	}
	if n, seen := folder(t, c, "INBOX"); n != len(msgs) || seen != 0 {
		t.Errorf("check changed INBOX: %d messages, %d seen", n, seen)
	}
	if list, _ := c.List("", "Bounces.Processed", nil).Collect(); len(list) != 0 {
		t.Errorf("check created the backup folder")
	}
	code, stderr := run(t, nil, "--config", config, "scan", "imap")
	if code != 0 {
		t.Fatalf("scan: exit %d: %s", code, stderr)
	}
	if n, _ := folder(t, c, "Bounces.Processed"); n != take {
		t.Errorf("check counted %d, the scan took %d", take, n)
	}
}

// TestIMAPErrorsSayWhatToDo: a server whose certificate is not trusted names the CA-file option
// of the command; a missing password names where to set it; a port out of range is refused
// before anything is dialled.
func TestIMAPErrorsSayWhatToDo(t *testing.T) {
	d := testmta.StartDovecot(t, 0, 0)
	env := []string{"REBOUND_IMAP_PASSWORD=secret"}
	code, out := runOut(t, env, "scan", "imap", "--server", d.TLSAddr, "--user", "u", "--report-url", "-")
	if code != 1 || !strings.Contains(out, "certificate") || !strings.Contains(out, "give the CA that signed it with --ca-file") {
		t.Errorf("scan: exit %d: %s", code, out)
	}
	code, out = runOut(t, env, "check", "--report-url", "-", "--imap-server", d.TLSAddr, "--imap-user", "u")
	if code != 1 || !strings.Contains(out, "give the CA that signed it with --imap-ca-file") {
		t.Errorf("check: exit %d: %s", code, out)
	}
	code, out = runOut(t, nil, "scan", "imap", "--server", d.TLSAddr, "--user", "u", "--ca-file", d.CAFile, "--report-url", "-")
	if code != 1 || !strings.Contains(out, "no password set (--password-file or REBOUND_IMAP_PASSWORD)") {
		t.Errorf("no password: exit %d: %s", code, out)
	}
	code, out = runOut(t, env, "scan", "imap", "--server", "127.0.0.1:99993", "--user", "u", "--report-url", "-")
	if code != 1 || !strings.Contains(out, `--server \"127.0.0.1:99993\": port \"99993\": want a number from 1 to 65535`) {
		t.Errorf("port: exit %d: %s", code, out)
	}
}

func runOut(t *testing.T, env []string, args ...string) (int, string) {
	cmd := exec.Command(reboundBin, args...)
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return exit.ExitCode(), string(out)
	}
	return 0, string(out)
}

// cutProxy forwards TCP to target and cuts its first connection after limit bytes from the
// server: the client sees the connection drop in the middle of the scan.
func cutProxy(t *testing.T, target string, limit int64) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	var conns atomic.Int32
	go func() {
		for {
			client, err := ln.Accept()
			if err != nil {
				return
			}
			server, err := net.Dial("tcp", target)
			if err != nil {
				client.Close()
				continue
			}
			first := conns.Add(1) == 1
			go func() { io.Copy(server, client); server.Close() }()
			go func() {
				if first {
					io.CopyN(client, server, limit)
					client.Close()
					server.Close()
					return
				}
				io.Copy(client, server)
				client.Close()
			}()
		}
	}()
	return ln.Addr().String()
}

// TestScanIMAPConnectionKilled cuts the connection in the middle of the scan: in the first
// FETCH, and (450 messages, three batches) just after the first batch was fetched, while its
// MOVE is sent and the next batches are fetched; rebound reconnects and goes on; a rescan
// converges: every bounce moved and reported once, the other mail left unread.
func TestScanIMAPConnectionKilled(t *testing.T) {
	d := testmta.StartDovecot(t, 0, 0)
	for _, tc := range []struct {
		name     string
		bounces  int
		cutAfter func(msgs [][]byte) int64
	}{
		{"in the first fetch", 40, func([][]byte) int64 { return 60 << 10 }},
		{"after the first batch", 450, func(msgs [][]byte) int64 {
			n := int64(0)
			for _, m := range msgs[:200] {
				n += int64(len(m)) + 80 // the FETCH response around each literal
			}
			return n
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			user := fmt.Sprintf("cut%d", tc.bounces)
			c := client(t, d, user)
			var bounces [][]byte
			for i, b := range sample(t, tc.bounces) {
				if len(bounces) == tc.bounces {
					break
				}
				bounces = append(bounces, append([]byte(fmt.Sprintf("Message-ID: <cut-%d@cut.test>\r\n", i)), b...))
			}
			for i := 0; len(bounces) < tc.bounces; i++ {
				bounces = append(bounces, append([]byte(fmt.Sprintf("Message-ID: <cut-more-%d@cut.test>\r\n", i)), bounces[i%40][bytes.IndexByte(bounces[i%40], '\n')+1:]...))
			}
			appendAll(t, c, append(bounces, testmta.Ordinary(1), testmta.Ordinary(2)))
			hook := testmta.NewWebhook(t)
			outbox := filepath.Join(t.TempDir(), "outbox")
			env := []string{"REBOUND_IMAP_PASSWORD=secret"}
			proxy := cutProxy(t, d.TLSAddr, tc.cutAfter(bounces))
			code, stderr := run(t, env, scanArgs(d, "tls", proxy, user, hook.URL(), outbox)...)
			if !strings.Contains(stderr, "reconnecting") {
				t.Errorf("the connection was not cut, or rebound did not reconnect (exit %d): %s", code, stderr)
			}
			run(t, env, scanArgs(d, "tls", d.TLSAddr, user, hook.URL(), outbox)...) // rescan
			if n, seen := folder(t, c, "INBOX"); n != 2 || seen != 0 {
				t.Errorf("INBOX holds %d (%d seen), want the 2 ordinary messages unread", n, seen)
			}
			if n, _ := folder(t, c, "Bounces.Processed"); n != len(bounces) {
				t.Errorf("backup holds %d, want %d", n, len(bounces))
			}
			if hook.Duplicates() != 0 {
				t.Errorf("%d duplicate reports", hook.Duplicates())
			}
		})
	}
}

// TestScanIMAPFromTakesComplaints: with --from as a plain word, the server searches FROM; an
// ARF complaint (from a feedback loop) and an Amazon SES notification (from SNS) must still be
// found and reported, and a human message left alone.
func TestScanIMAPFromTakesComplaints(t *testing.T) {
	d := testmta.StartDovecot(t, 0, 0)
	c := client(t, d, "from")
	msgs := testmta.SenderMix(t, "..")
	appendAll(t, c, append(msgs, testmta.Ordinary(1)))
	hook := testmta.NewWebhook(t)
	args := append(scanArgs(d, "tls", d.TLSAddr, "from", hook.URL(), filepath.Join(t.TempDir(), "outbox")), "--from", "mailer-daemon")
	code, stderr := run(t, []string{"REBOUND_IMAP_PASSWORD=secret"}, args...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got []string
	for _, r := range hook.Reports() {
		got = append(got, r.Email+" "+r.Type)
	}
	sort.Strings(got)
	if want := "erin@isp.example complaint,nouser@remote.test hard,sam@gone.example soft"; strings.Join(got, ",") != want {
		t.Errorf("reports %v, want %s", got, want)
	}
	if n, _ := folder(t, c, "INBOX"); n != 1 {
		t.Errorf("INBOX holds %d messages, want the human one", n)
	}
}
