package dsn_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rebound/rebound/dsn"
	"github.com/rebound/rebound/verp"
)

var update = flag.Bool("update", false, "rewrite the golden files of TestGolden")

// goldenOptions are the parse options of the fixtures: the VERP templates their return paths use.
func goldenOptions(t *testing.T) *dsn.Options {
	opts := &dsn.Options{}
	for _, s := range []string{"bounces+{local}={domain}@lists.example.org", "bounces+{local}={domain}@bounce.test", "{campaign}-no-reply-{local}={domain}@bounce.test"} {
		tpl, err := verp.Parse(s)
		if err != nil {
			t.Fatal(err)
		}
		opts.VERP = append(opts.VERP, tpl)
	}
	return opts
}

// TestGolden parses every fixture of testdata/examples, testdata/handmade and testdata/real and
// compares the report with dsn/testdata/golden/<dir>/<name>.json (go test -run Golden -update
// rewrites them; read the diff before committing).
func TestGolden(t *testing.T) {
	opts := goldenOptions(t)
	for _, dir := range []string{"examples", "handmade", "real"} {
		files, _ := filepath.Glob(filepath.Join("..", "testdata", dir, "*.eml"))
		if len(files) == 0 {
			t.Fatalf("no fixtures in testdata/%s", dir)
		}
		for _, file := range files {
			name := strings.TrimSuffix(filepath.Base(file), ".eml")
			t.Run(dir+"/"+name, func(t *testing.T) {
				f, err := os.Open(file)
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				rep, err := dsn.Parse(f, opts)
				if err != nil {
					t.Fatal(err)
				}
				var got bytes.Buffer
				enc := json.NewEncoder(&got)
				enc.SetEscapeHTML(false)
				enc.SetIndent("", "  ")
				enc.Encode(rep)
				golden := filepath.Join("testdata", "golden", dir, name+".json")
				if *update {
					os.MkdirAll(filepath.Dir(golden), 0o755)
					if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("no golden file (run with -update): %v", err)
				}
				if !bytes.Equal(got.Bytes(), want) {
					t.Errorf("report differs from %s:\ngot:\n%s", golden, got.Bytes())
				}
			})
		}
	}
}
