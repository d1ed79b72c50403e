#!/usr/bin/env bash
# Runs every test of rebound on this machine, installing what the integration tests need first
# (Postfix, Dovecot, swaks, PostgreSQL and Chromium from Debian's packages; they are started by
# the tests themselves on 127.0.0.1 only).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v postfix >/dev/null 2>&1 || need+=(postfix)
command -v dovecot >/dev/null 2>&1 || need+=(dovecot-imapd)
command -v swaks >/dev/null 2>&1 || need+=(swaks)
command -v procmail >/dev/null 2>&1 || need+=(procmail)
command -v sieve-test >/dev/null 2>&1 || need+=(dovecot-sieve)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
command -v chromium >/dev/null 2>&1 || need+=(chromium) # renders rebound stats --html
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql) # the shared history
command -v systemd-analyze >/dev/null 2>&1 || need+=(systemd) # checks contrib/systemd's units
if [ ${#need[@]} -gt 0 ]; then
	echo "installing: ${need[*]}" >&2
	sudo_cmd=""
	[ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
	export DEBIAN_FRONTEND=noninteractive
	$sudo_cmd apt-get update -qq
	$sudo_cmd apt-get install -y -qq "${need[@]}" >/dev/null
fi

# Integration tests fail (never skip) when a server they need is missing.
export REBOUND_REQUIRE_SERVERS=1
export REBOUND_SHARED="${REBOUND_SHARED:-$(cd .. && pwd)/shared}"

# go.mod and go.sum say exactly what the code needs.
go mod tidy -diff
go vet ./...
# The smaller build without the history back-ends (README, Install) builds and refuses a history.
go vet -tags nosqlite,nopostgres ./history ./cmd/rebound
go test -count=1 -tags nosqlite,nopostgres -run '^TestBackendsLeftOut$' ./history
# scripts/install.sh builds a static binary: its user look-ups (check) still reach LDAP & co.
CGO_ENABLED=0 go test -count=1 -run '^(TestLookupBeyondFiles|TestGetentAgreesWithOSUser)$' ./cmd/rebound
go test -count=1 -timeout 20m ./... "$@"
