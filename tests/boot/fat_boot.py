#!/usr/bin/env python3
"""/boot at boot: with root=/dev/sda2 (no initrd) the kernel mounts the root
disk's first partition, the FAT32 that GRUB read the kernel from, as vfat on
/boot; boot=/dev/sdXN overrides the device, and a failure is logged, not fatal.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from cairnvm import VM, VMError, Tap  # noqa: E402

t = Tap()
try:
    with VM(kargs='noinitrd', timeout=90) as vm:
        vm.wait_for(r'Cairn is up', timeout=80)
        t.ok('vfat: sda1 mounted read-write' in vm.output and
             'vfs: /dev/sda1 (vfat) mounted on /boot' in vm.output,
             'the boot partition sda1 is mounted read-write on /boot', vm.tail())
except VMError as e:
    t.ok(False, 'the boot partition sda1 is mounted read-write on /boot', e)
try:
    with VM(kargs='noinitrd boot=/dev/sdz1', timeout=90) as vm:
        vm.wait_for(r'Cairn is up', timeout=80)
        t.ok('boot: cannot mount /dev/sdz1 on /boot' in vm.output and
             'mounted on /boot' not in vm.output,
             'boot=/dev/sdz1 overrides the device; the failure is logged and boot goes on',
             vm.tail())
except VMError as e:
    t.ok(False, 'boot=/dev/sdz1 overrides the device; the failure is logged and boot goes on', e)
t.exit()
