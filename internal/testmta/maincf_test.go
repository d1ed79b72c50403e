package testmta

import "testing"

func TestOverrideMainCf(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"set once", "a = 1\nb = 2\n", "a = 1\nb = 2\n"},
		{"set again below", "a = 1\nb = 2\n# extra\na = 3\n", "b = 2\n# extra\na = 3\n"},
		{"continuation lines go with their parameter", "a = x,\n  y\nb = 2\na = z\n  w\n", "b = 2\na = z\n  w\n"},
		{"comments and blank lines stay", "# a = 1\n\na = 2\n", "# a = 1\n\na = 2\n"},
	}
	for _, tc := range tests {
		if got := overrideMainCf(tc.in); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}
