package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/alecthomas/kong"
	"gopkg.in/yaml.v3"
)

// TestEveryFlagIsAnEnvAndAConfigKey walks every flag of every command of the model: its
// environment variable is REBOUND_ and its name, and the configuration loader takes its name as
// a key, at the top level and in its command's section.
func TestEveryFlagIsAnEnvAndAConfigKey(t *testing.T) {
	var cli CLI
	parser, err := newParser(&cli, &configFile{})
	if err != nil {
		t.Fatal(err)
	}
	leaves := parser.Model.Leaves(false)
	if len(leaves) < 6 {
		t.Fatalf("only %d commands in the model", len(leaves))
	}
	checked := 0
	for _, leaf := range leaves {
		ctx, err := kong.Trace(parser, strings.Fields(leaf.Path()))
		if err != nil {
			t.Fatal(err)
		}
		for _, flag := range ctx.Flags() {
			if actionFlags[flag.Name] {
				if len(flag.Envs) != 0 {
					t.Errorf("%s --%s acts, it is no option: it has environment %v", strings.TrimSpace(leaf.Path()), flag.Name, flag.Envs)
				}
				continue
			}
			what := strings.TrimSpace(leaf.Path()) + " --" + flag.Name
			want := "REBOUND_" + strings.ToUpper(strings.ReplaceAll(flag.Name, "-", "_"))
			if !reflect.DeepEqual(flag.Envs, []string{want}) {
				t.Errorf("%s: environment %v, want [%s]", what, flag.Envs, want)
			}
			if notConfigKeys[flag.Name] {
				continue // the file itself, --version
			}
			for _, env := range flag.Envs {
				t.Setenv(env, "")
				os.Unsetenv(env) // the environment would win over the file
			}
			v := sampleValue(t, flag)
			for _, section := range []string{"", sectionName(leaf)} {
				conf := map[string]any{flag.Name: v}
				if section != "" {
					conf = map[string]any{section: conf}
				}
				cf := loadYAML(t, conf, parser.Model)
				got, err := cf.Resolve(ctx, nil, flag)
				if err != nil || !reflect.DeepEqual(got, v) {
					t.Errorf("%s in section %q: resolved %#v, %v; want %#v", what, section, got, err, v)
				}
			}
			checked++
		}
	}
	t.Logf("%d flags checked over %d commands", checked, len(leaves))
}

// actionFlags act instead of setting an option: they have no environment variable.
var actionFlags = map[string]bool{"help": true, "version": true}

// sampleValue is a valid configuration value for flag, as YAML decodes it.
func sampleValue(t *testing.T, flag *kong.Flag) any {
	switch {
	case flag.Enum != "":
		return flag.EnumSlice()[0]
	case flag.Tag.Type == "existingfile":
		f := filepath.Join(t.TempDir(), "file")
		os.WriteFile(f, nil, 0o600)
		return f
	case flag.Tag.Type == "existingdir":
		return t.TempDir()
	case flag.HasDefault:
		return flag.Default
	case flag.Target.Type() == reflect.TypeOf(time.Duration(0)):
		return "1s"
	}
	switch flag.Target.Kind() {
	case reflect.Bool:
		return true
	case reflect.Int, reflect.Int64, reflect.Int32, reflect.Uint, reflect.Uint64:
		return 1
	case reflect.Slice:
		return []any{"x"}
	}
	return "x"
}

func loadYAML(t *testing.T, conf map[string]any, app *kong.Application) *configFile {
	t.Helper()
	b, err := yaml.Marshal(conf)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "rebound.yaml")
	os.WriteFile(path, b, 0o600)
	cf, err := loadConfig(path, true, false, app)
	if err != nil {
		t.Fatalf("%s: %v", b, err)
	}
	return cf
}

// TestPipeStartupErrorsExit75: whatever is wrong before the message is handled, pipe exits 75
// (the MTA keeps the message) with one line on stderr that names the fault, never the usage.
func TestPipeStartupErrorsExit75(t *testing.T) {
	dir := t.TempDir()
	config := func(name, content string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(content), 0o600)
		return p
	}
	for _, tc := range []struct {
		name string
		args []string
		env  []string
		want string // in the line
	}{
		{"yaml syntax", []string{"--config", config("syntax.yaml", "report-url: \"-\"\n  outbox: [\n")}, nil, "did not find expected key"},
		{"unreadable", []string{"--config", dir}, nil, "is a directory"},
		{"missing", []string{"--config", filepath.Join(dir, "none.yaml")}, nil, "no such file"},
		{"bad duration", []string{"--config", config("banana.yaml", "report-url: \"-\"\nreport-timeout: banana\n")}, nil, `report-timeout: expected duration but got "banana"`},
		{"duration without unit", []string{"--config", config("int.yaml", "report-url: \"-\"\npipe:\n  timeout: 30\n")}, nil, "pipe: timeout: 30 is not a duration"},
		{"bad enum", []string{"--config", config("enum.yaml", "report-url: \"-\"\nreport-format: xml\n")}, nil, `report-format: "xml" is not one of json, listmonk, form`},
		{"unknown key", []string{"--config", config("urll.yaml", "report-urll: http://127.0.0.1/\n")}, nil, `unknown key "report-urll" (did you mean report-url?)`},
		{"unknown key in section", []string{"--config", config("outbx.yaml", "report-url: \"-\"\npipe:\n  outbx: /tmp\n")}, nil, `unknown key "outbx" in section pipe (did you mean outbox?)`},
		{"secret as a key", []string{"--config", config("pw.yaml", "report-url: \"-\"\nreport-password: hunter2\n")}, nil, `unknown key "report-password" (did you mean report-password-file?)`},
		{"unknown section", []string{"--config", config("sec.yaml", "report-url: \"-\"\npipes:\n  archive: /tmp\n")}, nil, `unknown section "pipes" (did you mean pipe?)`},
		{"rules missing", []string{"pipe", "--report-url", "-", "--rules", "/nonexistent"}, nil, "/nonexistent: no such file"},
		{"unknown flag", []string{"pipe", "--report-url", "-", "--bogus"}, nil, "unknown flag --bogus"},
		{"bad environment", []string{"pipe", "--report-url", "-"}, []string{"REBOUND_REPORT_TIMEOUT=banana"}, `REBOUND_REPORT_TIMEOUT="banana"`},
		{"bad deprecated environment", []string{"pipe", "--report-url", "-"}, []string{"REBOUND_PIPE_TIMEOUT=soon"}, `REBOUND_PIPE_TIMEOUT="soon"`},
		{"bad enum in environment", []string{"pipe", "--report-url", "-"}, []string{"REBOUND_LOG_FORMAT=xml"}, `REBOUND_LOG_FORMAT="xml"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := tc.args
			if args[0] == "--config" {
				args = append(args, "pipe")
			}
			cmd := exec.Command(reboundBin, args...)
			cmd.Env = append(os.Environ(), tc.env...)
			cmd.Stdin = strings.NewReader(postfixBounce)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != 75 {
				t.Fatalf("exit %v, want 75; stderr:\n%s", err, stderr.String())
			}
			lines := strings.Split(strings.TrimSuffix(stderr.String(), "\n"), "\n")
			if len(lines) != 1 || !strings.Contains(lines[0], tc.want) || !strings.Contains(lines[0], "fix the") {
				t.Errorf("stderr is not one line naming %q and the fix:\n%s", tc.want, stderr.String())
			}
			if stdout.Len() != 0 {
				t.Errorf("stdout: %s", stdout.String())
			}
		})
	}
}

// TestPipeStartupErrorSurvivesClosedStderr: Postfix may close the pipe it reads the filter's
// output from; pipe must still exit 75, not die of SIGPIPE.
func TestPipeStartupErrorSurvivesClosedStderr(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	r.Close()
	defer w.Close()
	cmd := exec.Command(reboundBin, "pipe", "--bogus")
	cmd.Stdin = strings.NewReader(postfixBounce)
	cmd.Stderr = w
	err = cmd.Run()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 75 {
		t.Fatalf("%v, want exit status 75", err)
	}
}

// TestConfigErrorOutsidePipe: other commands tell a configuration fault in one line and exit 78
// (EX_CONFIG); a command-line mistake still shows the usage (kong's exit 80).
func TestConfigErrorOutsidePipe(t *testing.T) {
	config := filepath.Join(t.TempDir(), "rebound.yaml")
	os.WriteFile(config, []byte("outbx: /tmp/outbox\n"), 0o600)
	for _, args := range [][]string{
		{"--config", config, "flush"},
		{"--config", config, "scan", "maildir", t.TempDir()},
		{"--config", config, "check"},
	} {
		_, stderr, code := run(t, "", args...)
		if code != exitConfig || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, `unknown key "outbx" (did you mean outbox?)`) {
			t.Errorf("%v: exit %d, stderr:\n%s", args, code, stderr)
		}
	}
	stdout, stderr, code := run(t, "", "flush", "--bogus")
	if code != 80 || !strings.Contains(stderr, "unknown flag --bogus") || !strings.Contains(stdout, "Usage: rebound flush") {
		t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
}

// TestDeprecatedEnvironmentNames: variables renamed to follow the rule still work, with a WARN
// naming the new one.
func TestDeprecatedEnvironmentNames(t *testing.T) {
	cmd := exec.Command(reboundBin, "scan", "imap", "--dry-run")
	cmd.Env = append(os.Environ(), "REBOUND_IMAP_SERVER=127.0.0.1:1", "REBOUND_IMAP_USER=bounces", "REBOUND_IMAP_SECURITY=none", "REBOUND_IMAP_PASSWORD=x")
	out, _ := cmd.CombinedOutput()
	for _, want := range []string{
		"REBOUND_IMAP_SERVER is deprecated: name it REBOUND_SERVER",
		"REBOUND_IMAP_USER is deprecated: name it REBOUND_USER",
		"127.0.0.1:1", // the old variables took effect: it tried that server
	} {
		if !strings.Contains(string(out), want) {
			t.Errorf("no %q in:\n%s", want, out)
		}
	}
	// The new name wins, silently.
	cmd = exec.Command(reboundBin, "scan", "imap", "--dry-run")
	cmd.Env = append(os.Environ(), "REBOUND_IMAP_SERVER=127.0.0.1:1", "REBOUND_SERVER=127.0.0.1:2", "REBOUND_USER=bounces", "REBOUND_SECURITY=none", "REBOUND_IMAP_PASSWORD=x")
	out, _ = cmd.CombinedOutput()
	if strings.Contains(string(out), "deprecated") || !strings.Contains(string(out), "127.0.0.1:2") {
		t.Errorf("new names:\n%s", out)
	}
}

func TestSuggest(t *testing.T) {
	known := map[string]bool{"report-url": true, "report-password-file": true, "outbox": true, "archive": true, "by": true}
	for key, want := range map[string]string{
		"report-urll":     " (did you mean report-url?)",
		"outbx":           " (did you mean outbox?)",
		"report-password": " (did you mean report-password-file?)",
		"colour":          "",
		"k":               "", // two edits from "by", but no letter of it kept
		"bx":              " (did you mean by?)",
	} {
		if got := suggest(key, known); got != want {
			t.Errorf("suggest(%q) = %q, want %q", key, got, want)
		}
	}
}

// TestConfigSectionsInnermostFirst: a command's own section wins over its parent's (scan:), which
// wins over the top level; a global flag may be set in a command's section too.
func TestConfigSectionsInnermostFirst(t *testing.T) {
	var cli CLI
	parser, err := newParser(&cli, &configFile{})
	if err != nil {
		t.Fatal(err)
	}
	cf := loadYAML(t, map[string]any{
		"from": "top", "log-level": "info",
		"scan":      map[string]any{"from": "scan"},
		"scan-imap": map[string]any{"from": "scan-imap"},
		"pipe":      map[string]any{"log-level": "debug"},
	}, parser.Model)
	for _, tc := range []struct{ args, flag, want string }{
		{"scan imap", "from", "scan-imap"},
		{"scan maildir", "from", "scan"},
		{"check", "log-level", "info"},
		{"pipe", "log-level", "debug"},
	} {
		ctx, err := kong.Trace(parser, strings.Fields(tc.args))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range ctx.Flags() {
			if f.Name != tc.flag {
				continue
			}
			for _, env := range f.Envs {
				t.Setenv(env, "")
				os.Unsetenv(env)
			}
			if got, err := cf.Resolve(ctx, nil, f); err != nil || got != tc.want {
				t.Errorf("%s --%s: %v, %v; want %s", tc.args, tc.flag, got, err, tc.want)
			}
		}
	}
}
