package contrib_test

import (
	"bufio"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"net"
	"net/textproto"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/rebound/rebound/internal/testmta"
	"github.com/rebound/rebound/outbox"
)

// installUser is the system user the install creates: the one contrib/ names, as written.
const installUser = "rebound"

// requireRoot skips a test that must create users and set owners when not run as root, or fails
// it in CI (REBOUND_REQUIRE_SERVERS), where scripts/test.sh runs as root.
func requireRoot(t *testing.T) {
	t.Helper()
	if os.Geteuid() == 0 {
		return
	}
	if os.Getenv("REBOUND_REQUIRE_SERVERS") != "" {
		t.Fatal("this test installs rebound and creates its user: run it as root")
	}
	t.Skip("installing needs root; scripts/test.sh runs as root")
}

// readmeInstall returns the shell block of the README's "Install" section.
func readmeInstall(t *testing.T) string {
	t.Helper()
	raw, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(raw), "\n## Install\n")
	if !ok {
		t.Fatal("README.md has no ## Install section")
	}
	section, _, _ = strings.Cut(section, "\n## ")
	_, block, ok := strings.Cut(section, "```sh\n")
	if !ok {
		t.Fatal("the README's Install section has no ```sh block")
	}
	block, _, ok = strings.Cut(block, "```")
	if !ok {
		t.Fatal("the README's Install block is not closed")
	}
	return block
}

// runShell runs script with bash (errexit) in the repository's root, with env added.
func runShell(t *testing.T, script string, env ...string) string {
	t.Helper()
	cmd := exec.Command("bash", "-euo", "pipefail", "-c", script)
	cmd.Dir = ".."
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v\n%s", script, err, out)
	}
	return string(out)
}

// tree describes every file under root: mode, owner, group and, for files, a hash of the content.
func tree(t *testing.T, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		st := info.Sys().(*syscall.Stat_t)
		desc := fmt.Sprintf("%v %d:%d", info.Mode(), st.Uid, st.Gid)
		if info.Mode().IsRegular() {
			raw, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			desc += fmt.Sprintf(" %x", sha256.Sum256(raw))
		}
		rel, _ := filepath.Rel(root, path)
		out[rel] = desc
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// owned checks that path has the mode and owners given.
func owned(t *testing.T, path string, mode fs.FileMode, uid, gid int) {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Error(err)
		return
	}
	st := info.Sys().(*syscall.Stat_t)
	if info.Mode().Perm() != mode || int(st.Uid) != uid || int(st.Gid) != gid {
		t.Errorf("%s: %v %d:%d, want %v %d:%d", path, info.Mode().Perm(), st.Uid, st.Gid, mode, uid, gid)
	}
}

// TestInstall runs the README's Install section into a temporary root (DESTDIR), as a new
// postmaster would on a fresh machine, twice (the second run changes nothing), then checks that
// an existing configuration is kept. It then drives a bounce through a real Postfix configured
// with contrib/postfix's main.cf, master.cf and transport as written (only paths and ports
// changed): Postfix pipes the DSN to the installed binary as the rebound user, the webhook is
// down so the report waits in the outbox (owned by that user), and `rebound flush`, run as that
// user as contrib/ says, delivers it.
func TestInstall(t *testing.T) {
	requireRoot(t)
	postfix := testmta.Require(t, "postfix")
	root := testmta.WorldDir(t, "rebound-install-")
	block := readmeInstall(t)

	runShell(t, block, "DESTDIR="+root)
	first := tree(t, root)
	u, err := user.Lookup(installUser)
	if err != nil {
		t.Fatalf("the install created no user %s: %v", installUser, err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	passwd, _ := exec.Command("getent", "passwd", installUser).Output()
	if !strings.HasSuffix(strings.TrimSpace(string(passwd)), "/nologin") {
		t.Errorf("user %s can log in: %s", installUser, passwd)
	}
	bin := filepath.Join(root, "usr/local/bin/rebound")
	spool := filepath.Join(root, "var/spool/rebound")
	confDir := filepath.Join(root, "etc/rebound")
	config := filepath.Join(confDir, "rebound.yaml")
	owned(t, bin, 0o755, 0, 0)
	installedRevision(t, bin)
	owned(t, spool, 0o750, uid, gid)
	owned(t, filepath.Join(spool, "outbox"), 0o750, uid, gid)
	// The installed outbox is what rebound itself makes, so that check and outbox list find
	// every folder before the first report, and no folder of it is root's.
	fresh := filepath.Join(t.TempDir(), "outbox")
	if _, err := outbox.Open(fresh); err != nil {
		t.Fatal(err)
	}
	want, got := tree(t, fresh), tree(t, filepath.Join(spool, "outbox"))
	for path, desc := range want {
		if mode := strings.Fields(desc)[0]; !strings.HasPrefix(got[path], mode+" ") {
			t.Errorf("installed outbox: %s is %q, rebound makes it %s", path, got[path], mode)
		}
	}
	for path := range got {
		if _, ok := want[path]; !ok {
			t.Errorf("installed outbox: %s is not a folder of rebound's outbox", path)
		}
		owned(t, filepath.Join(spool, "outbox", path), 0o750, uid, gid)
	}
	owned(t, confDir, 0o750, 0, gid)
	owned(t, config, 0o640, 0, gid)
	example, _ := os.ReadFile("rebound.yaml")
	if got, _ := os.ReadFile(config); string(got) != string(example) {
		t.Errorf("%s is not contrib/rebound.yaml", config)
	}

	runShell(t, block, "DESTDIR="+root)
	second := tree(t, root)
	for path, desc := range first {
		if second[path] != desc {
			t.Errorf("a second install changed %s: %s, then %s", path, desc, second[path])
		}
	}
	for path := range second {
		if _, ok := first[path]; !ok {
			t.Errorf("a second install added %s", path)
		}
	}

	// The operator's configuration: the example's paths under the temporary root, the test's
	// webhook, the token and secret files it names. A new install keeps it.
	hook := testmta.NewWebhook(t, 503) // down at first: the report waits in the outbox
	mine := strings.NewReplacer("/var/spool/rebound", spool, "/etc/rebound", confDir).Replace(string(example))
	mine = strings.Replace(mine, "report-url: https://newsletter.example.org/webhooks/bounce", "report-url: "+hook.URL(), 1)
	if !strings.Contains(mine, hook.URL()) {
		t.Fatal("contrib/rebound.yaml has no report-url line to point at the test's webhook")
	}
	for name, content := range map[string]string{"rebound.yaml": mine, "token": "t0ken\n", "hmac-secret": "s3cret\n"} {
		path := filepath.Join(confDir, name)
		if err := os.WriteFile(path, []byte(content), 0o640); err != nil {
			t.Fatal(err)
		}
		os.Chown(path, 0, gid)
	}
	// rebound run once as root left a root folder in the outbox, and the spool was opened up:
	// installing again repairs both.
	rootsFolder := filepath.Join(spool, "outbox", "new", "by-root")
	os.Mkdir(rootsFolder, 0o700)
	os.Chmod(spool, 0o755)
	runShell(t, "./scripts/install.sh --binary "+bin, "DESTDIR="+root)
	if got, _ := os.ReadFile(config); string(got) != mine {
		t.Fatal("a new install overwrote the configuration")
	}
	owned(t, rootsFolder, 0o700, uid, gid)
	owned(t, spool, 0o750, uid, gid)
	os.Remove(rootsFolder)

	// Postfix with the lines of contrib/postfix. The test adds only its route to the fake
	// remote that refuses the recipient to the transport table.
	etc := testmta.WorldDir(t, "rebound-install-postfix-")
	remotePort := testmta.FreePort(t)
	transport, err := os.ReadFile("postfix/transport")
	if err != nil {
		t.Fatal(err)
	}
	transportFile := filepath.Join(etc, "transport")
	os.WriteFile(transportFile, fmt.Appendf(transport, "remote.test  smtp:[127.0.0.1]:%d\n", remotePort), 0o644)
	if out, err := exec.Command(filepath.Join(filepath.Dir(postfix), "postmap"), transportFile).CombinedOutput(); err != nil {
		t.Fatalf("postmap: %v\n%s", err, out)
	}
	paths := strings.NewReplacer("/etc/postfix/transport", transportFile, "/usr/local/bin/rebound", bin,
		"/etc/rebound/rebound.yaml", config)
	mainCf, _ := os.ReadFile("postfix/main.cf")
	masterCf, _ := os.ReadFile("postfix/master.cf")
	pf := testmta.StartPostfix(t, testmta.PostfixConfig{
		RemotePort: remotePort,
		Transports: fmt.Sprintf("tempfail.test=smtp:[127.0.0.1]:%d", remotePort),
		MainExtra:  paths.Replace(string(mainCf)),
		Services:   paths.Replace(string(masterCf)),
	})

	// The application submits with XVERP, as option 1 of main.cf describes.
	sendXVERP(t, pf.Submit, "bounces@bounces.example.org", "nouser@remote.test",
		"From: News <news@example.org>\r\nTo: <nouser@remote.test>\r\nSubject: December news\r\n"+
			"Message-ID: <install-test@example.org>\r\nX-Campaign-ID: dec-2026\r\n\r\nHello.\r\n")

	outboxDir := filepath.Join(spool, "outbox")
	queued := func(sub ...string) []string {
		var files []string
		for _, d := range sub {
			f, _ := filepath.Glob(filepath.Join(outboxDir, d, "*"))
			files = append(files, f...)
		}
		return files
	}
	// The report is queued before the pipe exits and Postfix logs the delivery: wait for both.
	delivered := func() bool { return strings.Contains(pf.Log(), "status=sent (delivered via rebound service") }
	deadline := time.Now().Add(60 * time.Second)
	for (len(queued("new")) == 0 || !delivered()) && time.Now().Before(deadline) {
		time.Sleep(200 * time.Millisecond)
	}
	if len(queued("new")) == 0 || hook.Posts() == 0 {
		t.Fatalf("nothing queued in %s after the webhook refused (%d posts)\n%s", outboxDir, hook.Posts(), pf.Log())
	}
	if !delivered() {
		t.Errorf("Postfix did not deliver the bounce to rebound:\n%s", pf.Log())
	}
	filepath.WalkDir(outboxDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			t.Error(err)
			return nil
		}
		info, _ := d.Info()
		if st := info.Sys().(*syscall.Stat_t); int(st.Uid) != uid || int(st.Gid) != gid {
			t.Errorf("%s is owned by %d:%d, not by %s", path, st.Uid, st.Gid, installUser)
		}
		return nil
	})

	// contrib/cron and contrib/systemd run flush as the rebound user; so does the operator.
	flush := exec.Command("runuser", "-u", installUser, "--", bin, "--config", config, "flush", "--now")
	if out, err := flush.CombinedOutput(); err != nil {
		t.Fatalf("flush as %s: %v\n%s", installUser, err, out)
	}
	hook.Expect(t, []testmta.Report{
		{Type: "hard", Email: "nouser@remote.test", Reason: "userunknown", Campaign: "dec-2026"},
	}, pf.Log)
	if left := queued("tmp", "new", "cur", "failed"); len(left) != 0 {
		t.Errorf("the outbox still holds %v after the flush", left)
	}
	if sent := queued("sent"); len(sent) != 1 {
		t.Errorf("the outbox records %d reports sent, want 1", len(sent))
	}
}

// sendXVERP submits msg over SMTP asking Postfix for VERP return paths (MAIL FROM ... XVERP),
// which net/smtp cannot say.
func sendXVERP(t *testing.T, addr, from, to, msg string) {
	t.Helper()
	nc, err := net.DialTimeout("tcp", addr, 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	// A server that accepts but never answers fails the test instead of hanging the suite.
	nc.SetDeadline(time.Now().Add(2 * time.Minute))
	conn := textproto.NewConn(nc)
	defer conn.Close()
	step := func(expect int, format string, args ...any) {
		t.Helper()
		if format != "" {
			if err := conn.PrintfLine(format, args...); err != nil {
				t.Fatal(err)
			}
		}
		if _, line, err := conn.ReadResponse(expect); err != nil {
			t.Fatalf("SMTP %q: %v %s", fmt.Sprintf(format, args...), err, line)
		}
	}
	step(220, "")
	step(250, "EHLO app.example.org")
	step(250, "MAIL FROM:<%s> XVERP", from)
	step(250, "RCPT TO:<%s>", to)
	step(354, "DATA")
	w := conn.DotWriter()
	bw := bufio.NewWriter(w)
	bw.WriteString(strings.ReplaceAll(msg, "\r\n", "\n"))
	bw.Flush()
	w.Close()
	step(250, "")
	step(221, "QUIT")
}

// TestPostfixSingleBounceAddress checks what contrib/postfix/main.cf says of the single-address
// entry of the transport file (bounces@example.org): Postfix routes the XVERP return paths
// bounces+local=domain@example.org to rebound with recipient_delimiter = +, and not without.
func TestPostfixSingleBounceAddress(t *testing.T) {
	requireRoot(t)
	postmap := testmta.Require(t, "postmap")
	bin := build(t)
	mainCf, _ := os.ReadFile("postfix/main.cf")
	masterCf, _ := os.ReadFile("postfix/master.cf")
	transport, _ := os.ReadFile("postfix/transport")
	single := strings.Replace(string(transport), "# bounces@example.org  rebound:", "bounces@example.org  rebound:", 1)
	if single == string(transport) {
		t.Fatal("contrib/postfix/transport has no commented bounces@example.org entry")
	}
	withDelimiter := strings.Replace(string(mainCf), "#   recipient_delimiter = +", "recipient_delimiter = +", 1)
	if withDelimiter == string(mainCf) {
		t.Fatal("contrib/postfix/main.cf has no commented recipient_delimiter = + line")
	}
	for _, tc := range []struct {
		name, mainCf string
		routed       bool
	}{
		{"with recipient_delimiter", withDelimiter, true},
		{"without", string(mainCf), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			hook := testmta.NewWebhook(t)
			dir := testmta.WorldDir(t, "rebound-single-")
			config := filepath.Join(dir, "rebound.yaml")
			os.WriteFile(config, []byte("report-url: "+hook.URL()+"\nverp:\n  - \"bounces+{local}={domain}@example.org\"\n"), 0o644)
			remotePort := testmta.FreePort(t)
			transportFile := filepath.Join(dir, "transport")
			os.WriteFile(transportFile, fmt.Appendf([]byte(single), "remote.test  smtp:[127.0.0.1]:%d\n", remotePort), 0o644)
			if out, err := exec.Command(postmap, transportFile).CombinedOutput(); err != nil {
				t.Fatalf("postmap: %v\n%s", err, out)
			}
			// The pipe runs as nobody here: this test is about routing, TestInstall about the user.
			paths := strings.NewReplacer("/etc/postfix/transport", transportFile, "/usr/local/bin/rebound", bin,
				"/etc/rebound/rebound.yaml", config, "user=rebound", "user=nobody")
			pf := testmta.StartPostfix(t, testmta.PostfixConfig{
				RemotePort: remotePort,
				Transports: fmt.Sprintf("tempfail.test=smtp:[127.0.0.1]:%d", remotePort),
				MainExtra:  paths.Replace(tc.mainCf),
				Services:   paths.Replace(string(masterCf)),
			})
			sendXVERP(t, pf.Submit, "bounces@example.org", "nouser@remote.test",
				"From: <news@example.org>\r\nTo: <nouser@remote.test>\r\nSubject: News\r\nX-Campaign-ID: c9\r\n\r\nHello.\r\n")
			// Wait until Postfix has done with the bounce, whichever way.
			bounceDone := regexp.MustCompile(`to=<bounces\+nouser=remote\.test@example\.org>.* status=(sent|bounced|deferred)`)
			deadline := time.Now().Add(60 * time.Second)
			for !bounceDone.MatchString(pf.Log()) && time.Now().Before(deadline) {
				time.Sleep(200 * time.Millisecond)
			}
			line := bounceDone.FindString(pf.Log())
			if line == "" {
				t.Fatalf("Postfix never handled the bounce:\n%s", pf.Log())
			}
			t.Log(line)
			if routed := strings.Contains(line, "relay=rebound"); routed != tc.routed {
				t.Errorf("routed to rebound: %v, want %v: %s", routed, tc.routed, line)
			}
			if tc.routed {
				hook.Expect(t, []testmta.Report{
					{Type: "hard", Email: "nouser@remote.test", Reason: "userunknown", Campaign: "c9"},
				}, pf.Log)
			} else if n := len(hook.Reports()); n != 0 {
				t.Errorf("the webhook received %d reports", n)
			}
		})
	}
}

// installedRevision checks that the binary the README's install built says, in `rebound
// version`, the git revision of this checkout, whatever GOFLAGS says about -buildvcs: an
// operator reads it to know what runs. Go stamps the revision only in a clone, whose .git is a
// folder, never in a linked worktree (golang/go#58218), so only a clone is checked.
func installedRevision(t *testing.T, bin string) {
	t.Helper()
	if info, err := os.Stat("../.git"); err != nil || !info.IsDir() {
		t.Log("not a git clone (a worktree, or no git): go stamps no revision, none is checked")
		return
	}
	head, err := exec.Command("git", "-C", "..", "rev-parse", "HEAD").Output()
	if err != nil {
		t.Logf("not a git checkout (%v): the revision is not checked", err)
		return
	}
	out, err := exec.Command(bin, "version").Output()
	if err != nil {
		t.Fatalf("%s version: %v", bin, err)
	}
	if want := "(revision " + strings.TrimSpace(string(head)); !strings.Contains(string(out), want) {
		t.Errorf("%s version = %q, want %s…", bin, out, want)
	}
}
