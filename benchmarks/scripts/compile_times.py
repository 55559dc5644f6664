#!/usr/bin/env python3
"""Wall time of each JIT compilation from HotSpot's compilation log, longest first.

On a busy machine the wall time includes waiting for a core; it still shows which methods the compilers spend
themselves on, and when they finished (compare with the run's timeline). Worker JVMs of the cluster harness write
the log with

    java -Dharness.workerJvm="-XX:+UnlockDiagnosticVMOptions -XX:+LogCompilation -XX:LogFile=/tmp/{name}.xml" \\
        -cp benchmarks/target/benchmarks.jar dev.supervisor.benchmarks.cluster.ClusterVsDbSchedulerHarness 40000 1
    python3 benchmarks/scripts/compile_times.py /tmp/ours0.xml
"""
import collections
import re
import sys

TASK = re.compile(r"<task (?P<attrs>[^>]*)>(?P<body>.*?)<task_done (?P<done>[^>]*)/>", re.S)

for path in sys.argv[1:]:
    text = open(path, errors="replace").read()
    per_method = collections.Counter()
    finished = {}
    for m in TASK.finditer(text):
        attrs, done = m.group("attrs"), m.group("done")
        start = float(re.search(r"stamp='([0-9.]+)'", attrs).group(1))
        end = float(re.search(r"stamp='([0-9.]+)'", done).group(1))
        level = re.search(r"level='(\d)'", attrs)
        compiler = "c2" if level is None or level.group(1) == "4" else "c1"
        method = " ".join(re.search(r"method='([^']*)'", attrs).group(1).split(" ")[:2])
        per_method[(compiler, method)] += end - start
        finished[(compiler, method)] = end
    print(path)
    for (compiler, method), secs in per_method.most_common(30):
        print(f"  {compiler} {secs * 1000:7.0f} ms  done at {finished[(compiler, method)]:6.2f} s  {method}")
