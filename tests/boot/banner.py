#!/usr/bin/env python3
"""The image boots through GRUB to the kernel banner on serial and on VGA.

It boots without the initrd (noinitrd), so the ext2 partition becomes the
root filesystem and, with no /sbin/init there yet, the boot messages stay on
the screen to be read.
"""
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from cairnvm import VM, VMError, Tap  # noqa: E402

t = Tap()
try:
    with VM(kargs='noinitrd', timeout=90) as vm:
        m = vm.wait_for(r'Cairn \S+ x86_64[^\n]*', timeout=60)
        banner = m.group(0).strip()
        t.ok(True, 'serial shows the kernel banner: %s' % banner)
        vm.wait_for(r'Cairn is up', timeout=60)
        t.ok('cmdline: root=/dev/sda2 console=ttyS0' in vm.output,
             'the kernel command line comes from grub.cfg', vm.tail())
        t.ok('rootfs: /dev/sda2 (ext2) is the root filesystem' in vm.output and
             'devtmpfs (devtmpfs) mounted on /dev' in vm.output,
             'root= mounts the ext2 partition as / with devtmpfs on /dev', vm.tail())
        # The VGA console drains the log after the serial one: give it a moment.
        for _ in range(20):
            screen = vm.read_vga_text()
            if any('Cairn is up' in line for line in screen):
                break
            time.sleep(0.5)
        t.ok(any(banner in line for line in screen), 'VGA text screen shows the banner',
             '\n'.join(screen))
        t.ok(any('Cairn is up' in line for line in screen),
             'VGA text screen shows the boot messages', '\n'.join(screen))
except VMError as e:
    t.ok(False, 'boot to banner', e)
t.exit()
