#!/usr/bin/env python3
"""Host tests of pkg (build/pkg/host/pkg) on packages the ports tool makes
from small fake ports: install by file and by name with run-time
dependencies, list/info/verify, upgrade, remove, and every refusal —
conflicts, unowned files, corrupt or tampered packages, hostile paths,
paths through symbolic links — each leaving the root unchanged."""
import gzip
import hashlib
import io
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tool  # noqa: E402  (the fake-port helpers of tests/ports/tool.py)

BUILD = os.environ.get('CAIRN_BUILD') or os.path.join(tool.TOP, 'build')
PKG = os.path.join(BUILD, 'pkg', 'host', 'pkg')
ok = tool.ok


def pkg(root, *argv, repo=None):
    cmd = [PKG, '--root', root] + (['--repo', repo] if repo else []) + list(argv)
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                       errors='replace')
    return p.returncode, p.stdout, p.stderr


def tree(root):
    """Every path under root with its type and contents, for before/after checks."""
    out = {}
    for d, dirs, files in os.walk(root):
        for n in dirs + files:
            p = os.path.join(d, n)
            rel = os.path.relpath(p, root)
            if os.path.islink(p):
                out[rel] = 'l:' + os.readlink(p)
            elif os.path.isdir(p):
                out[rel] = 'd'
            else:
                out[rel] = 'f:' + hashlib.sha256(open(p, 'rb').read()).hexdigest()
    return out


def script(files):
    """A build.sh installing files {path: text} into DESTDIR."""
    lines = []
    for path, text in files.items():
        lines.append('mkdir -p "$DESTDIR/%s"' % os.path.dirname(path))
        lines.append("printf '%%s' '%s' > \"$DESTDIR/%s\"" % (text, path))
        lines.append('chmod 755 "$DESTDIR/%s"' % path)
    return '\n'.join(lines) + '\n'


def hostile_package(path, member, manifest_path):
    """A .cpkg whose manifest and archive name a path outside the root."""
    data = b'evil\n'
    manifest = ('name evil\nversion 1-1\nsummary x\ndepends \nf 0644 %s %s\n' %
                (hashlib.sha256(data).hexdigest(), manifest_path)).encode()
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode='w', format=tarfile.USTAR_FORMAT) as tar:
        for name, body in (('+MANIFEST', manifest), (member, data)):
            info = tarfile.TarInfo(name)
            info.size = len(body)
            info.mode = 0o644
            tar.addfile(info, io.BytesIO(body))
    with open(path, 'wb') as f:
        f.write(gzip.compress(raw.getvalue()))


def main():
    ok(os.access(PKG, os.X_OK), 'the host pkg is built (%s)' % PKG)
    tmp = tempfile.mkdtemp(prefix='cairn-pkg-test-')
    try:
        run(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return tool.failed


def run(tmp):
    e = tool.Env(tmp)
    src = os.path.join(tmp, 'src-1.0.tar.gz')
    tool.make_tarball(src, 'src-1.0', {'README': 'x\n'})
    e.port('hello', src, run_deps=['libhello'],
           script=script({'usr/bin/hello': 'hello v1', 'usr/bin/old': 'dropped later'}))
    e.port('libhello', src, script=script({'usr/lib/hello.dat': 'data'}))
    e.port('clash', src, script=script({'usr/bin/hello': 'other', 'usr/bin/clash': 'c'}))
    e.port('newfile', src, script=script({'etc/conf': 'packaged'}))
    repo = os.path.join(tmp, 'repo')
    code, out, err = e.run('repo', repo)
    ok(code == 0, 'the ports tool writes the test repository', out + err)

    root = os.path.join(tmp, 'root')
    os.makedirs(os.path.join(root, 'usr', 'bin'))
    code, out, err = pkg(root, 'install', 'hello', repo=repo)
    ok(code == 0 and out.index('installed libhello') < out.index('installed hello'),
       'install by name installs the run-time dependency first', out + err)
    ok(open(os.path.join(root, 'usr', 'bin', 'hello')).read() == 'hello v1' and
       os.stat(os.path.join(root, 'usr', 'bin', 'hello')).st_mode & 0o777 == 0o755,
       'the file is installed with its contents and mode')
    code, out, _ = pkg(root, 'list')
    ok(code == 0 and out.split() == ['hello', '1.0-2', 'libhello', '1.0-2'],
       'list shows both packages with versions', out)
    code, out, _ = pkg(root, 'info', 'hello')
    ok(code == 0 and 'depends: libhello' in out and 'files:   2' in out, 'info', out)
    code, out, _ = pkg(root, 'verify', 'hello')
    ok(code == 0 and 'verified' in out, 'verify passes on an untouched install', out)
    code, out, _ = pkg(root, 'install', os.path.join(repo, 'hello-1.0-2.cpkg'))
    ok(code == 0 and 'already installed' in out, 'installing the same version again is a no-op')

    before = tree(root)
    code, _, err = pkg(root, 'install', 'clash', repo=repo)
    ok(code == 1 and 'usr/bin/hello belongs to package hello' in err,
       'a file owned by another package is a conflict', err)
    ok(tree(root) == before, 'the refused install wrote nothing')

    os.makedirs(os.path.join(root, 'etc'))
    with open(os.path.join(root, 'etc', 'conf'), 'w') as f:
        f.write('local')
    before = tree(root)
    code, _, err = pkg(root, 'install', 'newfile', repo=repo)
    ok(code == 1 and 'etc/conf exists and belongs to no package' in err and tree(root) == before,
       'an existing unowned file is not overwritten', err)
    code, _, err = pkg(root, '--force', 'install', 'newfile', repo=repo)
    ok(code == 0 and open(os.path.join(root, 'etc', 'conf')).read() == 'packaged',
       '--force replaces it', err)

    bad = os.path.join(tmp, 'bad')
    os.makedirs(bad)
    good = os.path.join(repo, 'clash-1.0-2.cpkg')
    data = open(good, 'rb').read()
    with open(os.path.join(bad, 'cut-1.cpkg'), 'wb') as f:
        f.write(data[:len(data) // 2])
    with open(os.path.join(bad, 'plain-1.cpkg'), 'wb') as f:
        f.write(gzip.decompress(data))
    flipped = bytearray(gzip.decompress(data))
    flipped[-2000] ^= 0xff
    with open(os.path.join(bad, 'flip-1.cpkg'), 'wb') as f:
        f.write(gzip.compress(bytes(flipped)))
    hostile_package(os.path.join(bad, 'dots-1.cpkg'), '../../escaped', '../../escaped')
    hostile_package(os.path.join(bad, 'abs-1.cpkg'), '/tmp/escaped-abs', '/tmp/escaped-abs')
    before = tree(root)
    for name, what in (('cut', 'a truncated package'), ('plain', 'an uncompressed tar'),
                       ('flip', 'a package with a damaged member'),
                       ('dots', 'a package with a ../ path'),
                       ('abs', 'a package with an absolute path')):
        code, _, err = pkg(root, 'install', os.path.join(bad, name + '-1.cpkg'))
        ok(code == 1 and err.startswith('pkg: ') and tree(root) == before,
           '%s is refused and the root is unchanged' % what, err)
    ok(not os.path.exists(os.path.join(tmp, 'escaped')) and not os.path.exists('/tmp/escaped-abs'),
       'nothing was written outside the root')

    shutil.copytree(repo, os.path.join(tmp, 'repo2'))
    with open(os.path.join(tmp, 'repo2', 'clash-1.0-2.cpkg'), 'ab') as f:
        f.write(b'\0')
    code, _, err = pkg(os.path.join(tmp, 'r2'), 'install', 'clash', repo=os.path.join(tmp, 'repo2'))
    ok(code == 1 and 'INDEX says' in err, 'a package whose sha256 differs from INDEX is refused', err)

    outside = os.path.join(tmp, 'outside')
    os.makedirs(outside)
    linked = os.path.join(tmp, 'linked')
    os.makedirs(linked)
    os.symlink(outside, os.path.join(linked, 'usr'))
    code, _, err = pkg(linked, 'install', 'libhello', repo=repo)
    ok(code == 1 and 'symbolic link' in err and os.listdir(outside) == [],
       'a path through a symbolic link in the root is refused', err)

    with open(os.path.join(root, 'usr', 'bin', 'hello'), 'a') as f:
        f.write('!')
    code, out, _ = pkg(root, 'verify', 'hello')
    ok(code == 1 and 'usr/bin/hello: modified' in out, 'verify reports a modified file', out)

    # Upgrade: a new revision without usr/bin/old.
    os.remove(os.path.join(e.ports, 'clash', 'port.toml'))
    shutil.rmtree(os.path.join(e.ports, 'clash'))
    p = os.path.join(e.ports, 'hello', 'port.toml')
    text = open(p).read().replace('revision = 2', 'revision = 3')
    open(p, 'w').write(text)
    open(os.path.join(e.ports, 'hello', 'build.sh'), 'w').write(script({'usr/bin/hello': 'hello v2'}))
    code, out, err = e.run('repo', repo)
    code, out, err = pkg(root, 'install', 'hello', repo=repo)
    ok(code == 0 and open(os.path.join(root, 'usr', 'bin', 'hello')).read() == 'hello v2' and
       not os.path.exists(os.path.join(root, 'usr', 'bin', 'old')),
       'an upgrade replaces files and removes those the new version dropped', out + err)

    code, _, err = pkg(root, 'remove', 'libhello')
    ok(code == 1 and 'needed by hello' in err, 'a package others depend on is not removed', err)
    code, out, err = pkg(root, 'remove', 'hello')
    ok(code == 0 and not os.path.exists(os.path.join(root, 'usr', 'bin', 'hello')) and
       os.path.isdir(os.path.join(root, 'usr', 'bin')),
       'remove deletes the files and keeps the directories', out + err)
    code, out, _ = pkg(root, 'list')
    ok(out.split() == ['libhello', '1.0-2', 'newfile', '1.0-2'], 'the database follows', out)
    code, _, err = pkg(root, 'remove', 'hello')
    ok(code == 1 and 'not installed' in err, 'removing an absent package is an error', err)


if __name__ == '__main__':
    sys.exit(main())
