#!/usr/bin/env bash
# Whole-process benchmarks of rebound, one command: builds the binary and times each case of
# docs/performance.md over repeated runs, reading each run's rusage from the kernel as
# /usr/bin/time does (internal/benchrun), and prints the median wall time, peak RSS, CPU time
# and page faults and, for batch cases, messages per second. It installs Dovecot (the IMAP
# case's server) from Debian's packages when it is missing, as scripts/test.sh does.
#
#   scripts/bench.sh                    # quick run (scan of 10,000 messages, IMAP of 1,000)
#   SCAN_MESSAGES=100000 IMAP_MESSAGES=10000 scripts/bench.sh   # the full run of the docs
#
# Environment: RUNS (repeats of the short cases, default 21), PARSE_RUNS (default 5),
# BASE (another rebound binary, an older build, timed in the pipe, help and parse cases in ROUNDS
# rounds, default 3, interleaved with this one's runs), TAGS (build tags, e.g. nosqlite,nopostgres),
# SCAN_RUNS (default 1), SCAN_MESSAGES (default 10000), IMAP_MESSAGES (default 1000; 0 skips
# the IMAP case), REBOUND_SHARED (the shared corpus, default ../shared), ONLY (a case name:
# pipe, help, parse, scan, imap).
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-21}
PARSE_RUNS=${PARSE_RUNS:-5}
SCAN_RUNS=${SCAN_RUNS:-1}
SCAN_MESSAGES=${SCAN_MESSAGES:-10000}
IMAP_MESSAGES=${IMAP_MESSAGES:-1000}
SHARED=${REBOUND_SHARED:-$(cd .. && pwd)/shared}
ONLY=${ONLY:-}
BASE=${BASE:-}
ROUNDS=${ROUNDS:-$([ -n "$BASE" ] && echo 3 || echo 1)}
CORPUS="$SHARED/corpus/sisimai/maildir/bsd"
[ -d "$CORPUS" ] || { echo "bench: no corpus at $CORPUS (set REBOUND_SHARED)" >&2; exit 2; }
if [ "$IMAP_MESSAGES" -gt 0 ] && { [ -z "$ONLY" ] || [ "$ONLY" = imap ]; } && ! command -v dovecot >/dev/null 2>&1 && [ ! -x /usr/sbin/dovecot ]; then
	echo "installing: dovecot-imapd openssl (the IMAP case's server)" >&2
	sudo_cmd=""
	[ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
	export DEBIAN_FRONTEND=noninteractive
	$sudo_cmd apt-get update -qq && $sudo_cmd apt-get install -y -qq dovecot-imapd openssl >/dev/null ||
		echo "bench: could not install Dovecot; the IMAP case will be skipped" >&2
fi

work=$(mktemp -d /tmp/rebound-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
# As scripts/install.sh builds it: static, stripped.
build=(-trimpath "-ldflags=-s -w" -tags="${TAGS:-}")
CGO_ENABLED=0 go build "${build[@]}" -o "$work/rebound" ./cmd/rebound
CGO_ENABLED=0 go build -trimpath "-ldflags=-s -w" -o "$work/stdinonly" ./internal/stdinonly
go build -o "$work/benchrun" ./internal/benchrun
bin="$work/rebound"
bounce=testdata/examples/postfix-user-unknown.eml

want() { [ -z "$ONLY" ] || [ "$ONLY" = "$1" ]; }

cat >"$work/sections.yaml" <<'EOF'
report-url: "-"
report-format: json
verp:
  - "bounces+{local}={domain}@bounces.example.org"
pipe:
  max-size: 10000000
scan-imap:
  server: imap.example.org:993
  user: bounces@example.org
check:
  run-user: rebound
EOF

# median of the numbers on stdin
median() { sort -g | awk '{a[NR]=$1} END {if (NR==0) print "-"; else if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

# measure RUNS NAME COMMAND...: runs the command RUNS times (stdin from $STDIN, exit codes in
# $OK_EXIT accepted, $SETUP run untimed before each run) and prints the median wall time and the
# median peak RSS, CPU time (user + system) and minor page faults; sets MEDIAN_S (wall) and
# MEDIAN_CPU.
measure() {
	local runs=$1 name=$2; shift 2
	local out rss_kb faults
	out=$("$work/benchrun" -n "$runs" -stdin "${STDIN:-/dev/null}" -ok "${OK_EXIT:-0}" -setup "${SETUP:-}" -- "$@")
	read -r MEDIAN_S rss_kb MEDIAN_CPU faults <<<"$out"
	printf '%-46s %9.1f ms %7.1f MB %9.1f ms %7d' "$name" "$(echo "$MEDIAN_S * 1000" | bc -l)" "$(echo "$rss_kb / 1024" | bc -l)" "$(echo "$MEDIAN_CPU * 1000" | bc -l)" "$faults"
}

# ratio: the last case's median CPU time over the stdin-only program's of the same round
# (issue 16's pipe target: at most 3x).
ratio() { printf '  %5.2fx stdin-only CPU\n' "$(echo "$MEDIAN_CPU / $floor" | bc -l)"; }

# rate N: messages per second of wall time, and per second of CPU time.
rate() { printf '  %8.0f msgs/s (%.0f per CPU-second)\n' "$(echo "$1 / $MEDIAN_S" | bc -l)" "$(echo "$1 / $MEDIAN_CPU" | bc -l)"; }

echo "rebound $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) CPUs, $(go env GOVERSION)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (wall times are only comparable on an idle machine; CPU times are steadier)"
printf '%-46s %12s %10s %12s %7s\n' case "wall" "peak RSS" "CPU" "faults"

# The pipe and help cases, in ROUNDS rounds; with BASE, each round times BASE then this build.
for ((round = 1; round <= ROUNDS; round++)); do
	[ "$ROUNDS" -eq 1 ] || echo "round $round"
	if want pipe; then
		STDIN=$bounce measure "$RUNS" "stdin-only Go program" "$work/stdinonly"; echo
		floor=$MEDIAN_CPU
		if [ -n "$BASE" ]; then
			STDIN=$bounce measure "$RUNS" "BASE pipe" "$BASE" pipe --config /dev/null --report-url - ; ratio
		fi
		STDIN=$bounce measure "$RUNS" "rebound pipe (one bounce, report to stdout)" "$bin" pipe --config /dev/null --report-url - ; ratio
		# With a configuration file shaped like contrib/rebound.yaml: sections of other commands.
		if [ -n "$BASE" ]; then
			STDIN=$bounce measure "$RUNS" "BASE pipe, configuration with sections" "$BASE" pipe --config "$work/sections.yaml"; ratio
		fi
		STDIN=$bounce measure "$RUNS" "rebound pipe, configuration with sections" "$bin" pipe --config "$work/sections.yaml"; ratio
	fi
	if want help; then
		if [ -n "$BASE" ]; then
			measure "$RUNS" "BASE --help" "$BASE" --help; echo
		fi
		measure "$RUNS" "rebound --help" "$bin" --help; echo
	fi
done
if want parse; then
	mkdir -p "$work/parse"
	for c in $(seq 0 9); do
		for f in "$CORPUS"/*; do cp "$f" "$work/parse/$c-$(basename "$f")"; done
	done
	n=$(find "$work/parse" -type f | wc -l)
	# With BASE, each round times BASE then this build, one core then two.
	for ((round = 1; round <= ROUNDS; round++)); do
		[ "$ROUNDS" -eq 1 ] || echo "parse round $round"
		names=("rebound")
		bins=("$bin")
		if [ -n "$BASE" ]; then
			names=("BASE" "rebound")
			bins=("$BASE" "$bin")
		fi
		for k in "${!bins[@]}"; do
			OK_EXIT=0,1 measure "$PARSE_RUNS" "${names[k]} parse --json, $n files, GOMAXPROCS=1" env GOMAXPROCS=1 "${bins[k]}" parse --json "$work/parse"; rate "$n"
			one=$MEDIAN_S
			OK_EXIT=0,1 measure "$PARSE_RUNS" "${names[k]} parse --json, $n files, GOMAXPROCS=2" env GOMAXPROCS=2 "${bins[k]}" parse --json "$work/parse"; rate "$n"
			printf '%-44s %9.2fx\n' "  speed-up with 2 cores" "$(echo "$one / $MEDIAN_S" | bc -l)"
		done
	done
fi
if want scan; then
	# A Maildir of SCAN_MESSAGES copies of the corpus bounces, each with its own Message-ID,
	# scanned into a durable outbox (--no-flush: queueing only; the reports' delivery, `rebound
	# flush`, is not part of this case).
	seeds=()
	for f in "$CORPUS"/*; do
		case "$(head -c 4096 "$f" | tr -d '\0' | tr 'A-Z' 'a-z')" in
		*mailer-daemon* | *postmaster* | *delivery* | *undeliver* | *returned*) seeds+=("$(tr -d '\0' <"$f")") ;;
		esac
	done
	mkdir -p "$work/seed/new" "$work/seed/cur" "$work/seed/tmp"
	for ((j = 0; j < SCAN_MESSAGES; j++)); do
		printf 'Message-ID: <bench-%d@bench.test>\n%s\n' "$j" "${seeds[j % ${#seeds[@]}]}" >"$work/seed/new/$j.M$j.bench"
	done
	SETUP="rm -rf '$work/md' '$work/outbox' && cp -a '$work/seed' '$work/md' && sync" \
		OK_EXIT=0,1 measure "$SCAN_RUNS" "scan maildir, $SCAN_MESSAGES msgs, durable outbox" "$bin" scan maildir "$work/md" --config /dev/null --report-url - --outbox "$work/outbox" --no-progress --no-flush
	rate "$SCAN_MESSAGES"
fi
if want imap; then
	if [ "$IMAP_MESSAGES" -gt 0 ] && command -v dovecot >/dev/null 2>&1 || [ -x /usr/sbin/dovecot ]; then
		# In process (go test), against a Dovecot that the benchmark starts on 127.0.0.1, over TLS.
		REBOUND_SHARED=$SHARED REBOUND_BENCH_MESSAGES=$IMAP_MESSAGES REBOUND_REQUIRE_SERVERS=1 \
			go test -run '^$' -bench ScanIMAP -benchtime 1x -count 1 ./imap | grep -E '^(Benchmark|FAIL|ok )' |
			awk -v n="$IMAP_MESSAGES" '/Benchmark/ {for (i = 1; i <= NF; i++) if ($i == "msgs/s") r = $(i-1); else if ($i == "MB-peak-heap") h = $(i-1); else if ($i == "dovecot-msgs/s") d = $(i-1);
				printf "%-44s %12s %7s MB heap %8.0f msgs/s\n", "scan imap, " n " msgs over TLS (go test)", "-", h, r;
				printf "%-44s %12s %15s %8.0f msgs/s\n", "  Dovecot alone: one UID FETCH, not parsed", "-", "", d; next} {print}'
	else
		echo "scan imap: skipped (no Dovecot, or IMAP_MESSAGES=0); see go test -bench ScanIMAP ./imap"
	fi
fi
