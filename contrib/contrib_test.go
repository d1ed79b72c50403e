// Package contrib_test checks that the configuration examples of contrib/ work: the YAML file
// names only real options and loads, and the procmail recipe hands a bounce to rebound.
package contrib_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/rebound/rebound/internal/testmta"
)

// reboundBin is the rebound binary, built once for the package's tests in a directory that the
// mail system's unprivileged users can reach.
var reboundBin string

func TestMain(m *testing.M) { testmta.MainWithRebound(m, "..", &reboundBin) }

func build(t *testing.T) string { return reboundBin }

func help(t *testing.T, bin string, args ...string) string {
	out, _ := exec.Command(bin, append(args, "--help")...).CombinedOutput()
	return string(out)
}

func TestExampleConfig(t *testing.T) {
	bin := build(t)
	raw, err := os.ReadFile("rebound.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var conf map[string]any
	if err := yaml.Unmarshal(raw, &conf); err != nil {
		t.Fatal(err)
	}
	flags := map[string]bool{}
	re := regexp.MustCompile(`--([a-z][a-z0-9-]+)`)
	for _, cmd := range [][]string{{"pipe"}, {"scan", "imap"}, {"scan", "maildir"}, {"flush"}, {"check"}} {
		for _, m := range re.FindAllStringSubmatch(help(t, bin, cmd...), -1) {
			flags[m[1]] = true
		}
	}
	var check func(prefix string, m map[string]any)
	check = func(prefix string, m map[string]any) {
		for k, v := range m {
			if sub, ok := v.(map[string]any); ok {
				check(k+".", sub)
				continue
			}
			if !flags[k] {
				t.Errorf("contrib/rebound.yaml: %s%s is not an option", prefix, k)
			}
		}
	}
	check("", conf)
	// It loads: the pipe command reads it (report-url overridden to stdout).
	msg, _ := os.ReadFile("../testdata/examples/postfix-user-unknown.eml")
	cmd := exec.Command(bin, "--config", "rebound.yaml", "pipe", "--report-url", "-", "--outbox", "",
		"--keep-unrecognized", "", "--archive", "", "--report-token-file", "", "--report-secret-file", "")
	cmd.Stdin = strings.NewReader(string(msg))
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pipe with the example config: %v", err)
	}
	if !strings.Contains(string(out), `"email":"nouser@remote.test"`) {
		t.Errorf("report: %s", out)
	}
}

// TestProcmailRecipe runs the real procmail with the recipe of contrib/procmail: a bounce reaches
// rebound, which reports it to the test's webhook.
func TestProcmailRecipe(t *testing.T) {
	procmail := testmta.Require(t, "procmail")
	bin := build(t)
	hook := testmta.NewWebhook(t)
	dir := t.TempDir()
	config := filepath.Join(dir, "rebound.yaml")
	os.WriteFile(config, []byte("report-url: "+hook.URL()+"\n"), 0o644)
	recipe, _ := os.ReadFile("procmail/procmailrc")
	rc := strings.NewReplacer("/usr/local/bin/rebound", bin, "/etc/rebound/rebound.yaml", config).Replace(string(recipe))
	rc = "DEFAULT=" + filepath.Join(dir, "mbox") + "\nLOGFILE=" + filepath.Join(dir, "procmail.log") + "\n" + rc
	rcPath := filepath.Join(dir, "procmailrc")
	os.WriteFile(rcPath, []byte(rc), 0o644)
	msg, _ := os.ReadFile("../testdata/examples/exim-mailbox-full.eml")
	cmd := exec.Command(procmail, "-m", rcPath)
	cmd.Stdin = strings.NewReader(string(msg))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("procmail: %v\n%s", err, out)
	}
	got := hook.Reports()
	if len(got) != 1 || got[0].Email != "carol@example.net" || got[0].Campaign != "nov-2026" {
		log, _ := os.ReadFile(filepath.Join(dir, "procmail.log"))
		t.Errorf("webhook received %+v\nprocmail log:\n%s", got, log)
	}
}

// TestSieveScript runs contrib/sieve/rebound.sieve with Pigeonhole's sieve-test and the
// extprograms plugin: a bounce is piped to rebound (as the mail user, as Dovecot would), which
// reports it; ordinary mail is not piped.
func TestSieveScript(t *testing.T) {
	sieveTest := testmta.Require(t, "sieve-test")
	bin := build(t)
	hook := testmta.NewWebhook(t)
	dir := testmta.WorldDir(t, "rebound-sieve-")
	pipeDir := filepath.Join(dir, "bin")
	mail := filepath.Join(dir, "mail")
	os.MkdirAll(pipeDir, 0o755)
	os.MkdirAll(mail, 0o755)
	os.Chown(mail, 65534, 65534)
	config := filepath.Join(dir, "rebound.yaml")
	os.WriteFile(config, []byte("report-url: "+hook.URL()+"\n"), 0o644)
	os.WriteFile(filepath.Join(pipeDir, "rebound"), []byte("#!/bin/sh\nexec "+bin+" --config "+config+" pipe\n"), 0o755)
	conf := filepath.Join(dir, "dovecot.conf")
	os.WriteFile(conf, []byte(`mail_uid = 65534
mail_gid = 65534
mail_location = maildir:`+mail+`
plugin {
  sieve_plugins = sieve_extprograms
  sieve_global_extensions = +vnd.dovecot.pipe
  sieve_pipe_bin_dir = `+pipeDir+`
}
`), 0o644)
	script := filepath.Join(dir, "rebound.sieve")
	src, _ := os.ReadFile("sieve/rebound.sieve")
	os.WriteFile(script, src, 0o644)
	human := filepath.Join(dir, "human.eml")
	os.WriteFile(human, testmta.Ordinary(1), 0o644)
	for _, msg := range []string{"../testdata/examples/gmail-spam-rejected.eml", human} {
		abs, _ := filepath.Abs(msg)
		out, err := exec.Command(sieveTest, "-c", conf, "-e", "-t", "-", script, abs).CombinedOutput()
		if err != nil {
			t.Fatalf("sieve-test %s: %v\n%s", msg, err, out)
		}
	}
	got := hook.Reports()
	if len(got) != 1 || got[0].Email != "dave@example.com" || got[0].Reason != "spamdetected" {
		t.Errorf("webhook received %+v", got)
	}
}
