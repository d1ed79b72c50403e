package main

import (
	"fmt"
	"io/fs"
	"os"
	"strings"
)

// refuseURLCredentials refuses a report URL with a user or password in it
// (https://user:pass@host/): a URL shows in the process list, in log lines and in check's
// output, so a password has no place in it. The error never repeats the credentials.
func refuseURLCredentials(raw string) error {
	rest := raw
	if _, after, ok := strings.Cut(raw, "://"); ok {
		rest = after
	}
	authority, _, _ := strings.Cut(rest, "/")
	authority, _, _ = strings.Cut(authority, "?")
	authority, _, _ = strings.Cut(authority, "#")
	at := strings.LastIndexByte(authority, '@')
	if at < 0 {
		return nil
	}
	scheme, _, _ := strings.Cut(raw, "://")
	shown := scheme + "://…@" + authority[at+1:]
	return fmt.Errorf("--report-url %s holds credentials: refused, a URL shows in the process list and the logs; "+
		"give the user with --report-user and the password with --report-password-file (or REBOUND_REPORT_PASSWORD), "+
		"or a token with --report-token-file (or REBOUND_REPORT_TOKEN)", shown)
}

// looseSecretBits are the permissions a file holding secrets must not have: readable by others,
// or writable by anyone but its owner. Group read (640) is fine: it lets a group of rebound's
// users read it.
const looseSecretBits fs.FileMode = 0o026

// warnLoosePermissions logs one warning when the file at path, which holds secrets (what names
// it: "token file", "config file"), is readable by others or writable by its group or others.
func warnLoosePermissions(what, path string) {
	fi, err := os.Stat(path)
	if err != nil || !fi.Mode().IsRegular() {
		return
	}
	if perm := fi.Mode().Perm(); perm&looseSecretBits != 0 {
		logWarn(fmt.Sprintf("%s is readable or writable by others: chmod 600 %s (or 640 with a group of rebound's users)", what, path),
			"file", path, "mode", fmt.Sprintf("%04o", perm))
	}
}
