#!/usr/bin/python3
"""deflate-run.py - compressed against uncompressed echo of the sample app, per message: messages/s, server CPU and
server heap allocation. See docs/performance.md ("permessage-deflate echo").

    /usr/bin/python3 scripts/deflate-run.py --jar sample-app/target/lws-sample-app.jar [--conns 8] [--size 4096]
                                            [--seconds 10] [--rounds 3]

For each round it starts the sample app pinned to CPU 0 (with a G1 log), and runs python3-websockets clients pinned
to CPU 1 against its `echo` protocol: once offering permessage-deflate (context takeover, 15-bit windows, the
websockets defaults) and once without. Each client keeps one 4 KiB text message in flight, drawn from 64 different
texts of English-like words (compressible about 3:1, different each time so the compressor's window does not make
it trivial), and checks every echo.

The clients are Python: they, not the server, limit messages/s. What the server spends is measured on the server:
CPU time from /proc/PID/stat over the window, divided by the messages; heap allocated from the heap in use at the
window's ends (jstat -gc) and before and after each collection in it (the GC log), whatever the collector. The whole
JVM is counted (actuator, Micrometer, JIT), so a few bytes per message are the floor, not the engine.
Needs python3-websockets (Debian) and taskset. Every process started is stopped.
"""
import argparse
import asyncio
import json
import os
import random
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

import websockets

WORDS = ("the quick brown fox jumps over a lazy dog while seven wizards quietly judge boxing matches near "
         "old stone bridges and every river carries silver fish toward distant harbours where sailors mend "
         "their nets singing songs about storms lanterns bread cheese apples and the long winter nights").split()


def texts(size, count, seed=7):
    rnd = random.Random(seed)
    out = []
    for n in range(count):
        words = []
        length = 0
        while length < size:
            w = rnd.choice(WORDS) + (str(rnd.randint(0, 999)) if rnd.random() < 0.1 else "")
            words.append(w)
            length += len(w) + 1
        out.append(" ".join(words)[:size])
    return out


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class GcLog:
    """Collections in a unified GC log (-Xlog:gc:file=...:uptime): heap used before and after each, by uptime."""

    LINE = re.compile(r"^\[([0-9.]+)s\].*Pause.* (\d+)M->(\d+)M\(")

    def __init__(self, path):
        self.path = path

    def allocated(self, start_s, end_s, used_start, used_end):
        """Bytes allocated between two moments: what each collection found beyond what the previous one left."""
        allocated = 0
        used = used_start
        collections = 0
        with open(self.path) as f:
            for line in f:
                m = self.LINE.match(line)
                if m and start_s <= float(m.group(1)) <= end_s:
                    allocated += max(0, (int(m.group(2)) << 20) - used)
                    used = int(m.group(3)) << 20
                    collections += 1
        return allocated + max(0, used_end - used), collections


async def client(uri, compress, payloads, stop_at, counts, index):
    async with websockets.connect(uri, subprotocols=["echo"], compression="deflate" if compress else None,
                                  max_size=None, ping_interval=None) as ws:
        if compress and not ws.extensions:
            raise SystemExit("the server did not accept permessage-deflate")
        n = index
        while time.monotonic() < stop_at:
            text = payloads[n % len(payloads)]
            await ws.send(text)
            echo = await ws.recv()
            if echo != text:
                raise SystemExit(f"echo differs on connection {index}")
            counts[index] += 1
            n += 1


async def load(uri, compress, payloads, conns, seconds):
    counts = [0] * conns
    stop_at = time.monotonic() + seconds
    await asyncio.gather(*(client(uri, compress, payloads, stop_at, counts, i) for i in range(conns)))
    return sum(counts)


def heap_used(pid):
    """Heap bytes in use now, whatever the collector: the used columns of jstat -gc (survivors, eden, old)."""
    out = subprocess.run(["jstat", "-gc", str(pid)], capture_output=True, text=True, timeout=30).stdout.split("\n")
    row = dict(zip(out[0].split(), out[1].split()))
    return int(sum(float(row[k]) for k in ("S0U", "S1U", "EU", "OU")) * 1024)


def jvm_uptime_s(pid):
    out = subprocess.run(["jcmd", str(pid), "VM.uptime"], capture_output=True, text=True, timeout=30).stdout
    m = re.search(r"([0-9.]+) s", out)
    return float(m.group(1)) if m else None


def run_client(args, port, compress, seconds):
    """Runs the clients in a child pinned to the load CPU; returns the messages echoed."""
    cmd = ["taskset", "-c", args.client_cpu, sys.executable, os.path.abspath(__file__), "--client",
           "--port", str(port), "--conns", str(args.conns), "--size", str(args.size), "--seconds", str(seconds)]
    if compress:
        cmd.append("--compress")
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + 60)
    if out.returncode != 0:
        raise SystemExit(f"client failed: {out.stderr.strip()[-400:]}")
    return int(out.stdout.strip().splitlines()[-1])


def one_round(args, round_no, results):
    port = free_port()
    workdir = tempfile.mkdtemp(prefix="deflate-run-")
    gc_path = os.path.join(workdir, "gc.log")
    server = subprocess.Popen(["taskset", "-c", args.server_cpu, "java", "-Xmx1g", f"-Xlog:gc:file={gc_path}:uptime",
                               "-jar", args.jar, f"--lws.vhosts.default.port={port}", "--management.server.port=0"],
                              stdout=open(os.path.join(workdir, "server.log"), "w"), stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1).read()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("the sample app did not start")
                time.sleep(0.2)
        gc = GcLog(gc_path)
        for compress in (True, False):
            run_client(args, port, compress, args.warmup)
        for compress in (False, True):
            u0, t0 = heap_used(server.pid), jvm_uptime_s(server.pid)
            c0 = cpu_seconds(server.pid)
            msgs = run_client(args, port, compress, args.seconds)
            c1 = cpu_seconds(server.pid)
            t1, u1 = jvm_uptime_s(server.pid), heap_used(server.pid)
            allocated, collections = gc.allocated(t0, t1, u0, u1)
            r = {"round": round_no, "compress": compress, "size": args.size, "conns": args.conns,
                 "msgs": msgs, "msgs_per_s": msgs / args.seconds, "server_cpu": (c1 - c0) / args.seconds,
                 "server_cpu_us_per_msg": 1e6 * (c1 - c0) / msgs if msgs else None,
                 "gcs": collections, "alloc_bytes_per_msg": allocated / msgs if msgs else None}
            results.append(r)
            print(json.dumps(r), flush=True)
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def median(values):
    v = sorted(x for x in values if x is not None)
    return v[len(v) // 2] if v else None


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--jar")
    p.add_argument("--conns", type=int, default=8)
    p.add_argument("--size", type=int, default=4096)
    p.add_argument("--seconds", type=float, default=10)
    p.add_argument("--warmup", type=float, default=5)
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--server-cpu", default="0")
    p.add_argument("--client-cpu", default="1")
    p.add_argument("--client", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--compress", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--port", type=int, help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.client:
        uri = f"ws://127.0.0.1:{args.port}/echo"
        print(asyncio.run(load(uri, args.compress, texts(args.size, 64), args.conns, args.seconds)))
        return
    if not args.jar:
        p.error("--jar is required")
    args.jar = os.path.abspath(args.jar)
    results = []
    for r in range(1, args.rounds + 1):
        one_round(args, r, results)
    print()
    print(f"| echo of {args.size} B text, {args.conns} connections | messages/s (client-bound) | server CPU | "
          "server CPU per message | server heap per message |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for compress in (False, True):
        rs = [r for r in results if r["compress"] == compress]
        alloc = median([r["alloc_bytes_per_msg"] for r in rs])
        alloc_text = f"{alloc:,.0f} B" if alloc is not None else "-"
        print(f"| {'permessage-deflate' if compress else 'uncompressed'} | {median([r['msgs_per_s'] for r in rs]):,.0f} "
              f"| {median([r['server_cpu'] for r in rs]):.2f} | {median([r['server_cpu_us_per_msg'] for r in rs]):.1f} us "
              f"| {alloc_text} |")


if __name__ == "__main__":
    main()
