#!/usr/bin/env bash
# soak-run.sh - runs the sample app for some minutes under a mix of load that includes clients vanishing in the
# middle of messages (compressed ones too) and downloads, requests cut off inside their headers and malformed input,
# then checks that the server gave everything back: no connection still counted, the header pool whole with nobody
# waiting, every service thread alive, as many file descriptors and threads as after the warm-up, the heap after a
# full GC near where it was and as many live instances of the engine's classes, and no ERROR in the log. See
# docs/performance.md ("The soak script").
#
#   scripts/soak-run.sh --wsload PATH [--jar JAR] [--minutes N] [--out DIR] [--tls]
#
#   --wsload PATH   the wsload binary (built from the harness: make -C bench/wsload); not needed with --tls
#   --tls           the sample over TLS (its tls profile, a generated certificate) and a TLS mix instead: wss://
#                   echo clients (python3-websockets) gone mid-message, https GETs and cut downloads with curl, TLS
#                   handshakes abandoned after a partial ClientHello, plain http to the TLS port, garbage
#   --jar JAR       the sample-app jar (default: sample-app/target/lws-sample-app.jar, built if missing)
#   --minutes N     how long the mixed load runs (default 5)
#   --out DIR       where the server's log and the figures go (default: a new directory under /tmp)
#
# The server runs on CPU $SERVER_CPU (0) and the load on CPU $CLIENT_CPU (1). HTTP load uses wrk when it is
# installed and curl otherwise; the compressed clients need Debian's python3-websockets. Exit status: 0 when every
# check holds, 1 when one fails (the table says which), 2 on bad usage. Every process the script starts is stopped
# by its PID.
set -uo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
WSLOAD=""
JAR=""
MINUTES=5
OUT=""
TLS=0
JAVA=${JAVA:-java}
SERVER_CPU=${SERVER_CPU:-0}
CLIENT_CPU=${CLIENT_CPU:-1}

usage() { sed -n '2,/^set -uo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit "${1:-2}"; }
while [ $# -gt 0 ]; do
	case "$1" in
		--wsload) WSLOAD=$2; shift 2 ;;
		--jar) JAR=$2; shift 2 ;;
		--minutes) MINUTES=$2; shift 2 ;;
		--out) OUT=$2; shift 2 ;;
		--tls) TLS=1; shift ;;
		-h|--help) usage 0 ;;
		*) echo "soak-run: unknown argument $1" >&2; usage ;;
	esac
done
[ "$TLS" = 1 ] || [ -x "$WSLOAD" ] || { echo "soak-run: --wsload PATH to the wsload binary is needed" >&2; usage; }
if ! [[ "$MINUTES" =~ ^[0-9]+$ ]] || [ "$MINUTES" -lt 1 ]; then
	echo "soak-run: --minutes must be a whole number >= 1" >&2
	usage
fi
if [ -z "$JAR" ]; then
	JAR="$REPO/sample-app/target/lws-sample-app.jar"
	[ -f "$JAR" ] || (cd "$REPO" && mvn -q -B package -DskipTests -pl sample-app -am) || exit 2
fi
[ -f "$JAR" ] || { echo "soak-run: no jar at $JAR" >&2; exit 2; }
OUT=${OUT:-$(mktemp -d /tmp/soak-run.XXXXXX)}
mkdir -p "$OUT/www"
head -c 1024 /dev/urandom > "$OUT/www/1k.bin"
head -c $((10 * 1024 * 1024)) /dev/urandom > "$OUT/www/10m.bin"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PORT=$(free_port)
MPORT=$(free_port)
SERVER_PID=""
# The load generator killed on purpose, while it runs (cleared once reaped, so a reused PID is never signalled).
KILLED_PID=""
stop_all() {
	[ -n "$KILLED_PID" ] && kill -9 "$KILLED_PID" 2>/dev/null
	[ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
}
trap stop_all EXIT

log() { echo "[$(date +%H:%M:%S)] $*" | tee -a "$OUT/soak.log"; }

PROFILE=()
[ "$TLS" = 1 ] && PROFILE=(--spring.profiles.active=tls)
taskset -c "$SERVER_CPU" "$JAVA" -Xmx512m -jar "$JAR" --lws.vhosts.default.port="$PORT" \
	--management.server.port="$MPORT" --resource-path="$OUT/www" "${PROFILE[@]}" > "$OUT/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 120); do
	curl -sf -o /dev/null --max-time 1 "http://127.0.0.1:$MPORT/actuator/lws" && break
	kill -0 "$SERVER_PID" 2>/dev/null || { echo "soak-run: the server exited; see $OUT/server.log" >&2; exit 1; }
	sleep 0.5
done
curl -sf -o /dev/null --max-time 1 "http://127.0.0.1:$MPORT/actuator/lws" \
	|| { echo "soak-run: the server did not answer within a minute; see $OUT/server.log" >&2; exit 1; }
log "server pid $SERVER_PID, port $PORT, management port $MPORT, jar $JAR"

ws() {
	timeout 60 taskset -c "$CLIENT_CPU" "$WSLOAD" "$1" --port "$PORT" --path /echo "${@:2}" >> "$OUT/wsload.log" 2>&1
}

# Writes raw bytes to the server and closes: what a broken or hostile client sends.
raw() { timeout 5 bash -c "exec 3<>/dev/tcp/127.0.0.1/$PORT && printf '$1' >&3 && sleep 0.2" 2> /dev/null; }

# N such clients at once, each sending the same bytes: requests or handshakes abandoned part way.
raw_at_once() {
	local pids=()
	for _ in $(seq 1 "$1"); do raw "$2" & pids+=($!); done
	wait "${pids[@]}"
}

# permessage-deflate clients gone with a message in flight, when Debian's python3-websockets is installed: N
# connections to URL each echo three compressible 60 KB texts, send a fourth, and the process exits under them.
PYWS=/usr/bin/python3
"$PYWS" -c 'import websockets' 2> /dev/null || PYWS=""
vanishing_clients() {
	timeout 30 taskset -c "$CLIENT_CPU" "$PYWS" - "$1" "$2" >> "$OUT/python-clients.log" 2>&1 <<'PY'
import asyncio, os, ssl, sys, websockets

url, count = sys.argv[1], int(sys.argv[2])
tls = None
if url.startswith("wss:"):
    tls = ssl.create_default_context()
    tls.check_hostname = False
    tls.verify_mode = ssl.CERT_NONE

async def one(i):
    async with websockets.connect(url, ssl=tls, max_size=None) as ws:
        message = ("lws soak %d " % i) * 6000
        for _ in range(3):
            await ws.send(message)
            assert await ws.recv() == message
        await ws.send(message)
        await asyncio.sleep(10)

async def main():
    tasks = [asyncio.create_task(one(i)) for i in range(count)]
    await asyncio.sleep(2.5)
    failed = [t for t in tasks if t.done() and t.exception()]
    print("%s: %d of %d clients failed before the exit" % (url, len(failed), count), flush=True)
    os._exit(1 if failed else 0)

asyncio.run(main())
PY
}

HANDSHAKE='GET /echo HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n'
HANDSHAKE+='Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n'

one_cycle() {
	ws echo -c 100 -d 16 -s 64 -t 4 -w 0
	ws echo -c 10 -d 1 -s 16k --binary -t 2 -w 0
	ws connect -C 50 -t 2 -w 0
	ws idle -c 2000 --hold 2
	# Clients killed in the middle of their messages: 200 connections at depth 4 of 4 KiB, gone without a close.
	taskset -c "$CLIENT_CPU" "$WSLOAD" echo --port "$PORT" --path /echo -c 200 -d 4 -s 4k --binary -t 30 -w 0 \
		>> "$OUT/wsload-killed.log" 2>&1 &
	KILLED_PID=$!
	sleep 2
	kill -9 "$KILLED_PID" 2>/dev/null
	wait "$KILLED_PID" 2>/dev/null
	KILLED_PID=""
	[ -n "$PYWS" ] && vanishing_clients "ws://127.0.0.1:$PORT/echo" 50
	if command -v wrk > /dev/null; then
		timeout 30 taskset -c "$CLIENT_CPU" wrk -t1 -c50 -d2s "http://127.0.0.1:$PORT/1k.bin" >> "$OUT/wrk.log" 2>&1
	else
		for _ in $(seq 1 200); do curl -s -o /dev/null "http://127.0.0.1:$PORT/1k.bin"; done
	fi
	# Downloads cut off part way, and connections that never send a whole request.
	for _ in 1 2 3 4 5; do curl -s -o /dev/null --max-time 0.05 "http://127.0.0.1:$PORT/10m.bin"; done
	raw_at_once 20 'GET /1k.bin HTTP/1.1\r\nHost: x\r\n'
	# Malformed input: garbage, a bad request line, a header line too long for the header buffer, a bad frame
	# (reserved opcode) and a frame cut short after a handshake.
	raw 'GARBAGE\r\n\r\n'
	raw 'GET /\x01 HTTP/1.1\r\nHost: x\r\n\r\n'
	raw "GET / HTTP/1.1\r\nX-Long: $(head -c 8000 /dev/zero | tr '\0' 'a')\r\n\r\n"
	raw "${HANDSHAKE}\x83\x80\x01\x02\x03\x04"
	raw "${HANDSHAKE}\x81\xfe\x10\x00\x01\x02\x03\x04abc"
}

# The TLS mix: the same kinds of trouble, through the TLS layer.
tls_cycle() {
	[ -n "$PYWS" ] && vanishing_clients "wss://127.0.0.1:$PORT/echo" 50
	for _ in $(seq 1 100); do curl -sk -o /dev/null "https://127.0.0.1:$PORT/1k.bin"; done
	for _ in 1 2 3 4 5; do curl -sk -o /dev/null --max-time 0.05 "https://127.0.0.1:$PORT/10m.bin"; done
	for _ in $(seq 1 20); do curl -s -o /dev/null "http://127.0.0.1:$PORT/1k.bin"; done
	raw_at_once 20 '\x16\x03\x01\x00\xc8\x01\x00\x00\xc4\x03\x03'
	for _ in $(seq 1 10); do timeout 5 openssl s_client -connect "127.0.0.1:$PORT" < /dev/null > /dev/null 2>&1; done
	raw 'GARBAGE\r\n\r\n'
	raw '\x16\x03\x03\xff\xff\x00\x00'
}

# The figures compared: connections, header pool, service threads (from /actuator/lws), descriptors and threads
# (from /proc), heap used after a full GC and live instances of the engine's classes (from jcmd); $1 names the
# snapshot's histogram file.
snapshot() {
	local lws heap
	lws=$(curl -sf --max-time 5 "http://127.0.0.1:$MPORT/actuator/lws")
	jcmd "$SERVER_PID" GC.run > /dev/null 2>&1
	sleep 1
	# The heap's generations (Serial, Parallel) or its one line (G1, ZGC), not Metaspace.
	heap=$(jcmd "$SERVER_PID" GC.heap_info 2>/dev/null | grep -E 'generation|heap' | grep -o 'used [0-9]*K' \
		| tr -dc '0-9\n' | awk '{ s += $1 } END { print s + 0 }')
	echo "$lws" | python3 -c '
import json, sys
d = json.load(sys.stdin)
p = d["headerPool"]
alive = all(t["alive"] for t in d["serviceThreads"])
print(d["connections"], p["inUse"], p["waiting"], p["size"], int(alive), sep=" ", end=" ")'
	echo "$(ls "/proc/$SERVER_PID/fd" | wc -l) $(awk '/^Threads:/ {print $2}' "/proc/$SERVER_PID/status") ${heap:-0}" \
		"$(instances "$1")"
}

# Live instances of the engine's classes (io.lws.*) after the full GC: per-connection objects that outlive their
# connection show up here whatever their size. The histogram is kept in $OUT/histogram-NAME.txt.
instances() {
	jcmd "$SERVER_PID" GC.class_histogram 2>/dev/null > "$OUT/histogram-$1.txt"
	awk '$4 ~ /^(\[L)?io\.lws\./ { s += $2 } END { print s + 0 }' "$OUT/histogram-$1.txt"
}

CYCLE=one_cycle
[ "$TLS" = 1 ] && CYCLE=tls_cycle
log "warm-up: one cycle of the mix ($CYCLE)"
$CYCLE
sleep 5
read -r B_CONN B_USE B_WAIT B_SIZE B_ALIVE B_FD B_THR B_HEAP B_INST <<< "$(snapshot before)"
log "after warm-up: connections $B_CONN, header pool $B_USE in use of $B_SIZE, fds $B_FD, threads $B_THR, heap $B_HEAP KiB," \
	"$B_INST io.lws instances"

END=$(( $(date +%s) + MINUTES * 60 ))
CYCLES=0
while [ "$(date +%s)" -lt "$END" ]; do
	$CYCLE
	CYCLES=$((CYCLES + 1))
	kill -0 "$SERVER_PID" 2>/dev/null || { log "the server exited during cycle $CYCLES"; exit 1; }
done
log "$CYCLES cycles of the mix in $MINUTES min"

# Let the server notice the last vanished peers (its idle timeouts), then measure.
for _ in $(seq 1 30); do
	read -r A_CONN A_USE A_WAIT A_SIZE A_ALIVE A_FD A_THR A_HEAP A_INST <<< "$(snapshot after)"
	[ "$A_CONN" = 0 ] && [ "$A_USE" = 0 ] && break
	sleep 2
done

FAIL=0
check() {
	local name=$1 before=$2 after=$3 ok=$4
	printf '| %s | %s | %s | %s |\n' "$name" "$before" "$after" "$([ "$ok" = 1 ] && echo ok || echo FAILED)" | tee -a "$OUT/soak.log"
	[ "$ok" = 1 ] || FAIL=1
}
ERRORS=$(grep -c -E ' ERROR |Exception in thread' "$OUT/server.log")
# The well-behaved clients must have been served right all along (the killed ones' log is not counted).
BAD_RUNS=$(cat "$OUT/wsload.log" "$OUT/python-clients.log" 2>/dev/null | grep -c -E '"ok":false| [1-9][0-9]* of [0-9]+ clients failed')
echo "| check | after warm-up | after $MINUTES min | |" | tee -a "$OUT/soak.log"
echo "| --- | ---: | ---: | --- |" | tee -a "$OUT/soak.log"
check "connections counted" "$B_CONN" "$A_CONN" "$([ "$A_CONN" = 0 ] && echo 1)"
check "header pool in use / waiting" "$B_USE / $B_WAIT" "$A_USE / $A_WAIT" "$([ "$A_USE" = 0 ] && [ "$A_WAIT" = 0 ] && echo 1)"
check "service threads alive" "$B_ALIVE" "$A_ALIVE" "$([ "$A_ALIVE" = 1 ] && echo 1)"
check "file descriptors" "$B_FD" "$A_FD" "$([ "$A_FD" -le $((B_FD + 2)) ] && echo 1)"
check "threads" "$B_THR" "$A_THR" "$([ "$A_THR" -le $((B_THR + 2)) ] && echo 1)"
# A full GC's figure still moves with class loading and JIT-held objects: allow a quarter or 16 MiB.
HEAP_SLACK=$(( B_HEAP / 4 > 16384 ? B_HEAP / 4 : 16384 ))
check "heap after full GC, KiB" "$B_HEAP" "$A_HEAP" "$([ "$A_HEAP" -le $((B_HEAP + HEAP_SLACK)) ] && echo 1)"
check "instances of io.lws classes" "$B_INST" "$A_INST" "$([ "$A_INST" -le $((B_INST + B_INST / 10 + 50)) ] && echo 1)"
check "client runs with errors" "-" "$BAD_RUNS" "$([ "$BAD_RUNS" = 0 ] && echo 1)"
check "ERROR lines in the server log" "-" "$ERRORS" "$([ "$ERRORS" = 0 ] && echo 1)"
log "output in $OUT"
exit "$FAIL"
