package main

import (
	"io"
	"log/slog"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/alecthomas/kong"
)

// TestFastPipeModelAsKong holds the fast path's flags to kong's model of pipeCLI: the same
// names, where they may stand, their environment variables, defaults and choices, the same
// positional arguments and the same configuration keys.
func TestFastPipeModelAsKong(t *testing.T) {
	fast, ok := newFastPipeModel()
	if !ok {
		t.Fatal("the fast path does not read pipeCLI: pipe would always go through kong")
	}
	parser, err := newParser(&pipeCLI{}, &configFile{})
	if err != nil {
		t.Fatal(err)
	}
	pipeNode := parser.Model.Children[0]
	seen := 0
	for _, node := range []*kong.Node{parser.Model.Node, pipeNode} {
		for _, f := range node.Flags {
			if f.Name == "help" {
				continue
			}
			seen++
			ff := fast.flags[f.Name]
			if ff == nil {
				t.Errorf("--%s: not in the fast path's flags", f.Name)
				continue
			}
			envs := slices.Clone(f.Envs)
			if old := f.Tag.Get("deprecated-env"); old != "" {
				envs = append(envs, strings.Split(old, ",")...)
			}
			if !slices.Equal(ff.envs, envs) {
				t.Errorf("--%s: environment %v, kong's %v", f.Name, ff.envs, envs)
			}
			if ff.def != f.Default || ff.hasDef != f.HasDefault {
				t.Errorf("--%s: default %q (%v), kong's %q (%v)", f.Name, ff.def, ff.hasDef, f.Default, f.HasDefault)
			}
			if enum := strings.Join(ff.enum, ","); enum != f.Enum {
				t.Errorf("--%s: choices %q, kong's %q", f.Name, enum, f.Enum)
			}
			if ff.global != (node == parser.Model.Node) {
				t.Errorf("--%s: global %v", f.Name, ff.global)
			}
		}
	}
	if seen != len(fast.order) {
		t.Errorf("the fast path has %d flags, kong %d", len(fast.order), seen)
	}
	if len(fast.args) != len(pipeNode.Positional) {
		t.Errorf("%d positional arguments, kong %d", len(fast.args), len(pipeNode.Positional))
	}
	if got, want := fast.configModel(), newConfigModel(parser.Model); !reflect.DeepEqual(got, want) {
		t.Errorf("configuration keys %v, kong's model's %v", got, want)
	}
}

// fastCase is a pipe command line and configuration file made up from the flags of pipeCLI.
type fastCase struct {
	args   []string
	config string
}

// argValues and configValues are values of each type of flag on the command line and in the
// configuration file (YAML): good ones, then after "|" bad ones or ones kong reads in its own way.
var (
	argValues = map[reflect.Type][]string{
		reflect.TypeFor[string]():        {"x", "-", "", "/tmp/a b", "json", "listmonk", "form", "|", "bad", "-x", "a,b"},
		reflect.TypeFor[int64]():         {"10", "0x10", "-5", "|", "x", "1e3", "9999999999999999999999"},
		reflect.TypeFor[time.Duration](): {"30s", "2m", "1h2m", "-1s", "|", "10", "x"},
		reflect.TypeFor[[]string]():      {"a", "b+{local}={domain}@x", "|", "a,b", `a\,b`, ""},
		reflect.TypeFor[slog.Level]():    {"info", "DEBUG", "warn+1", "error", "|", "x", "3"},
	}
	configValues = map[reflect.Type][]string{
		reflect.TypeFor[string]():        {`"x"`, `x`, `""`, `json`, `form`, `listmonk`, "|", `3`, `true`, `[a]`, `bad`, `~`},
		reflect.TypeFor[bool]():          {`true`, `false`, "|", `"yes"`, `1`, `[true]`},
		reflect.TypeFor[int64]():         {`10`, `"10"`, `-3`, `0x10`, "|", `1.5`, `x`},
		reflect.TypeFor[time.Duration](): {`30s`, `"2m"`, "|", `10`, `x`, `1.5`},
		reflect.TypeFor[[]string]():      {`[a, b]`, `a`, `["", x]`, "|", `"a,b"`, `[]`, `[1]`, `{a: b}`},
		reflect.TypeFor[slog.Level]():    {`info`, `WARN`, `"debug-2"`, "|", `3`, `x`},
	}
)

// pickValue picks a value of list, a bad one (after "|") once in eight.
func pickValue(rng *rand.Rand, list []string) string {
	bar := slices.Index(list, "|")
	if rng.IntN(8) == 0 {
		return list[bar+1+rng.IntN(len(list)-bar-1)]
	}
	return list[rng.IntN(bar)]
}

// randomFastCase makes a command line of flags before and after the command word, in both
// forms, with positional arguments, and a configuration file setting flags at the top level or
// in the pipe: section.
func randomFastCase(rng *rand.Rand, m *fastPipeModel, configPath string) fastCase {
	typeOf := func(f *fastFlag) reflect.Type { return reflect.TypeFor[pipeCLI]().FieldByIndex(f.field).Type }
	pick := func(list []string) string { return list[rng.IntN(len(list))] }
	flagArgs := func(global bool) []string {
		var args []string
		for range rng.IntN(4) {
			f := m.order[rng.IntN(len(m.order))]
			if global && !f.global && rng.IntN(4) > 0 {
				continue
			}
			if f.name == "config" {
				continue
			}
			if typeOf(f).Kind() == reflect.Bool {
				args = append(args, "--"+f.name+pick([]string{"", "", "", "=true", "=false"}))
				continue
			}
			v := pickValue(rng, argValues[typeOf(f)])
			if rng.IntN(2) == 0 {
				args = append(args, "--"+f.name+"="+v)
			} else {
				args = append(args, "--"+f.name, v)
			}
		}
		switch rng.IntN(30) {
		case 0:
			args = append(args, "-x")
		case 1:
			args = append(args, "--no-such-flag")
		case 2:
			args = append(args, "--version")
		}
		return args
	}
	var c fastCase
	config := []string{"--config", configPath}
	if rng.IntN(2) == 0 {
		config = []string{"--config=" + configPath}
	}
	c.args = append(c.args, flagArgs(true)...)
	if rng.IntN(2) == 0 {
		c.args = append(c.args, config...)
	}
	c.args = append(c.args, "pipe")
	c.args = append(c.args, flagArgs(false)...)
	for range rng.IntN(4) {
		c.args = append(c.args, pick([]string{"", "bounces+a=b.example@lists.example", "-", "x y"}))
		if rng.IntN(3) == 0 {
			c.args = append(c.args, flagArgs(false)...)
		}
	}
	if !slices.Contains(c.args, configPath) && !slices.Contains(c.args, "--config="+configPath) {
		c.args = append(c.args, config...)
	}
	var top, section []string
	for range rng.IntN(5) {
		f := m.order[rng.IntN(len(m.order))]
		if notConfigKeys[f.name] {
			continue
		}
		line := f.name + ": " + pickValue(rng, configValues[typeOf(f)])
		if rng.IntN(2) == 0 {
			top = append(top, line)
		} else {
			section = append(section, "  "+line)
		}
	}
	c.config = strings.Join(top, "\n") + "\n"
	if len(section) > 0 {
		c.config += "pipe:\n" + strings.Join(section, "\n") + "\n"
	}
	if rng.IntN(6) == 0 {
		c.config += "scan-imap:\n  server: imap.example.org:993\n"
	}
	return c
}

// TestFastPipeAsKong holds fastParsePipe to kong over made-up command lines and configuration
// files: whatever it reads, kong reads without error into the same pipeCLI. It must read the
// command lines of the documentation (contrib/postfix/master.cf) and most plain ones, or pipe
// would go on paying for kong.
func TestFastPipeAsKong(t *testing.T) {
	fast, ok := newFastPipeModel()
	if !ok {
		t.Fatal("the fast path does not read pipeCLI")
	}
	dir := t.TempDir()
	configPath := filepath.Join(dir, "rebound.yaml")
	whole := func() (configModel, error) { return wholeConfigModel(), nil }
	kongRead := 0
	check := func(c fastCase) (read bool) {
		t.Helper()
		if err := os.WriteFile(configPath, []byte(c.config), 0o600); err != nil {
			t.Fatal(err)
		}
		cf, err := loadConfigLazily(configPath, true, false, fast.configModel, whole)
		if err != nil {
			return false // told by the same code whatever the parser
		}
		got, ok := fastParsePipe(fast, c.args, cf)
		var want pipeCLI
		parser, err := newParser(&want, cf, kong.Writers(io.Discard, io.Discard), kong.Exit(func(int) { t.Fatalf("%q: kong exits", c.args) }))
		if err != nil {
			t.Fatal(err)
		}
		_, kongErr := parser.Parse(c.args)
		if kongErr == nil {
			kongRead++
		}
		if !ok {
			return false
		}
		if kongErr != nil {
			t.Errorf("args %q, config %q: read by the fast path, kong says %v", c.args, c.config, kongErr)
		} else if !reflect.DeepEqual(*got, want) {
			t.Errorf("args %q, config %q:\nfast %+v\nkong %+v", c.args, c.config, *got, want)
		}
		return true
	}
	for _, c := range []fastCase{
		{[]string{"--config", configPath, "pipe", "", "bounces+user=example.com@bounces.example.org"}, "report-url: https://app.example/hook\nverp:\n  - \"bounces+{local}={domain}@bounces.example.org\"\npipe:\n  max-size: 10000000\nscan-imap:\n  server: imap.example.org:993\n"},
		{[]string{"pipe", "--config", configPath, "--report-url", "-"}, ""},
		{[]string{"pipe", "--config=" + configPath, "--report-url=-", "--report-format", "listmonk", "--timeout", "1m", "--verp", "b+{local}={domain}@x", "--verp", "c+{local}={domain}@x", "", "x@y"}, "log-level: debug\nreport-delays: true\n"},
	} {
		if !check(c) {
			t.Errorf("args %q, config %q: not read by the fast path", c.args, c.config)
		}
	}
	rng := rand.New(rand.NewPCG(16, 2))
	read, n := 0, 1500
	for range n {
		if check(randomFastCase(rng, fast, configPath)) {
			read++
		}
	}
	t.Logf("of %d command lines, kong read %d, the fast path %d", n, kongRead, read)
	if read < kongRead/2 {
		t.Errorf("the fast path read only %d of the %d command lines kong read", read, kongRead)
	}
}

// TestFastPipeDeclines checks what the fast path leaves to kong: a flag's environment variable
// (kong reads and checks it, with deprecated names), --help, short flags, "--", a flag of pipe
// before the command word, a value that looks like a flag.
func TestFastPipeDeclines(t *testing.T) {
	fast, ok := newFastPipeModel()
	if !ok {
		t.Fatal("the fast path does not read pipeCLI")
	}
	cf := &configFile{}
	for _, args := range [][]string{
		{"pipe", "--help"}, {"pipe", "-h"}, {"pipe", "--", "x"}, {"--report-url", "-", "pipe"},
		{"pipe", "--report-url", "-x"}, {"pipe", "--report-url"}, {"pipe", "a", "b", "c"},
		{"pipe", "--syslog=true"}, {"pipe", "--timeout", "1m", "--timeout", "2m"}, {"scan", "maildir"},
		{"pipe", "--rules", "/etc/rebound/rules.txt"},
	} {
		if _, ok := fastParsePipe(fast, args, cf); ok {
			t.Errorf("%q: read by the fast path", args)
		}
	}
	for _, env := range []string{"REBOUND_REPORT_URL", "REBOUND_PIPE_TIMEOUT", "REBOUND_LOG_LEVEL", "REBOUND_HISTORY"} {
		t.Run(env, func(t *testing.T) {
			t.Setenv(env, "x")
			if _, ok := fastParsePipe(fast, []string{"pipe"}, cf); ok {
				t.Errorf("%s set: read by the fast path", env)
			}
		})
	}
	if _, ok := fastParsePipe(fast, []string{"pipe"}, cf); !ok {
		t.Error("a bare pipe is not read by the fast path")
	}
}
