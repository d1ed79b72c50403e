package testmta

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// Redated returns the bounce in file (a path under the module's testdata/) as if it were a new
// one: its own Message-Id and Date headers (the first of each, in the bounce's header) replaced.
func Redated(t testing.TB, root, file, messageID string, date time.Time) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, "testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	end := bytes.Index(b, []byte("\n\n"))
	if end < 0 {
		t.Fatalf("%s: no header end", file)
	}
	head, body := b[:end+1], b[end+1:]
	var out [][]byte
	for _, line := range bytes.SplitAfter(head, []byte("\n")) {
		switch {
		case hasPrefixFold(line, "Message-Id:"):
			line = []byte("Message-Id: <" + messageID + ">\n")
		case hasPrefixFold(line, "Date:"):
			line = []byte("Date: " + date.Format(time.RFC1123Z) + "\n")
		}
		out = append(out, line)
	}
	return append(bytes.Join(out, nil), body...)
}

func hasPrefixFold(line []byte, prefix string) bool {
	return len(line) >= len(prefix) && bytes.EqualFold(line[:len(prefix)], []byte(prefix))
}
