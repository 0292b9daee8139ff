#!/usr/bin/env python3
"""Kernel self-tests (ktest=all) pass with 64 MiB, 512 MiB and 4 GiB, and with 2 CPUs.

Each configuration boots, runs every KTEST() in the kernel, and powers off
through ACPI; every ktest line becomes a result here.
"""
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from cairnvm import VM, VMError, Tap  # noqa: E402

CONFIGS = [('64M', 1), ('512M', 1), ('4G', 1), ('512M', 2)]

t = Tap()
for mem, smp in CONFIGS:
    label = '-m %s -smp %d' % (mem, smp)
    try:
        with VM(kargs='ktest=all', mem=mem, smp=smp, timeout=180) as vm:
            m = vm.wait_for(r'ktest: (\d+) passed, (\d+) failed', timeout=170)
            for name in re.findall(r'ktest: ok (\S+)', vm.output):
                t.ok(True, '%s: %s' % (label, name))
            for name in re.findall(r'ktest: not ok (\S+)', vm.output):
                t.ok(False, '%s: %s' % (label, name), vm.tail(60))
            t.ok(int(m.group(1)) >= 10 and m.group(2) == '0',
                 '%s: summary %s' % (label, m.group(0)), vm.tail())
            code = vm.wait_exit(timeout=30)
            # ACPI power-off makes QEMU exit 0; the isa-debug-exit fallback would give 3.
            t.ok(code == 0, '%s: powered off through ACPI (QEMU exit %d)' % (label, code),
                 vm.tail())
    except VMError as e:
        t.ok(False, '%s: ktest run' % label, e)
t.exit()
