package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestModeAllows: the owner, group and other bits are read for the class the user falls in (the
// comparison check makes when it can neither ask the kernel nor run a process as the user).
func TestModeAllows(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "d")
	os.Mkdir(dir, 0o750)
	if os.Geteuid() == 0 {
		os.Chown(dir, 4242, 4343) // root's own bits would not matter
	}
	fi, _ := os.Stat(dir)
	uid, gid := fileOwner(fi)
	const wx = 3
	for _, tc := range []struct {
		name string
		user runUser
		mode os.FileMode
		want bool
	}{
		{"owner 0750", runUser{uid: uid + 1000, gid: 99999}, 0o750, false},
		{"owner", runUser{uid: uid, gid: 99999}, 0o750, true},
		{"group member 0750", runUser{uid: uid + 1000, gid: 99999, groups: []uint32{gid}}, 0o750, false},
		{"group member 0770", runUser{uid: uid + 1000, gid: 99999, groups: []uint32{gid}}, 0o770, true},
		{"primary group 0770", runUser{uid: uid + 1000, gid: gid}, 0o770, true},
		{"other 0757", runUser{uid: uid + 1000, gid: 99999}, 0o757, true},
		{"owner 0077", runUser{uid: uid, gid: gid}, 0o077, false}, // the owner's own bits decide
	} {
		os.Chmod(dir, tc.mode)
		if got := tc.user.modeAllows(dir, wx); got != tc.want {
			t.Errorf("%s: %v", tc.name, got)
		}
	}
}
