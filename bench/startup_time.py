#!/usr/bin/env python3
"""Start-up cost of a whole process: runs a command N times (default 20) and prints
"WALL_MS CPU_MS", the medians of wall time and of user+sys CPU time (from wait4's rusage, so
microseconds, not /usr/bin/time's 10 ms steps). On a machine shared with other jobs the CPU
time is the steadier number. With --before CMD, that shell command runs before each run
(not timed), e.g. to empty a cache folder. With --faults a third column is the median count
of minor page faults (ru_minflt): on a VM each fresh page costs tens of microseconds, so this
is what start-up work mostly is, and unlike time it does not move with the machine's load.
Output goes to a file (some tools behave differently on /dev/null). A run that exits with 2
or more stops it: its time means nothing.

usage: bench/startup_time.py [--runs N] [--before SHELL_CMD] [--faults] -- COMMAND...
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time


def main(argv):
    runs, before, faults = 20, None, False
    while argv and argv[0] != "--":
        if argv[0] == "--runs":
            runs = int(argv[1])
            argv = argv[2:]
        elif argv[0] == "--faults":
            faults = True
            argv = argv[1:]
        elif argv[0] == "--before":
            before = argv[1]
            argv = argv[2:]
        else:
            sys.exit(__doc__)
    command = argv[1:]
    if not command:
        sys.exit(__doc__)
    walls, cpus, minflts = [], [], []
    with tempfile.TemporaryFile() as sink:
        for _ in range(runs):
            if before:
                subprocess.run(before, shell=True, check=True)
            start = time.perf_counter()
            child = subprocess.Popen(command, stdout=sink, stderr=sink)
            _, status, usage = os.wait4(child.pid, 0)
            walls.append((time.perf_counter() - start) * 1000)
            code = os.waitstatus_to_exitcode(status)
            if code >= 2 or code < 0:
                sys.exit(f"failed (exit {code}): {' '.join(command)}")
            cpus.append((usage.ru_utime + usage.ru_stime) * 1000)
            minflts.append(usage.ru_minflt)
    line = f"{statistics.median(walls):.1f} {statistics.median(cpus):.1f}"
    if faults:
        line += f" {statistics.median(minflts):.0f}"
    print(line)


if __name__ == "__main__":
    main(sys.argv[1:])
