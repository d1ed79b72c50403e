package earlyhelp

import (
	"os"
	"testing"
)

// TestWriteCases: the prerendered help is taken for --help and -h alone at 80 columns with no
// global flag's variable set, and left to kong otherwise. (cmd/rebound's TestHelpFromBinary
// holds the binary's output to kong's in each case; TestHelpUpToDate holds Text to kong's.)
func TestWriteCases(t *testing.T) {
	for _, env := range append([]string{"COLUMNS"}, Env...) {
		if v, set := os.LookupEnv(env); set {
			t.Setenv(env, v)
			os.Unsetenv(env)
		}
	}
	for _, tc := range []struct {
		name string
		args []string
		env  map[string]string
		want bool
	}{
		{"--help", []string{"--help"}, nil, true},
		{"-h", []string{"-h"}, nil, true},
		{"COLUMNS=80", []string{"--help"}, map[string]string{"COLUMNS": "80"}, true},
		{"COLUMNS not a number", []string{"--help"}, map[string]string{"COLUMNS": "wide"}, true},
		{"COLUMNS=120", []string{"--help"}, map[string]string{"COLUMNS": "120"}, false},
		{"REBOUND_LOG_LEVEL set", []string{"--help"}, map[string]string{"REBOUND_LOG_LEVEL": "info"}, false},
		{"REBOUND_CONFIG set", []string{"-h"}, map[string]string{"REBOUND_CONFIG": "/dev/null"}, false},
		{"a command's help", []string{"pipe", "--help"}, nil, false},
		{"a flag before", []string{"--syslog", "--help"}, nil, false},
		{"no arguments", nil, nil, false},
		{"version", []string{"--version"}, nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			out, err := os.Create(t.TempDir() + "/help")
			if err != nil {
				t.Fatal(err)
			}
			defer out.Close()
			got := Write(tc.args, out)
			written, _ := os.ReadFile(out.Name())
			want := ""
			if tc.want {
				want = Text
			}
			if got != tc.want || string(written) != want {
				t.Errorf("Write(%q) = %v, wrote %d bytes; want %v, %d bytes", tc.args, got, len(written), tc.want, len(want))
			}
		})
	}
}
