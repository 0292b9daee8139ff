#!/usr/bin/env python3
"""PCI enumeration: the pci_* self-tests on the pc machine, and a boot with a
PCI-to-PCI bridge carrying a virtio device, which must be found on the
bridge's secondary bus with its 64-bit memory BAR decoded.
"""
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from cairnvm import VM, VMError, Tap  # noqa: E402

KTESTS = ['pci_enumeration', 'pci_driver_match']
BRIDGE = ['-device', 'pci-bridge,id=br1,chassis_nr=1,addr=0x6',
          '-device', 'virtio-rng-pci,bus=br1,addr=0x3']

t = Tap()
try:
    with VM(kargs='ktest=%s' % ','.join(KTESTS), timeout=120, qemu_args=BRIDGE) as vm:
        m = vm.wait_for(r'ktest: (\d+) passed, (\d+) failed', timeout=110)
        out = vm.output
        for name in KTESTS:
            t.ok(re.search(r'ktest: ok %s\b' % name, out) is not None, name,
                 '\n'.join(out.splitlines()[-40:]))
        t.ok(m.group(2) == '0', 'summary %s' % m.group(0))
        t.ok(re.search(r'pci: 00:06\.0 1b36:0001 class 06\.04\.00', out) is not None,
             'the PCI-to-PCI bridge is listed at 00:06.0', out[-4000:])
        dev = re.search(r'pci: (\d\d):03\.0 1af4:\S+ class \S+ IRQ \d+', out)
        t.ok(dev is not None and dev.group(1) != '00',
             'the virtio device behind it is found on the secondary bus (%s)' %
             (dev.group(1) if dev else 'missing'), out[-4000:])
        t.ok(re.search(r'pci: \d\d:03\.0 BAR4 mem 0x[0-9a-f]+ size 0x4000 64-bit', out) is not None,
             'its 64-bit memory BAR4 is decoded (16 KiB)', out[-4000:])
        t.ok(vm.wait_exit(timeout=30) == 0, 'powered off')
except VMError as e:
    t.ok(False, 'pci boot', e)
t.exit()
