package mbox

import (
	"io"
	"strings"
	"testing"
)

func TestReader(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"three messages", "From a@example.com Mon Jan  1 00:00:00 2024\nSubject: 1\n\nbody 1\n\nFrom b@example.com Mon Jan  1 00:00:01 2024\nSubject: 2\n\n>From quoted\n\nFrom c Mon Jan  1 00:00:02 2024\nSubject: 3\n\nbody 3\n",
			[]string{"Subject: 1\n\nbody 1\n\n", "Subject: 2\n\nFrom quoted\n\n", "Subject: 3\n\nbody 3\n"}},
		{"separator without blank line", "From a Mon Jan  1 00:00:00 2024\nSubject: 1\n\nx\nFrom b@example.com  Thu Jul  2 12:05:05 2020\nSubject: 2\n\ny\n",
			[]string{"Subject: 1\n\nx\n", "Subject: 2\n\ny\n"}},
		{"From in a body is not a separator", "From a Mon Jan  1 00:00:00 2024\nSubject: 1\n\nsaid:\nFrom here on\n",
			[]string{"Subject: 1\n\nsaid:\nFrom here on\n"}},
		{"CR line endings", "From a Mon Jan  1 00:00:00 2024\rSubject: 1\r\rx\r\rFrom b Mon Jan  1 00:00:00 2024\rSubject: 2\r",
			[]string{"Subject: 1\n\nx\n\n", "Subject: 2\n"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewReader(strings.NewReader(tt.in))
			var got []string
			for {
				m, err := r.Next()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				b, err := io.ReadAll(m)
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, string(b))
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestIsMbox(t *testing.T) {
	for in, want := range map[string]bool{
		"From MAILER-DAEMON Mon Jan  1 00:00:00 2024\n": true,
		"From: someone@example.com\n":                   false,
		"Received: from x\n":                            false,
	} {
		if got := IsMbox([]byte(in)); got != want {
			t.Errorf("IsMbox(%q) = %v", in, got)
		}
	}
}
