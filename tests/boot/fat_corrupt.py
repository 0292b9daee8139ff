#!/usr/bin/env python3
"""Corrupted FAT32 images in the VM: refused or read-only, never a panic or a hang.

The host builds one good FAT32 image with mkfs.fat + mcopy and derives a
corpus of damaged copies from it (boot sector fields, FSInfo, FAT chains
that loop or leave the volume, directory entries, long-name slots, a
truncated image), one per partition of a GPT disk (the guest's sdb1,
sdb2, ...). /bin/test-fat, booted as init, mounts each as vfat, walks and
reads everything, tries to create a file, and prints one line per
partition. Each image has an expected outcome: refused at mount, mounted
read-only (at mount or as soon as the damage is met), or mounted read-write
(harmless damage: a bad long-name checksum falls back to the short name),
or, for random bytes in a directory, any of these.
Every refusal and every read-only switch must be logged with the device.
"""
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from cairnvm import VM, VMError, Tap  # noqa: E402
from gptdisk import build_gpt_disk  # noqa: E402

LINE_RE = re.compile(r'^fatc: (sdb\d+) mount=(-?\d+) walked=(\d+) errors=(\d+) '
                     r'create=(-?\d+)$')


class Fat:
    """Just enough of FAT32 to damage an image on purpose."""

    def __init__(self, data):
        self.d = bytearray(data)
        self.bps, = struct.unpack_from('<H', self.d, 11)
        self.spc = self.d[13]
        self.rsv, = struct.unpack_from('<H', self.d, 14)
        self.nfats = self.d[16]
        self.fatsz, = struct.unpack_from('<I', self.d, 36)
        self.root, = struct.unpack_from('<I', self.d, 44)
        self.data_start = (self.rsv + self.nfats * self.fatsz) * self.bps

    def fat(self, c, v=None):
        off = self.rsv * self.bps + c * 4
        if v is None:
            return struct.unpack_from('<I', self.d, off)[0] & 0x0FFFFFFF
        for i in range(self.nfats):
            struct.pack_into('<I', self.d, off + i * self.fatsz * self.bps, v)

    def cluster_off(self, c):
        return self.data_start + (c - 2) * self.spc * self.bps

    def entry(self, short, dir_cluster=None):
        """Byte offset of the short entry named short (11 bytes) in a directory's first cluster."""
        base = self.cluster_off(dir_cluster or self.root)
        for off in range(base, base + self.spc * self.bps, 32):
            if self.d[off:off + 11] == short:
                return off
        raise KeyError(short)

    def start(self, off):
        hi, = struct.unpack_from('<H', self.d, off + 20)
        lo, = struct.unpack_from('<H', self.d, off + 26)
        return hi << 16 | lo


def corpus(base):
    """(name, expected, bytes): expected is 'refused', 'ro', 'rw' or 'any' (no panic)."""
    out = []

    def add(name, expected, fn):
        f = Fat(base)
        fn(f)
        out.append((name, expected, bytes(f.d)))

    def setb(off, fmt, v):
        return lambda f: struct.pack_into(fmt, f.d, off, v)

    add('no boot signature', 'refused', setb(510, '<H', 0))
    add('bytes per sector 0', 'refused', setb(11, '<H', 0))
    add('bytes per sector 768', 'refused', setb(11, '<H', 768))
    add('3 sectors per cluster', 'refused', setb(13, '<B', 3))
    add('no FATs', 'refused', setb(16, '<B', 0))
    add('no reserved sectors', 'refused', setb(14, '<H', 0))
    add('FAT size 0', 'refused', setb(36, '<I', 0))
    add('root cluster out of range', 'refused', setb(44, '<I', 0x0FFFFFF0))
    add('root chain loops', 'refused', lambda f: f.fat(f.root, f.root))
    add('root chain hits a free cluster', 'refused', lambda f: f.fat(f.root, 0))
    add('FAT too small for the clusters', 'refused', setb(36, '<I', 16))
    add('FAT mirroring off', 'ro', setb(40, '<H', 0x80))
    add('dirty volume', 'ro', setb(65, '<B', 1))

    def file_loop(f):
        c = f.start(f.entry(b'BIG     BIN'))
        f.fat(c + 3, c)
    add('file chain loops', 'ro', file_loop)

    def file_start_bad(f):
        off = f.entry(b'BIG     BIN')
        struct.pack_into('<HH', f.d, off + 20, 0x0FFF, 0)
        struct.pack_into('<H', f.d, off + 26, 0xFFF0)
    add('file starts out of range', 'ro', file_start_bad)

    def file_bad_link(f):
        c = f.start(f.entry(b'BIG     BIN'))
        f.fat(c + 1, 0x0FFFFFF7)
    add('file chain hits a bad cluster', 'ro', file_bad_link)

    def file_too_big(f):
        struct.pack_into('<I', f.d, f.entry(b'HELLO   TXT') + 28, 0xFFFFFFF0)
    add('file size past its chain', 'ro', file_too_big)

    def dir_loop(f):
        c = f.start(f.entry(b'SUBDIR     '))
        f.fat(c, c)
    add('directory chain loops', 'ro', dir_loop)

    def dir_start_zero(f):
        off = f.entry(b'SUBDIR     ')
        struct.pack_into('<H', f.d, off + 20, 0)
        struct.pack_into('<H', f.d, off + 26, 0)
    add('directory starts at cluster 0', 'ro', dir_start_zero)

    def dir_is_root(f):
        off = f.entry(b'SUBDIR     ')
        struct.pack_into('<H', f.d, off + 20, f.root >> 16)
        struct.pack_into('<H', f.d, off + 26, f.root & 0xFFFF)
    add('directory points back at the root', 'rw', dir_is_root)

    def lfn_checksum(f):
        off = f.entry(b'ALONGF~1TXT')
        f.d[off - 32 + 13] ^= 0xFF
    add('long name with a bad checksum', 'rw', lfn_checksum)

    def lfn_garbage(f):
        off = f.entry(b'ALONGF~1TXT')
        f.d[off - 32:off] = bytes([0x41]) + b'/\x00.\x00.\x00' + b'\xff' * 4 + b'\x0f\x00' + \
            bytes([f.d[off - 32 + 13]]) + b'\x00\xd8' * 6 + b'\x00\x00' + b'\x2f\x00' * 2
    add('long name with a slash and a lone surrogate', 'rw', lfn_garbage)

    def fsinfo_garbage(f):
        struct.pack_into('<II', f.d, f.bps + 488, 0x7FFFFFFF, 0x0FFFFFFF)
    add('FSInfo counts out of range', 'rw', fsinfo_garbage)

    def root_garbage(f):
        base = f.cluster_off(f.root)
        for i in range(64, 512):
            f.d[base + i] = (i * 131 + 7) & 0xFF
    add('garbage in the root directory', 'any', root_garbage)

    out.append(('truncated to 30 MiB (larger than its device)', 'ro', bytes(base[:30 << 20])))
    out.append(('truncated to 1 MiB', 'ro', bytes(base[:1 << 20])))
    return out


t = Tap()
tmp = tempfile.mkdtemp(prefix='cairn-fatc-')
try:
    tree = os.path.join(tmp, 'tree')
    os.makedirs(os.path.join(tree, 'SUBDIR'))
    with open(os.path.join(tree, 'HELLO.TXT'), 'wb') as f:
        f.write(b'hello\n')
    with open(os.path.join(tree, 'BIG.BIN'), 'wb') as f:
        f.write(bytes(range(256)) * 80)
    with open(os.path.join(tree, 'A long file name.txt'), 'wb') as f:
        f.write(b'long\n')
    with open(os.path.join(tree, 'SUBDIR', 'INNER.TXT'), 'wb') as f:
        f.write(b'inner\n')
    base_img = os.path.join(tmp, 'base.img')
    subprocess.run(['mkfs.fat', '-F', '32', '-s', '1', '-C', base_img, '34000'], check=True,
                   stdout=subprocess.DEVNULL)
    subprocess.run(['mcopy', '-s', '-i', base_img] +
                   [os.path.join(tree, n) for n in sorted(os.listdir(tree))] + ['::/'], check=True)
    with open(base_img, 'rb') as f:
        base = f.read()
    images = corpus(base)
    # A FAT16 image made by mkfs.fat is refused too.
    fat16 = os.path.join(tmp, 'fat16.img')
    subprocess.run(['mkfs.fat', '-F', '16', '-C', fat16, '16384'], check=True,
                   stdout=subprocess.DEVNULL)
    images.append(('FAT16', 'refused', open(fat16, 'rb').read()))
    # Partition 1 is the good image itself: it must mount read-write.
    images.insert(0, ('the good image', 'rw', base))
    paths = []
    for i, (_, _, data) in enumerate(images):
        p = os.path.join(tmp, 'img%02d' % i)
        with open(p, 'wb') as f:
            f.write(data)
        paths.append(p)
    disk = os.path.join(tmp, 'disk.img')
    build_gpt_disk(paths, disk)
    t.ok(len(images) >= 21, '%d images: the good one and %d damaged' % (len(images), len(images) - 1))
    try:
        with VM(kargs='init=/bin/test-fat', timeout=300,
                qemu_args=['-drive', 'file=%s,format=raw,if=ide,index=1' % disk]) as vm:
            vm.wait_for(r'fatc: corpus done|init: cannot run', timeout=280)
            vm.wait_exit(timeout=20)
            log = vm.output
    except VMError as e:
        t.ok(False, 'the guest mounted every image and powered off (no panic, no hang)', e)
        t.exit()
    t.ok('fatc: corpus done' in log,
         'the guest mounted every image and powered off (no panic, no hang)')
    results = {}
    for line in log.splitlines():
        m = LINE_RE.match(line.strip())
        if m:
            results[m.group(1)] = m
    for i, (name, expected, _) in enumerate(images):
        dev = 'sdb%d' % (i + 1)
        m = results.get(dev)
        if not t.ok(m is not None, '%s (%s): the guest reported on it' % (dev, name)):
            continue
        mounted, create = int(m.group(2)) == 0, int(m.group(5))
        logged = [l for l in log.splitlines() if 'vfat: %s' % dev in l]
        if expected == 'refused':
            t.ok(not mounted and any('not mountable' in l for l in logged),
                 '%s (%s): refused, with a log line' % (dev, name), '\n'.join(logged) or m.group(0))
        elif expected == 'ro':
            t.ok(mounted and create == -30 and
                 any('read-only' in l for l in logged),
                 '%s (%s): mounted, read-only once the damage is seen, logged; a create is EROFS'
                 % (dev, name), '\n'.join(logged) + '\n' + m.group(0))
        elif expected == 'any':
            t.ok(not mounted or create in (0, -30),
                 '%s (%s): refused or mounted, no panic, a create works or is EROFS' % (dev, name),
                 '\n'.join(logged) + '\n' + m.group(0))
        else:
            t.ok(mounted and create == 0,
                 '%s (%s): mounted read-write and usable' % (dev, name),
                 '\n'.join(logged) + '\n' + m.group(0))
finally:
    shutil.rmtree(tmp, ignore_errors=True)
t.exit()
