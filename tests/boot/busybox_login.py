#!/usr/bin/env python3
"""The real image boots to a login on serial and a busybox shell works.

It boots without the test initrd (noinitrd), so the ext2 root runs busybox
init (/sbin/init) with rootfs/etc/inittab: `mount -a` from /etc/fstab, then
getty on ttyS0. The test logs in as root (empty password on the development
image), waits for the `# ` prompt and drives the shell over serial, checking
the output of each command: ls, ps, free, df -h, mount, uname -a,
/proc/cpuinfo, top, shell arithmetic, a 100000-line pipeline, a job-control
round (background job, Ctrl-Z, bg, fg, Ctrl-C) and vi editing a file with
scripted keys.
"""
import os
import re
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from cairnvm import VM, VMError, Tap  # noqa: E402

PROMPT = r'cairn:[^\n]*# $'


class Shell:
    """Runs commands at the root prompt; each ends with a marker echo."""

    def __init__(self, vm):
        self.vm = vm
        self.n = 0

    def run(self, cmd, timeout=60):
        """Types cmd, returns (its output, exit status). The marker's text is
        split by quotes so that the echoed command line does not match it."""
        self.n += 1
        tag = 'END%d' % self.n
        start = len(self.vm.output)
        # A command ending in & cannot be followed by ';': the marker goes on
        # its own line then.
        sep = '\r' if cmd.rstrip().endswith('&') else '; '
        self.vm.send('%s%secho @@E""%s:$?@@\r' % (cmd, sep, tag))
        m = self.vm.wait_for(r'@@E%s:(\d+)@@' % tag, timeout=timeout)
        # The output starts on the line after the echoed command line, which
        # ends with the unexpanded marker (the line editor may have redrawn
        # a long command line over several lines before that).
        text = self.vm.output[start:m.start()]
        echo = text.find('""%s:$?@@' % tag)
        nl = text.find('\n', echo) if echo >= 0 else -1
        self.vm.wait_for(PROMPT, timeout=timeout)
        return text[nl + 1:] if nl >= 0 else '', int(m.group(1))


def expect_prompt(vm, start, timeout=30):
    """Waits for a prompt after output position start."""
    end = time.time() + timeout
    rx = re.compile(PROMPT, re.M)
    while not rx.search(vm.output, start):
        if time.time() > end:
            raise VMError('no prompt after:\n%s' % vm.output[start:][-1500:])
        vm._pump(0.5)


t = Tap()
try:
    with VM(kargs='noinitrd', timeout=600) as vm:
        vm.wait_for(r'login: ', timeout=240)
        t.ok(True, 'the image boots to login: on ttyS0')
        vm.send('root\r')
        vm.wait_for(PROMPT, timeout=60)
        t.ok('Welcome to Cairn' in vm.output, 'root logs in without a password; motd shown',
             vm.tail())
        sh = Shell(vm)

        out, st = sh.run('ls /')
        t.ok(st == 0 and all(d in out.split() for d in
                             ('bin', 'dev', 'etc', 'home', 'proc', 'root', 'sbin', 'tmp',
                              'usr', 'var')), 'ls / lists the root directories', out)

        out, st = sh.run('ps')
        t.ok(st == 0 and re.search(r'^\s*PID\s+USER', out, re.M) and
             re.search(r'^\s*1\s+root\s.*init', out, re.M) and '-sh' in out,
             'ps shows init as pid 1 and the login shell', out)

        out, st = sh.run('free')
        m = re.search(r'^Mem:\s+(\d+)\s+(\d+)\s+(\d+)', out, re.M)
        t.ok(st == 0 and m and 200000 < int(m.group(1)) <= 262144 and
             int(m.group(2)) + int(m.group(3)) <= int(m.group(1)),
             'free reports about 256 MiB of memory in KiB', out)

        out, st = sh.run('df -h')
        t.ok(st == 0 and re.search(r'^Filesystem\s+Size\s+Used', out, re.M) and
             re.search(r'^/dev/sda2\s+\S+\s+\S+\s+\S+\s+\d+%\s+/$', out, re.M),
             'df -h shows the ext2 root with its size', out)

        out, st = sh.run('mount')
        t.ok(st == 0 and re.search(r'^/dev/sda2 on / type ext2', out, re.M) and
             re.search(r'^proc on /proc type proc', out, re.M) and
             re.search(r'^tmpfs on /tmp type tmpfs', out, re.M) and
             re.search(r'^tmpfs on /run type tmpfs', out, re.M),
             'mount lists / (ext2) and what /etc/fstab mounted (/proc, /tmp, /run)', out)

        out, st = sh.run('uname -a')
        t.ok(st == 0 and re.search(r'^Cairn cairn \S+ .* x86_64', out, re.M),
             'uname -a says Cairn, host name cairn, x86_64', out)

        out, st = sh.run('cat /proc/cpuinfo')
        t.ok(st == 0 and re.search(r'^processor\s*:\s*0', out, re.M),
             'cat /proc/cpuinfo lists processor 0', out)

        out, st = sh.run('top -b -n 1')
        t.ok(st == 0 and re.search(r'^Mem: \d+K used, \d+K free', out, re.M) and
             re.search(r'PID\s+PPID\s+USER', out) and re.search(r'\binit\b', out),
             'top -b -n 1 prints memory and the process list', out)

        out, st = sh.run('echo $((6*7))')
        t.ok(st == 0 and out.strip() == '42', 'echo $((6*7)) prints 42', out)

        out, st = sh.run('yes | head -n 100000 | wc -l', timeout=120)
        t.ok(st == 0 and out.strip() == '100000', 'yes | head -n 100000 | wc -l prints 100000',
             out)

        out, st = sh.run('echo hello | grep -E "h(e|a)l+o"')
        t.ok(st == 0 and out.strip() == 'hello', 'grep -E uses the C library\'s regex', out)
        out, st = sh.run('echo abc | sed -E "s/(b)/[\\1]/"')
        t.ok(st == 0 and out.strip() == 'a[b]c', 'sed -E substitutes a subexpression', out)

        out, st = sh.run("awk 'BEGIN { while ((\"echo via-popen\" | getline l) > 0) print l }'")
        t.ok(st == 0 and out.strip() == 'via-popen', 'awk reads a command through popen', out)

        out, st = sh.run('echo /etc/host*; find /etc -name "pass*"')
        t.ok(st == 0 and out.replace('\r', '') == '/etc/hostname /etc/hosts\n/etc/passwd\n',
             'the shell\'s glob and find -name', out)

        out, st = sh.run('ls /nonexistent')
        t.ok(st == 1 and out.strip() == "ls: /nonexistent: No such file or directory",
             'an applet\'s error message names the error', out)

        out, st = sh.run('echo abc | sed -E "s/(b)/[\\1]/" | cat')
        t.ok(st == 0 and out.strip() == 'a[b]c',
             'a pipeline whose first command exits before the others join its group', out)

        out, st = sh.run('dmesg | grep -c "Cairn is up"')
        t.ok(st == 0 and out.strip() == '1', 'dmesg reads the kernel log', out)

        # Job control: a background job, a stopped one resumed with bg, then
        # brought back with fg and interrupted.
        sh.run('sleep 100 &')
        out, st = sh.run('echo $!; cat /proc/$!/cmdline | tr "\\0" " "')
        t.ok(re.fullmatch(r'\d+\nsleep 100 ', out.replace('\r', '')),
             'sleep 100 & starts a background process ($!)', out)
        out, st = sh.run('jobs')
        t.ok(re.search(r'^\[1\]\+\s+Running\s+sleep 100', out, re.M), 'jobs shows it running',
             out)
        start = len(vm.output)
        vm.send('sleep 50\r')
        time.sleep(2)
        vm.send('\x1a')
        expect_prompt(vm, start)
        out = vm.output[start:]
        t.ok(re.search(r'\[2\]\+\s+Stopped\s+sleep 50', out), 'Ctrl-Z stops sleep 50 (job 2)',
             out)
        out, st = sh.run('bg')
        t.ok(re.search(r'^\[2\]\+? sleep 50', out, re.M), 'bg resumes job 2 in the background',
             out)
        out, st = sh.run('jobs')
        t.ok(re.search(r'^\[2\]\+\s+Running\s+sleep 50', out, re.M) and
             re.search(r'^\[1\]-?\s+Running\s+sleep 100', out, re.M),
             'jobs shows both running', out)
        start = len(vm.output)
        vm.send('fg\r')
        vm.wait_for(r'sleep 50', timeout=30)
        time.sleep(2)
        vm.send('\x03')
        expect_prompt(vm, start)
        out, st = sh.run('jobs')
        t.ok('sleep 50' not in out and 'sleep 100' in out,
             'fg then Ctrl-C ends sleep 50; sleep 100 still runs', out)
        out, st = sh.run('kill %1; wait')
        out, st = sh.run('jobs')
        t.ok(out.strip() == '', 'kill %1 ends the last job', out)

        # vi over serial: insert two lines, leave insert mode, save and quit.
        start = len(vm.output)
        vm.send('vi /tmp/vi.txt\r')
        time.sleep(3)
        for keys in ('i', 'hello from vi\r', 'second line', '\x1b', ':wq\r'):
            vm.send(keys)
            time.sleep(1)
        expect_prompt(vm, start, timeout=60)
        out, st = sh.run('cat /tmp/vi.txt')
        t.ok(st == 0 and out.replace('\r', '') == 'hello from vi\nsecond line\n',
             'vi edits and saves a file with scripted keys', out)

        out, st = sh.run('id; whoami')
        t.ok(st == 0 and 'uid=0(root) gid=0(root)' in out and out.split()[-1] == 'root',
             'id and whoami say root', out)
except VMError as e:
    t.ok(False, 'busybox login session', e)
t.exit()
