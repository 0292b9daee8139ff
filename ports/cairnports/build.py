"""Building a port: its key, its environment and the build styles."""
import fcntl
import hashlib
import os
import shutil
import subprocess

from . import fetch, install, package, recipe as recipes, source
from .config import TARGET
from .errors import PortError

# Bumped when a change to the tool changes what it produces.
TOOL_VERSION = '2'


class Built:
    """A finished build: where its staged tree and package are."""

    def __init__(self, recipe, key, work):
        self.recipe = recipe
        self.key = key
        self.work = work
        self.destdir = os.path.join(work, 'destdir')
        self.package = os.path.join(work, '%s-%s.cpkg' % (recipe.name, recipe.full_version))
        self.stamp = os.path.join(work, 'done')
        self.deps = []


def build_key(config, recipe, dep_keys):
    """The hash of everything the build's output depends on.

    It covers the recipe directory (port.toml, patches, build.sh, config
    files), the toolchain prefix (itself keyed by the toolchain's inputs),
    the C library's input hash, the keys of the build dependencies and the
    tool's own version, so a port rebuilds exactly when one of them changes.
    """
    h = hashlib.sha256()
    h.update(('tool %s\nprefix %s\nlibc %s\n' % (TOOL_VERSION, config.prefix,
                                                config.libc_hash)).encode())
    for path in recipe.recipe_files():
        h.update(os.path.relpath(path, recipe.dir).encode() + b'\0')
        with open(path, 'rb') as f:
            h.update(hashlib.sha256(f.read()).digest())
    for name in sorted(dep_keys):
        h.update(('dep %s %s\n' % (name, dep_keys[name])).encode())
    return h.hexdigest()[:16]


def environment(config, recipe, srcdir, destdir, deproot):
    """The environment every build step runs in (docs/ports.md lists it)."""
    env = dict(os.environ)
    tools = {'CC': 'gcc', 'CXX': 'g++', 'AR': 'ar', 'RANLIB': 'ranlib', 'STRIP': 'strip',
             'LD': 'ld', 'NM': 'nm', 'OBJCOPY': 'objcopy'}
    for var, tool in tools.items():
        env[var] = config.cross(tool)
    env.update({
        'PORT_NAME': recipe.name, 'PORT_VERSION': recipe.version,
        'PORTDIR': recipe.dir, 'SRCDIR': srcdir, 'DESTDIR': destdir, 'DEPROOT': deproot,
        'HOST': TARGET, 'CROSS_COMPILE': config.cross(''), 'SYSROOT': config.sysroot,
        'JOBS': str(config.jobs),
        'PATH': os.path.join(config.prefix, 'bin') + os.pathsep + os.environ.get('PATH', ''),
    })
    env.pop('MAKEFLAGS', None)
    env.pop('MFLAGS', None)
    env.pop('MAKELEVEL', None)
    env.update({k: str(v) for k, v in recipe.env.items()})
    return env


def _run(recipe, step, argv, cwd, env, log_path):
    with open(log_path, 'w') as log:
        log.write('$ %s\n' % ' '.join(argv))
        log.flush()
        proc = subprocess.run(argv, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT,
                              stdin=subprocess.DEVNULL)
    if proc.returncode != 0:
        raise PortError(recipe.name, step, '%s exited with status %d'
                        % (os.path.basename(argv[0]), proc.returncode), log_path)


def _styled_build(config, recipe, srcdir, destdir, env, logs):
    jobs = '-j%d' % config.jobs
    if recipe.style == 'script':
        _run(recipe, 'build', ['sh', '-eu', os.path.join(recipe.dir, 'build.sh')],
             srcdir, env, os.path.join(logs, 'build.log'))
        return
    if recipe.style == 'configure':
        if os.listdir(env['DEPROOT']):
            env['CPPFLAGS'] = ('-I%s/usr/include ' % env['DEPROOT']) + env.get('CPPFLAGS', '')
            env['LDFLAGS'] = ('-L%s/usr/lib ' % env['DEPROOT']) + env.get('LDFLAGS', '')
        _run(recipe, 'configure', ['./configure', '--host=' + TARGET, '--prefix=/usr'] +
             recipe.configure_args, srcdir, env, os.path.join(logs, 'configure.log'))
        _run(recipe, 'build', ['make', jobs] + recipe.make_args, srcdir, env,
             os.path.join(logs, 'build.log'))
    else:
        _run(recipe, 'build', ['make', jobs, 'CC=' + env['CC'], 'AR=' + env['AR'],
                               'RANLIB=' + env['RANLIB']] + recipe.make_args,
             srcdir, env, os.path.join(logs, 'build.log'))
    _run(recipe, 'install', ['make', 'DESTDIR=' + destdir] + recipe.make_args +
         ['install'] + recipe.install_args, srcdir, env, os.path.join(logs, 'install.log'))


def build(config, name, say=print, _seen=None):
    """Builds port name (and its build dependencies first) unless already built.

    Returns a Built. The work directory $CAIRN_CACHE/ports/NAME/KEY holds
    src/ (the build tree), destdir/ (the staged install), logs/ and the
    .cpkg; a stamp file written last marks it complete, so an interrupted
    build starts over. Raises PortError naming the step that failed.
    """
    seen = _seen if _seen is not None else []
    if name in seen:
        raise PortError(name, 'depends', 'dependency cycle: %s' % ' -> '.join(seen + [name]))
    recipe = recipes.load(config, name)
    deps = [build(config, d, say, seen + [name]) for d in recipe.build_deps]
    key = build_key(config, recipe, {d.recipe.name: d.key for d in deps})
    result = Built(recipe, key, os.path.join(config.work, name, key))
    result.deps = deps
    if os.path.exists(result.stamp):
        return result
    os.makedirs(result.work, exist_ok=True)
    with open(os.path.join(result.work, '.lock'), 'w') as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if os.path.exists(result.stamp):
            return result
        say('ports: building %s %s' % (name, recipe.full_version))
        logs = os.path.join(result.work, 'logs')
        os.makedirs(logs, exist_ok=True)
        distfiles = fetch.fetch(config, recipe, logs)
        srcdir = os.path.join(result.work, 'src')
        source.prepare(config, recipe, distfiles, srcdir, logs)
        deproot = os.path.join(result.work, 'deproot')
        shutil.rmtree(deproot, ignore_errors=True)
        os.makedirs(deproot)
        for dep in _closure(deps):
            install.install_tree(dep.destdir, deproot)
        shutil.rmtree(result.destdir, ignore_errors=True)
        os.makedirs(result.destdir)
        env = environment(config, recipe, srcdir, result.destdir, deproot)
        _styled_build(config, recipe, srcdir, result.destdir, env, logs)
        if recipe.strip:
            _strip_binaries(recipe, result.destdir, env, logs)
        try:
            package.write(recipe, result.destdir, result.package)
        except (OSError, ValueError) as e:
            raise PortError(name, 'package', str(e))
        shutil.rmtree(srcdir, ignore_errors=True)
        with open(result.stamp, 'w') as f:
            f.write(key + '\n')
    return result


def _strip_binaries(recipe, destdir, env, logs):
    """Strips the symbols from every executable ELF file of the staged tree."""
    for root, _, files in os.walk(destdir):
        for f in files:
            path = os.path.join(root, f)
            if os.path.islink(path) or not os.access(path, os.X_OK):
                continue
            with open(path, 'rb') as fh:
                if fh.read(4) != b'\x7fELF':
                    continue
            _run(recipe, 'strip', [env['STRIP'], path], destdir, env,
                 os.path.join(logs, 'strip.log'))


def _closure(deps):
    """The given builds and, recursively, what they were built against, each once."""
    out, names = [], set()

    def visit(b):
        if b.recipe.name in names:
            return
        names.add(b.recipe.name)
        for d in b.deps:
            visit(d)
        out.append(b)
    for d in deps:
        visit(d)
    return out
