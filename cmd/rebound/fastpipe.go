package main

import (
	"log/slog"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The command line of a pipe read without kong. Postfix starts one rebound per bounce, and
// building kong's model of pipe (its flags' tags parsed, their help interpolated, by reflection)
// was about 130 of the 800 page faults and 1.5 ms of the CPU time of each. fastParsePipe reads
// the common command lines (`rebound --config FILE pipe SENDER RECIPIENT`, flags as --name VALUE
// or --name=VALUE, values from the configuration file) into pipeCLI as kong would, and declines
// anything else: an environment variable of a flag, a short flag, --help, a value it is not sure
// to read as kong does, a flag type or tag it does not know. A declined command line goes
// through kong as before, so every error and its message stay kong's.
// TestFastPipeAsKong holds its answers to kong's over generated command lines and files, and
// TestFastPipeModelAsKong its flags and configuration keys to kong's model of pipeCLI.

// fastFlag is a flag of pipeCLI as the fast path reads it, from the field's tags.
type fastFlag struct {
	name    string
	field   []int    // index of the field in pipeCLI
	envs    []string // its environment variables and deprecated ones
	def     string   // default:"..."
	hasDef  bool
	enum    []string // enum:"..."
	global  bool     // a flag of Globals, allowed before the command word
	special bool     // a type or a tag the fast path does not read: any use goes through kong
}

// fastPipeModel is pipeCLI's flags and positional arguments.
type fastPipeModel struct {
	flags map[string]*fastFlag
	order []*fastFlag
	args  [][]int // the positional arguments' fields, in order
}

//go:generate go test -run ^TestFastPipeModelUpToDate$ -update-fast-pipe-model .

// newFastPipeModel returns pipeCLI's flags and arguments as the fast path reads them: the table
// fastpipe_gen.go holds, generated from pipeCLI's fields by reflection at build time
// (reflectFastPipeModel, TestFastPipeModelUpToDate), as reading the tags at every start was
// about a quarter of a pipe's instructions. It reports false when pipeCLI has something the
// fast path does not know (a field without a name tag, a required or non-string argument).
func newFastPipeModel() (*fastPipeModel, bool) {
	if !fastPipeKnown {
		return nil, false
	}
	m := &fastPipeModel{flags: make(map[string]*fastFlag, len(fastPipeFlags)), order: make([]*fastFlag, len(fastPipeFlags)), args: fastPipeArgs}
	for i := range fastPipeFlags {
		f := &fastPipeFlags[i]
		m.flags[f.name] = f
		m.order[i] = f
	}
	return m, true
}

// configModel is newConfigModel of kong's model of pipeCLI: the keys of pipe's flags and the
// global ones, at the top level and in the pipe: section.
func (m *fastPipeModel) configModel() configModel {
	keys := map[string]bool{}
	for _, f := range m.order {
		if !notConfigKeys[f.name] {
			keys[f.name] = true
		}
	}
	section := make(map[string]bool, len(keys))
	for k := range keys {
		section[k] = true
	}
	return configModel{keys: keys, sections: map[string]map[string]bool{"pipe": section}}
}

// fastParsePipe reads args (a pipe's command line) and the configuration cf into a pipeCLI as
// kong would, or reports false when it cannot be sure to.
func fastParsePipe(m *fastPipeModel, args []string, cf *configFile) (*pipeCLI, bool) {
	for _, f := range m.order {
		for _, env := range f.envs {
			if _, set := os.LookupEnv(env); set {
				return nil, false
			}
		}
	}
	cli := &pipeCLI{}
	root := reflect.ValueOf(cli).Elem()
	set := map[*fastFlag]bool{}
	command := false
	var positional []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "" || a[0] != '-' || a == "-" { // kong reads "-" as a positional value too
			if !command {
				if a != "pipe" {
					return nil, false
				}
				command = true
				continue
			}
			positional = append(positional, a)
			continue
		}
		if !strings.HasPrefix(a, "--") || a == "--" {
			return nil, false
		}
		name, value, hasValue := strings.Cut(a[2:], "=")
		f := m.flags[name]
		if f == nil || f.special || (!command && !f.global) {
			return nil, false
		}
		target := root.FieldByIndex(f.field)
		if set[f] && target.Kind() != reflect.Slice {
			return nil, false
		}
		set[f] = true
		if target.Kind() == reflect.Bool {
			if hasValue {
				return nil, false
			}
			target.SetBool(true)
			continue
		}
		if !hasValue {
			if i+1 >= len(args) || strings.HasPrefix(args[i+1], "-") && args[i+1] != "-" {
				return nil, false
			}
			i++
			value = args[i]
		}
		if !decodeFast(f, target, value) {
			return nil, false
		}
	}
	if !command || len(positional) > len(m.args) {
		return nil, false
	}
	for i, v := range positional {
		root.FieldByIndex(m.args[i]).SetString(v)
	}
	for _, f := range m.order {
		if set[f] {
			continue
		}
		target := root.FieldByIndex(f.field)
		if _, v, found := cf.lookupSection("pipe", []string{"pipe"}, f.name); found {
			if f.special || !decodeFast(f, target, v) {
				return nil, false
			}
		} else if f.hasDef && (f.special || !decodeFast(f, target, f.def)) {
			return nil, false
		}
	}
	return cli, true
}

// decodeFast sets target, the field of f, from v (a command-line string, or a value of the
// configuration file) as kong's mapper of its type would, or reports false.
func decodeFast(f *fastFlag, target reflect.Value, v any) bool {
	switch target.Interface().(type) {
	case string:
		s, ok := v.(string)
		if !ok || !inEnum(f, s) {
			return false
		}
		target.SetString(s)
	case bool:
		b, ok := v.(bool)
		if !ok {
			return false
		}
		target.SetBool(b)
	case int64:
		var s string
		switch n := v.(type) {
		case int:
			s = strconv.Itoa(n)
		case string:
			s = n
		default:
			return false
		}
		n, err := strconv.ParseInt(s, 0, 64)
		if err != nil {
			return false
		}
		target.SetInt(n)
	case time.Duration:
		s, ok := v.(string)
		if !ok {
			return false
		}
		d, err := time.ParseDuration(s)
		if err != nil {
			return false
		}
		target.SetInt(int64(d))
	case slog.Level:
		s, ok := v.(string)
		if !ok {
			return false
		}
		var l slog.Level
		if l.UnmarshalText([]byte(s)) != nil {
			return false
		}
		target.SetInt(int64(l))
	case []string:
		var add []string
		switch vs := v.(type) {
		case string: // kong splits a value at commas, with escapes: only a plain one is read here
			if vs == "" || strings.ContainsAny(vs, `,\`) {
				return false
			}
			add = []string{vs}
		case []any:
			if len(vs) == 0 || target.Len() > 0 {
				return false
			}
			for _, e := range vs {
				s, ok := e.(string)
				if !ok {
					return false
				}
				add = append(add, s)
			}
		default:
			return false
		}
		target.Set(reflect.AppendSlice(target, reflect.ValueOf(add)))
	default:
		return false
	}
	return true
}

// inEnum reports whether s is one of f's choices, when it has any.
func inEnum(f *fastFlag, s string) bool { return f.enum == nil || slices.Contains(f.enum, s) }
