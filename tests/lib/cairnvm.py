"""Boots the Cairn image in QEMU for in-VM tests and talks to its serial port.

Every boot has a wall-clock limit, runs on a private copy of the image (so
tests never change build/cairn.img), and watches the serial log for kernel
panics. Extra kernel arguments go into /grub/extra.cfg of that copy.
VM(disk='ahci') attaches the boot disk to an AHCI controller (id ahci_root,
port 0; a test may add drives on bus ahci_root.1 ...) instead of IDE.
"""
import os
import re
import select
import shutil
import socket
import subprocess
import tempfile
import time

TOP = os.environ.get('CAIRN_TOP') or os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
BUILD = os.environ.get('CAIRN_BUILD') or os.path.join(TOP, 'build')
PANIC_RE = re.compile(r'Kernel panic')


# Where the boot disk goes: 'ide' (the PIIX IDE controller, the default) or
# 'ahci' (an ICH9 AHCI controller on the pc machine, port 0). SeaBIOS boots from
# either; the kernel names the disk sda in both cases.
DISK_BUSES = ('ide', 'ahci')


def drive_args(bus, path, drive_id, fmt='raw'):
    """QEMU arguments attaching the image at path on bus ('ide' or 'ahci')."""
    if bus == 'ide':
        return ['-drive', 'file=%s,format=%s,if=ide' % (path, fmt)]
    return ['-device', 'ahci,id=ahci_%s' % drive_id,
            '-drive', 'id=%s,file=%s,if=none,format=%s' % (drive_id, path, fmt),
            '-device', 'ide-hd,drive=%s,bus=ahci_%s.0' % (drive_id, drive_id)]


class VMError(Exception):
    pass


class VM:
    def __init__(self, kargs='', mem='256M', smp=1, timeout=120, allow_panic=False,
                 qemu_args=(), disk='ide'):
        if disk not in DISK_BUSES:
            raise ValueError('disk must be one of %s, not %r' % (', '.join(DISK_BUSES), disk))
        self.disk = disk
        self.kargs = kargs
        self.mem = mem
        self.smp = smp
        self.deadline = time.time() + timeout
        self.allow_panic = allow_panic
        self.qemu_args = list(qemu_args)
        self.output = ''
        self.proc = None
        self.tmp = tempfile.mkdtemp(prefix='cairn-vm-')

    def __enter__(self):
        image = os.path.join(self.tmp, 'disk.img')
        subprocess.run(['cp', '--sparse=always', os.path.join(BUILD, 'cairn.img'), image],
                       check=True)
        subprocess.run([os.path.join(TOP, 'boot', 'set-kargs.sh'), image, self.kargs],
                       check=True)
        self.monitor_path = os.path.join(self.tmp, 'monitor.sock')
        cmd = ['qemu-system-x86_64', '-machine', 'pc', '-cpu', 'max', '-m', self.mem,
               '-smp', str(self.smp)] + drive_args(self.disk, image, 'root') + [
               '-display', 'none', '-vga', 'std', '-no-reboot', '-serial', 'stdio',
               '-monitor', 'unix:%s,server,nowait' % self.monitor_path,
               '-device', 'isa-debug-exit,iobase=0xf4,iosize=0x04'] + self.qemu_args
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT)
        os.set_blocking(self.proc.stdout.fileno(), False)
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def close(self):
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def _pump(self, timeout):
        """Reads whatever serial output arrives within timeout seconds."""
        fd = self.proc.stdout.fileno()
        r, _, _ = select.select([fd], [], [], max(0.0, timeout))
        if r:
            data = os.read(fd, 65536)
            if data:
                self.output += data.decode('latin-1').replace('\r', '')
                return True
        return False

    def time_left(self):
        return self.deadline - time.time()

    def wait_for(self, pattern, timeout=None):
        """Waits until pattern (a regex) appears in the serial output; returns the match."""
        rx = re.compile(pattern)
        end = min(self.deadline, time.time() + (timeout or 1e9))
        start_len = 0
        while True:
            m = rx.search(self.output, start_len)
            if m:
                return m
            if not self.allow_panic and PANIC_RE.search(self.output):
                self._pump(0.5)
                raise VMError('kernel panic while waiting for %r:\n%s' % (pattern, self.tail()))
            if time.time() > end:
                raise VMError('timed out waiting for %r:\n%s' % (pattern, self.tail()))
            if self.proc.poll() is not None:
                while self._pump(0):
                    pass
                if rx.search(self.output):
                    continue
                raise VMError('QEMU exited (%s) before %r appeared:\n%s' %
                              (self.proc.returncode, pattern, self.tail()))
            self._pump(min(0.5, max(0.0, end - time.time())))

    def wait_exit(self, timeout=None):
        """Waits for QEMU to exit (guest power-off); returns its exit status."""
        end = min(self.deadline, time.time() + (timeout or 1e9))
        while self.proc.poll() is None:
            if time.time() > end:
                raise VMError('QEMU did not exit in time:\n%s' % self.tail())
            self._pump(0.5)
        while self._pump(0):
            pass
        return self.proc.returncode

    def send(self, text):
        """Types text on the guest's serial line."""
        self.proc.stdin.write(text.encode('latin-1'))
        self.proc.stdin.flush()

    def monitor(self, command):
        """Runs one QEMU monitor command and returns its text reply."""
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.connect(self.monitor_path)
        s.settimeout(10)
        buf = b''
        while not buf.endswith(b'(qemu) '):
            buf += s.recv(4096)
        s.sendall(command.encode() + b'\n')
        buf = b''
        while not buf.endswith(b'(qemu) '):
            buf += s.recv(4096)
        s.close()
        return buf.decode('latin-1')

    def read_vga_text(self):
        """Returns the 80x25 VGA text screen as a list of lines."""
        path = os.path.join(self.tmp, 'vga.bin')
        self.monitor('pmemsave 0xb8000 4000 "%s"' % path)
        for _ in range(50):
            if os.path.exists(path) and os.path.getsize(path) == 4000:
                break
            time.sleep(0.1)
        data = open(path, 'rb').read()
        chars = bytes(data[i] for i in range(0, len(data), 2)).decode('latin-1')
        return [chars[r * 80:(r + 1) * 80].rstrip() for r in range(25)]

    def tail(self, n=40):
        return '\n'.join(self.output.splitlines()[-n:])


class Tap:
    """Prints TAP result lines for tests/run.py."""

    def __init__(self):
        self.failed = 0

    def ok(self, cond, name, detail=''):
        print('%s - %s' % ('ok' if cond else 'not ok', name), flush=True)
        if not cond:
            self.failed += 1
            for line in str(detail).splitlines()[-30:]:
                print('#   ' + line, flush=True)
        return cond

    def exit(self):
        raise SystemExit(1 if self.failed else 0)
