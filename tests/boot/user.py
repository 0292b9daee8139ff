#!/usr/bin/env python3
"""User-space tests in the VM: the initrd's /sbin/init runs every program in
tests/user/tests.list (built by tests/user/Makefile) and the kernel powers off
when init exits.

Every "ok - ..." / "not ok - ..." line the guest prints becomes a result here,
prefixed "vm: "; a failure carries that program's "# ..." lines as detail.
This file adds its own results: init started and finished, every listed
program ran, the musl-built static binary printed its arguments and
environment, no kernel panic, and QEMU exited through power-off.
"""
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from cairnvm import TOP, VM, VMError, Tap  # noqa: E402

TESTS_LIST = os.path.join(TOP, 'tests', 'user', 'tests.list')
RUN_TIMEOUT = 480  # the whole suite; minutes more than it needs on an idle machine
# What init gives every program (tests/user/init.c).
ENV = ['HOME=/', 'PATH=/bin:/sbin', 'TERM=cairn', 'CAIRN_TEST=1']
RESULT_RE = re.compile(r'^(ok|not ok) - (.*)$')
DIAG_RE = re.compile(r'^# ([^:]+): ')
# What the kernel prints when it cannot exec /sbin/init, or init's first line.
START_RE = r'init: starting tests|init: cannot run \S+ \(error -?\d+\)'


def listed_programs():
    progs = []
    with open(TESTS_LIST) as f:
        for line in f:
            words = line.split('#', 1)[0].split()
            if words:
                progs.append(words)
    return progs


def forward_results(t, lines):
    """Turns the guest's TAP lines into results; returns how many there were."""
    diags = {}
    for line in lines:
        m = DIAG_RE.match(line)
        if m:
            diags.setdefault(m.group(1), []).append(line)
    count = 0
    for line in lines:
        m = RESULT_RE.match(line)
        if not m:
            continue
        count += 1
        text = m.group(2)
        prog = text.split(':', 1)[0]
        t.ok(m.group(1) == 'ok', 'vm: ' + text, '\n'.join(diags.get(prog, [])))
    return count


def check_musl_hello(t, lines, args):
    out = [l for l in lines if l.startswith('musl hello')]
    want = ['/bin/musl-hello'] + args
    for i, arg in enumerate(want):
        t.ok('musl hello: argv[%d]=%s' % (i, arg) in out,
             'musl-hello (static, built by musl-gcc) got argv[%d] = %s' % (i, arg), '\n'.join(out))
    got_env = [l[len('musl hello: env '):] for l in out if l.startswith('musl hello: env ')]
    t.ok(sorted(got_env) == sorted(ENV),
         'musl-hello got exactly init\'s environment (%s)' % ' '.join(got_env), '\n'.join(out))
    t.ok('musl hello done' in out, 'musl-hello ran to its end (malloc, stdio)', '\n'.join(out))


# What tests/user/proc/tty.c asks for, typed over the serial line as a user would.
TTY_DIALOG = [
    ('tty: type a line', 'hello cairn\r'),
    ('tty: type with erase', 'abX\x7fc\r'),
    ('tty: type eof', '\x04'),
    ('tty: type raw', 'x\x7fy'),
    # tests/user/proc/jobsh.c: a job-control session (Ctrl-Z = \x1a, Ctrl-C = \x03).
    ('jobsh[1]$ ', '/bin/test-jobsh sleep 60 &\r'),
    ('jobsh[2]$ ', '/bin/test-jobsh spin A\r'),
    ('jobsh: spin A running', '\x1a'),
    ('jobsh[3]$ ', 'jobs\r'),
    ('jobsh[4]$ ', 'bg 2\r'),
    ('jobsh[5]$ ', 'jobs\r'),
    ('jobsh[6]$ ', 'fg 2\r'),
    ('jobsh: [2] continued in the foreground', '\x03'),
    ('jobsh[7]$ ', 'jobs\r'),
    ('jobsh[8]$ ', 'exit\r'),
]
# What jobsh's "jobs" must have listed along the way, in this order.
JOBSH_LISTING = [
    'jobsh: [1] Running /bin/test-jobsh sleep 60 &',
    'jobsh: [2] Stopped /bin/test-jobsh spin A',
    'jobsh: [2] Running /bin/test-jobsh spin A',
]


def check_jobsh(t, lines):
    pos = 0
    for want in JOBSH_LISTING:
        found = want in lines[pos:]
        t.ok(found, 'jobsh listed "%s"' % want, '\n'.join(l for l in lines if 'jobsh' in l))
        if found:
            pos = lines.index(want, pos) + 1


def type_at_prompts(vm):
    """Answers each prompt of TTY_DIALOG when it appears. The programs between
    two prompts may take long on a loaded host, so each wait is bounded only
    by the run's own limit (the VM's deadline)."""
    for prompt, keys in TTY_DIALOG:
        vm.wait_for(re.escape(prompt), timeout=RUN_TIMEOUT)
        vm.send(keys)


def main(disk='ide'):
    """Runs the suite with the boot disk on disk ('ide' or 'ahci', see cairnvm.VM)."""
    t = Tap()
    progs = listed_programs()
    try:
        with VM(timeout=RUN_TIMEOUT + 60, disk=disk) as vm:
            finished = started = False
            try:
                m = vm.wait_for(START_RE, timeout=90)
                started = m.group(0) == 'init: starting tests'
                t.ok(started, 'the kernel starts /sbin/init from the initrd (%s)' % m.group(0),
                     vm.tail())
                if started:
                    type_at_prompts(vm)
                    vm.wait_for(r'init: all tests done', timeout=RUN_TIMEOUT)
                    finished = True
            except VMError as e:
                running = re.findall(r'^init: running (.*)$', vm.output, re.M)
                t.ok(False, 'init runs every test and finishes within %d s (last started: %s)' %
                     (RUN_TIMEOUT, running[-1] if running else 'none'), e)
            code = None
            if finished:
                t.ok(True, 'init runs every test and finishes')
                try:
                    code = vm.wait_exit(timeout=30)
                except VMError as e:
                    t.ok(False, 'the kernel powers off when init exits', e)
            lines = [l.strip() for l in vm.output.splitlines()]
            if not started:
                t.ok('Kernel panic' not in vm.output, 'no kernel panic', vm.tail())
                t.exit()
            n = forward_results(t, lines)
            t.ok(n > 0, 'the guest reported results (%d)' % n, vm.tail())
            for words in progs:
                prog = words[0]
                ran = 'init: running %s' % ' '.join(words) in lines
                ended = any(l.startswith('init: %s exited ' % prog) or
                            l.startswith('init: %s killed ' % prog) for l in lines)
                t.ok(ran and ended, 'init ran %s to its end' % ' '.join(words))
            if any(w[0] == '/bin/test-jobsh' for w in progs):
                check_jobsh(t, lines)
            hello = [w for w in progs if w[0] == '/bin/musl-hello']
            if hello:
                check_musl_hello(t, lines, hello[0][1:])
            t.ok('Kernel panic' not in vm.output, 'no kernel panic', vm.tail())
            if code is not None:
                # ACPI power-off makes QEMU exit 0; the isa-debug-exit fallback would give 3.
                t.ok(code == 0, 'the kernel powered off after init exited (QEMU exit %d)' % code,
                     vm.tail())
    except VMError as e:
        t.ok(False, 'boot the image with the test initrd', e)
    t.exit()


if __name__ == '__main__':
    main()
