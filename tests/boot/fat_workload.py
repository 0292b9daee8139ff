#!/usr/bin/env python3
"""FAT32 read-write in the VM, checked from the host.

The host makes a FAT32 filesystem with mkfs.fat and fills it with mcopy
(long names, subdirectories, a MANIFEST.TXT of every file's sha256), puts it
on a second disk (the guest's sdb1) and boots with /bin/test-fat as init
(tests/user/proc/fat.c). The guest checks the host's files, creates, writes
and removes a few hundred files and directories with long names, writes a
3 MiB file, prints the sha256 of every file left and unmounts. Then the
host runs `fsck.fat -n` on the partition and compares the sha256 of every
file mtools reads with the guest's list.
"""
import hashlib
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from cairnvm import VM, VMError, Tap  # noqa: E402
from gptdisk import build_gpt_disk, extract_partition  # noqa: E402

HOST_FILES = {
    'Read Me First.txt': b'Hello from the host.\n' * 40,
    'short.txt': b'short\n',
    'UPPER.TXT': b'UPPER CASE 8.3\n',
    'docs/A long document name, with commas.md': b'# title\n' + b'text line\n' * 500,
    'docs/nested/deeper/file.with.many.dots.tar.gz': bytes(range(256)) * 64,
    'data/random blob.bin': random.Random(5).randbytes(600 * 1024),
}
for i in range(20):
    HOST_FILES['data/many/host file %02d.txt' % i] = ('file %d\n' % i).encode() * (i + 1)

SUM_RE = re.compile(r'^fat: sum ([0-9a-f]{64}) (.*)$')
RESULT_RE = re.compile(r'^(ok|not ok) - (.*)$')

t = Tap()
tmp = tempfile.mkdtemp(prefix='cairn-fat-')
try:
    tree = os.path.join(tmp, 'tree')
    manifest = []
    for path, data in HOST_FILES.items():
        full = os.path.join(tree, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, 'wb') as f:
            f.write(data)
        manifest.append('%s %s\n' % (hashlib.sha256(data).hexdigest(), path))
    with open(os.path.join(tree, 'MANIFEST.TXT'), 'w') as f:
        f.write(''.join(manifest))
    img = os.path.join(tmp, 'fat.img')
    subprocess.run(['mkfs.fat', '-F', '32', '-s', '2', '-n', 'WORKLOAD', '-C', img,
                    str(128 * 1024)], check=True, stdout=subprocess.DEVNULL)
    subprocess.run(['mcopy', '-s', '-i', img] + [os.path.join(tree, n) for n in os.listdir(tree)]
                   + ['::/'], check=True)
    disk = os.path.join(tmp, 'disk.img')
    parts = build_gpt_disk([img], disk)
    guest = {}
    try:
        with VM(kargs='init=/bin/test-fat', timeout=400,
                qemu_args=['-drive', 'file=%s,format=raw,if=ide,index=1' % disk]) as vm:
            vm.wait_for(r'fat: workload done|init: cannot run|Kernel panic', timeout=380)
            vm.wait_exit(timeout=20)
            lines = vm.output.splitlines()
    except VMError as e:
        t.ok(False, 'the guest workload ran to its end and powered off', e)
        t.exit()
    t.ok('fat: workload done' in lines, 'the guest workload ran to its end and powered off')
    for line in lines:
        m = RESULT_RE.match(line)
        if m:
            t.ok(m.group(1) == 'ok', 'vm: ' + m.group(2),
                 '\n'.join(l for l in lines if l.startswith('# fat')))
        m = SUM_RE.match(line)
        if m:
            guest[m.group(2)] = m.group(1)
    for line in lines:
        if line.startswith('# fat:') or 'vfat' in line:
            print('# ' + line)
    t.ok(len(guest) > 300, 'the guest listed the sha256 of %d files' % len(guest))

    after = os.path.join(tmp, 'after.img')
    extract_partition(disk, parts[0][0], parts[0][1], after)
    fsck = subprocess.run(['fsck.fat', '-n', after], stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True)
    t.ok(fsck.returncode == 0 and 'Free cluster summary wrong' not in fsck.stdout,
         'fsck.fat -n finds the filesystem clean after the guest', fsck.stdout)
    listing = subprocess.run(['mdir', '-/', '-b', '-i', after, '::/'], stdout=subprocess.PIPE,
                             text=True, check=True).stdout.splitlines()
    host_files = sorted(l[3:] for l in listing if l.startswith('::/') and not l.endswith('/'))
    t.ok(host_files == sorted(guest), 'mtools lists exactly the files the guest listed (%d vs %d)'
         % (len(host_files), len(guest)),
         'only mtools: %s\nonly guest: %s' % (sorted(set(host_files) - set(guest))[:10],
                                              sorted(set(guest) - set(host_files))[:10]))
    bad = []
    for path, want in sorted(guest.items()):
        out = subprocess.run(['mtype', '-i', after, '::/' + path], stdout=subprocess.PIPE)
        if out.returncode or hashlib.sha256(out.stdout).hexdigest() != want:
            bad.append(path)
    t.ok(not bad, 'mtools reads every file with the sha256 the guest computed (%d differ)'
         % len(bad), '\n'.join(bad[:20]))
finally:
    shutil.rmtree(tmp, ignore_errors=True)
t.exit()
