"""Distfiles: fetched once into $CAIRN_CACHE/distfiles and checked by sha256."""
import hashlib
import os
import subprocess
import tempfile

from .errors import PortError


def sha256_file(path):
    h = hashlib.sha256()
    with open(path, 'rb') as f:
        for chunk in iter(lambda: f.read(1 << 20), b''):
            h.update(chunk)
    return h.hexdigest()


def _apt_source(config, recipe, log_path):
    """Downloads the Debian source package's files into the distfile cache."""
    with tempfile.TemporaryDirectory(dir=config.distfiles) as tmp, open(log_path, 'w') as log:
        spec = '%s=%s' % (recipe.debian, recipe.debian_version)
        proc = subprocess.run(['apt-get', 'source', '--download-only', spec], cwd=tmp,
                              stdout=log, stderr=subprocess.STDOUT)
        if proc.returncode != 0:
            raise PortError(recipe.name, 'fetch',
                            'apt-get source --download-only %s failed' % spec, log_path)
        for f in os.listdir(tmp):
            os.replace(os.path.join(tmp, f), os.path.join(config.distfiles, f))


def fetch(config, recipe, log_dir):
    """Makes every distfile of the recipe present and verified; returns their paths.

    A Debian source is downloaded with apt-get when a distfile is missing; a
    path source is read where it is. A wrong sha256 is an error naming the
    file and both digests, and a downloaded file that fails is removed so the
    next run fetches it again.
    """
    os.makedirs(config.distfiles, exist_ok=True)
    os.makedirs(log_dir, exist_ok=True)
    log_path = os.path.join(log_dir, 'fetch.log')
    paths = []
    for name, want in recipe.distfiles:
        if recipe.path and name == os.path.basename(recipe.path):
            path = recipe.path
            if not os.path.isfile(path):
                raise PortError(recipe.name, 'fetch', 'distfile %s is missing' % path)
        else:
            path = os.path.join(config.distfiles, name)
            if not os.path.isfile(path):
                if not recipe.debian:
                    raise PortError(recipe.name, 'fetch', 'distfile %s is missing' % path)
                _apt_source(config, recipe, log_path)
                if not os.path.isfile(path):
                    raise PortError(recipe.name, 'fetch',
                                    'apt-get did not provide %s' % name, log_path)
        got = sha256_file(path)
        if got != want:
            if path.startswith(config.distfiles + os.sep):
                os.unlink(path)
            raise PortError(recipe.name, 'fetch', 'sha256 mismatch for %s: expected %s, got %s'
                            % (name, want, got))
        paths.append(path)
    return paths

