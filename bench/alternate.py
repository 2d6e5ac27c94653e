#!/usr/bin/env python3
"""Times whole processes side by side on a busy machine (docs/performance.md).

    bench/alternate.py ROUNDS LABEL 'COMMAND' [LABEL 'COMMAND' ...]

Each round runs every command once, the order rotated each round (one warm-up round first), so all commands meet the
same background load. Prints each command's median and range of wall time and its median CPU time (user + system of
the process and its children, from wait4), with the ratios of the medians to the first command. Output is discarded;
a command that exits non-zero stops the run. Check outputs before timing.
"""
import os
import shlex
import statistics
import subprocess
import sys
import time


def run(command):
    start = time.perf_counter()
    process = subprocess.Popen(shlex.split(command), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = (time.perf_counter() - start) * 1000
    if status:
        sys.exit(f"alternate.py: '{command}' failed (status {status})")
    return wall, (usage.ru_utime + usage.ru_stime) * 1000


def main():
    if len(sys.argv) < 4 or len(sys.argv) % 2:
        sys.exit(__doc__)
    rounds = int(sys.argv[1])
    commands = list(zip(sys.argv[2::2], sys.argv[3::2]))
    wall = {label: [] for label, _ in commands}
    cpu = {label: [] for label, _ in commands}
    load = os.getloadavg()[0]
    for _, command in commands:
        run(command)
    for r in range(rounds):
        shift = r % len(commands)
        for label, command in commands[shift:] + commands[:shift]:
            w, c = run(command)
            wall[label].append(w)
            cpu[label].append(c)
    first = commands[0][0]
    base_wall, base_cpu = statistics.median(wall[first]), statistics.median(cpu[first])
    print(f"{rounds} rounds, load average {load:.1f} -> {os.getloadavg()[0]:.1f}")
    for label, _ in commands:
        w, c = statistics.median(wall[label]), statistics.median(cpu[label])
        print(f"{label:24s} wall {w:8.1f} ms [{min(wall[label]):.0f}-{max(wall[label]):.0f}] {w / base_wall:6.3f}"
              f"   CPU {c:8.1f} ms {c / base_cpu:6.3f}")


if __name__ == "__main__":
    main()
