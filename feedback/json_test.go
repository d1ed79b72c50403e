package feedback

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"testing"
)

// reflectedReport is Report without its methods: encoding/json writes it by reflection.
type reflectedReport Report

// TestReportJSONAsEncoding holds Report's AppendJSON and MarshalJSON to what encoding/json
// writes for its fields and tags by reflection, with and without HTML escaping, over reports
// whose fields are each empty, plain or in need of escaping.
func TestReportJSONAsEncoding(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	values := []string{"", "plain", "<a href=\"x\">&amp;</a>", "tab\there\nnewline", "caf\u00e9 \u2028", "\xff\xfe", "5.1.1"}
	for i := range 3000 {
		var r Report
		v := reflect.ValueOf(&r).Elem()
		for f := range v.NumField() {
			switch field := v.Field(f); field.Kind() {
			case reflect.String:
				field.SetString(values[rng.IntN(len(values))])
			case reflect.Int:
				field.SetInt([]int64{0, 0, 1, 3, -2, 1 << 40}[rng.IntN(6)])
			default:
				t.Fatalf("field %s: kind %s is not written by AppendJSON", v.Type().Field(f).Name, field.Kind())
			}
		}
		if i == 0 {
			r = Report{}
		}
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(reflectedReport(r)); err != nil {
			t.Fatal(err)
		}
		if got := string(r.AppendJSON(nil)) + "\n"; got != want.String() {
			t.Fatalf("AppendJSON:\n got %s\nwant %s", got, want.String())
		}
		escaped, err := json.Marshal(reflectedReport(r))
		if err != nil {
			t.Fatal(err)
		}
		got, err := json.Marshal(r)
		if err != nil || !bytes.Equal(got, escaped) {
			t.Fatalf("json.Marshal:\n got %s (%v)\nwant %s", got, err, escaped)
		}
		var back Report
		if err := json.Unmarshal(got, &back); err != nil {
			t.Fatalf("reading back %s: %v", got, err)
		}
	}
}
