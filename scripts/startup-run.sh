#!/usr/bin/env bash
# startup-run.sh - measures the sample app's start-up: wall time from launching the JVM to the first served GET /,
# and the CPU time the JVM had used by then, for each way of starting it, rounds interleaved. See
# docs/performance.md ("Start-up").
#
#   scripts/startup-run.sh [--jar JAR] [--rounds N] [--modes "plain fast fast-c1"]
#
#   plain     java -jar JAR
#   fast      scripts/fast-start.sh (extracted jar, Spring AOT mode, class archive; prepared once, not timed)
#   fast-c1   the same with --c1 (C1 JIT only)
#
# Prints one line per run and the medians. Environment: JAVA (java), PORT (19480).
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
JAR=$REPO/sample-app/target/lws-sample-app.jar
ROUNDS=5
MODES="plain fast fast-c1"
PORT=${PORT:-19480}
JAVA=${JAVA:-java}
export JAVA

while [ $# -gt 0 ]; do
	case "$1" in
		--jar) JAR=$2; shift 2 ;;
		--rounds) ROUNDS=$2; shift 2 ;;
		--modes) MODES=$2; shift 2 ;;
		*) echo "unknown option $1" >&2; exit 2 ;;
	esac
done
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then echo "startup-run: port $PORT is in use" >&2; exit 2; fi
"$REPO/scripts/fast-start.sh" --jar "$JAR" --prepare-only
LOG=$(mktemp -d)
trap 'rm -rf "$LOG"' EXIT
ARGS=(--lws.vhosts.default.port="$PORT" --management.server.port=0)

launch() {
	case "$1" in
		plain) exec "$JAVA" -jar "$JAR" "${ARGS[@]}" ;;
		fast) exec "$REPO/scripts/fast-start.sh" --jar "$JAR" "${ARGS[@]}" ;;
		fast-c1) exec "$REPO/scripts/fast-start.sh" --jar "$JAR" --c1 "${ARGS[@]}" ;;
		*) echo "unknown mode $1" >&2; exit 2 ;;
	esac
}

# The probe uses only shell built-ins: polling with curl and sleep started two programs every 20 ms, and on two
# cores they took about 0.2 s from the JVM being measured (docs/performance.md, section 18). A read from a FIFO
# that nothing writes is the pause.
mkfifo "$LOG/tick"
exec 9<>"$LOG/tick"
served() { # GET / answered with 200
	local status=""
	{ printf 'GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3 && read -r -t 2 status <&3; } \
		2>/dev/null 3<>"/dev/tcp/127.0.0.1/$PORT" || return 1
	[[ $status == "HTTP/1.1 200"* ]]
}

declare -A WALL CPU
for round in $(seq "$ROUNDS"); do
	for mode in $MODES; do
		t0=$(date +%s%N)
		launch "$mode" >"$LOG/$mode.log" 2>&1 &
		pid=$!
		ok=0
		for ((i = 0; i < 3000; i++)); do
			if served; then ok=1; break; fi
			kill -0 "$pid" 2>/dev/null || break
			read -r -t 0.01 -u 9 _ || true
		done
		t1=$(date +%s%N)
		# the JVM is $pid itself (fast-start.sh execs it); utime + stime in clock ticks
		read -r -a st <"/proc/$pid/stat" || st=()
		kill -TERM "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
		[ "$ok" = 1 ] || { echo "startup-run: $mode did not serve GET /; log:" >&2; tail -20 "$LOG/$mode.log" >&2; exit 1; }
		wall=$(( (t1 - t0) / 1000000 ))
		cpu=$(( (${st[13]} + ${st[14]}) * 1000 / $(getconf CLK_TCK) ))
		echo "round $round $mode: ${wall} ms to the first response, ${cpu} ms CPU"
		WALL[$mode]="${WALL[$mode]:-} $wall"
		CPU[$mode]="${CPU[$mode]:-} $cpu"
	done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
echo "median of $ROUNDS rounds ($("$JAVA" -version 2>&1 | head -1)):"
for mode in $MODES; do
	printf '  %-8s %5s ms to the first response, %5s ms CPU\n' "$mode" "$(echo "${WALL[$mode]}" | median)" "$(echo "${CPU[$mode]}" | median)"
done
