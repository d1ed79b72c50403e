package main

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/alecthomas/kong"
	"gopkg.in/yaml.v3"

	"github.com/rebound/rebound/mailsource"
)

// defaultConfig is read when neither --config nor REBOUND_CONFIG names a file and it exists.
const defaultConfig = "/etc/rebound/rebound.yaml"

// configError is a fault in the configuration (its file, an environment variable or a value in
// either), not in the command line: it is told in one line, without the usage.
type configError struct{ err error }

func (e configError) Error() string { return e.err.Error() }
func (e configError) Unwrap() error { return e.err }

func configErrorf(format string, args ...any) error {
	return configError{fmt.Errorf(format, args...)}
}

// configFile is rebound's YAML configuration file, a kong resolver. Keys are flag names
// (report-url: ...); a section named after a command (pipe:, scan:, scan-imap:, ...) holds keys
// for that command only and wins over the top level, an inner command's section over an outer
// one. Flags win over environment variables, which win over the file.
type configFile struct {
	path     string
	top      map[string]any
	sections map[string]map[string]any // by command path: "pipe", "scan", "scan-imap"
}

// configPath returns the configuration file the command line or REBOUND_CONFIG names, or the
// default one; explicit says whether it was named (a named file must exist).
func configPath(args []string) (path string, explicit bool) {
	for i, a := range args {
		if a == "--" {
			break
		}
		if v, ok := strings.CutPrefix(a, "--config="); ok {
			return v, true
		}
		if a == "--config" && i+1 < len(args) {
			return args[i+1], true
		}
	}
	if v := os.Getenv("REBOUND_CONFIG"); v != "" {
		return v, true
	}
	return defaultConfig, false
}

// loadConfig reads the configuration file at path and checks every key against the command
// model app: an unknown key is an error naming it, its file and the closest known key. A default
// file that does not exist is no error; one that exists but cannot be read is, unless
// ignoreUnreadable (parse, which needs no configuration).
func loadConfig(path string, explicit, ignoreUnreadable bool, app *kong.Application) (*configFile, error) {
	return loadConfigLazily(path, explicit, ignoreUnreadable, func() configModel { return newConfigModel(app) }, nil)
}

// loadConfigLazily is loadConfig for a part of the command model (pipe's alone, which is
// cheaper to build at every start; part returns its configuration keys): the keys are checked against part first, and only when that
// check fails against the whole model's keys (full: for pipe, wholeConfigModel, generated from
// the whole model at build time), so that a file is held to exactly the rules of the whole
// model: a key of another command's section stays valid, and an error names the same key and
// suggestion. With full nil, part is the whole model.
func loadConfigLazily(path string, explicit, ignoreUnreadable bool, part func() configModel, full func() (configModel, error)) (*configFile, error) {
	cf := &configFile{path: path}
	configPolicy = nil // the policy: section of this file, if it has one
	// Opened without os.Open's registration with the network poller, which a pipe that reports
	// to stdout or to a command would otherwise set up for this file alone.
	f, err := mailsource.OpenFile(kong.ExpandPath(path))
	if err != nil {
		if !explicit && (errors.Is(err, os.ErrNotExist) || ignoreUnreadable) {
			return cf, nil
		}
		return nil, configErrorf("configuration file: %w", err)
	}
	defer f.Close()
	if err := yaml.NewDecoder(f).Decode(&cf.top); err != nil && err != io.EOF {
		return nil, configErrorf("configuration file %s: %s", path, strings.ReplaceAll(err.Error(), "\n", ";"))
	}
	model := part()
	if full != nil {
		if cf.checkKeys(model, true) == nil {
			return cf, nil
		}
		if model, err = full(); err != nil {
			return nil, err
		}
	}
	if err := cf.checkKeys(model, false); err != nil {
		return nil, err
	}
	return cf, nil
}

// errNeedsWholeModel is checkKeys's answer, for a part of the model, to a key whose meaning
// only the whole model tells: a section of keys named after a flag (outbox:), which the whole
// model may take for a command's section.
var errNeedsWholeModel = errors.New("configuration: key needs the whole command model")

// checkKeys checks the keys of the file against model and sets cf.sections. With partial, model
// is part of the command model and a map under a key that is not one of its sections is refused.
func (cf *configFile) checkKeys(model configModel, partial bool) error {
	path := cf.path
	cf.sections = map[string]map[string]any{}
	for key, v := range cf.top {
		sec, isMap := v.(map[string]any)
		if key == policySection {
			if err := checkPolicy(v); err != nil {
				return configErrorf("configuration file %s: %w", path, err)
			}
			continue
		}
		if keys, isSection := model.sections[key]; isSection && (isMap || !model.keys[key]) {
			// A name that is both a command and a flag (outbox) is a section when it holds keys.
			if !isMap {
				return configErrorf("configuration file %s: %s: a command's section holds keys (%s:\\n  key: value)", path, key, key)
			}
			for k := range sec {
				if !keys[k] {
					return configErrorf("configuration file %s: unknown key %q in section %s%s", path, k, key, suggest(k, keys))
				}
			}
			cf.sections[key] = sec
			continue
		}
		if partial && isMap {
			return errNeedsWholeModel
		}
		if !model.keys[key] {
			if isMap {
				return configErrorf("configuration file %s: unknown section %q%s", path, key, suggest(key, model.sections))
			}
			return configErrorf("configuration file %s: unknown key %q%s", path, key, suggest(key, model.keys))
		}
	}
	return nil
}

// configModel is what a configuration file may hold: the keys of the top level and of each
// command's section.
type configModel struct {
	keys     map[string]bool            // every flag of every command
	sections map[string]map[string]bool // per command path: the flags of the command, its parents and its subcommands
}

// notConfigKeys are flags that make no sense in the configuration file.
var notConfigKeys = map[string]bool{"help": true, "config": true, "version": true}

func newConfigModel(app *kong.Application) configModel {
	m := configModel{keys: map[string]bool{}, sections: map[string]map[string]bool{}}
	var walk func(n *kong.Node)
	walk = func(n *kong.Node) {
		for _, f := range n.Flags {
			if !notConfigKeys[f.Name] {
				m.keys[f.Name] = true
			}
		}
		if n.Type == kong.CommandNode {
			keys := map[string]bool{}
			for _, group := range n.AllFlags(false) { // the command's and its parents'
				for _, f := range group {
					keys[f.Name] = true
				}
			}
			for _, leaf := range n.Leaves(false) { // its subcommands'
				for _, group := range leaf.AllFlags(false) {
					for _, f := range group {
						keys[f.Name] = true
					}
				}
			}
			for k := range notConfigKeys {
				delete(keys, k)
			}
			m.sections[sectionName(n)] = keys
		}
		for _, c := range n.Children {
			walk(c)
		}
	}
	walk(app.Node)
	return m
}

// sectionName is the configuration section of a command: its path joined with "-" (scan-imap).
func sectionName(n *kong.Node) string {
	var names []string
	for ; n != nil && n.Type != kong.ApplicationNode; n = n.Parent {
		names = append([]string{n.Name}, names...)
	}
	return strings.Join(names, "-")
}

// suggest returns ` (did you mean KEY?)` for the known key closest to key, or "".
func suggest[T any](key string, known map[string]T) string {
	best, bestDist := "", 3 // at most two edits away, or a longer key starting with this one
	for k := range known {
		d := editDistance(key, k)
		if strings.HasPrefix(k, key+"-") {
			d = min(d, 1)
		}
		if d >= len(key) {
			continue // every letter would change: "k" is not a typo of "by"
		}
		if d < bestDist || d == bestDist && best != "" && k < best {
			best, bestDist = k, d
		}
	}
	if best == "" {
		return ""
	}
	return " (did you mean " + best + "?)"
}

// editDistance is the Levenshtein distance of a and b.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// Validate implements kong.Resolver; the keys were checked when the file was loaded.
func (cf *configFile) Validate(*kong.Application) error { return nil }

// Resolve implements kong.Resolver: the value of flag from the selected command's sections,
// innermost first, then from the top level. The value is checked here so that a bad one is
// told with its file and key.
func (cf *configFile) Resolve(ctx *kong.Context, _ *kong.Path, flag *kong.Flag) (any, error) {
	for _, env := range flag.Envs {
		if _, set := os.LookupEnv(env); set {
			return nil, nil // the environment wins over the file
		}
	}
	where, v, found := cf.lookup(ctx.Selected(), flag.Name)
	if !found {
		return nil, nil
	}
	if err := checkValue(flag, v); err != nil {
		return nil, configErrorf("configuration file %s: %s: %w", cf.path, where, err)
	}
	return v, nil
}

// lookup finds key in the sections of the command n and its parents, then at the top level.
func (cf *configFile) lookup(n *kong.Node, key string) (where string, v any, found bool) {
	command := ""
	if n != nil && n.Type == kong.CommandNode {
		command = sectionName(n)
	}
	var chain []string
	for ; n != nil && n.Type == kong.CommandNode; n = n.Parent {
		chain = append(chain, sectionName(n))
	}
	return cf.lookupSection(command, chain, key)
}

// lookupSection finds key in the sections chain (the command's, then its parents'; command is
// the first), then at the top level.
func (cf *configFile) lookupSection(command string, chain []string, key string) (where string, v any, found bool) {
	for _, name := range chain {
		if v, ok := cf.sections[name][key]; ok {
			return name + ": " + key, v, true
		}
	}
	for _, fb := range sectionFallbacks {
		if fb.only != nil && !slices.Contains(fb.only, key) {
			continue
		}
		if name, ok := strings.CutPrefix(key, fb.prefix); ok && command == fb.section {
			if v, ok := cf.sections[fb.to][name]; ok {
				return fb.to + ": " + name, v, true
			}
		}
	}
	if _, isSection := cf.sections[key]; !isSection {
		if v, ok := cf.top[key]; ok {
			return key, v, true
		}
	}
	return "", nil, false
}

// checkValue decodes v as flag would, into a scratch value, and checks it against the flag's
// choices. A duration needs its unit: kong would read a bare 30 as 30 nanoseconds.
func checkValue(flag *kong.Flag, v any) error {
	if flag.Target.Type() == reflect.TypeOf(time.Duration(0)) {
		if _, isString := v.(string); !isString {
			return fmt.Errorf("%v is not a duration: write it with its unit (30s, 2m, 1h)", v)
		}
	}
	scratch := reflect.New(flag.Target.Type()).Elem()
	scan := kong.Scan().PushTyped(v, kong.FlagValueToken)
	if err := flag.Mapper.Decode(&kong.DecodeContext{Value: flag.Value, Scan: scan}, scratch); err != nil {
		return err
	}
	return checkEnum(flag, scratch)
}

// checkEnum checks a decoded value against the flag's enum, if it has one.
func checkEnum(flag *kong.Flag, v reflect.Value) error {
	if flag.Enum == "" {
		return nil
	}
	choices := flag.EnumMap()
	if v.Kind() == reflect.String && !choices[v.String()] {
		return fmt.Errorf("%q is not one of %s", v.String(), strings.Join(flag.EnumSlice(), ", "))
	}
	return nil
}

// checkEnvironment checks the value of every environment variable of the flags of the command
// being run, so that a bad one is told with its name; and maps a deprecated variable of a flag
// (its deprecated-env tag) to the flag's variable when that one is not set. It returns a warning
// per deprecated variable in use.
func checkEnvironment(flags []*kong.Flag) (warnings []string, err error) {
	for _, flag := range flags {
		if len(flag.Envs) == 0 {
			continue
		}
		from := map[string]string{} // a flag's variable set from a deprecated one: that one
		if old := flag.Tag.Get("deprecated-env"); old != "" {
			was, err := mapDeprecatedEnv(flag, strings.Split(old, ","))
			if err != nil {
				return nil, err
			}
			if was != "" {
				from[flag.Envs[0]] = was
				warnings = append(warnings, fmt.Sprintf("environment variable %s is deprecated: name it %s (--%s)", was, flag.Envs[0], flag.Name))
			}
		}
		for _, env := range flag.Envs {
			val, set := os.LookupEnv(env)
			if !set {
				continue
			}
			scratch := reflect.New(flag.Target.Type()).Elem()
			scan := kong.ScanFromTokens(kong.Token{Type: kong.FlagValueToken, Value: val})
			err := flag.Mapper.Decode(&kong.DecodeContext{Value: flag.Value, Scan: scan}, scratch)
			if err == nil {
				err = checkEnum(flag, scratch)
			}
			if err != nil {
				if was, ok := from[env]; ok {
					env = was
				}
				return nil, configErrorf("environment variable %s=%q: %w", env, val, err)
			}
			break // kong reads the first one set
		}
	}
	return warnings, nil
}

// mapDeprecatedEnv sets the flag's environment variable from the first of its old names that is
// set, when the new one is not, and returns that old name.
func mapDeprecatedEnv(flag *kong.Flag, old []string) (string, error) {
	if slices.ContainsFunc(flag.Envs, func(e string) bool { _, set := os.LookupEnv(e); return set }) {
		return "", nil
	}
	for _, o := range old {
		if slices.Contains(flag.Envs, o) {
			continue
		}
		if val, set := os.LookupEnv(o); set {
			if err := os.Setenv(flag.Envs[0], val); err != nil {
				return "", fmt.Errorf("environment: %w", err)
			}
			return o, nil
		}
	}
	return "", nil
}

// sectionFallbacks let a command's flags read another command's section: check's imap-server,
// imap-user, imap-from, ... are the scan-imap section's server, user, from, ..., and its
// keep-unrecognized, archive and history the pipe section's, unless the check section sets them, so that
// check probes the mailbox the scan reads and the Maildirs the pipe writes.
var sectionFallbacks = []struct {
	section, prefix, to string
	only                []string // when set, only these keys fall back
}{
	{section: "check", prefix: "imap-", to: "scan-imap"},
	{section: "check", to: "pipe", only: []string{"keep-unrecognized", "archive", "history"}},
}

func logWarn(msg string, args ...any) { slog.Warn(msg, args...) }
