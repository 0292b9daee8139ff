"""Packages: NAME-VERSION-REV.cpkg, a gzip'd ustar whose first member is +MANIFEST.

+MANIFEST is text, one record per line:
    name NAME
    version VERSION-REV
    summary ONE LINE
    depends NAME...          (run-time dependencies, may be empty)
    d MODE PATH              a directory
    f MODE SHA256 PATH       a regular file
    l PATH TARGET            a symbolic link
Paths are relative to the root the package installs into, never absolute and
never containing "..". MODE is octal. The package manager (pkg) reads the
same format; shared/DESIGN.md decision 9.
"""
import gzip
import hashlib
import io
import os
import stat
import tarfile


def _walk(destdir):
    """Yields (relative path, lstat) for everything under destdir, parents first."""
    for root, dirs, files in os.walk(destdir):
        dirs.sort()
        for name in sorted(dirs) + sorted(files):
            full = os.path.join(root, name)
            yield os.path.relpath(full, destdir), os.lstat(full)


def manifest(recipe, destdir):
    """The +MANIFEST text of the staged tree destdir."""
    lines = ['name %s' % recipe.name, 'version %s' % recipe.full_version,
             'summary %s' % recipe.summary, 'depends %s' % ' '.join(recipe.run_deps)]
    for rel, st in _walk(destdir):
        mode = '%04o' % stat.S_IMODE(st.st_mode)
        if stat.S_ISDIR(st.st_mode):
            lines.append('d %s %s' % (mode, rel))
        elif stat.S_ISLNK(st.st_mode):
            lines.append('l %s %s' % (rel, os.readlink(os.path.join(destdir, rel))))
        elif stat.S_ISREG(st.st_mode):
            with open(os.path.join(destdir, rel), 'rb') as f:
                digest = hashlib.sha256(f.read()).hexdigest()
            lines.append('f %s %s %s' % (mode, digest, rel))
        else:
            raise ValueError('%s: not a file, directory or symlink' % rel)
    return '\n'.join(lines) + '\n'


def _normalise(info):
    info.uid = info.gid = 0
    info.uname = info.gname = 'root'
    info.mtime = 0
    return info


def write(recipe, destdir, out_path):
    """Writes the package of destdir to out_path (reproducibly: owner root, time 0)."""
    text = manifest(recipe, destdir).encode()
    tmp = out_path + '.tmp'
    with open(tmp, 'wb') as raw:
        with gzip.GzipFile(fileobj=raw, mode='wb', mtime=0) as gz:
            with tarfile.open(fileobj=gz, mode='w', format=tarfile.USTAR_FORMAT) as tar:
                info = _normalise(tarfile.TarInfo('+MANIFEST'))
                info.size = len(text)
                info.mode = 0o644
                tar.addfile(info, io.BytesIO(text))
                for rel, _ in _walk(destdir):
                    tar.add(os.path.join(destdir, rel), arcname=rel, recursive=False,
                            filter=_normalise)
    os.replace(tmp, out_path)
    return out_path
