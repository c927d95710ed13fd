#!/usr/bin/env bash
# fast-start.sh - starts the sample app about three times sooner than `java -jar`: from the extracted jar, in Spring's
# AOT mode (bean definitions generated at build time), with the classes of a training run in a class archive. See
# docs/performance.md ("Start-up").
#
#   scripts/fast-start.sh [--jar JAR] [--dir DIR] [--c1] [--prepare-only] [APP ARGS...]
#
#   --jar JAR       the sample-app jar (default: sample-app/target/lws-sample-app.jar, built by `mvn install`)
#   --dir DIR       where the extracted jar and the archive go (default: next to the jar, in fast-start/)
#   --c1            only the C1 JIT (-XX:TieredStopAtLevel=1): the quickest start, a lower peak speed later
#   --prepare-only  extract and train, then exit without starting the app
#   APP ARGS        passed to the app, e.g. --lws.vhosts.default.port=8000 --resource-path=/srv/www
#
# The first start (or the first after the jar changed) extracts the jar and makes the archive from a training run:
# the app starts on free ports, serves one GET, and stops. Java 25 or later keeps an AOT cache (-XX:AOTCache, which
# also links the classes); Java 17 to 24 keep a dynamic CDS archive (-XX:SharedArchiveFile). A JVM that cannot
# use the archive (another JDK, a changed jar) warns and starts without it. Environment: JAVA (java), JAVA_OPTS.
set -euo pipefail

# Paths and the JDK are worked out with shell built-ins where possible: every program started here is time
# before the app's JVM starts (about 30 ms for the dozen this took before)
here=${BASH_SOURCE[0]%/*}
[ "$here" = "${BASH_SOURCE[0]}" ] && here=.
REPO=$(cd "$here/.." && pwd)
JAR=$REPO/sample-app/target/lws-sample-app.jar
DIR=""
C1=()
PREPARE_ONLY=0
JAVA=${JAVA:-java}
read -r -a USER_OPTS <<< "${JAVA_OPTS:-}"

while [ $# -gt 0 ]; do
	case "$1" in
		--jar) JAR=$2; shift 2 ;;
		--dir) DIR=$2; shift 2 ;;
		--c1)
			C1=(-XX:TieredStopAtLevel=1)
			# C1 alone gets two compiler threads by default; on two cores they and the main thread take turns,
			# with one the main thread keeps a core to itself (docs/performance.md, "Start-up")
			[ "$(nproc)" -le 2 ] && C1+=(-XX:CICompilerCount=1)
			shift ;;
		--prepare-only) PREPARE_ONLY=1; shift ;;
		*) break ;;
	esac
done
[ -f "$JAR" ] || { echo "fast-start: no jar at $JAR (build it: mvn -B -ntp -DskipTests install)" >&2; exit 2; }
case $JAR in */*) jar_dir=${JAR%/*} ;; *) jar_dir=. ;; esac
JAR=$(cd "${jar_dir:-/}" && pwd)/${JAR##*/}
DIR=${DIR:-${JAR%/*}/fast-start}
[ -d "$DIR" ] || mkdir -p "$DIR"
DIR=$(cd "$DIR" && pwd)
APP=$DIR/${JAR##*/}

# Which JDK: read from its `release` file rather than by starting it twice (about 0.15 s of every start). A JDK
# without one (unusual) is asked.
java_bin=$(readlink -f "$(command -v "$JAVA")" || true)
java_home=${java_bin%/*}
release=${java_home%/*}/release
if [ -n "$java_bin" ] && [ -f "$release" ]; then
	jdk_id=$java_bin
	feature=""
	while IFS= read -r line || [ -n "$line" ]; do
		case $line in
			JAVA_VERSION=*) jdk_id+=" $line"; feature=${line#JAVA_VERSION=\"}; feature=${feature%%[!0-9.]*} ;;
			IMPLEMENTOR=* | JAVA_RUNTIME_VERSION=*) jdk_id+=" $line" ;;
		esac
	done <"$release"
else
	jdk_id="$("$JAVA" -version 2>&1 | tr '\n' ' ')"
	feature=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
fi
feature=${feature#1.}
feature=${feature%%.*}
if [ "${feature:-0}" -ge 25 ]; then
	ARCHIVE=$DIR/app.aot
	TRAIN_OPTS=(-XX:AOTCacheOutput="$ARCHIVE")
	RUN_OPTS=(-XX:AOTCache="$ARCHIVE")
else
	ARCHIVE=$DIR/app.jsa
	TRAIN_OPTS=(-XX:ArchiveClassesAtExit="$ARCHIVE")
	RUN_OPTS=(-XX:SharedArchiveFile="$ARCHIVE")
fi
# the archive records the JDK it was made with: remember which, and retrain for another
STAMP=$DIR/archive.jdk

prepare() {
	echo "fast-start: extracting $JAR into $DIR" >&2
	rm -rf "$DIR"
	mkdir -p "$DIR"
	"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$DIR" >/dev/null
	echo "fast-start: training run for $ARCHIVE (Java $feature)" >&2
	local log=$DIR/training.log
	"$JAVA" "${TRAIN_OPTS[@]}" "${C1[@]}" -Dspring.aot.enabled=true -jar "$APP" \
		--lws.vhosts.default.port=0 --management.server.port=0 >"$log" 2>&1 &
	local pid=$! port="" i
	for i in $(seq 600); do
		port=$(sed -n "s/.*lws started on .*:\([0-9]*\) (vhost 'default').*/\1/p" "$log" | head -1)
		[ -n "$port" ] && break
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	if [ -z "$port" ]; then
		kill "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
		echo "fast-start: the training run did not start; its log: $log" >&2
		exit 1
	fi
	# one request, so that the classes of serving it are in the archive too
	exec 3<>"/dev/tcp/127.0.0.1/$port"
	printf 'GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
	cat <&3 >/dev/null
	exec 3<&-
	kill -TERM "$pid"
	wait "$pid" 2>/dev/null || true
	[ -f "$ARCHIVE" ] || { echo "fast-start: the JVM wrote no archive; its log: $log" >&2; exit 1; }
	echo "$jdk_id" >"$STAMP"
}

if [ ! -f "$APP" ] || [ ! -f "$ARCHIVE" ] || [ "$JAR" -nt "$APP" ] || [ ! -f "$STAMP" ] || [ "$(<"$STAMP")" != "$jdk_id" ]; then
	prepare
fi
[ "$PREPARE_ONLY" = 1 ] && exit 0
exec "$JAVA" "${RUN_OPTS[@]}" "${C1[@]}" -Dspring.aot.enabled=true "${USER_OPTS[@]}" -jar "$APP" "$@"
