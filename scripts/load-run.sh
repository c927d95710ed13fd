#!/usr/bin/env bash
# load-run.sh - builds the sample app and runs WebSocket (wsload) and HTTP (wrk) load against it, optionally
# interleaved with peer servers of the benchmark harness, and prints a table. See docs/performance.md.
#
#   scripts/load-run.sh --wsload PATH [--bench DIR --peers "lws-c-64k netty-epoll"] [--jar JAR | --no-build]
#                       [--rounds N] [--dur S] [--scenarios "echo-64-d1 ..."] [--out DIR] [--jvm-opts "..."]
#                       [--warm-up full|ws] [--side-by-side]
#
#   --wsload PATH   the wsload binary (built from the harness: make -C bench/wsload)
#   --bench DIR     the harness directory: peers are started from the lines of DIR/servers.conf, from DIR
#   --peers "A B"   peer names in that servers.conf to run in each round, after ours (needs --bench)
#   --jar JAR       run this sample-app jar instead of building one (--no-build: the last built one)
#   --baseline JAR  also run this (older) sample-app jar as server "lwsj-base", interleaved: an A/B of two builds
#   --baseline-args "ARGS"  extra arguments for "lwsj-base" (with --baseline: an A/B of two settings of one jar, e.g.
#                   metrics off: --spring.autoconfigure.exclude=LIST, where LIST is the sample's own exclusions from its
#                   application.yml (a command-line list replaces that one) plus
#                   io.lws.spring.boot.autoconfigure.metrics.LwsMetricsAutoConfiguration, comma-separated)
#   --rounds N      rounds (servers interleaved A B A B ...; default 1); --dur S measured seconds (default 5)
#   --scenarios     subset of: echo-64-d1 echo-64-d16 echo-16k echo-1m connect idle http-1k http-10m
#   --out DIR       where results.jsonl and the logs go (default: a new directory under /tmp)
#   --warm-up ws    warm each server up with WebSocket echo only (8 s at depth 16, 8 s at depth 1), so depth 1 is
#                   measured with the JIT settled; full (the default) is every kind of load, ending with 10 MiB GETs
#   --side-by-side  start every server once, each on its own port (PORT, PORT+1, ...), warm each up, then run each
#                   scenario on all of them back to back in every round (the order reversed every other round): the
#                   figures a ratio compares are taken seconds apart, not a server's whole turn apart, so the
#                   machine's slow minutes fall on both sides of a ratio (servers idle while another is measured)
#
# The server runs on CPU $SERVER_CPU (0) and the load on CPU $CLIENT_CPU (1), with taskset. Every step is bounded
# by timeout, and every process this script starts is stopped by its PID. Nothing is copied into the repository.
# Each server gets the same warm-up before its scenarios (WARMUP_S=5 s of pipelined echo, then 2 s of each kind,
# WARMUP_HTTP_S=12 s of 1 KiB GETs).
# For the WebSocket scenarios it also prints the server's CPU per message or MB, user + kernel, from /proc.
# Environment: JVM_OPTS (-Xmx2g), JAVA, SERVER_CPU, CLIENT_CPU, PORT (19300), IDLE_CONNS (2000), MVN_FLAGS (e.g. -o: build offline).
set -uo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
WSLOAD=""
BENCH=""
PEERS=""
JAR=""
BASE_JAR=""
BASE_ARGS=""
BUILD=1
ROUNDS=1
DUR=5
WARM=2
SCENARIOS="echo-64-d1 echo-64-d16 echo-16k echo-1m connect idle http-1k http-10m"
OUT=""
JVM_OPTS=${JVM_OPTS:--Xmx2g}
JAVA=${JAVA:-java}
SERVER_CPU=${SERVER_CPU:-0}
CLIENT_CPU=${CLIENT_CPU:-1}
PORT=${PORT:-19300}
IDLE_CONNS=${IDLE_CONNS:-2000}
WARMUP_S=${WARMUP_S:-5}
WARMUP_HTTP_S=${WARMUP_HTTP_S:-12}
WARMUP_KIND=full
SIDE_BY_SIDE=0

usage() { sed -n '2,/^set -uo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit "${1:-2}"; }
while [ $# -gt 0 ]; do
	case "$1" in
		--wsload) WSLOAD=$2; shift 2 ;;
		--bench) BENCH=$2; shift 2 ;;
		--peers) PEERS=$2; shift 2 ;;
		--jar) JAR=$2; BUILD=0; shift 2 ;;
		--no-build) BUILD=0; shift ;;
		--baseline) BASE_JAR=$(readlink -f "$2"); shift 2 ;;
		--baseline-args) BASE_ARGS=$2; shift 2 ;;
		--rounds) ROUNDS=$2; shift 2 ;;
		--dur) DUR=$2; shift 2 ;;
		--scenarios) SCENARIOS=$2; shift 2 ;;
		--out) OUT=$2; shift 2 ;;
		--jvm-opts) JVM_OPTS=$2; shift 2 ;;
		--warm-up) WARMUP_KIND=$2; shift 2 ;;
		--side-by-side) SIDE_BY_SIDE=1; shift ;;
		-h|--help) usage 0 ;;
		*) echo "unknown argument: $1" >&2; usage ;;
	esac
done
[ -x "$WSLOAD" ] || { echo "--wsload must name the wsload binary" >&2; usage; }
case "$WARMUP_KIND" in full|ws) ;; *) echo "--warm-up is full or ws" >&2; usage ;; esac
WSLOAD=$(readlink -f "$WSLOAD")
if [ -n "$PEERS" ] && [ ! -f "$BENCH/servers.conf" ]; then
	echo "--peers needs --bench DIR with a servers.conf" >&2; exit 2
fi
[ -n "$BENCH" ] && BENCH=$(readlink -f "$BENCH")
for tool in taskset timeout curl python3; do
	command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 1; }
done
case " $SCENARIOS " in
	*" http-"*) command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 1; } ;;
esac

OUT=${OUT:-$(mktemp -d /tmp/lws-load-run.XXXXXX)}
mkdir -p "$OUT"
RES="$OUT/results.jsonl"
: > "$RES"
log() { echo "[$(date -u +%H:%M:%S)] $*" | tee -a "$OUT/run.log" >&2; }

# ---- the sample app
if [ "$BUILD" = 1 ]; then
	log "building the sample app"
	(cd "$REPO" && timeout 900 mvn -B -ntp ${MVN_FLAGS:-} -DskipTests -pl sample-app -am package) > "$OUT/build.log" 2>&1 \
		|| { echo "build failed, see $OUT/build.log" >&2; exit 1; }
fi
JAR=${JAR:-$REPO/sample-app/target/lws-sample-app.jar}
[ -f "$JAR" ] || { echo "no sample-app jar at $JAR (build it, or pass --jar)" >&2; exit 1; }
JAR=$(readlink -f "$JAR")

# ---- files to serve
WWW="$OUT/www"
mkdir -p "$WWW"
head -c 1024 /dev/urandom > "$WWW/1k.bin"
head -c 10485760 /dev/urandom > "$WWW/10m.bin"
echo '<html><body>load run</body></html>' > "$WWW/test.html"

# ---- servers: ours, then peers from the harness's servers.conf
server_cmd() { # name port
	if [ "$1" = lwsj ] || [ "$1" = lwsj-base ]; then
		local jar=$JAR
		local extra=""
		[ "$1" = lwsj-base ] && jar=$BASE_JAR && extra=${BASE_ARGS:+ $BASE_ARGS}
		echo "$JAVA $JVM_OPTS -jar $jar --lws.vhosts.default.port=$2 --resource-path=$WWW --management.server.port=0$extra"
		return
	fi
	local line
	line=$(grep -E "^$1[[:space:]]*\|" "$BENCH/servers.conf" | head -1 | cut -d'|' -f3- | sed -e 's/^ *//')
	[ -n "$line" ] || return 1
	line=${line//\{PORT\}/$2}
	line=${line//\{PATH\}//echo}
	line=${line//\{WWW\}/$WWW}
	line=${line//\{JAVA\}/$JAVA}
	line=${line//\{JVM_OPTS\}/$JVM_OPTS}
	echo "${line//\$LWSJ_JAR/$JAR}"
}
server_is_jvm() {
	[ "$1" = lwsj ] || [ "$1" = lwsj-base ] || grep -E "^$1[[:space:]]*\|" "$BENCH/servers.conf" | head -1 | cut -d'|' -f2 | grep -q jvm
}

SPID=""
stop_server() {
	[ -n "$SPID" ] || return 0
	kill -TERM "$SPID" 2>/dev/null
	for _ in $(seq 1 75); do kill -0 "$SPID" 2>/dev/null || break; sleep 0.2; done
	kill -0 "$SPID" 2>/dev/null && kill -KILL "$SPID" 2>/dev/null
	wait "$SPID" 2>/dev/null
	SPID=""
}
# with --side-by-side: every server's PID and port, by name
declare -A SIDE_PID=() SIDE_PORT=()
stop_all() {
	stop_server
	local srv
	for srv in "${!SIDE_PID[@]}"; do
		SPID=${SIDE_PID[$srv]}
		stop_server
	done
}
trap stop_all EXIT
trap 'stop_all; exit 130' INT TERM

start_server() { # name port log
	local cmd
	cmd=$(server_cmd "$1" "$2") || { log "no server $1 in $BENCH/servers.conf"; return 1; }
	log "start $1: taskset -c $SERVER_CPU $cmd"
	# peers' commands are relative to the harness directory
	(cd "${BENCH:-$OUT}" && exec taskset -c "$SERVER_CPU" bash -c "exec $cmd") > "$3" 2>&1 &
	SPID=$!
	for _ in $(seq 1 360); do
		kill -0 "$SPID" 2>/dev/null || { log "$1 died at start (see $3)"; SPID=""; return 1; }
		curl -sf -o /dev/null --max-time 2 "http://127.0.0.1:$2/1k.bin" && return 0
		sleep 0.25
	done
	log "$1 not ready after 90 s"; stop_server; return 1
}

# a process's user and system CPU ticks so far
cpu_ticks() { awk '{sub(/.*\) /, ""); print $12, $13}' "/proc/$1/stat" 2>/dev/null || echo 0 0; }
proc_ticks() { cpu_ticks "$1" | awk '{print $1 + $2}'; }

# record scenario server round json
record() {
	case "$4" in
		\{*\}) echo "{\"scenario\":\"$1\",\"server\":\"$2\",\"round\":$3,${4#\{}" >> "$RES" ;;
		*) echo "{\"scenario\":\"$1\",\"server\":\"$2\",\"round\":$3,\"ok\":false}" >> "$RES" ;;
	esac
}

wsload_run() { # scenario server round port args...
	local scen=$1 srv=$2 round=$3 port=$4 json before after
	shift 4
	before=$(cpu_ticks "$SPID")
	json=$(timeout $((DUR + WARM + 240)) taskset -c "$CLIENT_CPU" "$WSLOAD" "$@" --port "$port" --path /echo \
		--server-pid "$SPID" 2>> "$OUT/$srv.$scen.r$round.err" | tail -n 1)
	after=$(cpu_ticks "$SPID")
	# the server's kernel share of its CPU over the whole run (wsload measures the CPU of the measured seconds only)
	case "$json" in
		\{*\}) json="{\"server_kernel_share\":$(echo "$before $after" | awk '{u = $3 - $1; k = $4 - $2;
			printf "%.3f", (u + k > 0) ? k / (u + k) : 0}'),${json#\{}" ;;
	esac
	record "$scen" "$srv" "$round" "$json"
}

wrk_run() { # scenario server round port file
	local scen=$1 srv=$2 round=$3 port=$4 file=$5 t0 t1 out
	timeout $((WARM + 30)) taskset -c "$CLIENT_CPU" wrk -t1 -c100 -d"${WARM}s" "http://127.0.0.1:$port/$file" > /dev/null 2>&1
	t0=$(proc_ticks "$SPID")
	out=$(timeout $((DUR + 30)) taskset -c "$CLIENT_CPU" wrk -t1 -c100 -d"${DUR}s" --latency "http://127.0.0.1:$port/$file")
	t1=$(proc_ticks "$SPID")
	record "$scen" "$srv" "$round" "$(WRK_OUT="$out" python3 - "$DUR" "$((t1 - t0))" "$(getconf CLK_TCK)" <<'PY'
import json, os, re, sys
dur, ticks, hz = float(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
text = os.environ["WRK_OUT"]
def num(pattern):
    m = re.search(pattern, text)
    return float(m.group(1)) if m else None
def size(pattern):
    m = re.search(pattern, text)
    if not m:
        return None
    scale = {"B": 1, "KB": 1e3, "MB": 1e6, "GB": 1e9}[m.group(2)]
    return float(m.group(1)) * scale / 1e6
def lat(p):
    m = re.search(r"\s%s%%\s+([\d.]+)(us|ms|s)" % p, text)
    if not m:
        return None
    return float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)]
rps = num(r"Requests/sec:\s+([\d.]+)")
print(json.dumps({"ok": rps is not None, "req_per_s": rps, "mb_per_s": size(r"Transfer/sec:\s+([\d.]+)(B|KB|MB|GB)"),
                  "lat_ms_p99": lat(99), "server_cpu": ticks / hz / dur}))
PY
)"
}

run_scenario() { # scenario server round port
	local s=$1
	case "$s" in
		echo-64-d1) wsload_run "$@" echo -c 100 -d 1 -s 64 --text -t "$DUR" -w "$WARM" ;;
		echo-64-d16) wsload_run "$@" echo -c 100 -d 16 -s 64 --text -t "$DUR" -w "$WARM" ;;
		echo-16k) wsload_run "$@" echo -c 10 -d 1 -s 16k --binary -t "$DUR" -w "$WARM" ;;
		echo-1m) wsload_run "$@" echo -c 1 -d 1 -s 1m --binary -t "$DUR" -w "$WARM" ;;
		connect) wsload_run "$@" connect -C 50 -t "$DUR" -w "$WARM" ;;
		idle)
			local jvm=()
			if server_is_jvm "$2"; then
				jvm=(--jvm --jcmd "$(dirname "$(readlink -f "$(command -v "$JAVA")")")/jcmd")
			fi
			wsload_run "$@" idle -c "$IDLE_CONNS" --prewarm 500 --hold 3 -C 256 --timeout 120 "${jvm[@]}" ;;
		http-1k) wrk_run "$@" 1k.bin ;;
		http-10m) wrk_run "$@" 10m.bin ;;
		*) log "unknown scenario $s" ;;
	esac
}

warm_up() { # port: the same for every server, so a JVM's JIT is not billed to the first scenarios
	local w=(timeout 60 taskset -c "$CLIENT_CPU")
	if [ "$WARMUP_KIND" = ws ]; then
		"${w[@]}" "$WSLOAD" echo --port "$1" --path /echo -c 100 -d 16 -s 64 -t 8 -w 0 > /dev/null 2>&1
		"${w[@]}" "$WSLOAD" echo --port "$1" --path /echo -c 100 -d 1 -s 64 -t 8 -w 0 > /dev/null 2>&1
		return
	fi
	"${w[@]}" "$WSLOAD" echo --port "$1" --path /echo -c 100 -d 16 -s 64 -t "$WARMUP_S" -w 0 > /dev/null 2>&1
	"${w[@]}" "$WSLOAD" echo --port "$1" --path /echo -c 10 -d 1 -s 16k --binary -t 2 -w 0 > /dev/null 2>&1
	"${w[@]}" "$WSLOAD" echo --port "$1" --path /echo -c 1 -d 1 -s 1m --binary -t 2 -w 0 > /dev/null 2>&1
	"${w[@]}" "$WSLOAD" connect --port "$1" --path /echo -C 50 -t 2 -w 0 > /dev/null 2>&1
	if command -v wrk > /dev/null; then
		# a JVM's HTTP path is still compiling after 4 s of this (its req/s rose from 13k to 66k over 16 s)
		"${w[@]}" wrk -t1 -c100 -d"${WARMUP_HTTP_S}s" "http://127.0.0.1:$1/1k.bin" > /dev/null 2>&1
		"${w[@]}" wrk -t1 -c100 -d2s "http://127.0.0.1:$1/10m.bin" > /dev/null 2>&1
	fi
}

log "results in $OUT (server on CPU $SERVER_CPU, load on CPU $CLIENT_CPU, load average $(cut -d' ' -f1-3 /proc/loadavg))"
[ -n "$BASE_JAR" ] && PEERS="lwsj-base $PEERS"
run_in_turns() { # each server started, warmed up, measured in every scenario and stopped, round after round
	local round srv scen
	for round in $(seq 1 "$ROUNDS"); do
		for srv in lwsj $PEERS; do
			if ! start_server "$srv" "$PORT" "$OUT/$srv.server.r$round.log"; then
				continue
			fi
			log "round $round: $srv warm-up"
			warm_up "$PORT"
			for scen in $SCENARIOS; do
				kill -0 "$SPID" 2>/dev/null || { log "$srv died"; break; }
				log "round $round: $srv $scen"
				run_scenario "$scen" "$srv" "$round" "$PORT"
			done
			stop_server
		done
	done
}

run_side_by_side() { # every server up at once; each scenario on all of them back to back, in every round
	local i=0 round srv scen order
	for srv in lwsj $PEERS; do
		if start_server "$srv" "$((PORT + i))" "$OUT/$srv.server.log"; then
			SIDE_PID[$srv]=$SPID
			SIDE_PORT[$srv]=$((PORT + i))
			log "$srv warm-up"
			warm_up "$((PORT + i))"
		fi
		SPID=""
		i=$((i + 1))
	done
	for round in $(seq 1 "$ROUNDS"); do
		order="lwsj $PEERS"
		# reversed every other round, so no server is always measured right after the same one
		[ $((round % 2)) = 0 ] && order=$(printf '%s\n' $order | tac | tr '\n' ' ')
		for scen in $SCENARIOS; do
			for srv in $order; do
				SPID=${SIDE_PID[$srv]:-}
				[ -n "$SPID" ] || continue
				kill -0 "$SPID" 2>/dev/null || { log "$srv died"; unset "SIDE_PID[$srv]"; continue; }
				log "round $round: $srv $scen"
				run_scenario "$scen" "$srv" "$round" "${SIDE_PORT[$srv]}"
			done
		done
	done
	SPID=""
}

if [ "$SIDE_BY_SIDE" = 1 ]; then
	run_side_by_side
else
	run_in_turns
fi

# ---- the table: medians over rounds, ratio to ours
python3 - "$RES" lwsj $PEERS <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
servers = sys.argv[2:]
metrics = [
    ("echo-64-d1", "msgs_per_s", "msg/s", 0), ("echo-64-d1", "lat_us.p99", "RTT p99 (us)", 0),
    ("echo-64-d16", "msgs_per_s", "msg/s", 0), ("echo-64-d16", "fairness", "fairness min/max", 2),
    ("echo-64-d16", "lat_us.p999", "RTT p99.9 (us)", 0),
    ("echo-16k", "mb_per_s", "MB/s each way", 0), ("echo-1m", "mb_per_s", "MB/s each way", 0),
    ("connect", "handshakes_per_s", "handshakes/s", 0),
    ("idle", "rss_bytes_per_conn", "RSS bytes/conn", 0), ("idle", "heap_bytes_per_conn", "heap bytes/conn", 0),
    ("http-1k", "req_per_s", "req/s", 0), ("http-10m", "mb_per_s", "MB/s", 0),
]
def value(r, key):
    if key == "fairness":
        mx = r.get("conn_msgs_max") or 0
        return (r.get("conn_msgs_min") or 0) / mx if mx else None
    v = r
    for part in key.split("."):
        v = v.get(part) if isinstance(v, dict) else None
    # wsload reports -1 where it has no figure (heap of a C server)
    return v if isinstance(v, (int, float)) and v >= 0 else None
def median(scen, srv, key):
    vs = [value(r, key) for r in rows if r["scenario"] == scen and r["server"] == srv and r.get("ok", True)]
    vs = [v for v in vs if v is not None]
    return statistics.median(vs) if vs else None
present = {r["scenario"] for r in rows}
print("| scenario | metric | " + " | ".join(servers) + " | ours / " + " | ours / ".join(servers[1:]) + " |"
      if len(servers) > 1 else "| scenario | metric | lwsj |")
print("|---|---|" + "---:|" * (len(servers) + max(0, len(servers) - 1)))
for scen, key, label, digits in metrics:
    if scen not in present:
        continue
    vals = [median(scen, s, key) for s in servers]
    cells = ["-" if v is None else (f"{v:,.{digits}f}") for v in vals]
    ratios = []
    for v in vals[1:]:
        ratios.append("-" if v in (None, 0) or vals[0] is None else f"x{vals[0] / v:.2f}")
    print(f"| {scen} | {label} | " + " | ".join(cells + ratios) + " |")
# Ratios round by round: with --side-by-side each compares two figures taken seconds apart.
throughput = [(scen, key) for scen, key, label, digits in metrics if key.endswith("_per_s")]
if len(servers) > 1 and any(scen in present for scen, key in throughput):
    print()
    print("Ours / peer, round by round (median of the rounds' ratios; rounds at or above x1.00):")
    print()
    print("| scenario | metric | " + " | ".join(servers[1:]) + " |")
    print("|---|---|" + "---|" * (len(servers) - 1))
    for scen, key in throughput:
        if scen not in present:
            continue
        def by_round(srv):
            return {r["round"]: value(r, key) for r in rows
                    if r["scenario"] == scen and r["server"] == srv and r.get("ok", True) and value(r, key)}
        ours = by_round(servers[0])
        cells = []
        for s in servers[1:]:
            theirs = by_round(s)
            ratios = [ours[n] / theirs[n] for n in sorted(ours) if n in theirs]
            cells.append("-" if not ratios else " / ".join(f"x{q:.2f}" for q in ratios)
                         + f" (x{statistics.median(ratios):.2f}; {sum(q >= 1 for q in ratios)} of {len(ratios)})")
        print(f"| {scen} | {key} | " + " | ".join(cells) + " |")
# On a shared machine a server gets less than its core: the work per server CPU-second is the steadier figure.
print()
print("Per server CPU-second (throughput / server CPU over the window):")
print()
print("| scenario | metric | " + " | ".join(servers) + " |")
print("|---|---|" + "---:|" * len(servers))
for scen, key, label in [("echo-64-d1", "msgs_per_s", "msgs"), ("echo-64-d16", "msgs_per_s", "msgs"),
                         ("echo-16k", "mb_per_s", "MB"), ("echo-1m", "mb_per_s", "MB"),
                         ("connect", "handshakes_per_s", "handshakes"), ("http-1k", "req_per_s", "requests"),
                         ("http-10m", "mb_per_s", "MB")]:
    if scen not in present:
        continue
    cells = []
    for s in servers:
        vs = [value(r, key) / r["server_cpu"] for r in rows if r["scenario"] == scen and r["server"] == s
              and r.get("ok", True) and value(r, key) is not None and (r.get("server_cpu") or 0) > 0.01]
        cells.append(f"{statistics.median(vs):,.0f}" if vs else "-")
    print(f"| {scen} | {label} | " + " | ".join(cells) + " |")
# Where a server's core goes per unit of work, user + kernel: the WebSocket scenarios, from wsload's server CPU over
# the measured seconds and the kernel share over the run.
print()
print("Server CPU per unit of work, user + kernel (medians over rounds):")
print()
print("| scenario | per | " + " | ".join(servers) + " |")
print("|---|---|" + "---:|" * len(servers))
for scen, key, label, unit in [("echo-64-d1", "msgs", "message", 1e6), ("echo-64-d16", "msgs", "message", 1e6),
                               ("echo-16k", "mb_per_s", "MB", 1e3), ("echo-1m", "mb_per_s", "MB", 1e3)]:
    if scen not in present:
        continue
    cells = []
    for s in servers:
        user, kernel = [], []
        for r in rows:
            if r["scenario"] != scen or r["server"] != s or not r.get("ok", True):
                continue
            work = value(r, key)
            if key == "mb_per_s" and work is not None:
                work *= r.get("duration_s") or 0
            share = r.get("server_kernel_share")
            if not work or share is None or (r.get("server_cpu") or 0) <= 0.01:
                continue
            cpu = r["server_cpu"] * (r.get("duration_s") or 0) / work * unit
            user.append(cpu * (1 - share))
            kernel.append(cpu * share)
        unit_name = "us" if unit == 1e6 else "ms"
        cells.append(f"{statistics.median(user):.2f} + {statistics.median(kernel):.2f} {unit_name}" if user else "-")
    print(f"| {scen} | {label} | " + " | ".join(cells) + " |")
PY
log "done: $RES"
