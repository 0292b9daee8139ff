#!/usr/bin/env python3
"""Deliberate #PF, #GP and #DF (kernel stack overflow) produce the documented
panic text (docs/architecture.md) with a symbolized backtrace."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from cairnvm import VM, VMError, Tap  # noqa: E402

# (kind, CPUs, panic header, functions the backtrace must name)
CASES = [
    ('pf', 2, r'Kernel panic on CPU 0: page fault at 0000000000000010: not-present page on '
           r'write in kernel mode', ['crash_pf', 'crash_test', 'kernel_init_thread']),
    ('gp', 1, r'Kernel panic on CPU 0: general protection fault, selector 0000',
     ['crash_gp', 'crash_test', 'kernel_init_thread']),
    ('df', 1, r'Kernel panic on CPU 0: double fault', ['crash_df_recurse']),
    ('ud', 1, r'Kernel panic on CPU 0: invalid opcode', ['crash_ud', 'kernel_init_thread']),
]

t = Tap()
for kind, smp, header, functions in CASES:
    try:
        with VM(kargs='crash=%s' % kind, smp=smp, timeout=60, allow_panic=True) as vm:
            vm.wait_for(r'---\[ end Kernel panic[^\n]*\]---', timeout=50)
            out = vm.output
            t.ok(vm.wait_for(header, timeout=1) is not None, '%s: panic message' % kind)
            t.ok('RIP: 0008:' in out and 'CR2:' in out, '%s: registers printed' % kind, out)
            t.ok('Other CPUs stopped: %d of %d' % (smp - 1, smp - 1) in out,
                 '%s: all %d other CPUs stopped' % (kind, smp - 1), out)
            bt = out[out.find('Backtrace:'):]
            for fn in functions:
                t.ok(('] %s+0x' % fn) in bt, '%s: backtrace names %s' % (kind, fn), bt)
    except VMError as e:
        t.ok(False, '%s: panic test' % kind, e)
t.exit()
