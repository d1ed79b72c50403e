package main

import (
	"os"
	"os/user"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
)

// filesOnlyBuild says, from the build settings, whether os/user is Go's own: no cgo, or the
// osusergo tag.
func filesOnlyBuild(t *testing.T) bool {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		t.Fatal("no build information")
	}
	cgo := ""
	for _, s := range info.Settings {
		switch s.Key {
		case "CGO_ENABLED":
			cgo = s.Value
		case "-tags":
			if slices.Contains(strings.Split(s.Value, ","), "osusergo") {
				return true
			}
		}
	}
	if cgo == "" {
		t.Fatal("the build settings do not say CGO_ENABLED")
	}
	return cgo != "1"
}

// TestGetentAgreesWithOSUser: getent's root is os/user's root, by name and uid.
func TestGetentAgreesWithOSUser(t *testing.T) {
	want, err := user.Lookup("root")
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"root", "0"} {
		got, err := getentUser(key)
		if err != nil {
			t.Fatal(err)
		}
		if got.Username != want.Username || got.Uid != want.Uid || got.Gid != want.Gid || got.HomeDir != want.HomeDir {
			t.Errorf("getentUser(%q) = %+v, want %+v", key, got, want)
		}
	}
	if g := groupName("0"); g != "root" {
		t.Errorf("groupName(0) = %q", g)
	}
	if _, err := getent("passwd", "-s"); err == nil {
		t.Error("getent took an option as a key")
	}
}

// TestLookupBeyondFiles: a user that only another source of nsswitch.conf knows (LDAP here, a
// fake getent and id on PATH) is found, with its groups, by a rebound whose os/user reads only
// /etc/passwd (CGO_ENABLED=0, as scripts/install.sh builds it; scripts/test.sh runs this test
// so), and left to the C library otherwise.
func TestLookupBeyondFiles(t *testing.T) {
	bin := t.TempDir()
	for name, script := range map[string]string{
		"getent": "#!/bin/sh\ncase \"$1 $2\" in\n'passwd ldapjane' | 'passwd 70001') echo 'ldapjane:*:70001:70002:Jane,,,:/home/ldapjane:/bin/sh' ;;\n'group 70002') echo 'ldapstaff:*:70002:' ;;\n*) exit 2 ;;\nesac\n",
		"id":     "#!/bin/sh\n[ \"$1 $2\" = '-G ldapjane' ] && echo '70002 70003' || exit 1\n",
	} {
		if err := os.WriteFile(filepath.Join(bin, name), []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	u, err := lookupRunUser("ldapjane")
	if !filesOnlyBuild(t) {
		if err == nil {
			t.Errorf("the C library found ldapjane: %+v", u)
		}
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	if u.name != "ldapjane" || u.uid != 70001 || u.gid != 70002 || !slices.Equal(u.groups, []uint32{70002, 70003}) {
		t.Errorf("lookupRunUser(ldapjane) = %+v", u)
	}
	if u, err := lookupRunUser("70001"); err != nil || u.name != "ldapjane" {
		t.Errorf("lookupRunUser(70001) = %+v, %v", u, err)
	}
	if g := groupName("70002"); g != "ldapstaff" {
		t.Errorf("groupName(70002) = %q", g)
	}
	if _, err := lookupRunUser("nobody-anywhere"); err == nil {
		t.Error("an unknown user was found")
	}
}
