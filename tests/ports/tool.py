#!/usr/bin/env python3
"""Host tests of the ports tool (ports/ports.py): every step and every failure
mode, with small fake ports built from tarballs made here (no cross compiler
runs; only shell scripts). Each failure must name the port and the step,
exit 1 and keep its log."""
import gzip
import hashlib
import io
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile

TOP = os.environ.get('CAIRN_TOP') or os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
PORTS = os.path.join(TOP, 'ports', 'ports.py')
PREFIX = subprocess.run([os.path.join(TOP, 'toolchain', 'build.sh'), '--print-prefix'],
                        check=True, stdout=subprocess.PIPE, text=True).stdout.strip()
failed = 0


def ok(cond, name, detail=''):
    global failed
    print('%s - %s' % ('ok' if cond else 'not ok', name))
    if not cond:
        failed = 1
        for line in str(detail).splitlines()[-15:]:
            print('#   ' + line)


def make_tarball(path, top, files):
    """A .tar.gz with everything under one top directory; files maps name -> text."""
    with tarfile.open(path, 'w:gz') as tar:
        for name, text in files.items():
            data = text.encode()
            info = tarfile.TarInfo('%s/%s' % (top, name))
            info.size = len(data)
            info.mode = 0o755 if name.endswith('.sh') or name == 'configure' else 0o644
            tar.addfile(info, io.BytesIO(data))


def sha(path):
    with open(path, 'rb') as f:
        return hashlib.sha256(f.read()).hexdigest()


class Env:
    def __init__(self, tmp):
        self.tmp = tmp
        self.ports = os.path.join(tmp, 'ports')
        self.cache = os.path.join(tmp, 'cache')
        os.makedirs(self.ports)

    def port(self, name, tarball, digest=None, style='script', script=None, patches=None,
             build_deps=(), run_deps=(), extra=''):
        d = os.path.join(self.ports, name)
        os.makedirs(os.path.join(d, 'patches'), exist_ok=True)
        digest = digest or sha(tarball)
        with open(os.path.join(d, 'port.toml'), 'w') as f:
            f.write('name = "%s"\nversion = "1.0"\nrevision = 2\nsummary = "test port"\n'
                    '[source]\npath = "%s"\ndistfiles = [{ file = "%s", sha256 = "%s" }]\n'
                    '[depends]\nbuild = %s\nrun = %s\n[build]\nstyle = "%s"\n%s'
                    % (name, tarball, os.path.basename(tarball), digest,
                       list(build_deps), list(run_deps), style, extra))
        if script is not None:
            with open(os.path.join(d, 'build.sh'), 'w') as f:
                f.write(script)
        for pname, text in (patches or {}).items():
            with open(os.path.join(d, 'patches', pname), 'w') as f:
                f.write(text)
        return d

    def run(self, *argv):
        env = dict(os.environ, TOOLCHAIN_PREFIX=PREFIX)
        p = subprocess.run([sys.executable, PORTS, '--ports-dir', self.ports, '--cache',
                            self.cache] + list(argv), env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True)
        return p.returncode, p.stdout, p.stderr

    def work(self, name):
        base = os.path.join(self.cache, 'ports', name)
        keys = [k for k in os.listdir(base) if os.path.exists(os.path.join(base, k, 'done'))]
        return os.path.join(base, keys[0]) if len(keys) == 1 else None


HELLO_SCRIPT = '''mkdir -p "$DESTDIR/usr/bin"
cp hello.sh "$DESTDIR/usr/bin/hello"
chmod 755 "$DESTDIR/usr/bin/hello"
ln -s hello "$DESTDIR/usr/bin/hi"
echo "$HOST $PORT_NAME $PORT_VERSION" > "$DESTDIR/usr/bin/info"
'''


def main():
    tmp = tempfile.mkdtemp(prefix='cairn-ports-test-')
    try:
        run_tests(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return failed


def run_tests(tmp):
    e = Env(tmp)
    src = os.path.join(tmp, 'hello-1.0.tar.gz')
    make_tarball(src, 'hello-1.0', {'hello.sh': '#!/bin/sh\necho hello\n'})

    # A good build: staged tree, package, manifest.
    e.port('hello', src, script=HELLO_SCRIPT)
    code, out, err = e.run('build', 'hello')
    ok(code == 0 and 'ports: building hello 1.0-2' in out, 'a script port builds', out + err)
    w = e.work('hello')
    ok(w is not None, 'the build has one complete work directory keyed by its inputs')
    if w is None:
        return
    staged = os.path.join(w, 'destdir', 'usr', 'bin', 'hello')
    ok(os.path.isfile(staged) and os.access(staged, os.X_OK), 'build.sh installed into DESTDIR')
    with open(os.path.join(w, 'destdir', 'usr', 'bin', 'info')) as f:
        ok(f.read().strip() == 'x86_64-cairn hello 1.0', 'build.sh sees HOST, PORT_NAME, PORT_VERSION')
    pkg = os.path.join(w, 'hello-1.0-2.cpkg')
    ok(os.path.isfile(pkg), 'the package is NAME-VERSION-REV.cpkg')
    with tarfile.open(pkg, 'r:gz') as tar:
        names = tar.getnames()
        manifest = tar.extractfile('+MANIFEST').read().decode()
        ok(names[0] == '+MANIFEST', '+MANIFEST is the first member of the package', names)
        ok(all(m.uid == 0 and m.mtime == 0 for m in tar.getmembers()),
           'package members are owned by root with time 0 (reproducible)')
    ok('name hello\nversion 1.0-2\n' in manifest, 'the manifest names the port and version', manifest)
    ok('f 0755 %s usr/bin/hello' % sha(staged) in manifest,
       'the manifest lists each file with its mode and sha256', manifest)
    ok('l usr/bin/hi hello' in manifest and 'd 0755 usr/bin' in manifest,
       'the manifest lists symlinks and directories', manifest)
    with open(pkg, 'rb') as f:
        ok(gzip.decompress(f.read())[257:262] == b'ustar', 'the package is a gzip\'d ustar archive')

    # Rebuilds only on change.
    code, out, _ = e.run('build', 'hello')
    ok(code == 0 and 'building' not in out, 'an unchanged port is not rebuilt')
    with open(os.path.join(e.ports, 'hello', 'build.sh'), 'a') as f:
        f.write('# changed\n')
    code, out, _ = e.run('build', 'hello')
    ok(code == 0 and 'building hello' in out, 'a changed build.sh rebuilds the port')

    # Patches.
    good_patch = ('--- a/hello.sh\n+++ b/hello.sh\n@@ -1,2 +1,2 @@\n #!/bin/sh\n'
                  '-echo hello\n+echo patched\n')
    e.port('patched', src, script=HELLO_SCRIPT, patches={'0001-greeting.patch': good_patch})
    code, out, err = e.run('build', 'patched')
    w = e.work('patched')
    text = open(os.path.join(w, 'destdir', 'usr', 'bin', 'hello')).read() if w else ''
    ok(code == 0 and 'echo patched' in text, 'patches/*.patch are applied before the build',
       out + err)
    bad_patch = good_patch.replace('-echo hello', '-echo goodbye')
    e.port('badpatch', src, script=HELLO_SCRIPT, patches={'0001-wrong.patch': bad_patch})
    code, out, err = e.run('build', 'badpatch')
    ok(code == 1 and 'ports: badpatch: patch: 0001-wrong.patch does not apply' in err,
       'a failing patch names the port, the step and the patch', err)
    log = err.split('(log: ')[-1].rstrip(')\n') if '(log: ' in err else ''
    ok(log and os.path.isfile(log) and 'hello.sh' in open(log).read(),
       'the patch log is kept and names the file', err)

    # Bad and missing distfiles.
    e.port('badsum', src, digest='0' * 64, script=HELLO_SCRIPT)
    code, out, err = e.run('build', 'badsum')
    ok(code == 1 and 'ports: badsum: fetch: sha256 mismatch for hello-1.0.tar.gz' in err
       and sha(src) in err and '0' * 64 in err,
       'a sha256 mismatch names the port, the file and both digests', err)
    e.port('nofile', os.path.join(tmp, 'missing-1.0.tar.gz'), digest='1' * 64, script=HELLO_SCRIPT)
    code, out, err = e.run('build', 'nofile')
    ok(code == 1 and 'ports: nofile: fetch: distfile' in err and 'is missing' in err,
       'a missing distfile is a fetch error', err)

    # A failing build keeps its log.
    e.port('broken', src, script='echo "compiler says: no" >&2\nexit 3\n')
    code, out, err = e.run('build', 'broken')
    ok(code == 1 and 'ports: broken: build: sh exited with status 3' in err,
       'a failing build names the port, the step and the status', err)
    log = err.split('(log: ')[-1].rstrip(')\n') if '(log: ' in err else ''
    ok(log and os.path.isfile(log) and 'compiler says: no' in open(log).read(),
       'the build log is kept with the build\'s output', err)
    ok(not os.path.exists(os.path.join(os.path.dirname(os.path.dirname(log)), 'done'))
       if log else False, 'a failed build is not marked complete')

    # Bad recipes.
    e.port('norev', src, script=HELLO_SCRIPT)
    p = os.path.join(e.ports, 'norev', 'port.toml')
    with open(p) as f:
        text = f.read()
    with open(p, 'w') as f:
        f.write(text.replace('version = "1.0"\n', ''))
    code, _, err = e.run('build', 'norev')
    ok(code == 1 and 'ports: norev: recipe: "version" must be a non-empty string' in err,
       'a recipe without a version is refused', err)
    with open(p, 'w') as f:
        f.write('name = "norev"\nversion = [\n')
    code, _, err = e.run('build', 'norev')
    ok(code == 1 and 'ports: norev: recipe: port.toml:' in err, 'malformed TOML is refused', err)
    code, _, err = e.run('build', 'nosuchport')
    ok(code == 1 and 'ports: nosuchport: recipe: no such port' in err, 'an unknown port is an error')
    e.port('noscript', src)
    code, _, err = e.run('build', 'noscript')
    ok(code == 1 and 'needs build.sh' in err, 'style "script" without build.sh is refused', err)

    # Dependencies.
    lib_script = ('mkdir -p "$DESTDIR/usr/include" "$DESTDIR/usr/lib"\n'
                  'echo "#define A 1" > "$DESTDIR/usr/include/a.h"\n')
    e.port('liba', src, script=lib_script)
    e.port('appb', src, build_deps=['liba'], run_deps=['runc'],
           script='mkdir -p "$DESTDIR/bin"\ncp "$DEPROOT/usr/include/a.h" "$DESTDIR/bin/seen"\n')
    e.port('runc', src, script='mkdir -p "$DESTDIR/etc"\necho c > "$DESTDIR/etc/c.conf"\n')
    code, out, err = e.run('build', 'appb')
    ok(code == 0 and out.index('building liba') < out.index('building appb'),
       'build dependencies are built first', out + err)
    w = e.work('appb')
    ok(w and os.path.isfile(os.path.join(w, 'destdir', 'bin', 'seen')),
       'a build sees its dependencies\' staged files in $DEPROOT')
    root = os.path.join(tmp, 'root')
    code, out, err = e.run('install', '--root', root, 'appb')
    ok(code == 0 and os.path.isfile(os.path.join(root, 'bin', 'seen')) and
       os.path.isfile(os.path.join(root, 'etc', 'c.conf')) and
       not os.path.exists(os.path.join(root, 'usr', 'include', 'a.h')),
       'install --root copies the port and its run-time (not build) dependencies', out + err)
    code, out, err = e.run('install', '--root', root, 'hello')
    ok(code == 0 and os.readlink(os.path.join(root, 'usr', 'bin', 'hi')) == 'hello',
       'install keeps symbolic links')
    e.port('cyca', src, build_deps=['cycb'], script=HELLO_SCRIPT)
    e.port('cycb', src, build_deps=['cyca'], script=HELLO_SCRIPT)
    code, _, err = e.run('build', 'cyca')
    ok(code == 1 and 'dependency cycle: cyca -> cycb -> cyca' in err, 'a dependency cycle is refused', err)

    # The configure style: --host, --prefix, DESTDIR, Cairn's config.sub.
    conf = os.path.join(tmp, 'conf-1.0.tar.gz')
    make_tarball(conf, 'conf-1.0', {
        'configure': '#!/bin/sh\necho "$@" > args\n',
        'config.sub': '#!/bin/sh\necho stock\n',
        'Makefile': 'all:\n\t@echo built > built\ninstall:\n\tmkdir -p $(DESTDIR)/share\n'
                    '\tcp args built config.sub $(DESTDIR)/share/\n',
    })
    e.port('conf', conf, style='configure', extra='configure_args = ["--disable-nls"]\n')
    code, out, err = e.run('build', 'conf')
    w = e.work('conf')
    share = os.path.join(w, 'destdir', 'share') if w else ''
    args = open(os.path.join(share, 'args')).read() if w else ''
    ok(code == 0 and args.split() == ['--host=x86_64-cairn', '--prefix=/usr', '--disable-nls'],
       'style "configure" runs ./configure --host=x86_64-cairn --prefix=/usr ARGS', out + err + args)
    ok(w and sha(os.path.join(share, 'config.sub')) ==
       sha(os.path.join(PREFIX, 'share', 'cairn', 'config.sub')),
       'config.sub is replaced with Cairn\'s before configure')

    # The repository.
    for name in ('badpatch', 'badsum', 'nofile', 'broken', 'norev', 'noscript', 'cyca', 'cycb'):
        shutil.rmtree(os.path.join(e.ports, name))
    repo = os.path.join(tmp, 'repo')
    code, out, err = e.run('repo', repo)
    index = open(os.path.join(repo, 'INDEX')).read().splitlines() if code == 0 else []
    good = [l.split() for l in index]
    ok(code == 0 and len(good) == 6 and all(
        sha(os.path.join(repo, f[2])) == f[3] for f in good),
       'repo writes every package and an INDEX with their sha256', out + err)
    ok(['appb', '1.0-2', 'appb-1.0-2.cpkg'] == good[0][:3] and good[0][4] == 'runc',
       'INDEX lines give name, version, file, sha256 and run dependencies', index)


if __name__ == '__main__':
    sys.exit(main())
