package dsn

import (
	"strings"
	"testing"
)

// TestMarkerSetFindsTheEarliest compares the anchored search with one search per marker.
func TestMarkerSetFindsTheEarliest(t *testing.T) {
	naive := func(text string) int {
		cut := -1
		for _, m := range originalMarkers {
			if i := strings.Index(text, m); i >= 0 && (cut < 0 || i < cut) {
				cut = i
			}
		}
		return cut
	}
	texts := []string{"", "message", "no marker at all, only mail and messages"}
	for i, a := range originalMarkers {
		b := originalMarkers[(i*7+3)%len(originalMarkers)]
		texts = append(texts,
			"the mail system said no.\n"+a+"\n"+b,
			b+" and then "+a,
			"message mail "+a[:len(a)-1]+" "+b,
		)
	}
	for _, text := range texts {
		if got, want := originalMarkerSet.index(text), naive(text); got != want {
			t.Errorf("index(%q) = %d, want %d", text, got, want)
		}
	}
}
