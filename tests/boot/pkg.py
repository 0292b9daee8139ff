#!/usr/bin/env python3
"""pkg inside Cairn: the Cairn build of pkg installs lua by name from a local
repository (a copy of build/repo in the initrd), lua runs, pkg lists,
verifies and removes it. A dash script drives the steps and prints markers
the test checks."""
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
import cairnvm  # noqa: E402
import initrd_image  # noqa: E402
from cairnvm import BUILD, VM, VMError, Tap  # noqa: E402

SCRIPT = b'''set -e
pkg=/usr/bin/pkg
$pkg --repo /repo install lua
/usr/bin/lua -e 'print("lua says " .. 6*7)'
$pkg list
$pkg verify lua
echo tamper >> /usr/bin/luac
$pkg verify lua || echo "verify status $?"
$pkg remove lua
[ ! -e /usr/bin/lua ] && echo "lua is gone"
$pkg list
echo "pkgtest done"
'''

t = Tap()
tmp = tempfile.mkdtemp(prefix='cairn-pkg-')
try:
    initrd_image.make_image(tmp, {
        'usr/bin/pkg': os.path.join(BUILD, 'pkg', 'cairn', 'pkg'),
        'bin/dash': os.path.join(BUILD, 'rootfs', 'bin', 'dash'),
        'repo': os.path.join(BUILD, 'repo'),
        'etc/pkgtest.sh': SCRIPT,
    }, ['/bin/dash /etc/pkgtest.sh'])
    cairnvm.BUILD = tmp
    with VM(timeout=180) as vm:
        vm.wait_for(r'init: all tests done', timeout=170)
        out = vm.output.replace('\r\n', '\n')
    t.ok('pkg: installed lua 5.4.4-1' in out, 'pkg installs lua by name from the repository',
         out[-1500:])
    t.ok('lua says 42' in out, 'the installed lua runs')
    t.ok(re.search(r'^lua +5\.4\.4-1$', out, re.M) is not None, 'pkg list shows lua')
    t.ok(re.search(r'^lua 5\.4\.4-1: \d+ entries verified$', out, re.M) is not None,
         'pkg verify passes on the fresh install')
    t.ok('lua: usr/bin/luac: modified' in out and 'verify status 1' in out,
         'pkg verify reports a modified file with status 1')
    t.ok('pkg: removed lua 5.4.4-1' in out and 'lua is gone' in out,
         'pkg remove deletes lua\'s files')
    t.ok('pkgtest done' in out and 'init: /bin/dash exited 0' in out,
         'the whole script ran and exited 0', out[-1500:])
except (VMError, subprocess.CalledProcessError, OSError) as e:
    t.ok(False, 'the pkg test ran', str(e))
finally:
    shutil.rmtree(tmp, ignore_errors=True)
t.exit()
