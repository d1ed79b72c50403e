//go:build !pipeonly

package main

import (
	"strings"

	"github.com/alecthomas/kong"
)

// The man page and the shell completions are generated from kong's command model, so that they
// list exactly the commands and flags the binary parses.

// commandPath is a command's words after "rebound" ("scan maildir").
func commandPath(n *kong.Node) string {
	var words []string
	for ; n != nil && n.Type != kong.ApplicationNode; n = n.Parent {
		words = append([]string{n.Name}, words...)
	}
	return strings.Join(words, " ")
}

// visibleCommands returns the commands under n, depth first, hidden ones left out.
func visibleCommands(n *kong.Node) []*kong.Node {
	var out []*kong.Node
	for _, c := range n.Children {
		if c.Hidden || c.Type != kong.CommandNode {
			continue
		}
		out = append(out, c)
		out = append(out, visibleCommands(c)...)
	}
	return out
}

// ownFlags returns the visible flags a command accepts besides the global ones (those of its
// parent commands included).
func ownFlags(n *kong.Node) []*kong.Flag {
	var out []*kong.Flag
	for ; n != nil && n.Type != kong.ApplicationNode; n = n.Parent {
		for _, f := range n.Flags {
			if !f.Hidden {
				out = append(out, f)
			}
		}
	}
	return out
}

// globalFlags returns the application's visible flags, help included.
func globalFlags(app *kong.Application) []*kong.Flag {
	var out []*kong.Flag
	for _, f := range app.Flags {
		if !f.Hidden {
			out = append(out, f)
		}
	}
	return out
}

// takesValue reports whether a flag is followed by a value.
func takesValue(f *kong.Flag) bool { return !f.IsBool() && !f.IsCounter() }
