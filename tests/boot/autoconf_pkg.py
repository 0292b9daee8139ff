#!/usr/bin/env python3
"""The autoconf package inside Cairn: bc and dc, cross-built from Debian's
bc source by tests/toolchain/autoconf_pkg.sh (which runs first and leaves
them in build/autoconf-pkg/), boot in an initrd of their own and compute.

The initrd is the test initrd (build/initrd-root) with bc and dc added and
an /etc/tests that runs `bc /etc/check.bc` and `dc /etc/check.dc`; it
replaces initrd.cpio in a copy of the image's /boot partition (mtools, at
the partition's 1 MiB offset), and that copy is booted.
"""
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
import cairnvm  # noqa: E402
import initrd_image  # noqa: E402
from cairnvm import BUILD, VM, VMError, Tap  # noqa: E402

PKG_DIR = os.path.join(BUILD, 'autoconf-pkg')
BC_SCRIPT = '2^64\nscale=5\n10/4\nquit\n'
DC_SCRIPT = '6 7 * p\n'


def make_image(tmp):
    """Writes tmp/cairn.img: build/cairn.img with the bc initrd."""
    initrd_image.make_image(tmp, {
        'bin/bc': os.path.join(PKG_DIR, 'bc'),
        'bin/dc': os.path.join(PKG_DIR, 'dc'),
        'etc/check.bc': BC_SCRIPT.encode(),
        'etc/check.dc': DC_SCRIPT.encode(),
    }, ['/bin/bc /etc/check.bc', '/bin/dc /etc/check.dc'])


t = Tap()
tmp = tempfile.mkdtemp(prefix='cairn-autoconf-')
try:
    have = all(os.path.exists(os.path.join(PKG_DIR, p)) for p in ('bc', 'dc'))
    t.ok(have, 'bc and dc from tests/toolchain/autoconf_pkg.sh are in build/autoconf-pkg')
    if have:
        make_image(tmp)
        cairnvm.BUILD = tmp  # VM boots BUILD/cairn.img
        with VM(timeout=180) as vm:
            vm.wait_for(r'init: all tests done', timeout=170)
            out = vm.output
        t.ok('init: /bin/bc exited 0' in out, 'bc runs inside Cairn and exits 0', out[-2000:])
        t.ok('18446744073709551616\n2.50000' in out,
             'bc inside Cairn prints 2^64 and 10/4 = 2.50000', out[-2000:])
        t.ok('init: /bin/dc exited 0' in out and '\n42\n' in out,
             'dc inside Cairn prints 6 7 * = 42', out[-2000:])
except (VMError, subprocess.CalledProcessError, OSError) as e:
    t.ok(False, 'boot the bc initrd', str(e))
finally:
    shutil.rmtree(tmp, ignore_errors=True)
t.exit()
