#!/usr/bin/env python3
"""The corrupt-image corpus in the VM.

The host makes one small ext2 image with `mke2fs -d` (files through an
indirect and a double indirect block, a directory tree, fast and slow
symlinks) and damages copies of it in more than 30 ways: superblock fields
(magic, geometry, sizes, features, state, counts), group descriptors,
bitmaps, the root inode, directory entries (a loop, a corrupt record, an
inode number out of range, a name for a free inode), block numbers out of
range in inodes and indirect blocks, and truncated or zeroed images. All go
on one GPT disk attached as the second drive; init=/bin/ext2-corpus
(tests/user/disk/) mounts each partition read-write if it can, walks and
reads everything, tries to create a file and unmounts.

Asserted: no kernel panic, no hang (the guest reaches its last line and the
VM powers off), every image was tried, and for each image either the mount
was refused with a log line naming the device, or the filesystem is
read-only with a log line naming the device (judged at mount, or switched
when the walk met the damage), and then creating a file failed (-EROFS, or
-EIO when the create itself met the damage).
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

BS = 1024
SB = 1024
DISK_IF = os.environ.get('CAIRN_DISK_IF', 'ide')


def disk_args(path):
    if DISK_IF == 'ahci':
        return ['-device', 'ahci,id=ahci0', '-drive', 'if=none,id=corpus,format=raw,file=%s' % path,
                '-device', 'ide-hd,drive=corpus,bus=ahci0.0']
    return ['-drive', 'file=%s,format=raw,if=ide,index=1' % path]


def debugfs(img, req):
    return subprocess.run(['debugfs', '-R', req, img], capture_output=True, text=True).stdout


def inode_offset(img, path):
    """Byte offset of path's inode in the image."""
    out = debugfs(img, 'imap %s' % path)
    m = re.search(r'located at block (\d+), offset (0x[0-9a-f]+)', out)
    return int(m.group(1)) * BS + int(m.group(2), 16)


def block_of(img, path, lblk):
    return int(debugfs(img, 'bmap %s %d' % (path, lblk)).strip())


def put(data, off, fmt, value):
    struct.pack_into('<' + fmt, data, off, value)


def get(data, off, fmt):
    return struct.unpack_from('<' + fmt, data, off)[0]


def dirent_offset(data, dir_block, name):
    """Byte offset of the entry called name in a directory block."""
    base = dir_block * BS
    off = 0
    while off < BS:
        rec = get(data, base + off + 4, 'H')
        nlen = data[base + off + 6]
        if bytes(data[base + off + 8:base + off + 8 + nlen]) == name.encode():
            return base + off
        if rec < 8:
            break
        off += rec
    raise KeyError(name)


def mutations(img):
    """(name, function(bytearray) -> bytearray) for each kind of damage."""
    gd = 2 * BS  # the group descriptor table (1 KiB blocks)
    root_ino = inode_offset(img, '/')
    file_ino = inode_offset(img, '/file')
    big_ino = inode_offset(img, '/big')
    slow_ino = inode_offset(img, '/slow')
    d_ino = inode_offset(img, '/d')
    root_blk = block_of(img, '/', 0)
    d_blk = block_of(img, '/d', 0)
    file_ind = get(open(img, 'rb').read(), file_ino + 40 + 12 * 4, 'I')
    with open(img, 'rb') as f:
        base = f.read()
    d_inum = int(re.search(r'Inode (\d+)', debugfs(img, 'imap /d')).group(1))
    inodes_count = get(base, SB, 'I')

    def sbf(off, fmt, value):
        def f(b):
            put(b, SB + off, fmt, value)
            return b
        return f

    def sbx(off, fmt, fn):
        def f(b):
            put(b, SB + off, fmt, fn(get(b, SB + off, fmt)))
            return b
        return f

    def at(off, fmt, value):
        def f(b):
            put(b, off, fmt, value)
            return b
        return f

    def atx(off, fmt, fn):
        def f(b):
            put(b, off, fmt, fn(get(b, off, fmt)))
            return b
        return f

    def flip_bitmap(which):
        def f(b):
            blk = get(b, gd + which, 'I')
            b[blk * BS + 2] ^= 0x80  # block or inode 24 of group 0 changes state
            return b
        return f

    def entry(dir_blk, name, off, fmt, value):
        def f(b):
            put(b, dirent_offset(b, dir_blk, name) + off, fmt, value)
            return b
        return f

    def truncate(n):
        return lambda b: b[:n]

    def zero_from(start, length):
        def f(b):
            b[start:start + length] = bytes(length)
            return b
        return f

    return [
        ('bad magic', sbf(56, 'H', 0x1234)),
        ('block size 128 KiB', sbf(24, 'I', 7)),
        ('block size claims 4 KiB', sbf(24, 'I', 2)),
        ('zero blocks per group', sbf(32, 'I', 0)),
        ('huge inodes per group', sbf(40, 'I', 0x100000)),
        ('zero inodes per group', sbf(40, 'I', 0)),
        ('more blocks than the device', sbx(4, 'I', lambda v: v * 4)),
        ('bad first data block', sbf(20, 'I', 0)),
        ('bad inode size', sbf(88, 'H', 100)),
        ('inode count beyond the groups', sbx(0, 'I', lambda v: v * 16)),
        ('unknown incompatible feature', sbx(96, 'I', lambda v: v | 0x10000)),
        ('extents feature', sbx(96, 'I', lambda v: v | 0x40)),
        ('unknown read-only feature', sbx(100, 'I', lambda v: v | 0x1000)),
        ('not cleanly unmounted', sbf(58, 'H', 0)),
        ('error state', sbf(58, 'H', 3)),
        ('free block count off by one', sbx(12, 'I', lambda v: v + 1)),
        ('free inode count off by one', sbx(16, 'I', lambda v: v - 1)),
        ('block bitmap out of range', at(gd + 0, 'I', 0xfffffff)),
        ('inode bitmap at block 0', at(gd + 4, 'I', 0)),
        ('inode table out of range', at(gd + 8, 'I', 0x7ffffff0)),
        ('group free blocks beyond its size', at(gd + 12, 'H', 0xffff)),
        ('group free inodes off by one', atx(gd + 14, 'H', lambda v: v + 1)),
        ('block bitmap disagrees', flip_bitmap(0)),
        ('inode bitmap disagrees', flip_bitmap(4)),
        ('root is a regular file', at(root_ino, 'H', 0o100644)),
        ('root has no links', at(root_ino + 26, 'H', 0)),
        ('root block out of range', at(root_ino + 40, 'I', 0x7fffffff)),
        ('directory loop', entry(d_blk, 'sub', 0, 'I', d_inum)),
        ('directory record length zero', entry(root_blk, 'file', 4, 'H', 0)),
        ('directory record past the block', entry(root_blk, 'small', 4, 'H', 4000)),
        ('directory names inode out of range', entry(root_blk, 'big', 0, 'I', inodes_count + 5)),
        ('directory names a free inode', entry(root_blk, 'small', 0, 'I', inodes_count - 1)),
        ('file block out of range', at(file_ino + 40, 'I', 0x7fffffff)),
        ('indirect block entry out of range', at(file_ind * BS + 4, 'I', 0xfffff0)),
        ('double indirect out of range', at(big_ino + 40 + 13 * 4, 'I', 0x7ffffff)),
        ('slow symlink block out of range', at(slow_ino + 40, 'I', 0x7ffffff)),
        ('directory inode block out of range', at(d_ino + 40, 'I', 0x7ffffff)),
        ('truncated to 64 KiB', truncate(64 * 1024)),
        ('truncated to half', truncate(len(base) // 2)),
        ('superblock zeroed', zero_from(SB, 1024)),
        ('group descriptors zeroed', zero_from(gd, BS)),
    ], base


def main():
    t = Tap()
    tmp = tempfile.mkdtemp(prefix='cairn-ext2corpus-')
    try:
        src = os.path.join(tmp, 'src')
        os.makedirs(os.path.join(src, 'd', 'sub'))
        with open(os.path.join(src, 'file'), 'wb') as f:
            f.write(bytes(i * 7 & 0xff for i in range(20000)))
        with open(os.path.join(src, 'big'), 'wb') as f:
            f.write(bytes(i * 13 & 0xff for i in range(300000)))
        for name, text in (('small', 'small\n'), ('d/inner', 'inner\n'), ('d/sub/x', 'x\n')):
            with open(os.path.join(src, name), 'w') as f:
                f.write(text)
        os.symlink('small', os.path.join(src, 'link'))
        os.symlink('x' * 100, os.path.join(src, 'slow'))
        img = os.path.join(tmp, 'base.img')
        r = subprocess.run(['mke2fs', '-q', '-F', '-t', 'ext2', '-b', str(BS), '-d', src, img,
                            '4M'], capture_output=True, text=True)
        t.ok(r.returncode == 0, 'mke2fs -d made the base image', r.stderr)
        muts, base = mutations(img)
        images = []
        for i, (name, fn) in enumerate(muts):
            data = fn(bytearray(base))
            path = os.path.join(tmp, 'm%02d.img' % i)
            with open(path, 'wb') as f:
                f.write(data)
            images.append(path)
        t.ok(len(images) >= 30, '%d damaged images' % len(images))
        disk = os.path.join(tmp, 'disk.img')
        build_gpt_disk(images, disk)
        try:
            with VM(kargs='init=/bin/ext2-corpus', timeout=300, qemu_args=disk_args(disk)) as vm:
                m = vm.wait_for(r'ext2-corpus: done (\d+)\n', timeout=280)
                vm.wait_exit(timeout=60)
                out = vm.output
        except VMError as e:
            t.ok(False, 'the corpus ran to the end without a panic or a hang', e)
            t.exit()
        t.ok('Kernel panic' not in out, 'no kernel panic')
        t.ok(int(m.group(1)) == len(images), 'the guest tried all %d images (%s)' %
             (len(images), m.group(1)))
        for i, (name, _) in enumerate(muts):
            dev = 'sdb%d' % (i + 1)
            line = re.search(r'corpus: %s mount (-?\d+) reads (\d+) errors (\d+) create (-?\d+)' %
                             dev, out)
            if not line:
                t.ok(False, '%s (%s): the guest reported it' % (dev, name))
                continue
            mount_err, create = int(line.group(1)), int(line.group(4))
            logs = [l for l in out.splitlines() if re.search(r'ext2: %s\b' % dev, l)]
            refused = mount_err != 0 and logs
            ro = mount_err == 0 and create in (-30, -5) and any(
                'read-only' in l for l in logs)
            t.ok(refused or ro, '%s (%s): %s' % (
                dev, name, 'refused' if refused else 'read-only' if ro else 'NOT HANDLED'),
                line.group(0) + '\nlog:\n' + '\n'.join(logs))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    t.exit()


main()
