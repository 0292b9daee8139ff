"""Recipes: ports/NAME/port.toml, read and checked (docs/ports.md has the format)."""
import os
import re
import tomllib

from .errors import PortError

STYLES = ('configure', 'make', 'script')
NAME_RE = re.compile(r'^[a-z0-9][a-z0-9+._-]*$')
SHA256_RE = re.compile(r'^[0-9a-f]{64}$')


class Recipe:
    """One port: its identity, sources, dependencies and how to build it.

    Attributes mirror port.toml: name, version, revision, summary, debian and
    debian_version (a Debian source package) or path (a tarball on this
    machine), distfiles (a list of (file, sha256)), build_deps, run_deps,
    style, configure_args, make_args, install_args, env, strip. dir is the recipe's
    directory, patches the sorted patch files in dir/patches.
    """

    def __init__(self, directory, data):
        self.dir = directory
        name = os.path.basename(directory)
        self.name = data.get('name', name)

        def fail(message):
            raise PortError(self.name, 'recipe', message)

        if self.name != name:
            fail('name "%s" does not match its directory "%s"' % (self.name, name))
        if not NAME_RE.match(self.name):
            fail('bad port name "%s"' % self.name)
        for key in ('version', 'summary'):
            if not isinstance(data.get(key), str) or not data[key]:
                fail('"%s" must be a non-empty string' % key)
        self.version = data['version']
        self.summary = data['summary']
        self.revision = data.get('revision', 1)
        if not isinstance(self.revision, int) or self.revision < 1:
            fail('"revision" must be a positive integer')

        source = data.get('source')
        if not isinstance(source, dict):
            fail('missing [source] table')
        self.debian = source.get('debian')
        self.debian_version = source.get('debian_version')
        self.path = source.get('path')
        if bool(self.debian) == bool(self.path):
            fail('[source] needs exactly one of "debian" or "path"')
        if self.debian and not self.debian_version:
            fail('[source] "debian" needs "debian_version"')
        self.distfiles = []
        for entry in source.get('distfiles', []):
            if not isinstance(entry, dict) or not isinstance(entry.get('file'), str):
                fail('each distfile needs "file" and "sha256"')
            if os.path.basename(entry['file']) != entry['file']:
                fail('distfile "%s" must be a plain file name' % entry['file'])
            if not SHA256_RE.match(str(entry.get('sha256', ''))):
                fail('distfile "%s" has no valid sha256' % entry['file'])
            self.distfiles.append((entry['file'], entry['sha256']))
        if not self.distfiles:
            fail('[source] lists no distfiles')
        if self.path and os.path.basename(self.path) != self.distfiles[0][0]:
            fail('the first distfile must be the file named by "path"')

        depends = data.get('depends', {})
        self.build_deps = list(depends.get('build', []))
        self.run_deps = list(depends.get('run', []))

        build = data.get('build')
        if not isinstance(build, dict):
            fail('missing [build] table')
        self.style = build.get('style')
        if self.style not in STYLES:
            fail('build style must be one of %s' % ', '.join(STYLES))
        self.configure_args = list(build.get('configure_args', []))
        self.make_args = list(build.get('make_args', []))
        self.install_args = list(build.get('install_args', []))
        self.env = dict(build.get('env', {}))
        self.strip = build.get('strip', True)
        if not isinstance(self.strip, bool):
            fail('"strip" must be true or false')
        if self.style == 'script' and not os.path.isfile(os.path.join(directory, 'build.sh')):
            fail('style "script" needs build.sh beside port.toml')

        patch_dir = os.path.join(directory, 'patches')
        self.patches = sorted(os.path.join(patch_dir, p) for p in os.listdir(patch_dir)
                              if p.endswith('.patch')) if os.path.isdir(patch_dir) else []

    @property
    def full_version(self):
        return '%s-%d' % (self.version, self.revision)

    def recipe_files(self):
        """Every file of the recipe directory, sorted: they all feed the build key."""
        found = []
        for root, dirs, files in os.walk(self.dir):
            dirs.sort()
            for f in sorted(files):
                found.append(os.path.join(root, f))
        return found


def load(config, name):
    """Reads and checks ports/NAME/port.toml; raises PortError when it is wrong."""
    directory = os.path.join(config.ports_dir, name)
    path = os.path.join(directory, 'port.toml')
    if not NAME_RE.match(name) or not os.path.isfile(path):
        raise PortError(name, 'recipe', 'no such port (no %s)' % path)
    try:
        with open(path, 'rb') as f:
            data = tomllib.load(f)
    except tomllib.TOMLDecodeError as e:
        raise PortError(name, 'recipe', 'port.toml: %s' % e)
    return Recipe(directory, data)


def all_names(config):
    """The names of every port with a port.toml, sorted."""
    if not os.path.isdir(config.ports_dir):
        return []
    return sorted(d for d in os.listdir(config.ports_dir)
                  if os.path.isfile(os.path.join(config.ports_dir, d, 'port.toml')))
