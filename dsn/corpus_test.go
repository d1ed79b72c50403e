package dsn_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/rebound/rebound/dsn"
	"github.com/rebound/rebound/mailsource"
)

// sharedDir finds the shared folder (corpus, score tool): $REBOUND_SHARED or ../shared beside
// the repository. Under CI its absence is a failure, elsewhere a skip.
func sharedDir(t testing.TB) string {
	dir := os.Getenv("REBOUND_SHARED")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared")
	}
	if _, err := os.Stat(filepath.Join(dir, "corpus", "sisimai")); err != nil {
		if os.Getenv("CI") != "" || os.Getenv("REBOUND_REQUIRE_SERVERS") != "" {
			t.Fatalf("shared corpus not found in %s: %v", dir, err)
		}
		t.Skipf("shared corpus not found in %s", dir)
	}
	return dir
}

// allMessageFiles lists the messages of the fixtures and of the shared corpus; it fails the test
// when they are too few to mean anything.
func allMessageFiles(t testing.TB) []string {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "*", "*.eml"))
	files = append(files, corpusFiles(t, sharedDir(t))...)
	if len(files) < 100 {
		t.Fatalf("only %d messages", len(files))
	}
	return files
}

// corpusFiles lists the corpus messages in a stable order.
func corpusFiles(t testing.TB, shared string) []string {
	var files []string
	root := filepath.Join(shared, "corpus", "sisimai")
	err := filepath.Walk(root, func(path string, info os.FileInfo, err error) error {
		if err == nil && info.Mode().IsRegular() && info.Name() != "LICENSE" {
			files = append(files, path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// minimumScores are the floors the corpus figures must not fall below: the figures reached so
// far, raised as the parser improves (never lowered).
var minimumScores = map[string]float64{
	"recall": 99.2, "precision": 99.0, "none_ok": 83.0, "status": 97.9, "reason": 95.8, "hard": 97.1, "action": 98.7,
}

// TestCorpusScore parses the shared corpus as `rebound parse --json` does and scores it with the
// shared score tool.
func TestCorpusScore(t *testing.T) {
	shared := sharedDir(t)
	score := filepath.Join(shared, "tools", "score")
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	for _, path := range corpusFiles(t, shared) {
		for _, p := range mailsource.ParseFile(path, nil) {
			if p.Err != nil {
				continue // the empty files of the corpus are not messages
			}
			if err := enc.Encode(struct {
				Source string `json:"source"`
				*dsn.Report
			}{p.Source, p.Report}); err != nil {
				t.Fatal(err)
			}
		}
	}
	outFile := filepath.Join(t.TempDir(), "out.jsonl")
	if err := os.WriteFile(outFile, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := exec.Command("python3", score, filepath.Join(shared, "corpus", "sisimai.labels.jsonl"), outFile).CombinedOutput()
	if err != nil {
		t.Fatalf("score: %v\n%s", err, res)
	}
	lines := bytes.Split(bytes.TrimSpace(res), []byte("\n"))
	last := string(lines[len(lines)-1])
	t.Log(last)
	for name, min := range minimumScores {
		m := regexp.MustCompile(`\b` + name + `=([0-9.]+)%`).FindStringSubmatch(last)
		if m == nil {
			t.Errorf("score line has no %s figure: %s", name, last)
			continue
		}
		got, _ := strconv.ParseFloat(m[1], 64)
		if got < min {
			t.Errorf("%s = %.1f%%, below the floor %.1f%%", name, got, min)
		}
	}
}
