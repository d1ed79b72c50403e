package dsn

import "io"

// Rules are user-supplied classification rules and parsing hints, loaded from a rules file.
type Rules struct {
}

// LoadRules reads a rules file.
func LoadRules(r io.Reader) (*Rules, error) { return &Rules{}, nil }
