"""A copy of the Cairn image whose test initrd carries extra files.

Tests of programs built outside tests/user (a port, an autoconf package) boot
the test initrd (build/initrd-root) with their programs and data added and an
/etc/tests of their own, which init runs line by line. The new initrd
replaces initrd.cpio in a copy of build/cairn.img (mtools, at the /boot
partition's 1 MiB offset); the original image is never changed.
"""
import os
import shutil
import subprocess

from cairnvm import BUILD


def make_image(tmp, files, tests):
    """Writes tmp/cairn.img and returns tmp (the directory to boot as BUILD).

    files maps a path inside the root (e.g. 'bin/dash') to bytes (the file's
    contents), a host path to copy (a whole tree when it is a directory) or
    ('symlink', TARGET); tests lists the lines of /etc/tests.
    """
    root = os.path.join(tmp, 'root')
    shutil.copytree(os.path.join(BUILD, 'initrd-root'), root, symlinks=True)
    for inside, what in files.items():
        dest = os.path.join(root, inside)
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        if isinstance(what, tuple) and what[0] == 'symlink':
            if os.path.lexists(dest):
                os.unlink(dest)
            os.symlink(what[1], dest)
        elif isinstance(what, bytes):
            with open(dest, 'wb') as f:
                f.write(what)
        elif os.path.isdir(what):
            shutil.copytree(what, dest, symlinks=True, dirs_exist_ok=True)
        else:
            shutil.copy(what, dest)
            os.chmod(dest, 0o755)
    with open(os.path.join(root, 'etc', 'tests'), 'w') as f:
        f.write(''.join(line + '\n' for line in tests))
    cpio = os.path.join(tmp, 'initrd.cpio')
    subprocess.run('find . -mindepth 1 | sed "s|^\\./||" | LC_ALL=C sort | '
                   'cpio -o -H newc --reproducible --owner=0:0 --quiet > %s' % cpio,
                   shell=True, cwd=root, check=True)
    image = os.path.join(tmp, 'cairn.img')
    subprocess.run(['cp', '--sparse=always', os.path.join(BUILD, 'cairn.img'), image], check=True)
    subprocess.run(['mcopy', '-o', '-i', image + '@@1M', cpio, '::/initrd.cpio'], check=True)
    return tmp
