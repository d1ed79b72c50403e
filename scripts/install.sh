#!/usr/bin/env bash
# Installs rebound on this machine, as contrib/ expects it: the binary in /usr/local/bin, a
# system user "rebound" (no login) that runs it, the spool /var/spool/rebound with its outbox
# (owned by that user, 0750), and /etc/rebound (root:rebound, 0750) with the example
# configuration of contrib/rebound.yaml (0640) unless a configuration is already there.
# Run it as root from a checkout of rebound; running it again changes nothing that is right,
# updates the binary, repairs owners and modes, and never touches an existing configuration.
#
# Usage: scripts/install.sh [options]
#   --prefix DIR   the binary goes to DIR/bin/rebound (default /usr/local; also $PREFIX)
#   --destdir DIR  install everything under DIR instead of / (for packaging and tests; also
#                  $DESTDIR); the user is still created on this machine
#   --user NAME    the system user and group that run rebound (default rebound)
#   --binary FILE  install this binary instead of building one with go
#   --tags TAGS    build with these Go build tags: nosqlite,nopostgres leaves out the history
#                  back-ends, for a smaller and faster `rebound pipe` on a host that keeps no
#                  history (README, Install)
#   --pipe-binary  accepted for older instructions: rebound-pipe (below) is always installed
#
# Beside rebound it installs DIR/bin/rebound-pipe, the binary contrib/postfix/master.cf runs for
# each bounce: rebound with the pipe command alone and without the history back-ends (-tags
# pipeonly,nosqlite,nopostgres), a third less memory and CPU per bounce (docs/pipe.md). A pipe
# configured with a history hands itself over to rebound, installed beside it. With --binary,
# rebound-pipe is a copy of that binary (which pipes the same way).
set -euo pipefail

die() {
	echo "install.sh: $*" >&2
	exit 1
}

prefix="${PREFIX:-/usr/local}"
destdir="${DESTDIR:-}"
user=rebound
binary=""
tags=""
while [ $# -gt 0 ]; do
	case "$1" in
	--prefix) prefix="${2:?--prefix needs a directory}"; shift 2 ;;
	--prefix=*) prefix="${1#*=}"; shift ;;
	--destdir) destdir="${2:?--destdir needs a directory}"; shift 2 ;;
	--destdir=*) destdir="${1#*=}"; shift ;;
	--user) user="${2:?--user needs a name}"; shift 2 ;;
	--user=*) user="${1#*=}"; shift ;;
	--binary) binary="${2:?--binary needs a file}"; shift 2 ;;
	--binary=*) binary="${1#*=}"; shift ;;
	--tags) tags="${2:?--tags needs a list such as nosqlite,nopostgres}"; shift 2 ;;
	--tags=*) tags="${1#*=}"; shift ;;
	--pipe-binary) shift ;; # the default now
	-h | --help) sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
	*) die "unknown option $1 (see --help)" ;;
	esac
done
[ "$(id -u)" -eq 0 ] || die "run me as root: I create the user $user and give it the spool"
case "$prefix" in /*) ;; *) die "--prefix must be an absolute path: $prefix" ;; esac
if [ -n "$destdir" ]; then
	mkdir -p "$destdir"
	destdir="$(cd "$destdir" && pwd)"
fi
repo="$(cd "$(dirname "$0")/.." && pwd)"

bindir="$destdir$prefix/bin"
confdir="$destdir/etc/rebound"
spool="$destdir/var/spool/rebound"
nologin="$(command -v nologin || echo /usr/sbin/nologin)"

# 1. The binary, built from this checkout unless given.
gobin="$(command -v go || true)"
[ -n "$gobin" ] || [ ! -x /usr/local/go/bin/go ] || gobin=/usr/local/go/bin/go
build="$(mktemp -d)"
trap 'rm -rf "$build"' EXIT
if [ -z "$binary" ]; then
	[ -n "$gobin" ] || die "go is not installed (Go 1.26, see the README); or pass --binary FILE"
	# Stamp the git revision that `rebound version` prints, even where GOFLAGS has
	# -buildvcs=false; where git refuses the checkout (another user's, "dubious ownership") or
	# there is none, build without it. -trimpath and -s -w: no build paths, symbol table or
	# debug information in the binary (a third of its size; stack traces keep their names).
	# CGO_ENABLED=0: a static binary, with no dynamic loader and C library to map at each start
	# of a pipe (1.5 MB and about 50 page faults less); its DNS resolver and user look-ups are Go's
	# (README, Install).
	flags=(-trimpath -ldflags=-s\ -w -tags="$tags")
	export CGO_ENABLED=0
	(cd "$repo" && "$gobin" build "${flags[@]}" -buildvcs=auto -o "$build/rebound" ./cmd/rebound 2>/dev/null) ||
		(cd "$repo" && "$gobin" build "${flags[@]}" -buildvcs=false -o "$build/rebound" ./cmd/rebound) ||
		die "go build failed"
	binary="$build/rebound"
fi
[ -f "$binary" ] || die "no binary at $binary"
if [ "$binary" -ef "$bindir/rebound" ]; then
	chown root:root "$bindir/rebound"
	chmod 0755 "$bindir/rebound"
else
	install -D -m 0755 -o root -g root "$binary" "$bindir/rebound"
fi
echo "installed $bindir/rebound"
# The MTA's binary: the pipe-only build when this script builds, else the given binary again.
pipe_binary="$binary"
if [ "$binary" = "$build/rebound" ]; then
	(cd "$repo" && "$gobin" build -trimpath -ldflags=-s\ -w -tags=pipeonly,nosqlite,nopostgres -buildvcs=false -o "$build/rebound-pipe" ./cmd/rebound) ||
		die "go build of rebound-pipe failed"
	pipe_binary="$build/rebound-pipe"
fi
install -D -m 0755 -o root -g root "$pipe_binary" "$bindir/rebound-pipe"
echo "installed $bindir/rebound-pipe (for the MTA: pipe alone, hands a history over to rebound)"

# 2. The system user: no password, no login shell, the spool as its home (never created here).
# Another install running at the same time may create them first, or hold the lock of
# /etc/passwd for a moment: try again, and accept what it made.
ensure() { # ensure DATABASE NAME COMMAND...
	local db="$1" name="$2" label="user" try
	[ "$db" = passwd ] || label="$db"
	shift 2
	for try in 1 2 3 4 5; do
		getent "$db" "$name" >/dev/null && return 0
		if "$@"; then
			echo "created the $label $name"
			return 0
		fi
		sleep 1
	done
	getent "$db" "$name" >/dev/null || die "could not create the $label $name"
}
ensure group "$user" groupadd --system "$user"
ensure passwd "$user" useradd --system --gid "$user" --home-dir /var/spool/rebound \
	--no-create-home --shell "$nologin" --comment "rebound bounce reports" "$user"

# 3. The spool and its outbox belong to the user: the pipe, flush and scan write there. Anything
# inside that another user created (rebound run as root) is given back to it. The outbox's
# folders are those that outbox.Open makes (a test compares them), made now so that `check` and `outbox list` find them
# before the first report.
outbox_dirs=(tmp new cur failed sent sentdays)
for d in "${outbox_dirs[@]}"; do
	mkdir -p "$spool/outbox/$d"
done
chown -R "$user:$user" "$spool"
chmod 0750 "$spool" "$spool/outbox" "${outbox_dirs[@]/#/$spool/outbox/}"

# 4. The configuration: readable by the user, writable by root only. An existing file is kept.
mkdir -p "$confdir"
chown "root:$user" "$confdir"
chmod 0750 "$confdir"
if [ -e "$confdir/rebound.yaml" ]; then
	echo "kept the existing $confdir/rebound.yaml"
else
	install -m 0640 -o root -g "$user" "$repo/contrib/rebound.yaml" "$confdir/rebound.yaml"
	echo "installed the example configuration $confdir/rebound.yaml: edit it"
fi
echo "done; check it with: sudo -u $user $prefix/bin/rebound check"
