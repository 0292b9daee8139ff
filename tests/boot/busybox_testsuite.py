#!/usr/bin/env python3
# TIMEOUT: 1800
"""busybox's own test suite (testsuite/ of the same Debian source) inside
Cairn. The busybox port's staged tree (the binary and its applet links in
/bin and /usr; /sbin keeps the test init), its
.config and the testsuite tree boot in the test initrd; busybox sh runs testsuite/runtest there, which
prints one "PASS: name", "FAIL: name", "SKIPPED: name" or "UNTESTED: name"
line per test. The counts go to the TAP output (and docs/busybox.md); every
test named in tests/boot/data/busybox_testsuite.pass (the tests that passed
when it was recorded) must still pass, so a regression fails `make test`."""
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
import cairnvm  # noqa: E402
import initrd_image  # noqa: E402
from cairnvm import TOP, VM, VMError, Tap  # noqa: E402

sys.path.insert(0, os.path.join(TOP, 'ports'))
from cairnports import build as builder, fetch, recipe as recipes  # noqa: E402
from cairnports.config import Config  # noqa: E402

PASS_LIST = os.path.join(TOP, 'tests', 'boot', 'data', 'busybox_testsuite.pass')
RESULT_RE = re.compile(r'^(PASS|FAIL|SKIPPED|UNTESTED): (.+?)\s*$', re.M)
RUNNER = b'''cd /bb/testsuite || exit 1
export PATH=/bb:/bin:/usr/bin
echo "=== testsuite begins"
./runtest
echo "=== testsuite ends status $?"
'''


def testsuite_tree(tmp, config, recipe):
    """Extracts testsuite/ from the busybox source tarball into tmp/testsuite."""
    tarball = fetch.fetch(config, recipe, os.path.join(tmp, 'logs'))[0]
    with tarfile.open(tarball) as tar:
        members = [m for m in tar.getmembers() if m.name.split('/')[1:2] == ['testsuite']]
        for m in members:
            m.name = m.name.split('/', 1)[1]
        tar.extractall(tmp, members=members, filter='data')
    return os.path.join(tmp, 'testsuite')


t = Tap()
tmp = tempfile.mkdtemp(prefix='cairn-bbtest-')
try:
    config = Config()
    recipe = recipes.load(config, 'busybox')
    built = builder.build(config, 'busybox', say=lambda s: None)
    busybox = os.path.join(built.destdir, 'bin', 'busybox')
    suite = testsuite_tree(tmp, config, recipe)
    initrd_image.make_image(tmp, {
        'bb/busybox': busybox,
        'bb/.config': open(os.path.join(recipe.dir, 'config'), 'rb').read(),
        'bb/testsuite': suite,
        'bin': os.path.join(built.destdir, 'bin'),
        'usr': os.path.join(built.destdir, 'usr'),
        'etc/bbtest.sh': RUNNER,
    }, ['/bb/busybox sh /etc/bbtest.sh'])
    cairnvm.BUILD = tmp
    with VM(timeout=1500, mem='512M') as vm:
        vm.wait_for(r'init: all tests done', timeout=1490)
        out = vm.output.replace('\r\n', '\n')
    if os.environ.get('BBTEST_LOG'):  # the whole serial log, for recording the lists
        with open(os.environ['BBTEST_LOG'], 'w') as f:
            f.write(out)
    # A name may occur more than once (old- and new-style tests): it passes
    # only when every occurrence passed.
    results = {}
    for kind, name in RESULT_RE.findall(out):
        if results.get(name, 'PASS') == 'PASS' or kind == 'FAIL':
            results[name] = kind
    counts = {k: sum(1 for v in results.values() if v == k)
              for k in ('PASS', 'FAIL', 'SKIPPED', 'UNTESTED')}
    t.ok('=== testsuite ends' in out, 'runtest ran to the end inside Cairn '
         '(%(PASS)d passed, %(FAIL)d failed, %(SKIPPED)d skipped, %(UNTESTED)d untested)'
         % counts, out[-2000:])
    with open(PASS_LIST) as f:
        expected = [l.strip() for l in f if l.strip() and not l.startswith('#')]
    for name in expected:
        t.ok(results.get(name) == 'PASS', 'busybox testsuite: %s still passes' % name,
             'result: %s' % results.get(name, 'missing'))
    new = sorted(n for n, k in results.items() if k == 'PASS' and n not in expected)
    if new:
        print('# passing but not in the regression list: %s' % ', '.join(new))
except (VMError, subprocess.CalledProcessError, OSError) as e:
    t.ok(False, 'the busybox testsuite ran', str(e))
finally:
    shutil.rmtree(tmp, ignore_errors=True)
t.exit()
