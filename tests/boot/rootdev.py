#!/usr/bin/env python3
"""With root=/dev/sda2 (no initrd) the ext2 partition is / and devtmpfs is
mounted on its /dev, with nodes for the character devices and the disk.

grub.cfg passes root=/dev/sda2; noinitrd makes the kernel use it. The ext2
root has no /sbin/init yet, so the kernel log is what can be checked.
"""
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from cairnvm import VM, VMError, Tap  # noqa: E402

t = Tap()
try:
    with VM(kargs='noinitrd', timeout=90) as vm:
        vm.wait_for(r'Cairn is up', timeout=60)
        out = vm.output
        t.ok('rootfs: /dev/sda2 (ext2) is the root filesystem' in out,
             'root=/dev/sda2 mounts the ext2 partition as /', vm.tail())
        t.ok('vfs: devtmpfs (devtmpfs) mounted on /dev' in out,
             'devtmpfs is mounted on /dev of the ext2 root', vm.tail())
        t.ok('cannot mount devtmpfs' not in out and 'devfs: cannot create' not in out,
             'no devtmpfs errors', vm.tail())
        m = re.search(r'devfs: (\d+) device nodes', out)
        # null zero full random urandom kmsg tty console, sda and its partitions
        t.ok(m is not None and int(m.group(1)) >= 10,
             'devtmpfs made nodes for the character devices and the disk (%s)'
             % (m.group(1) if m else 'no count'), vm.tail())
        dev_at = out.find('devtmpfs (devtmpfs) mounted on /dev')
        root_at = out.find('rootfs: /dev/sda2 (ext2) is the root filesystem')
        t.ok(0 <= dev_at < root_at,
             'devtmpfs is mounted as part of choosing the root', vm.tail())
except VMError as e:
    t.ok(False, 'boot with root=/dev/sda2', e)
t.exit()
