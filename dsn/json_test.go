package dsn_test

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/rebound/rebound/dsn"
)

// stdJSON is what encoding/json writes for a report with its source, as parse --json printed
// it before AppendJSON.
func stdJSON(t *testing.T, source string, rep *dsn.Report) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(struct {
		Source string `json:"source"`
		*dsn.Report
	}{source, rep}); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

func checkAppendJSON(t *testing.T, source string, rep *dsn.Report) {
	t.Helper()
	want := stdJSON(t, source, rep)
	if got := rep.AppendJSON(nil, source); !bytes.Equal(got, want) {
		t.Errorf("%s:\n got %s\nwant %s", source, got, want)
	}
}

// TestAppendJSON holds the hand-written encoder to encoding/json's output for every fixture and
// corpus message.
func TestAppendJSON(t *testing.T) {
	for _, file := range allMessageFiles(t) {
		f, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		rep, err := dsn.Parse(f, nil)
		f.Close()
		if err != nil {
			continue
		}
		checkAppendJSON(t, file, rep)
	}
}

// TestAppendJSONEveryField fills every field of a report by reflection, so that a field added to
// Report, Original or Recipient without its line in AppendJSON fails here; and it checks the
// escaping of every byte, invalid UTF-8 and the line separators.
func TestAppendJSONEveryField(t *testing.T) {
	var all strings.Builder
	for c := 0; c < 256; c++ {
		all.WriteByte(byte(c))
	}
	texts := []string{"plain", all.String(), "é\u2028\u2029<>&\x7f\xff\xfe", `"quoted" \back\ `}
	for _, text := range texts {
		rep := &dsn.Report{Recipients: []dsn.Recipient{{}, {}}}
		fill(reflect.ValueOf(rep).Elem(), text)
		checkAppendJSON(t, text, rep)
	}
	// Empty and zero values: omitted fields and nil recipients.
	checkAppendJSON(t, "", &dsn.Report{})
	checkAppendJSON(t, "x", &dsn.Report{Kind: dsn.KindBounce, Recipients: []dsn.Recipient{}})
	checkAppendJSON(t, "x", &dsn.Report{Original: dsn.Original{Campaign: "7"}, Recipients: []dsn.Recipient{{Address: "a@b"}}})
}

// fill sets every exported string field to text and every bool to true, recursively.
func fill(v reflect.Value, text string) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(text)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i), text)
			}
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			fill(v.Index(i), text)
		}
	case reflect.Pointer:
		if !v.IsNil() {
			fill(v.Elem(), text)
		}
	default:
		panic("AppendJSON test: a field of kind " + v.Kind().String() + " needs handling in fill and in AppendJSON")
	}
}
