#!/usr/bin/env python3
"""ports: builds Cairn's ports (docs/ports.md).

  ports.py list                     every port with its version and summary
  ports.py info NAME                a port's recipe, key and build state
  ports.py fetch NAME...            download and verify the distfiles
  ports.py build NAME...            build (with build dependencies) if needed
  ports.py install --root DIR NAME...  build, then copy the staged trees (and
                                    their run-time dependencies) into DIR
  ports.py clean NAME...            remove the builds of NAME from the cache
  ports.py destdir NAME             build if needed, then print the staged tree's path
  ports.py repo DIR                 build every port and write DIR/*.cpkg and
                                    DIR/INDEX (the local package repository)

Options before the command: --ports-dir DIR (default: this directory),
--cache DIR (default: $CAIRN_CACHE or ~/.cache/cairn), -j N.
Errors print "ports: NAME: STEP: message (log: PATH)" and exit 1.
"""
import argparse
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from cairnports import build as builder, fetch, install, recipe as recipes  # noqa: E402
from cairnports.config import Config  # noqa: E402
from cairnports.errors import PortError  # noqa: E402


def cmd_list(config, args):
    for name in recipes.all_names(config):
        r = recipes.load(config, name)
        print('%-12s %-12s %s' % (r.name, r.full_version, r.summary))


def cmd_info(config, args):
    for name in args.names:
        r = recipes.load(config, name)
        print('name:      %s' % r.name)
        print('version:   %s' % r.full_version)
        print('summary:   %s' % r.summary)
        src = 'debian %s=%s' % (r.debian, r.debian_version) if r.debian else r.path
        print('source:    %s' % src)
        for f, sha in r.distfiles:
            print('distfile:  %s %s' % (f, sha))
        print('build:     %s' % r.style)
        print('depends:   build: %s; run: %s' % (' '.join(r.build_deps) or '-',
                                                 ' '.join(r.run_deps) or '-'))
        print('patches:   %s' % (' '.join(os.path.basename(p) for p in r.patches) or '-'))


def cmd_fetch(config, args):
    for name in args.names:
        r = recipes.load(config, name)
        for path in fetch.fetch(config, r, os.path.join(config.work, name, 'fetch-logs')):
            print(path)


def cmd_build(config, args):
    for name in args.names:
        b = builder.build(config, name)
        print('%s: %s' % (name, b.package))


def _run_closure(config, names):
    """The builds of names and of their run-time dependencies, dependencies first."""
    order, seen = [], set()

    def visit(name, chain):
        if name in chain:
            raise PortError(name, 'depends', 'dependency cycle: %s' % ' -> '.join(chain + [name]))
        if name in seen:
            return
        b = builder.build(config, name)
        for dep in b.recipe.run_deps:
            visit(dep, chain + [name])
        seen.add(name)
        order.append(b)
    for n in names:
        visit(n, [])
    return order


def cmd_install(config, args):
    for b in _run_closure(config, args.names):
        install.install_tree(b.destdir, args.root)
        print('ports: installed %s %s into %s' % (b.recipe.name, b.recipe.full_version, args.root))


def cmd_repo(config, args):
    os.makedirs(args.dir, exist_ok=True)
    lines = []
    for name in recipes.all_names(config):
        b = builder.build(config, name)
        target = os.path.join(args.dir, os.path.basename(b.package))
        shutil.copy2(b.package, target)
        lines.append('%s %s %s %s %s\n' % (name, b.recipe.full_version, os.path.basename(target),
                                          fetch.sha256_file(target),
                                          ','.join(b.recipe.run_deps) or '-'))
    with open(os.path.join(args.dir, 'INDEX.tmp'), 'w') as f:
        f.write(''.join(lines))
    os.replace(os.path.join(args.dir, 'INDEX.tmp'), os.path.join(args.dir, 'INDEX'))
    print('ports: %d packages in %s' % (len(lines), args.dir))


def cmd_destdir(config, args):
    print(builder.build(config, args.name, say=lambda s: print(s, file=sys.stderr)).destdir)


def cmd_clean(config, args):
    for name in args.names:
        recipes.load(config, name)
        shutil.rmtree(os.path.join(config.work, name), ignore_errors=True)


def main(argv):
    ap = argparse.ArgumentParser(prog='ports', description='Builds Cairn ports.')
    ap.add_argument('--ports-dir')
    ap.add_argument('--cache')
    ap.add_argument('-j', type=int, dest='jobs')
    sub = ap.add_subparsers(dest='command', required=True)
    sub.add_parser('list').set_defaults(func=cmd_list)
    for cmd, func in (('info', cmd_info), ('fetch', cmd_fetch), ('build', cmd_build),
                      ('clean', cmd_clean)):
        p = sub.add_parser(cmd)
        p.add_argument('names', nargs='+', metavar='NAME')
        p.set_defaults(func=func)
    p = sub.add_parser('destdir')
    p.add_argument('name', metavar='NAME')
    p.set_defaults(func=cmd_destdir)
    p = sub.add_parser('repo')
    p.add_argument('dir')
    p.set_defaults(func=cmd_repo)
    p = sub.add_parser('install')
    p.add_argument('--root', required=True)
    p.add_argument('names', nargs='+', metavar='NAME')
    p.set_defaults(func=cmd_install)
    args = ap.parse_args(argv)
    config = Config(args.ports_dir, args.cache, args.jobs)
    try:
        args.func(config, args)
    except PortError as e:
        print(e, file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
