#!/usr/bin/env python3
"""The ext2 workload in the VM, checked from the host.

The host makes an ext2 filesystem with `mke2fs -d` holding files of known
content, puts it on a GPT disk (tests/lib/gptdisk.py) attached as the second
drive, and boots with init=/bin/ext2-workload (tests/user/disk/): the guest
mounts /dev/sdb1, checks the host's files byte for byte, runs thousands of
create/write/rename/link/truncate/unlink operations and a 64 MiB file,
writes the SHA-256 of every regular file it leaves into /sha256sums.txt,
syncs, unmounts and exits, so the kernel powers off. Then the host runs
`e2fsck -fn` on the partition (no errors, the state clean), dumps the tree
with debugfs and compares each file's SHA-256 with the guest's list, and
that the list names every regular file.

CAIRN_DISK_IF=ide (default) or ahci chooses the bus of both the boot disk
and the scratch disk; the guest sees them as sda and sdb either way.
tests/boot/ext2_workload_ahci.py runs this with ahci.
"""
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from cairnvm import VM, VMError, Tap  # noqa: E402
from gptdisk import build_gpt_disk, extract_partition  # noqa: E402

HOST_SIZES = [0, 1, 100, 4095, 4096, 4097, 50000, 1 << 20, (3 << 20) + 7, 12345, 777, 65536]
DISK_IF = os.environ.get('CAIRN_DISK_IF', 'ide')


def pattern(size, seed):
    """The content the guest program generates (see its header comment)."""
    out = bytearray(size)
    s = (seed * 40503) & 0xffffffff
    for i in range(size):
        out[i] = (((i * 2654435761 + s) & 0xffffffff) >> 11) & 0xff
    return bytes(out)


def disk_args(path):
    if DISK_IF == 'ahci':
        return ['-device', 'ahci,id=ahci0', '-drive', 'if=none,id=scratch,format=raw,file=%s' % path,
                '-device', 'ide-hd,drive=scratch,bus=ahci0.0']
    return ['-drive', 'file=%s,format=raw,if=ide,index=1' % path]


def make_source(src):
    os.makedirs(os.path.join(src, 'host', 'sub'))
    for i, size in enumerate(HOST_SIZES):
        with open(os.path.join(src, 'host', 'f%d' % i), 'wb') as f:
            f.write(pattern(size, i))
    with open(os.path.join(src, 'host', 'sub', 'deep'), 'wb') as f:
        f.write(pattern(9000, 100))
    os.symlink('f1', os.path.join(src, 'host', 'link'))


def main():
    t = Tap()
    tmp = tempfile.mkdtemp(prefix='cairn-ext2wl-')
    try:
        src = os.path.join(tmp, 'src')
        make_source(src)
        img = os.path.join(tmp, 'fs.img')
        r = subprocess.run(['mke2fs', '-q', '-F', '-t', 'ext2', '-b', '4096', '-d', src, img,
                            '160M'], capture_output=True, text=True)
        t.ok(r.returncode == 0, 'mke2fs -d made the scratch filesystem', r.stderr)
        disk = os.path.join(tmp, 'disk.img')
        parts = build_gpt_disk([img], disk)
        start = time.time()
        try:
            with VM(kargs='init=/bin/ext2-workload', timeout=420, mem='256M',
                    qemu_args=disk_args(disk), disk=DISK_IF) as vm:
                vm.wait_for(r'ext2-workload: done', timeout=400)
                vm.wait_exit(timeout=60)
                out = vm.output
        except VMError as e:
            t.ok(False, 'the workload ran to the end and the VM powered off', e)
            t.exit()
        elapsed = time.time() - start
        t.ok(True, 'the workload ran and the VM powered off (%.0f s, disks on %s)' %
             (elapsed, DISK_IF))
        lines = out.splitlines()
        for line in lines:
            if line.startswith('ok - ') or line.startswith('not ok - '):
                ok = line.startswith('ok - ')
                t.ok(ok, 'vm: ' + line.split(' - ', 1)[1],
                     '\n'.join(l for l in lines if l.startswith('# ext2-workload')))
        for line in lines:
            if line.startswith('# ext2-workload: ') and ' took ' in line:
                print(line, flush=True)  # the guest's phase timings, as TAP comments
        t.ok('Kernel panic' not in out, 'no kernel panic')
        t.ok('ext2: sdb1 mounted read-write' in out, 'the kernel logged the read-write mount')

        after = os.path.join(tmp, 'after.img')
        extract_partition(disk, parts[0][0], parts[0][1], after)
        r = subprocess.run(['e2fsck', '-fn', after], capture_output=True, text=True)
        t.ok(r.returncode == 0, 'e2fsck -fn finds no errors', r.stdout + r.stderr)
        r = subprocess.run(['dumpe2fs', '-h', after], capture_output=True, text=True)
        t.ok('Filesystem state:         clean' in r.stdout, 'the superblock says clean',
             r.stdout)
        t.ok('Mount count:              2' in r.stdout,
             'the mount and the remount read-write were counted', r.stdout)

        dump = os.path.join(tmp, 'dump')
        os.mkdir(dump)
        r = subprocess.run(['debugfs', '-R', 'rdump / %s' % dump, after],
                           capture_output=True, text=True)
        sums_path = os.path.join(dump, 'sha256sums.txt')
        t.ok(os.path.exists(sums_path), "debugfs reads the guest's sha256sums.txt", r.stderr)
        if not os.path.exists(sums_path):
            t.exit()
        listed = {}
        for line in open(sums_path):
            digest, path = line.rstrip('\n').split('  ', 1)
            listed[path] = digest
        bad = []
        for path, digest in listed.items():
            full = os.path.join(dump, path.lstrip('/'))
            try:
                with open(full, 'rb') as f:
                    got = hashlib.sha256(f.read()).hexdigest()
            except OSError as e:
                got = str(e)
            if got != digest:
                bad.append('%s: guest %s, debugfs %s' % (path, digest, got))
        t.ok(len(listed) > 2000 and not bad,
             'debugfs reads %d files with the guest\'s SHA-256' % len(listed), '\n'.join(bad))
        on_disk = set()
        for root, dirs, files in os.walk(dump):
            for name in files:
                full = os.path.join(root, name)
                if os.path.islink(full) or not os.path.isfile(full):
                    continue
                rel = '/' + os.path.relpath(full, dump)
                if rel != '/sha256sums.txt' and not rel.startswith('/lost+found'):
                    on_disk.add(rel)
        missing = sorted(on_disk - set(listed))[:20]
        extra = sorted(set(listed) - on_disk)[:20]
        t.ok(not missing and not extra, 'the list names exactly the regular files on the disk',
             'not listed: %s\nlisted but absent: %s' % (missing, extra))
        with open(os.path.join(dump, 'big'), 'rb') as f:
            big = f.read()
        t.ok(len(big) == 64 << 20 and big[:65536] == pattern(65536, 999),
             'the 64 MiB file has the expected size and start')
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    t.exit()


main()
