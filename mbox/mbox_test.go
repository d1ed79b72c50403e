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

// TestReset checks that a Reader reset in the middle of a message reads its new mbox afresh,
// and that the message it returned before reads nothing more.
func TestReset(t *testing.T) {
	r := NewReader(strings.NewReader("From a Mon Jan  1 00:00:00 2024\nSubject: 1\n\nfirst body, long enough to be read in pieces\n"))
	old, err := r.Next()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := old.Read(make([]byte, 4)); err != nil {
		t.Fatal(err)
	}
	r.Reset(strings.NewReader("From b Mon Jan  1 00:00:01 2024\nSubject: 2\n\nsecond\nFrom c Mon Jan  1 00:00:02 2024\nSubject: 3\n\nthird\n"))
	if rest, err := io.ReadAll(old); err != nil || len(rest) != 0 {
		t.Errorf("the message from before Reset read %q, %v; want nothing", rest, err)
	}
	var got []string
	for n := 0; ; n++ {
		m, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			continue // left unread: Next skips it
		}
		b, err := io.ReadAll(m)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, string(b))
	}
	if want := []string{"Subject: 3\n\nthird\n"}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("after Reset: %q, want %q", got, want)
	}
}
