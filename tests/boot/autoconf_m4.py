#!/usr/bin/env python3
"""The second autoconf package inside Cairn: GNU m4, cross-built from
Debian's m4 source by tests/toolchain/autoconf_m4.sh (which runs first and
leaves it in build/autoconf-pkg/), boots in an initrd of its own and
expands tests/boot/check.m4 (definitions with arguments, recursion, eval,
translit, len, substr, format, diversions), printing exactly
tests/boot/check.m4.out.

The initrd is the test initrd (build/initrd-root) with m4 added and an
/etc/tests that runs `m4 /etc/check.m4`; it replaces initrd.cpio in a copy
of the image's /boot partition (mtools, at the partition's 1 MiB offset),
and that copy is booted, as tests/boot/autoconf_pkg.py does for bc.
"""
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
import cairnvm  # noqa: E402
from cairnvm import BUILD, VM, VMError, Tap  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
PKG_DIR = os.path.join(BUILD, 'autoconf-pkg')


def make_image(tmp):
    """Writes tmp/cairn.img: build/cairn.img with the m4 initrd."""
    root = os.path.join(tmp, 'root')
    shutil.copytree(os.path.join(BUILD, 'initrd-root'), root, symlinks=True)
    shutil.copy(os.path.join(PKG_DIR, 'm4'), os.path.join(root, 'bin', 'm4'))
    os.chmod(os.path.join(root, 'bin', 'm4'), 0o755)
    shutil.copy(os.path.join(HERE, 'check.m4'), os.path.join(root, 'etc', 'check.m4'))
    with open(os.path.join(root, 'etc', 'tests'), 'w') as f:
        f.write('/bin/m4 /etc/check.m4\n')
    cpio = os.path.join(tmp, 'initrd.cpio')
    subprocess.run('find . -mindepth 1 | sed "s|^\\./||" | LC_ALL=C sort | '
                   'cpio -o -H newc --reproducible --owner=0:0 --quiet > %s' % cpio,
                   shell=True, cwd=root, check=True)
    image = os.path.join(tmp, 'cairn.img')
    subprocess.run(['cp', '--sparse=always', os.path.join(BUILD, 'cairn.img'), image], check=True)
    subprocess.run(['mcopy', '-o', '-i', image + '@@1M', cpio, '::/initrd.cpio'], check=True)


t = Tap()
tmp = tempfile.mkdtemp(prefix='cairn-autoconf-m4-')
try:
    have = os.path.exists(os.path.join(PKG_DIR, 'm4'))
    t.ok(have, 'm4 from tests/toolchain/autoconf_m4.sh is in build/autoconf-pkg')
    if have:
        with open(os.path.join(HERE, 'check.m4.out')) as f:
            expect = f.read()
        make_image(tmp)
        cairnvm.BUILD = tmp  # VM boots BUILD/cairn.img
        with VM(timeout=180) as vm:
            vm.wait_for(r'init: all tests done', timeout=170)
            out = vm.output.replace('\r\n', '\n')
        t.ok('init: /bin/m4 exited 0' in out, 'm4 runs inside Cairn and exits 0', out[-2000:])
        t.ok(expect in out, 'm4 inside Cairn prints what GNU m4 prints for check.m4',
             out[-2000:])
except (VMError, subprocess.CalledProcessError, OSError) as e:
    t.ok(False, 'boot the m4 initrd', str(e))
finally:
    shutil.rmtree(tmp, ignore_errors=True)
t.exit()
