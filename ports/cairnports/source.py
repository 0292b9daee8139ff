"""The source tree of a build: unpacked, patched and given Cairn's config.sub."""
import os
import shutil
import subprocess
import tarfile

from .errors import PortError


def _unpack(recipe, archive, dest):
    """Extracts archive into dest, dropping the single top-level directory."""
    try:
        with tarfile.open(archive) as tar:
            members = tar.getmembers()
            tops = {m.name.split('/', 1)[0] for m in members if m.name not in ('.', './')}
            if len(tops) != 1:
                raise PortError(recipe.name, 'unpack', '%s does not have exactly one top '
                                'directory' % os.path.basename(archive))
            top = tops.pop()
            for m in members:
                parts = m.name.split('/', 1)
                if len(parts) < 2 or not parts[1]:
                    continue
                m.name = parts[1]
                if m.islnk() and m.linkname.startswith(top + '/'):
                    m.linkname = m.linkname[len(top) + 1:]
                tar.extract(m, dest, filter='data')
    except (tarfile.TarError, OSError) as e:
        raise PortError(recipe.name, 'unpack', '%s: %s' % (os.path.basename(archive), e))


def _apply_patches(recipe, srcdir, log_path):
    with open(log_path, 'w') as log:
        for patch in recipe.patches:
            log.write('== %s\n' % patch)
            log.flush()
            with open(patch, 'rb') as f:
                proc = subprocess.run(['patch', '-p1', '--batch', '--forward'], cwd=srcdir,
                                      stdin=f, stdout=log, stderr=subprocess.STDOUT)
            if proc.returncode != 0:
                raise PortError(recipe.name, 'patch', '%s does not apply'
                                % os.path.basename(patch), log_path)


def _drop_config_scripts(config, srcdir):
    """Replaces every config.sub/config.guess with the toolchain's Cairn-aware ones."""
    share = os.path.join(config.prefix, 'share', 'cairn')
    for root, _, files in os.walk(srcdir):
        for f in ('config.sub', 'config.guess'):
            if f in files:
                shutil.copy2(os.path.join(share, f), os.path.join(root, f))


def prepare(config, recipe, distfiles, srcdir, log_dir):
    """Creates srcdir afresh from the first distfile, patched and ready to build."""
    shutil.rmtree(srcdir, ignore_errors=True)
    os.makedirs(srcdir)
    _unpack(recipe, distfiles[0], srcdir)
    _apply_patches(recipe, srcdir, os.path.join(log_dir, 'patch.log'))
    _drop_config_scripts(config, srcdir)
