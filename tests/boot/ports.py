#!/usr/bin/env python3
"""Ports inside Cairn: dash runs a script (tests/boot/data/check.dash) and
its output must equal what the host's dash prints for the same script; lua
evaluates `print(2^10)`. The programs are the staged builds the ports tool
made for the image (build/rootfs, from `make image`) and for `lua`, built
here through the tool; they boot in the test initrd with an /etc/tests of
their own (tests/lib/initrd_image.py)."""
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
import cairnvm  # noqa: E402
import initrd_image  # noqa: E402
from cairnvm import BUILD, TOP, VM, VMError, Tap  # noqa: E402

SCRIPT = os.path.join(TOP, 'tests', 'boot', 'data', 'check.dash')
BEGIN, END = '=== dash output begins', '=== dash output ends'


def lua_destdir():
    """Builds the lua port (a no-op when cached) and returns its staged tree."""
    sys.path.insert(0, os.path.join(TOP, 'ports'))
    from cairnports import build as builder
    from cairnports.config import Config
    return builder.build(Config(), 'lua', say=lambda s: None).destdir


t = Tap()
tmp = tempfile.mkdtemp(prefix='cairn-ports-')
try:
    dash = os.path.join(BUILD, 'rootfs', 'bin', 'dash')
    t.ok(os.path.isfile(dash), 'dash is installed in the image root by the ports tool')
    lua = os.path.join(lua_destdir(), 'usr', 'bin', 'lua')
    t.ok(os.path.isfile(lua), 'the lua port builds')
    with open(SCRIPT, 'rb') as f:
        script = f.read()
    wrapper = ('echo "%s"\n/bin/dash /etc/check.dash\necho "%s status $?"\n' % (BEGIN, END))
    initrd_image.make_image(tmp, {
        'bin/dash': dash, 'usr/bin/lua': lua, 'etc/check.dash': script,
        'etc/run-dash.sh': wrapper.encode(),
    }, ['/bin/dash /etc/run-dash.sh', '/usr/bin/lua -e print(2^10)'])
    cairnvm.BUILD = tmp
    with VM(timeout=180) as vm:
        vm.wait_for(r'init: all tests done', timeout=170)
        out = vm.output.replace('\r\n', '\n')
    m = re.search(re.escape(BEGIN) + r'\n(.*)' + re.escape(END) + r' status (\d+)', out, re.S)
    host = subprocess.run(['dash', SCRIPT], stdout=subprocess.PIPE, text=True).stdout
    t.ok(m is not None and m.group(2) == '0', 'dash runs the script in Cairn and exits 0',
         out[-1500:])
    t.ok(m is not None and m.group(1) == host,
         'dash\'s output in Cairn equals the host dash\'s output', m.group(1) if m else '')
    t.ok('init: /usr/bin/lua exited 0' in out and re.search(r'^1024\.0$', out, re.M),
         'lua -e \'print(2^10)\' prints 1024.0 in Cairn', out[-1500:])
except (VMError, subprocess.CalledProcessError, OSError) as e:
    t.ok(False, 'the ports test ran', str(e))
finally:
    shutil.rmtree(tmp, ignore_errors=True)
t.exit()
