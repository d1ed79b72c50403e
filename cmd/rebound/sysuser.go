//go:build !pipeonly

package main

import (
	"fmt"
	"os/exec"
	"os/user"
	"strings"
)

// The user and group look-ups of check. A static rebound (built without cgo, as
// scripts/install.sh builds it: no dynamic loader at each start) has Go's own os/user, which
// reads only /etc/passwd and /etc/group; there a user or group that another source of
// nsswitch.conf holds (LDAP, SSSD, systemd) is asked to getent(1), and a user's groups to id(1),
// so that check finds what a cgo build finds.

// lookupUser finds a user by name, lookupUserID by uid.
func lookupUser(name string) (*user.User, error) {
	u, err := user.Lookup(name)
	if err != nil && osUserFilesOnly {
		if nu, gerr := getentUser(name); gerr == nil {
			return nu, nil
		}
	}
	return u, err
}

func lookupUserID(uid string) (*user.User, error) {
	u, err := user.LookupId(uid)
	if err != nil && osUserFilesOnly {
		if nu, gerr := getentUser(uid); gerr == nil && nu.Uid == uid {
			return nu, nil
		}
	}
	return u, err
}

// groupName is the name of the group gid, or gid itself when it has none.
func groupName(gid string) string {
	if g, err := user.LookupGroupId(gid); err == nil {
		return g.Name
	}
	if osUserFilesOnly {
		if f, err := getent("group", gid); err == nil && len(f) >= 3 && f[2] == gid {
			return f[0]
		}
	}
	return gid
}

// userName is the name of the user uid, or uid itself when it has none.
func userName(uid string) string {
	if u, err := lookupUserID(uid); err == nil {
		return u.Username
	}
	return uid
}

// groupIDs are the groups of u, its primary group among them.
func groupIDs(u *user.User) ([]string, error) {
	if osUserFilesOnly {
		if out, err := exec.Command("id", "-G", u.Username).Output(); err == nil {
			if ids := strings.Fields(string(out)); len(ids) > 0 {
				return ids, nil
			}
		}
	}
	return u.GroupIds()
}

// getentUser is the passwd entry of key (a name or uid) that getent finds.
func getentUser(key string) (*user.User, error) {
	f, err := getent("passwd", key)
	if err != nil {
		return nil, err
	}
	if len(f) < 7 {
		return nil, fmt.Errorf("getent passwd %s: %d fields", key, len(f))
	}
	return &user.User{Username: f[0], Uid: f[2], Gid: f[3], Name: strings.Split(f[4], ",")[0], HomeDir: f[5]}, nil
}

// getent returns the fields of the entry of key in the database (passwd, group) of
// nsswitch.conf.
func getent(database, key string) ([]string, error) {
	if key == "" || strings.HasPrefix(key, "-") {
		return nil, fmt.Errorf("getent %s: bad key %q", database, key)
	}
	out, err := exec.Command("getent", database, key).Output()
	if err != nil {
		return nil, fmt.Errorf("getent %s %s: %w", database, key, err)
	}
	line, _, _ := strings.Cut(string(out), "\n")
	return strings.Split(line, ":"), nil
}
