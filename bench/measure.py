#!/usr/bin/env python3
"""Runs a command and prints one JSON line: wall seconds, child CPU seconds, peak RSS (MB), exit code."""
import json, resource, subprocess, sys, time
t = time.monotonic()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
wall = time.monotonic() - t
r = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": wall, "cpu": r.ru_utime + r.ru_stime, "rssMb": r.ru_maxrss / 1024, "code": code}))
