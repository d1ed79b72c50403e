package outbox

import "encoding/hex"

// idSet is a set of report ids kept small: a scan remembers every id it queued (100,000 and
// more), and the ids rebound makes are 32 hexadecimal digits, kept as their 16 bytes.
type idSet struct {
	hex   map[[16]byte]struct{}
	other map[string]struct{}
}

func newIDSet() *idSet {
	return &idSet{hex: map[[16]byte]struct{}{}, other: map[string]struct{}{}}
}

// hexKey returns the 16 bytes of a 32-digit lower-case hexadecimal id.
func hexKey(id string) (k [16]byte, ok bool) {
	if len(id) != 32 {
		return k, false
	}
	for i := 0; i < len(id); i++ {
		if c := id[i]; !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return k, false // upper case too: "AB" and "ab" are different ids
		}
	}
	_, err := hex.Decode(k[:], []byte(id))
	return k, err == nil
}

func (s *idSet) add(id string) {
	if k, ok := hexKey(id); ok {
		s.hex[k] = struct{}{}
		return
	}
	s.other[id] = struct{}{}
}

func (s *idSet) has(id string) bool {
	if k, ok := hexKey(id); ok {
		_, found := s.hex[k]
		return found
	}
	_, found := s.other[id]
	return found
}
