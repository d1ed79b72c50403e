package dsn

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// interpreterState is what a reader's detect must leave as it found it.
type interpreterState struct {
	report    string
	collected collected
	fields    interpreter
}

func stateOf(t *testing.T, p *interpreter) interpreterState {
	t.Helper()
	report := p.rep.AppendJSON(nil, "")
	fields := *p
	fields.c, fields.rep = nil, nil
	return interpreterState{report: string(report), collected: *p.c, fields: fields}
}

// readerFixtures are messages of every format: the fixtures of the golden tests.
func readerFixtures(t testing.TB) []string {
	var files []string
	for _, dir := range []string{"examples", "handmade", "real"} {
		f, _ := filepath.Glob(filepath.Join("..", "testdata", dir, "*.eml"))
		files = append(files, f...)
	}
	if len(files) < 50 {
		t.Fatalf("only %d fixtures", len(files))
	}
	return files
}

// corpusPathsIfPresent lists the files of the shared corpus (../shared/corpus/sisimai), none
// when it is not there (the external test package's corpusFiles fails instead).
func corpusPathsIfPresent() []string {
	var files []string
	filepath.Walk(filepath.Join("..", "..", "shared", "corpus", "sisimai"), func(path string, info os.FileInfo, err error) error {
		if err == nil && info.Mode().IsRegular() {
			files = append(files, path)
		}
		return nil
	})
	return files
}

// TestReadersDetectWithoutEffect: asking every reader whether it knows a message changes nothing
// in the interpreter, the collected MIME data or the report, so that the order of the readers
// decides only which reader reads, never what it finds.
func TestReadersDetectWithoutEffect(t *testing.T) {
	for _, file := range readerFixtures(t) {
		f, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		c, err := collect(f)
		f.Close()
		if err != nil {
			continue // not a message: no reader is asked
		}
		p := newInterpreter(c, &Options{})
		for _, rd := range readers {
			before := stateOf(t, p)
			rd.detect(p)
			if after := stateOf(t, p); !reflect.DeepEqual(before, after) {
				t.Errorf("%s: the %s reader's detect changed the interpreter", filepath.Base(file), rd.name)
			}
		}
	}
}

// TestReadersNamed: every reader has a name of its own, a detect and a read.
func TestReadersNamed(t *testing.T) {
	seen := map[string]bool{}
	for _, rd := range readers {
		if rd.name == "" || rd.detect == nil || rd.read == nil || seen[rd.name] {
			t.Errorf("reader %q: a unique name, a detect and a read are needed", rd.name)
		}
		seen[rd.name] = true
	}
}

// TestReadersOrder pins the order in which the readers are asked: a new reader takes its place
// here on purpose, never by accident of its order number.
func TestReadersOrder(t *testing.T) {
	var got []string
	for _, rd := range readers {
		got = append(got, rd.name)
	}
	want := []string{
		"arf", "jmrp", "unsubscribe", "delivery-status", "mdn", "amazonses", // structured
		"list-manager", "smail", "apachejames", "text", "autoreply", // text
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("readers in order %v, want %v", got, want)
	}
}
