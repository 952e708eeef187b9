#!/usr/bin/env python3
"""Deterministic generator of a realistic mixed OpenClaw host log set.

Writes one file per envelope (gateway console, gateway JSON file log, pm2 logs stream,
journalctl short-iso, dmesg with OOM blocks, nginx error + access) into OUTDIR, about
SIZE_MB in total, with failure lines at about 0.05 % (--density sets that share: 0.01 and 0.1
are the 1 % and 10 % inputs of the memory runs). --plain writes one file of plain text instead,
lines no envelope parser recognises, to measure the per-line fallback path. Same arguments,
same bytes.
usage: gen_mixed_log.py OUTDIR SIZE_MB [--density P] [--plain]
"""
import json
import os
import random
import sys

DENSITY = 0.0005  # share of failure lines; set from --density

NORMAL_GATEWAY = [
    "[ws] webchat connected conn={c} remote=127.0.0.1 client=openclaw-control-ui",
    "[telegram] message received chat={c} len=42",
    "[agent] run completed session={c} tokens=1834 duration=2.1s",
    "[ws] closed conn={c} code=1000 reason=normal",
    "[health-monitor] ok channels=3 uptime=3600s",
]
# Printed once per start, so rare: the pack keeps it as readiness evidence (gateway_ready, the
# partner of every "refused while the gateway serves" rule), so as one line in six it made
# a quarter of all lines real matches, which no real log has.
START_GATEWAY = "[gateway] http server listening (3 plugins: telegram, webchat, cron; 5.2s)"


def normal_gateway(rng):
    return START_GATEWAY if rng.random() < 0.0002 else rng.choice(NORMAL_GATEWAY)


FAILURES_GATEWAY = [
    "Gateway failed to start: another gateway instance is already listening on ws://127.0.0.1:18789 | listen EADDRINUSE: address already in use 127.0.0.1:18789 | EADDRINUSE",
    "[ws] unauthorized conn={c} peer=127.0.0.1 reason=token_mismatch",
]


def stamp(t):
    s, ms = divmod(t, 1000)
    h, m, sec = (s // 3600) % 24, (s // 60) % 60, s % 60
    d = 1 + (s // 86400) % 28
    return f"2026-11-{d:02d}T{h:02d}:{m:02d}:{sec:02d}.{ms:03d}+00:00", (d, h, m, sec, ms)


def gateway_console(rng, t, c):
    text = rng.choice(FAILURES_GATEWAY) if rng.random() < DENSITY else normal_gateway(rng)
    return f"{stamp(t)[0]} {text.format(c=c)}\n"


def gateway_json(rng, t, c):
    text = normal_gateway(rng).split("] ", 1)[1].format(c=c)
    iso = stamp(t)[0]
    return json.dumps({"0": "{\"subsystem\":\"gateway/ws\"}", "1": text,
                       "_meta": {"runtime": "node", "runtimeVersion": "24.21.0", "hostname": "vm",
                                 "date": iso.replace("+00:00", "Z"), "logLevelId": 3,
                                 "logLevelName": "INFO", "name": "{\"subsystem\":\"gateway/ws\"}",
                                 "parentNames": ["openclaw"]},
                       "time": iso, "hostname": "vm", "message": text}, separators=(",", ":")) + "\n"


def pm2_stream(rng, t, c):
    if rng.random() < DENSITY:
        return f"PM2        | {stamp(t)[0][:19]}: PM2 log: App [openclaw:0] exited with code [1] via signal [SIGINT]\n"
    return f"0|openclaw | {stamp(t)[0]} {normal_gateway(rng).format(c=c)}\n"


def journal(rng, t, c):
    iso = stamp(t)[0][:19] + "+0000"
    if rng.random() < DENSITY:
        return f"{iso} vm systemd[1]: openclaw-gateway.service: Main process exited, code=exited, status=1/FAILURE\n"
    return f"{iso} vm node[2301]: {stamp(t)[0]} {normal_gateway(rng).format(c=c)}\n"


def dmesg(rng, t, c):
    secs = t / 1000.0
    if rng.random() < DENSITY:
        return (f"[{secs:12.6f}] node invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0\n"
                f"[{secs:12.6f}] Out of memory: Killed process {2301 + c % 30000} (node) total-vm:1234567kB, anon-rss:456789kB\n"
                f"[{secs:12.6f}] oom_reaper: reaped process {2301 + c % 30000} (node), now anon-rss:0kB\n")
    return f"[{secs:12.6f}] audit: type=1400 audit({int(secs)}.{c % 1000:03d}:{c}): apparmor=\"ALLOWED\" operation=\"open\"\n"


def nginx(rng, t, c):
    d, h, m, s, _ = stamp(t)[1]
    if rng.random() < DENSITY:
        return (f"2026/11/{d:02d} {h:02d}:{m:02d}:{s:02d} [error] 811#811: *{c} connect() failed (111: Connection refused) "
                f"while connecting to upstream, client: 203.0.113.7, server: gw.example.com, request: \"GET /ws HTTP/1.1\", "
                f"upstream: \"http://127.0.0.1:18789/ws\", host: \"gw.example.com\"\n")
    return (f"203.0.113.{c % 250} - - [{d:02d}/Nov/2026:{h:02d}:{m:02d}:{s:02d} +0000] \"GET /api/status HTTP/1.1\" 200 {c % 900} "
            f"\"-\" \"Mozilla/5.0 (X11; Linux x86_64)\"\n")


PLAIN = [
    "worker {w}: processed batch {c} in {ms}ms (queue depth {q})",
    "cache refresh finished, {q} entries updated, next run in 300 seconds",
    "Listening for connections on port 8080 with {w} workers",
    "request {c} served from cache, size {ms} bytes",
    "  retrying upload chunk {q} of 64 for job {c}",
    "scheduler tick {c}: nothing to do",
]
PLAIN_FAILURES = [
    "Error: connect ECONNREFUSED 127.0.0.1:18789",
    "FATAL: out of memory while allocating {ms} bytes for job {c}",
]


def plain(rng, t, c):
    text = rng.choice(PLAIN_FAILURES) if rng.random() < DENSITY else rng.choice(PLAIN)
    return text.format(c=c, w=c % 8, ms=c % 997, q=c % 61) + "\n"


WRITERS = {"gateway-console.log": gateway_console, "gateway-file.jsonl": gateway_json,
           "pm2-logs.log": pm2_stream, "journal-short-iso.log": journal, "dmesg.log": dmesg,
           "nginx.log": nginx}


def main():
    global DENSITY
    args = sys.argv[1:]
    writers = WRITERS
    if "--plain" in args:
        args.remove("--plain")
        writers = {"plain.log": plain}
    if "--density" in args:
        at = args.index("--density")
        DENSITY = float(args[at + 1])
        del args[at:at + 2]
    if len(args) != 2:
        sys.exit("usage: gen_mixed_log.py OUTDIR SIZE_MB [--density P] [--plain]")
    outdir, size_mb = args[0], int(args[1])
    os.makedirs(outdir, exist_ok=True)
    per_file = size_mb * 1024 * 1024 // len(writers)
    for i, (name, writer) in enumerate(sorted(writers.items())):
        rng = random.Random(1000 + i)
        t, c, written, chunk = 0, 0, 0, []
        with open(os.path.join(outdir, name), "w") as f:
            while written < per_file:
                line = writer(rng, t, c)
                chunk.append(line)
                written += len(line)
                t += rng.randint(1, 900)
                c += 1
                if len(chunk) >= 4096:
                    f.write("".join(chunk))
                    chunk = []
            f.write("".join(chunk))


if __name__ == "__main__":
    main()
