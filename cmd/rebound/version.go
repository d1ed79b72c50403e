//go:build !pipeonly

package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/alecthomas/kong"
)

// versionFlag is --version (and -v): it prints what `rebound version` prints and exits 0.
type versionFlag bool

// BeforeReset runs before kong applies defaults, so that --version works without any other
// option or configuration being valid.
func (versionFlag) BeforeReset(app *kong.Kong) error {
	fmt.Fprint(app.Stdout, versionText())
	app.Exit(0)
	return nil
}

// VersionCmd prints the module version, the VCS revision and the Go version of this binary.
type VersionCmd struct{}

// Run implements the command.
func (c *VersionCmd) Run(kctx *kong.Context) error {
	_, err := io.WriteString(kctx.Stdout, versionText())
	return err
}

// buildVersion describes a binary from its build information.
type buildVersion struct {
	Module   string // module version, "(devel)" for a build from a checkout
	Revision string // VCS revision, empty when unknown
	Time     string // VCS commit time
	Modified bool   // the working tree had uncommitted changes
	Go       string
}

func readBuildVersion() buildVersion {
	v := buildVersion{Module: "(unknown)", Go: runtime.Version()}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return v
	}
	if info.Main.Version != "" {
		v.Module = info.Main.Version
	}
	if info.GoVersion != "" {
		v.Go = info.GoVersion
	}
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			v.Revision = s.Value
		case "vcs.time":
			v.Time = s.Value
		case "vcs.modified":
			v.Modified = s.Value == "true"
		}
	}
	return v
}

// String is the one-line form: "rebound v1.2.3 (revision 0123abcd, dirty) go1.26.8".
func (v buildVersion) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "rebound %s", v.Module)
	switch {
	case v.Revision != "" && v.Modified:
		fmt.Fprintf(&b, " (revision %s, dirty)", v.Revision)
	case v.Revision != "":
		fmt.Fprintf(&b, " (revision %s)", v.Revision)
	default:
		b.WriteString(" (revision unknown)")
	}
	fmt.Fprintf(&b, " %s", v.Go)
	return b.String()
}

func versionText() string {
	v := readBuildVersion()
	s := v.String() + "\n"
	if v.Time != "" {
		s += "committed " + v.Time + "\n"
	}
	return s
}
