#!/usr/bin/env python3
"""Disk drivers in the VM: IDE with bus-master DMA, IDE with PIO (ata_pio)
and AHCI each read and write a scratch disk, and the host checks the image
after power-off.

The boot disk is sda; the scratch disk (second IDE drive, primary slave, or
AHCI port 1) is sdb and the kernel self-tests named below run on it
(ktest_disk=sdb): every DMA buffer path, writes of a known pattern over
sectors 2048..4095, the block layer's bounds, a dropped completion that must
time out with -EIO and leave the disk working, a sector past the end asked
of the driver directly (the device's error must give -EIO), concurrent
readers, and
sequential read throughput over the scratch disk's random contents, which
this test prints. Afterwards the host finds the pattern there and the rest
of the scratch disk unchanged.

A fourth boot puts the boot disk on AHCI with noinitrd: the ext2 root on
/dev/sda2 must be mounted from it.
"""
import os
import re
import struct
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from cairnvm import VM, VMError, Tap  # noqa: E402

SECTOR = 512
SCRATCH_SECTORS = 32 << 11  # 32 MiB
WRITE_BASE, WRITE_COUNT = 2048, 2048
KTESTS = ['disk_read_paths', 'disk_write_paths', 'disk_bounds', 'disk_timeout',
          'disk_device_error', 'disk_concurrent', 'disk_throughput']
M64 = (1 << 64) - 1


def pattern_sector(s):
    """Sector s of the guest's pattern (kernel/drivers/disk/disk_ktest.c)."""
    return b''.join(struct.pack('<Q', ((s * 0x9e3779b97f4a7c15) & M64) ^ (i << 48) ^ 0xca1e5eed)
                    for i in range(SECTOR // 8))


def make_scratch(path):
    """32 MiB of random bytes (so the throughput test reads real data, not
    holes) with an MBR signature; returns the contents."""
    data = bytearray(os.urandom(SCRATCH_SECTORS * SECTOR))
    data[510:512] = b'\x55\xaa'
    with open(path, 'wb') as f:
        f.write(data)
    return bytes(data)


def check_scratch(t, label, path, orig):
    with open(path, 'rb') as f:
        data = f.read()
    t.ok(len(data) == len(orig), '%s: the scratch image keeps its size' % label)
    bad = [s for s in range(WRITE_BASE, WRITE_BASE + WRITE_COUNT)
           if data[s * SECTOR:(s + 1) * SECTOR] != pattern_sector(s)]
    t.ok(not bad, '%s: the host finds the guest\'s pattern in sectors %d-%d' %
         (label, WRITE_BASE, WRITE_BASE + WRITE_COUNT - 1),
         'first differing sectors: %s' % bad[:8])
    lo, hi = WRITE_BASE * SECTOR, (WRITE_BASE + WRITE_COUNT) * SECTOR
    t.ok(data[:lo] == orig[:lo] and data[hi:] == orig[hi:],
         '%s: every other sector is unchanged' % label)


def scratch_run(t, label, disk, kargs, scratch_args):
    with tempfile.TemporaryDirectory(prefix='cairn-disk-') as tmp:
        scratch = os.path.join(tmp, 'scratch.img')
        orig = make_scratch(scratch)
        try:
            with VM(kargs='%s ktest=%s ktest_disk=sdb' % (kargs, ','.join(KTESTS)), disk=disk,
                    timeout=200, qemu_args=scratch_args(scratch)) as vm:
                m = vm.wait_for(r'ktest: (\d+) passed, (\d+) failed', timeout=190)
                code = vm.wait_exit(timeout=30)
                out = vm.output
        except VMError as e:
            t.ok(False, '%s: ktest run' % label, e)
            return
        t.ok('block: sdb, %d sectors' % SCRATCH_SECTORS in out,
             '%s: the scratch disk is sdb with %d sectors' % (label, SCRATCH_SECTORS), out[-3000:])
        for name in KTESTS:
            t.ok(re.search(r'ktest: ok %s\b' % name, out) is not None, '%s: %s' % (label, name),
                 '\n'.join(out.splitlines()[-40:]))
        t.ok(m.group(1) == str(len(KTESTS)) and m.group(2) == '0',
             '%s: summary %s' % (label, m.group(0)))
        tp = re.search(r'disk_throughput: sdb read (\d+) KiB in (\d+) ms: (\d+) KiB/s', out)
        t.ok(tp is not None, '%s: sequential read throughput %s KiB/s (%s KiB in %s ms)' %
             ((label,) + ((tp.group(3), tp.group(1), tp.group(2)) if tp else ('?', '?', '?'))))
        t.ok(code == 0, '%s: powered off (QEMU exit %d)' % (label, code))
        check_scratch(t, label, scratch, orig)


def ide_slave(path):
    return ['-drive', 'file=%s,format=raw,if=ide,index=1' % path]


def ahci_port1(path):
    return ['-drive', 'id=scratch,file=%s,if=none,format=raw' % path,
            '-device', 'ide-hd,drive=scratch,bus=ahci_root.1']


def ahci_root_boot(t):
    try:
        with VM(kargs='noinitrd', disk='ahci', timeout=90) as vm:
            vm.wait_for(r'Cairn is up', timeout=80)
            out = vm.output
    except VMError as e:
        t.ok(False, 'ahci boot disk, noinitrd: boot to "Cairn is up"', e)
        return
    t.ok(re.search(r'ahci: port 0: ATA disk', out) is not None and 'block: sda, ' in out,
         'ahci boot disk: the AHCI port 0 disk is sda', out[-3000:])
    t.ok('rootfs: /dev/sda2 (ext2) is the root filesystem' in out,
         'ahci boot disk: root=/dev/sda2 mounts the ext2 root from AHCI', out[-3000:])
    t.ok(not re.search(r'ata: ata\d (master|slave)', out),
         'ahci boot disk: no IDE disk took part', out[-3000:])


def main():
    t = Tap()
    scratch_run(t, 'ide dma', 'ide', '', ide_slave)
    scratch_run(t, 'ide pio', 'ide', 'ata_pio', ide_slave)
    scratch_run(t, 'ahci', 'ahci', '', ahci_port1)
    ahci_root_boot(t)
    t.exit()


if __name__ == '__main__':
    main()
