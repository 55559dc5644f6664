#!/usr/bin/env python3
"""CPU seconds per process and thread name while a cluster harness round runs (Linux, reads /proc).

Start it just before the harness; it waits for the worker JVMs of one side ("ours" or "dbs"), samples every
100 ms until they exit, and prints the CPU each thread name used (worker JVMs: since they started; PostgreSQL:
since sampling began).

    python3 benchmarks/scripts/cpu_by_thread.py ours &
    java -cp benchmarks/target/benchmarks.jar dev.supervisor.benchmarks.cluster.ClusterVsDbSchedulerHarness 40000 1
"""
import collections
import os
import re
import sys
import time

SIDE = sys.argv[1] if len(sys.argv) > 1 else "ours"
HZ = os.sysconf("SC_CLK_TCK")


def processes():
    out = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            cmd = open(f"/proc/{pid}/cmdline", "rb").read().split(b"\0")
        except OSError:
            continue
        line = b" ".join(cmd).decode(errors="replace")
        if f"worker {SIDE}" in line:
            out[pid] = "worker " + line.split()[-1]
        elif "postgres" in line and "java" not in line:
            out[pid] = "postgres"
    return out


def sample(procs):
    ticks = {}
    for pid, label in procs.items():
        try:
            for tid in os.listdir(f"/proc/{pid}/task"):
                stat = open(f"/proc/{pid}/task/{tid}/stat").read()
                name = stat[stat.index("(") + 1:stat.rindex(")")]
                fields = stat[stat.rindex(")") + 2:].split()
                ticks[(label, pid, tid, name)] = int(fields[11]) + int(fields[12])
        except OSError:
            pass  # gone meanwhile
    return ticks


def workers_running(procs):
    return any(label.startswith("worker") for label in procs.values())


while not workers_running(processes()):
    time.sleep(0.05)
first = sample(processes())
last = {}
while True:
    procs = processes()
    if not workers_running(procs):
        break
    last.update(sample(procs))
    time.sleep(0.1)

by_name = collections.Counter()
for (label, pid, tid, name), t in last.items():
    base = first.get((label, pid, tid, name), 0) if label == "postgres" else 0
    by_name[(label, re.sub(r"[0-9]+$", "#", name))] += (t - base) / HZ
totals = collections.Counter()
for (label, _), secs in by_name.items():
    totals[label] += secs
for label, secs in sorted(totals.items()):
    print(f"{label:24s} {secs:6.2f} s")
for (label, name), secs in by_name.most_common(25):
    print(f"  {label:22s} {name:30s} {secs:6.2f} s")
