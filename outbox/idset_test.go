package outbox

import "testing"

// TestIDSet: an id is in the set once added, whatever its form (rebound's 32 hexadecimal
// digits, kept as bytes, or any other valid id), and ids that differ only in case differ.
func TestIDSet(t *testing.T) {
	s := newIDSet()
	added := []string{"7772b1687a00c0d71bab49a90121d4aa", "r0001", "7772B1687A00C0D71BAB49A90121D4AB", "a-b_c"}
	for _, id := range added {
		s.add(id)
	}
	for _, c := range []struct {
		id   string
		want bool
	}{
		{"7772b1687a00c0d71bab49a90121d4aa", true},
		{"7772B1687A00C0D71BAB49A90121D4AA", false},
		{"7772b1687a00c0d71bab49a90121d4ab", false},
		{"7772B1687A00C0D71BAB49A90121D4AB", true},
		{"7772b1687a00c0d71bab49a90121d4a", false},
		{"r0001", true},
		{"r0002", false},
		{"a-b_c", true},
	} {
		if got := s.has(c.id); got != c.want {
			t.Errorf("has(%q) = %v, want %v", c.id, got, c.want)
		}
	}
}
