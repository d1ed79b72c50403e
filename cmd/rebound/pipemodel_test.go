package main

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/alecthomas/kong"
)

// TestPipeModelIsPartOfCLI: the model pipe builds for itself (pipeCLI) has the global flags and
// pipe's flags and arguments exactly as CLI has them, so that a pipe command line, its
// environment variables and its configuration keys mean the same in both.
func TestPipeModelIsPartOfCLI(t *testing.T) {
	whole, err := newParser(&CLI{}, &configFile{})
	if err != nil {
		t.Fatal(err)
	}
	part, err := newParser(&pipeCLI{}, &configFile{})
	if err != nil {
		t.Fatal(err)
	}
	pipeNode := func(app *kong.Application) *kong.Node {
		for _, c := range app.Children {
			if c.Name == "pipe" {
				return c
			}
		}
		t.Fatal("no pipe command")
		return nil
	}
	describe := func(flags []*kong.Flag) []string {
		var out []string
		for _, f := range flags {
			out = append(out, f.Name+"|"+f.Help+"|"+f.Default+"|"+f.Enum+"|"+f.Target.Type().String()+"|"+f.Tag.Get("deprecated-env")+"|"+
				func() string {
					s := ""
					for _, e := range f.Envs {
						s += e + ","
					}
					return s
				}())
		}
		return out
	}
	var wholeGlobals []*kong.Flag
	for _, f := range whole.Model.Flags {
		if f.Name != "version" { // --version is answered by the whole model (needsNoConfig)
			wholeGlobals = append(wholeGlobals, f)
		}
	}
	if got, want := describe(part.Model.Flags), describe(wholeGlobals); !reflect.DeepEqual(got, want) {
		t.Errorf("global flags of pipe's model:\n%q\nwant (CLI's):\n%q", got, want)
	}
	if len(part.Model.Children) != 1 {
		t.Errorf("pipe's model has %d commands, want pipe alone", len(part.Model.Children))
	}
	wp, pp := pipeNode(whole.Model), pipeNode(part.Model)
	if got, want := describe(pp.Flags), describe(wp.Flags); !reflect.DeepEqual(got, want) {
		t.Errorf("pipe's flags in its own model:\n%q\nwant (CLI's):\n%q", got, want)
	}
	if len(pp.Positional) != len(wp.Positional) {
		t.Errorf("pipe has %d arguments in its own model, %d in CLI's", len(pp.Positional), len(wp.Positional))
	}
}

// TestPipeConfigCheckedAsWhole: a configuration file read by pipe, which checks its keys against
// pipe's model first and against the whole model's keys (wholeConfigModel, generated) when that
// fails, is accepted or refused exactly as with the whole model, with the same error and the
// same sections.
func TestPipeConfigCheckedAsWhole(t *testing.T) {
	wholeApp := func() (*kong.Application, error) {
		p, err := newParser(&CLI{}, &configFile{})
		if err != nil {
			return nil, err
		}
		return p.Model, nil
	}
	part, err := newParser(&pipeCLI{}, &configFile{})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for i, content := range []string{
		"report-url: \"-\"\n",
		"report-url: \"-\"\npipe:\n  archive: /tmp/a\n",
		"report-url: \"-\"\nscan-imap:\n  server: 127.0.0.1:993\n  user: bounces\n", // another command's section
		"report-url: \"-\"\nimap-server: 127.0.0.1:993\n",                           // another command's flag at the top
		"report-url: \"-\"\noutbox: /var/spool/rebound\n",                           // a flag that is also a command's name
		"outbox:\n  outbox: /var/spool/rebound\n",                                   // ... and as that command's section
		"outbox:\n  archive: /tmp/a\n",                                              // a key that command does not have
		"report-url: \"-\"\npolicy:\n  mailboxfull: strikes 3 within 30d\n",         // the policy section
		"report-urll: http://127.0.0.1/\n",                                          // unknown key
		"pipe:\n  outbx: /tmp\n",                                                    // unknown key in pipe's section
		"scan-imap:\n  serverr: x\n",                                                // unknown key in another section
		"pipes:\n  archive: /tmp\n",                                                 // unknown section
		"scan-imap: 3\n",                                                            // a section that is not one
	} {
		path := filepath.Join(dir, "c"+string(rune('a'+i))+".yaml")
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		app, err := wholeApp()
		if err != nil {
			t.Fatal(err)
		}
		want, wantErr := loadConfig(path, true, false, app)
		got, gotErr := loadConfigLazily(path, true, false, func() configModel { return newConfigModel(part.Model) }, func() (configModel, error) { return wholeConfigModel(), nil })
		if (wantErr == nil) != (gotErr == nil) || wantErr != nil && wantErr.Error() != gotErr.Error() {
			t.Errorf("%q: pipe's check says %v, the whole model's %v", content, gotErr, wantErr)
			continue
		}
		if wantErr == nil && !reflect.DeepEqual(got.sections, want.sections) {
			t.Errorf("%q: sections %v, want %v", content, got.sections, want.sections)
		}
	}
}
