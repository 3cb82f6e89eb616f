#!/usr/bin/env python3
"""CPU seconds per thread of a command's JVMs (Linux): where a run's CPU goes, JIT and GC threads included.

    python3 bench/threadcpu.py ./clp run --suite DIR -Dclp.model=... [...]

Runs the command (its output goes to threadcpu-out.txt in the working directory, or to $THREADCPU_OUT), polls
/proc/<pid>/task/*/stat of every java process it starts every 50 ms, and prints, grouped by thread name with digits
replaced by N (clp-model-N are the workers, "java" is the main thread, "C1 CompilerThreN" the JIT, "VM Thread" the
serial collector): the last user + system time seen of each thread. A thread that ends between two polls loses up to
50 ms, so the total is a little below what /usr/bin/time reports. JFR's execution samples see only threads running
Java code; this sees all of them.
"""
import collections
import os
import re
import subprocess
import sys
import time

if len(sys.argv) < 2:
    sys.exit(__doc__)
out = open(os.environ.get("THREADCPU_OUT", "threadcpu-out.txt"), "w")
proc = subprocess.Popen(sys.argv[1:], stdout=out, stderr=subprocess.STDOUT)
hz = os.sysconf("SC_CLK_TCK")
seen = {}


def parent(pid):
    with open(f"/proc/{pid}/stat") as f:
        return f.read().rsplit(")", 1)[1].split()[1]


def ours(pid):
    """Whether pid descends from the command (other JVMs on the machine are not counted)."""
    while pid not in ("0", "1"):
        if pid == str(proc.pid):
            return True
        try:
            pid = parent(pid)
        except OSError:
            return False
    return False


def javas():
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                argv0 = f.read().split(b"\0")[0]
        except OSError:
            continue
        if os.path.basename(argv0) == b"java" and ours(pid):
            yield pid


start = time.time()
while proc.poll() is None:
    for pid in javas():
        try:
            tasks = os.listdir(f"/proc/{pid}/task")
        except OSError:
            continue
        for tid in tasks:
            try:
                with open(f"/proc/{pid}/task/{tid}/stat") as f:
                    stat = f.read()
            except OSError:
                continue
            name = stat[stat.index("(") + 1:stat.rindex(")")]
            fields = stat[stat.rindex(")") + 2:].split()
            seen[(pid, tid)] = (name, (int(fields[11]) + int(fields[12])) / hz)
    time.sleep(0.05)
by_name = collections.Counter()
for name, cpu in seen.values():
    by_name[re.sub(r"\d+", "N", name)] += cpu
print(f"exit {proc.returncode}, wall {time.time() - start:.2f} s, CPU seen {sum(by_name.values()):.2f} s; "
      f"load {open('/proc/loadavg').read().split()[0]}")
for name, cpu in by_name.most_common():
    if cpu >= 0.01:
        print(f"{cpu:7.2f} s  {name}")
