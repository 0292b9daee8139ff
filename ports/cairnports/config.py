"""Where things live: the recipes, the cache and the cross toolchain."""
import os
import subprocess

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TARGET = 'x86_64-cairn'


class Config:
    """The paths one run of the tool works with.

    ports_dir holds one recipe directory per port; cache is $CAIRN_CACHE
    (default ~/.cache/cairn), under which distfiles/ keeps fetched sources and
    ports/ the build trees, staged trees and packages, keyed by a hash of
    their inputs. The toolchain prefix and the C library's input hash come
    from toolchain/build.sh and libc/build.sh, so a change to either makes
    every port rebuild (the programs link libc statically).
    """

    def __init__(self, ports_dir=None, cache=None, jobs=None):
        self.ports_dir = os.path.abspath(ports_dir or os.path.join(TOP, 'ports'))
        self.cache = os.path.abspath(cache or os.environ.get('CAIRN_CACHE') or
                                     os.path.expanduser('~/.cache/cairn'))
        self.distfiles = os.path.join(self.cache, 'distfiles')
        self.work = os.path.join(self.cache, 'ports')
        self.jobs = jobs or os.cpu_count() or 1
        self._prefix = None
        self._libc_hash = None

    def _script(self, *argv):
        env = dict(os.environ, CAIRN_CACHE=self.cache)
        return subprocess.run(argv, env=env, check=True, stdout=subprocess.PIPE,
                              text=True).stdout.strip()

    @property
    def prefix(self):
        if self._prefix is None:
            self._prefix = os.environ.get('TOOLCHAIN_PREFIX') or \
                self._script(os.path.join(TOP, 'toolchain', 'build.sh'), '--print-prefix')
        return self._prefix

    @property
    def libc_hash(self):
        if self._libc_hash is None:
            self._libc_hash = self._script(os.path.join(TOP, 'libc', 'build.sh'), '--print-hash')
        return self._libc_hash

    @property
    def sysroot(self):
        return os.path.join(self.prefix, 'sysroot')

    def cross(self, tool):
        return os.path.join(self.prefix, 'bin', '%s-%s' % (TARGET, tool))
