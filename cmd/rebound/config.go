package main

import (
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/alecthomas/kong"
	"gopkg.in/yaml.v3"
)

// yamlConfig is kong's configuration loader for rebound's YAML file. Flags win over environment
// variables, which win over the file. Keys are flag names
// (report-url: ...); a section named after a command (pipe:, scan-imap:, ...) holds keys for that
// command only and wins over the top level.
func yamlConfig(r io.Reader) (kong.Resolver, error) {
	var conf map[string]any
	if err := yaml.NewDecoder(r).Decode(&conf); err != nil && err != io.EOF {
		return nil, fmt.Errorf("config: %w", err)
	}
	return kong.ResolverFunc(func(ctx *kong.Context, parent *kong.Path, flag *kong.Flag) (any, error) {
		for _, env := range flag.Envs {
			if _, set := os.LookupEnv(env); set {
				return nil, nil // the environment wins over the file
			}
		}
		section := ""
		for n := parent.Node(); n != nil && n.Type != kong.ApplicationNode; n = n.Parent {
			if section == "" {
				section = n.Name
			} else {
				section = n.Name + "-" + section
			}
		}
		if sec, ok := conf[section].(map[string]any); ok && section != "" {
			if v, ok := sec[flag.Name]; ok {
				return v, nil
			}
		}
		if v, ok := conf[flag.Name]; ok {
			if _, isSection := v.(map[string]any); !isSection {
				return v, nil
			}
		}
		return nil, nil
	}), nil
}

func logWarn(msg string, args ...any) { slog.Warn(msg, args...) }
