#!/usr/bin/env python3
"""Runs every Cairn test and prints one summary line: "N passed, N failed".

Tests speak a small TAP dialect on stdout: each "ok ..." line is a pass and
each "not ok ..." line a failure. A test that prints no such line counts as
one result decided by its exit status; a test that exits non-zero after only
"ok" lines, or runs past its time limit, adds a failure.

Test kinds, run in this order:
  build/host-tests/test_*   host unit tests (ASan/UBSan)
  tests/ports/*.py          the ports tool, on the host
  tests/toolchain/*.sh      the cross toolchain
  tests/boot/*.py           boots of the image in QEMU
"""
import argparse
import glob
import os
import re
import subprocess
import sys
import time

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_TIMEOUT = 900


def collect(build):
    tests = sorted(glob.glob(os.path.join(build, 'host-tests', 'test_*')))
    tests += sorted(glob.glob(os.path.join(TOP, 'tests', 'abi', '*.py')))
    tests += sorted(glob.glob(os.path.join(TOP, 'tests', 'ports', '*.py')))
    tests += sorted(glob.glob(os.path.join(TOP, 'tests', 'toolchain', '*.sh')))
    tests += sorted(glob.glob(os.path.join(TOP, 'tests', 'boot', '*.py')))
    return [t for t in tests if os.access(t, os.X_OK)]


TIMEOUT_RE = re.compile(rb'^# TIMEOUT: (\d+)$', re.M)


def time_limit(path):
    """A test file may raise its own limit with a line "# TIMEOUT: SECONDS"
    among its first 2 KiB; every other file gets DEFAULT_TIMEOUT."""
    with open(path, 'rb') as f:
        m = TIMEOUT_RE.search(f.read(2048))
    return int(m.group(1)) if m else DEFAULT_TIMEOUT


def run_one(path, build, log):
    env = dict(os.environ, CAIRN_BUILD=build, CAIRN_TOP=TOP)
    limit = time_limit(path)
    start = time.time()
    try:
        proc = subprocess.run([path], cwd=TOP, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, timeout=limit)
        out, code, timed_out = proc.stdout.decode(errors='replace'), proc.returncode, False
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b'').decode(errors='replace')
        code, timed_out = -1, True
    log.write('==== %s (exit %s, %.1f s)\n%s\n' % (path, code, time.time() - start, out))
    passed = sum(1 for l in out.splitlines() if l.startswith('ok'))
    failures = [l for l in out.splitlines() if l.startswith('not ok')]
    failed = len(failures)
    if timed_out:
        failed += 1
        failures.append('not ok - timed out after %d s' % limit)
    elif passed + failed == 0:
        if code == 0:
            passed = 1
        else:
            failed = 1
            failures.append('not ok - exit status %d, no results' % code)
    elif code != 0 and failed == 0:
        failed = 1
        failures.append('not ok - exit status %d after passing results' % code)
    return passed, failed, failures, time.time() - start


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--build', default=os.path.join(TOP, 'build'))
    ap.add_argument('only', nargs='*', help='run only tests whose path contains one of these')
    args = ap.parse_args()
    tests = collect(args.build)
    if args.only:
        tests = [t for t in tests if any(o in t for o in args.only)]
    total_pass = total_fail = 0
    log_path = os.path.join(args.build, 'test.log')
    with open(log_path, 'w') as log:
        for t in tests:
            name = os.path.relpath(t, TOP)
            p, f, failures, secs = run_one(t, args.build, log)
            log.flush()
            total_pass += p
            total_fail += f
            print('%-4s %-48s %4d passed, %d failed (%.1f s)' %
                  ('FAIL' if f else 'PASS', name, p, f, secs), flush=True)
            for line in failures:
                print('       ' + line, flush=True)
    print('(full output in %s)' % os.path.relpath(log_path, os.getcwd()))
    print('%d passed, %d failed' % (total_pass, total_fail))
    return 1 if total_fail else 0


if __name__ == '__main__':
    sys.exit(main())
