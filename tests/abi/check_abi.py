#!/usr/bin/env python3
"""Host test: Cairn's ABI definitions are Linux x86-64's (shared/DESIGN.md decision 4).

Checks, each reported as TAP lines ("ok - ..." / "not ok - ..."):

  * kernel/include/uapi/*.h: every object-like constant, and the size,
    alignment, and every compared member's offset, size and signedness of
    every struct, against linux-libc-dev (glibc where Linux exports no
    definition). Two programs print "ID VALUE" lines, one built with only
    Cairn's headers, one with only the reference headers, and the outputs are
    compared item by item. One line per header when it matches; one line per
    mismatching item otherwise.
  * The uapi headers are self-contained, compile together, and pass
    -std=c99 -pedantic as well as -std=c11 with -Wall -Wextra -Werror.
  * kernel/syscall/syscalls.tbl lists exactly <asm/unistd_64.h>'s calls and
    numbers, and so does the user header generated from it.
  * uapi/errno.h agrees with <asm/errno.h> (part of the first check).
  * docs/syscalls.md is what gen_syscalls.py generates.
  * gen_syscalls.py rejects broken tables with a message naming the line.
  * The generated dispatch table and header compile with -Wall -Wextra -Werror,
    and, linked with stub handlers on the host, pass each argument register to
    the right parameter with C's conversions and send every other number to
    sys_ni_syscall.

Only the host gcc and the Python standard library are used.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

TOP = os.environ.get('CAIRN_TOP') or os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
INCLUDE = os.path.join(TOP, 'kernel', 'include')
UAPI = os.path.join(INCLUDE, 'uapi')
TABLE = os.path.join(TOP, 'kernel', 'syscall', 'syscalls.tbl')
GEN = os.path.join(TOP, 'kernel', 'scripts', 'gen_syscalls.py')
DOCS = os.path.join(TOP, 'docs', 'syscalls.md')
CC = os.environ.get('HOSTCC', 'gcc')
STRICT = ['-Wall', '-Wextra', '-Werror']

# Reference programs: which system headers each one includes.
REFS = {
    'linux': {
        'desc': 'linux-libc-dev',
        'defines': [],
        'headers': ['linux/types.h', 'asm/stat.h', 'linux/stat.h', 'linux/time.h',
                    'linux/fcntl.h', 'linux/fs.h', 'linux/mman.h', 'linux/wait.h',
                    'linux/sched.h', 'linux/futex.h', 'linux/resource.h', 'linux/utsname.h',
                    'linux/times.h', 'linux/auxvec.h', 'asm/prctl.h', 'linux/random.h',
                    'linux/signal.h', 'asm/signal.h', 'asm/siginfo.h', 'asm/ioctls.h',
                    'asm/termbits.h', 'asm/termios.h', 'linux/limits.h', 'linux/uio.h', 'linux/sysinfo.h', 'asm/sigcontext.h', 'asm/ucontext.h',
                    'asm/statfs.h', 'linux/magic.h', 'linux/mount.h', 'linux/close_range.h',
                    'linux/poll.h', 'asm/errno.h', 'linux/vt.h', 'stddef.h',
                    'linux/ipc.h', 'linux/shm.h', 'linux/sem.h', 'linux/mqueue.h'],
    },
    # x86's <asm/signal.h> defines SIGRTMAX as _NSIG but leaves _NSIG to the
    # kernel-internal header; the generic header has the same value (64).
    'generic-signal': {
        'desc': 'linux-libc-dev <asm-generic/signal.h>',
        'defines': [],
        'headers': ['asm-generic/signal.h'],
    },
    # Linux exports no struct linux_dirent64; glibc's struct dirent64 is the
    # record getdents64(2) writes. ENOTSUP is a libc alias of EOPNOTSUPP that
    # Linux's headers do not define; neither do they define umount2's flags
    # or utimensat's UTIME_NOW and UTIME_OMIT, or eventfd's EFD_* flags.
    'glibc': {
        'desc': 'glibc',
        'defines': ['_GNU_SOURCE'],
        'headers': ['dirent.h', 'errno.h', 'sys/mount.h', 'sys/stat.h', 'sys/eventfd.h'],
    },
}
GROUP_REF = {'dirent.h': 'glibc'}
CONST_REF = {'_NSIG': 'generic-signal', 'SIGRTMAX': 'generic-signal', 'ENOTSUP': 'glibc',
             'MNT_FORCE': 'glibc', 'MNT_DETACH': 'glibc', 'MNT_EXPIRE': 'glibc',
             'UMOUNT_NOFOLLOW': 'glibc', 'UTIME_NOW': 'glibc', 'UTIME_OMIT': 'glibc',
             'EFD_SEMAPHORE': 'glibc', 'EFD_CLOEXEC': 'glibc', 'EFD_NONBLOCK': 'glibc'}


def F(ours, ref=None, size=True, sign=True):
    """A struct member to compare; ref is Linux's spelling when it differs."""
    return {'ours': ours, 'ref': ref or ours, 'size': size, 'sign': sign}


# (header, Cairn's type, reference program, reference type, members, compare sizeof?)
STRUCTS = [
    ('time.h', 'struct timespec', 'linux', 'struct timespec', ['tv_sec', 'tv_nsec'], True),
    ('time.h', 'struct timeval', 'linux', 'struct timeval', ['tv_sec', 'tv_usec'], True),
    ('time.h', 'struct timezone', 'linux', 'struct timezone',
     ['tz_minuteswest', 'tz_dsttime'], True),
    ('time.h', 'struct itimerspec', 'linux', 'struct itimerspec',
     ['it_interval', 'it_interval.tv_sec', 'it_interval.tv_nsec', 'it_value',
      'it_value.tv_sec', 'it_value.tv_nsec'], True),
    ('time.h', 'struct itimerval', 'linux', 'struct itimerval',
     ['it_interval', 'it_interval.tv_sec', 'it_interval.tv_usec', 'it_value',
      'it_value.tv_sec', 'it_value.tv_usec'], True),
    # Linux spells the times as separate unsigned long fields; Cairn's
    # struct timespec has a signed tv_sec (as Linux's own timespec does).
    ('stat.h', 'struct stat', 'linux', 'struct stat',
     ['st_dev', 'st_ino', 'st_nlink', 'st_mode', 'st_uid', 'st_gid', '__pad0', 'st_rdev',
      'st_size', 'st_blksize', 'st_blocks',
      F('st_atim.tv_sec', 'st_atime', sign=False), F('st_atim.tv_nsec', 'st_atime_nsec', sign=False),
      F('st_mtim.tv_sec', 'st_mtime', sign=False), F('st_mtim.tv_nsec', 'st_mtime_nsec', sign=False),
      F('st_ctim.tv_sec', 'st_ctime', sign=False), F('st_ctim.tv_nsec', 'st_ctime_nsec', sign=False),
      F('__st_reserved', '__unused')], True),
    ('resource.h', 'struct rlimit', 'linux', 'struct rlimit', ['rlim_cur', 'rlim_max'], True),
    ('resource.h', 'struct rusage', 'linux', 'struct rusage',
     ['ru_utime', 'ru_utime.tv_sec', 'ru_utime.tv_usec', 'ru_stime', 'ru_stime.tv_sec',
      'ru_stime.tv_usec', 'ru_maxrss', 'ru_ixrss', 'ru_idrss', 'ru_isrss', 'ru_minflt',
      'ru_majflt', 'ru_nswap', 'ru_inblock', 'ru_oublock', 'ru_msgsnd', 'ru_msgrcv',
      'ru_nsignals', 'ru_nvcsw', 'ru_nivcsw'], True),
    ('utsname.h', 'struct utsname', 'linux', 'struct new_utsname',
     ['sysname', 'nodename', 'release', 'version', 'machine', 'domainname'], True),
    ('times.h', 'struct tms', 'linux', 'struct tms',
     ['tms_utime', 'tms_stime', 'tms_cutime', 'tms_cstime'], True),
    ('signal.h', 'struct k_sigaction', 'linux', 'struct sigaction',
     ['sa_handler', 'sa_flags', 'sa_restorer', 'sa_mask'], True),
    ('signal.h', 'union k_sigval', 'linux', 'union sigval', ['sival_int', 'sival_ptr'], True),
    ('signal.h', 'struct siginfo', 'linux', 'siginfo_t',
     ['si_signo', 'si_errno', 'si_code', 'si_pid', 'si_uid', 'si_status', 'si_utime',
      'si_stime', 'si_value', F('si_value.sival_int', 'si_int'),
      F('si_value.sival_ptr', 'si_ptr'), F('si_timerid', 'si_tid'), 'si_overrun', 'si_addr',
      'si_addr_lsb', 'si_band', 'si_fd', 'si_call_addr', 'si_syscall', 'si_arch'], True),
    # glibc declares d_name[256]; the kernel's record has a flexible array.
    ('dirent.h', 'struct dirent64', 'glibc', 'struct dirent64',
     ['d_ino', 'd_off', 'd_reclen', 'd_type', F('d_name', size=False)], False),
    ('ioctl.h', 'struct winsize', 'linux', 'struct winsize',
     ['ws_row', 'ws_col', 'ws_xpixel', 'ws_ypixel'], True),
    ('termios.h', 'struct termios', 'linux', 'struct termios',
     ['c_iflag', 'c_oflag', 'c_cflag', 'c_lflag', 'c_line', 'c_cc'], True),
    ('uio.h', 'struct iovec', 'linux', 'struct iovec', ['iov_base', 'iov_len'], True),
    ('sigcontext.h', 'struct sigcontext', 'linux', 'struct sigcontext',
     ['r8', 'r9', 'r10', 'r11', 'r12', 'r13', 'r14', 'r15', 'rdi', 'rsi', 'rbp', 'rbx', 'rdx',
      'rax', 'rcx', 'rsp', 'rip', 'eflags', 'cs', 'gs', 'fs', 'ss', 'err', 'trapno', 'oldmask',
      'cr2', F('fpstate', sign=False, size=False), 'reserved1'], True),
    ('sigcontext.h', 'struct k_sigaltstack', 'linux', 'stack_t', ['ss_sp', 'ss_flags', 'ss_size'],
     True),
    ('sigcontext.h', 'struct k_ucontext', 'linux', 'struct ucontext',
     ['uc_flags', 'uc_link', 'uc_stack', 'uc_mcontext', 'uc_sigmask'], True),
    ('sysinfo.h', 'struct sysinfo', 'linux', 'struct sysinfo',
     ['uptime', 'loads', 'totalram', 'freeram', 'sharedram', 'bufferram', 'totalswap',
      'freeswap', 'procs', 'pad', 'totalhigh', 'freehigh', 'mem_unit'], True),
    ('statfs.h', 'struct statfs', 'linux', 'struct statfs',
     ['f_type', 'f_bsize', 'f_blocks', 'f_bfree', 'f_bavail', 'f_files', 'f_ffree', 'f_fsid',
      'f_namelen', 'f_frsize', 'f_flags', 'f_spare'], True),
    ('statfs.h', 'kernel_fsid_t', 'linux', '__kernel_fsid_t', ['val'], True),
    ('statx.h', 'struct statx_timestamp', 'linux', 'struct statx_timestamp',
     ['tv_sec', 'tv_nsec', '__reserved'], True),
    ('statx.h', 'struct statx', 'linux', 'struct statx',
     ['stx_mask', 'stx_blksize', 'stx_attributes', 'stx_nlink', 'stx_uid', 'stx_gid', 'stx_mode',
      'stx_ino', 'stx_size', 'stx_blocks', 'stx_attributes_mask', 'stx_atime', 'stx_btime',
      'stx_ctime', 'stx_mtime', 'stx_rdev_major', 'stx_rdev_minor', 'stx_dev_major',
      'stx_dev_minor', 'stx_mnt_id', 'stx_dio_mem_align', 'stx_dio_offset_align', '__spare3'],
     True),
    ('fcntl.h', 'struct flock', 'linux', 'struct flock',
     ['l_type', 'l_whence', 'l_start', 'l_len', 'l_pid'], True),
    ('signal.h', 'struct k_sigevent', 'linux', 'struct sigevent',
     ['sigev_value', 'sigev_signo', 'sigev_notify', '_sigev_un', '_sigev_un._tid'], True),
    ('poll.h', 'struct pollfd', 'linux', 'struct pollfd', ['fd', 'events', 'revents'], True),
    ('vt.h', 'struct vt_stat', 'linux', 'struct vt_stat', ['v_active', 'v_signal', 'v_state'], True),
    ('ipc.h', 'struct ipc64_perm', 'linux', 'struct ipc64_perm',
     ['key', 'uid', 'gid', 'cuid', 'cgid', 'mode', 'seq', '__unused1', '__unused2'], True),
    ('shm.h', 'struct shmid64_ds', 'linux', 'struct shmid64_ds',
     ['shm_perm', 'shm_segsz', 'shm_atime', 'shm_dtime', 'shm_ctime', 'shm_cpid', 'shm_lpid',
      'shm_nattch'], True),
    ('sem.h', 'struct sembuf', 'linux', 'struct sembuf', ['sem_num', 'sem_op', 'sem_flg'], True),
    ('sem.h', 'struct semid64_ds', 'linux', 'struct semid64_ds',
     ['sem_perm', 'sem_otime', 'sem_ctime', 'sem_nsems'], True),
    ('mqueue.h', 'struct mq_attr', 'linux', 'struct mq_attr',
     ['mq_flags', 'mq_maxmsg', 'mq_msgsize', 'mq_curmsgs', '__reserved'], True),
]


def function_macro_items():
    """Expressions using function-like macros, evaluated on both sides."""
    items = []
    tests = ['S_ISLNK', 'S_ISREG', 'S_ISDIR', 'S_ISCHR', 'S_ISBLK', 'S_ISFIFO', 'S_ISSOCK']
    modes = ['S_IFLNK', 'S_IFREG', 'S_IFDIR', 'S_IFCHR', 'S_IFBLK', 'S_IFIFO', 'S_IFSOCK']
    for test in tests:
        for mode in modes:
            for extra in ('', ' | 0755'):
                items.append(('stat.h', '%s(%s%s)' % (test, mode, extra)))
    for op, oparg, cmp, cmparg in ((1, 1, 4, 0), (0, 0xfff, 5, 0xfff), (4, 7, 0, 1),
                                   (3, 0x123, 2, 0x456)):
        items.append(('futex.h', 'FUTEX_OP(%d, %d, %d, %d)' % (op, oparg, cmp, cmparg)))
    return items


class Tap:
    def __init__(self):
        self.count = 0
        self.failed = 0

    def ok(self, desc):
        self.count += 1
        print('ok - ' + desc, flush=True)

    def not_ok(self, desc, detail=None):
        self.count += 1
        self.failed += 1
        print('not ok - ' + desc, flush=True)
        if detail:
            for line in detail.strip().splitlines()[:25]:
                print('#   ' + line, flush=True)

    def check(self, cond, desc, detail=None):
        if cond:
            self.ok(desc)
        else:
            self.not_ok(desc, detail)
        return cond

    def note(self, text):
        print('# ' + text, flush=True)


def run(cmd, **kw):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True, timeout=120, **kw)


def compile_and_run(tmp, name, source, flags):
    """Compiles and runs a host program; returns (stdout, error message or None)."""
    src = os.path.join(tmp, name + '.c')
    exe = os.path.join(tmp, name)
    with open(src, 'w') as f:
        f.write(source)
    p = run([CC] + flags + [src, '-o', exe])
    if p.returncode != 0:
        return None, 'compiling %s failed:\n%s' % (name, p.stderr)
    p = run([exe])
    if p.returncode != 0:
        return None, '%s exited %d:\n%s%s' % (name, p.returncode, p.stdout, p.stderr)
    return p.stdout, None


def uapi_headers():
    return sorted(f for f in os.listdir(UAPI) if f.endswith('.h'))


def header_constants(fname):
    """Object-like macros a uapi header defines, except its include guard."""
    names = []
    with open(os.path.join(UAPI, fname)) as f:
        for line in f:
            m = re.match(r'\s*#\s*define\s+(\w+)(\()?', line)
            if m and not m.group(2) and not re.fullmatch(r'CAIRN_UAPI_\w+_H', m.group(1)):
                names.append(m.group(1))
    return names


def header_types(fname):
    with open(os.path.join(UAPI, fname)) as f:
        return re.findall(r'^\s*((?:struct|union)\s+\w+)\s*\{', f.read(), re.M)


class Item:
    def __init__(self, group, label, ours, ref, ref_expr, ifdef=None):
        self.group = group
        self.label = label
        self.ours = ours
        self.ref = ref
        self.ref_expr = ref_expr
        self.ifdef = ifdef


def build_items(tap):
    items = []
    for fname in uapi_headers():
        for name in header_constants(fname):
            ref = CONST_REF.get(name, GROUP_REF.get(fname, 'linux'))
            items.append(Item(fname, name, name, ref, name, ifdef=name))
    for fname, expr in function_macro_items():
        items.append(Item(fname, expr, expr, GROUP_REF.get(fname, 'linux'), expr))
    compared = set()
    for fname, ours, ref, rtype, members, with_size in STRUCTS:
        compared.add(ours)
        if with_size:
            items.append(Item(fname, 'sizeof(%s)' % ours, 'sizeof(%s)' % ours, ref,
                              'sizeof(%s)' % rtype))
        items.append(Item(fname, '_Alignof(%s)' % ours, '_Alignof(%s)' % ours, ref,
                          '_Alignof(%s)' % rtype))
        for m in members:
            m = m if isinstance(m, dict) else F(m)
            o, r = m['ours'], m['ref']
            alias = '' if o == r else ' [%s]' % r
            items.append(Item(fname, 'offsetof(%s, %s)%s' % (ours, o, alias),
                              '__builtin_offsetof(%s, %s)' % (ours, o), ref,
                              '__builtin_offsetof(%s, %s)' % (rtype, r)))
            if m['size']:
                items.append(Item(fname, 'sizeof(%s.%s)%s' % (ours, o, alias),
                                  'sizeof(((%s *)0)->%s)' % (ours, o), ref,
                                  'sizeof(((%s *)0)->%s)' % (rtype, r)))
            if m['sign']:
                items.append(Item(fname, 'signedness of %s.%s%s' % (ours, o, alias),
                                  'SIGNEDNESS(((%s *)0)->%s)' % (ours, o), ref,
                                  'SIGNEDNESS(((%s *)0)->%s)' % (rtype, r)))
    # Every struct and union a uapi header defines must be compared.
    missing = [(f, t) for f in uapi_headers() for t in header_types(f) if t not in compared]
    tap.check(not missing, 'every struct and union in kernel/include/uapi is compared with Linux',
              '\n'.join('%s: %s is not listed in check_abi.py STRUCTS' % m for m in missing))
    return items


PRELUDE = r'''
#define P(id, v) __builtin_printf("%d %lld\n", id, (long long)(v))
#define U(id) __builtin_printf("%d undefined\n", id)
/* 1 signed integer, 0 unsigned integer, -1 anything else (pointer, array, struct). */
#define SIGNEDNESS(x) _Generic((x), \
	char: (char)-1 < 0, signed char: 1, short: 1, int: 1, long: 1, long long: 1, \
	unsigned char: 0, unsigned short: 0, unsigned int: 0, unsigned long: 0, \
	unsigned long long: 0, default: -1)
'''


def program(includes, defines, lines):
    src = ''.join('#define %s 1\n' % d for d in defines)
    src += ''.join('#include <%s>\n' % h for h in includes)
    src += PRELUDE + 'int main(void)\n{\n'
    src += ''.join('\t%s\n' % l for l in lines)
    src += '\treturn 0;\n}\n'
    return src


def parse_values(out):
    values = {}
    for line in out.splitlines():
        ident, value = line.split(None, 1)
        values[int(ident)] = value
    return values


def check_uapi(tap, tmp):
    items = build_items(tap)
    headers = ['uapi/' + h for h in uapi_headers()]
    ours_lines = ['P(%d, %s);' % (i, it.ours) for i, it in enumerate(items)]
    out, err = compile_and_run(tmp, 'abi_cairn', program(headers, [], ours_lines),
                               ['-std=c11', '-pedantic'] + STRICT + ['-I', INCLUDE])
    if err:
        tap.not_ok('a program using every uapi header compiles and runs', err)
        return 0
    ours = parse_values(out)
    theirs = {}
    for ref, spec in REFS.items():
        lines = []
        for i, it in enumerate(items):
            if it.ref != ref:
                continue
            if it.ifdef:
                lines += ['#ifdef %s' % it.ifdef, 'P(%d, %s);' % (i, it.ref_expr), '#else',
                          'U(%d);' % i, '#endif']
            else:
                lines.append('P(%d, %s);' % (i, it.ref_expr))
        out, err = compile_and_run(tmp, 'abi_' + ref.replace('-', '_'),
                                   program(spec['headers'], spec['defines'], lines),
                                   ['-std=gnu11', '-Wall', '-Werror'])
        if err:
            tap.not_ok('the reference program for %s compiles and runs' % spec['desc'], err)
            return 0
        theirs.update(parse_values(out))
    groups = {}
    for i, it in enumerate(items):
        groups.setdefault(it.group, []).append(i)
    for fname in uapi_headers():
        ids = groups.get(fname, [])
        bad = [i for i in ids if ours.get(i) != theirs.get(i)]
        for i in bad:
            it = items[i]
            tap.not_ok('uapi/%s: %s is %s in Cairn, %s in %s'
                       % (fname, it.label, ours.get(i), theirs.get(i), REFS[it.ref]['desc']))
        if not bad:
            refs = sorted({REFS[items[i].ref]['desc'] for i in ids})
            tap.check(ids, 'uapi/%s matches %s: %d items' % (fname, ' and '.join(refs), len(ids)),
                      'nothing in it is compared')
    return len(items)


def check_errno_coverage(tap):
    """Notes Linux errno names uapi/errno.h lacks (information, not a failure)."""
    p = run([CC, '-E', '-dM', '-include', 'asm/errno.h', '-x', 'c', os.devnull])
    if p.returncode != 0:
        tap.not_ok('<asm/errno.h> preprocesses', p.stderr)
        return
    linux = set(re.findall(r'^#define (E[A-Z0-9]+) ', p.stdout, re.M))
    ours = set(header_constants('errno.h'))
    missing = sorted(linux - ours)
    if missing:
        tap.note('Linux errno names not in uapi/errno.h (not required): ' + ' '.join(missing))


def check_header_hygiene(tap, tmp):
    problems = []
    for fname in uapi_headers():
        path = os.path.join(UAPI, fname)
        with open(path) as f:
            text = f.read()
        guard = 'CAIRN_UAPI_%s_H' % fname[:-2].upper()
        if not re.search(r'#ifndef %s\n#define %s\n' % (guard, guard), text):
            problems.append('%s: include guard is not %s' % (fname, guard))
        for inc in re.findall(r'#\s*include\s*[<"]([^>"]+)[>"]', text):
            if inc not in ('stdint.h', 'stddef.h') and not inc.startswith('uapi/'):
                problems.append('%s includes <%s>; only <stdint.h>, <stddef.h> and <uapi/...> '
                                'are allowed' % (fname, inc))
        for std in ('c99', 'c11'):
            src = os.path.join(tmp, 'alone_%s_%s.c' % (fname[:-2], std))
            with open(src, 'w') as f:
                f.write('#include <uapi/%s>\n#include <uapi/%s>\nint cairn_abi_dummy;\n'
                        % (fname, fname))
            p = run([CC, '-std=' + std, '-pedantic', '-fsyntax-only'] + STRICT +
                    ['-I', INCLUDE, src])
            if p.returncode != 0:
                problems.append('uapi/%s alone, -std=%s -pedantic:\n%s' % (fname, std, p.stderr))
    tap.check(not problems, 'each uapi header has its guard, includes only <stdint.h>/<stddef.h>/'
              'uapi, and compiles alone and twice with -std=c99 and c11 -pedantic -Werror',
              '\n'.join(problems))


def linux_syscalls():
    p = run([CC, '-E', '-dM', '-include', 'asm/unistd_64.h', '-x', 'c', os.devnull])
    if p.returncode != 0:
        raise RuntimeError(p.stderr)
    return {m.group(1): int(m.group(2))
            for m in re.finditer(r'^#define __NR_(\w+) (\d+)$', p.stdout, re.M)}


def table_entries():
    """The table's (number, name, status) lines, read independently of the generator."""
    entries = []
    with open(TABLE) as f:
        for line in f:
            fields = line.split('#', 1)[0].split()
            if fields:
                entries.append((int(fields[0]), fields[1], fields[2]))
    return entries


def compare_numbers(tap, what, ours, linux):
    problems = []
    for name, nr in sorted(linux.items(), key=lambda kv: kv[1]):
        if name not in ours:
            problems.append('%s (%d) is missing' % (name, nr))
        elif ours[name] != nr:
            problems.append('%s is %d, Linux has %d' % (name, ours[name], nr))
    for name in sorted(set(ours) - set(linux)):
        problems.append('%s (%d) is not a Linux x86-64 system call' % (name, ours[name]))
    for p in problems:
        tap.not_ok('%s: %s' % (what, p))
    if not problems:
        tap.ok('%s: all %d numbers match <asm/unistd_64.h>' % (what, len(linux)))


def check_syscall_numbers(tap, tmp):
    linux = linux_syscalls()
    entries = table_entries()
    ours = {name: nr for nr, name, _ in entries}
    if len(ours) != len(entries):
        tap.not_ok('syscalls.tbl has a duplicate name')
    compare_numbers(tap, 'kernel/syscall/syscalls.tbl', ours, linux)
    hdr = os.path.join(tmp, 'syscall_nr.h')
    p = run([sys.executable, GEN, '--user-header', hdr])
    if not tap.check(p.returncode == 0, 'gen_syscalls.py --user-header succeeds', p.stderr):
        return
    p = run([CC, '-E', '-dM', '-include', hdr, '-x', 'c', os.devnull])
    nr = {m.group(1): int(m.group(2)) for m in
          re.finditer(r'^#define __NR_(\w+) (\d+)$', p.stdout, re.M)}
    sys_nr = {m.group(1): int(m.group(2)) for m in
              re.finditer(r'^#define SYS_(\w+) (\d+)$', p.stdout, re.M)}
    compare_numbers(tap, 'generated __NR_* numbers', nr, linux)
    compare_numbers(tap, 'generated SYS_* numbers', sys_nr, linux)


def check_docs(tap):
    p = run([sys.executable, GEN, '--check-docs', os.path.relpath(DOCS, TOP)], cwd=TOP)
    tap.check(p.returncode == 0, 'docs/syscalls.md is what gen_syscalls.py generates',
              p.stderr)


BROKEN_TABLES = [
    ('duplicate number', '0 read enosys\n0 write enosys\n', 2, 'duplicate number'),
    ('duplicate name', '0 read enosys\n1 read enosys\n', 2, 'duplicate name'),
    ('unknown status', '0 read enosys\n1 write done long sys_write(int fd)\n', 2,
     'unknown status'),
    ('wrong prototype name', '# comment\n0 read implemented long sys_write(int fd)\n', 2,
     'expected sys_read'),
    ('unparsable prototype', '0 read implemented long sys_read(int fd, void (*cb)(void))\n', 1,
     'prototype'),
    ('unknown parameter type', '0 read implemented long sys_read(fd_t fd)\n', 1, 'unknown type'),
    ('struct passed by value', '0 read implemented long sys_read(struct stat st)\n', 1,
     'by value'),
    ('struct not in uapi', '0 read implemented long sys_read(struct nosuch *p)\n', 1,
     'not defined'),
    ('seven parameters', '0 read implemented long sys_read(int a, int b, int c, int d, int e, '
     'int f, int g)\n', 1, 'at most 6'),
    ('enosys with a prototype', '0 read enosys long sys_read(int fd)\n', 1,
     'must not have a prototype'),
    ('implemented without a prototype', '1 write enosys\n0 read implemented\n', 2,
     'needs a prototype'),
    ('non-numeric number', '0x1 read enosys\n', 1, 'not a decimal number'),
]


def check_broken_tables(tap, tmp):
    problems = []
    for what, text, line, message in BROKEN_TABLES:
        table = os.path.join(tmp, 'broken.tbl')
        out = os.path.join(tmp, 'broken_out.h')
        if os.path.exists(out):
            os.unlink(out)
        with open(table, 'w') as f:
            f.write(text)
        p = run([sys.executable, GEN, '--table', table, '--kernel-header', out], cwd=tmp)
        where = 'broken.tbl:%d:' % line
        if p.returncode == 0:
            problems.append('%s: accepted' % what)
        elif where not in p.stderr or message not in p.stderr:
            problems.append('%s: message lacks "%s" and "%s": %s'
                            % (what, where, message, p.stderr.strip()))
        elif os.path.exists(out):
            problems.append('%s: wrote output despite the error' % what)
    tap.check(not problems, 'gen_syscalls.py rejects %d kinds of broken table with FILE:LINE: '
              'messages and writes nothing' % len(BROKEN_TABLES), '\n'.join(problems))


# Sizes of the integer types prototypes may use, and whether they are signed.
INT_TYPES = {'char': (1, True), 'signed char': (1, True), 'unsigned char': (1, False),
             'short': (2, True), 'unsigned short': (2, False), 'int': (4, True),
             'signed': (4, True), 'unsigned': (4, False), 'unsigned int': (4, False),
             'long': (8, True), 'unsigned long': (8, False), 'long long': (8, True),
             'unsigned long long': (8, False), 'size_t': (8, False), 'ssize_t': (8, True),
             'intptr_t': (8, True), 'uintptr_t': (8, False)}
for _bits in (8, 16, 32, 64):
    INT_TYPES['int%d_t' % _bits] = (_bits // 8, True)
    INT_TYPES['uint%d_t' % _bits] = (_bits // 8, False)


def converted(value, ctype):
    """What (long long)(TYPE)value is for a 64-bit register value, per C's rules on x86-64."""
    if '*' in ctype:
        size, signed = 8, False
    else:
        words = [w for w in ctype.split() if w not in ('const', 'volatile', 'restrict')]
        if len(words) > 1 and 'int' in words:
            words.remove('int')          # unsigned int -> unsigned, long int -> long
        if len(words) > 1 and words[0] == 'signed' and words[1] != 'char':
            words.pop(0)                 # signed long -> long
        size, signed = INT_TYPES[' '.join(words)]
    bits = size * 8
    v = value & ((1 << bits) - 1)
    if signed and v >= 1 << (bits - 1):
        v -= 1 << bits
    if v >= 1 << 63:
        v -= 1 << 64
    return v


ARG_PATTERNS = [
    [0x11 * (i + 1) for i in range(6)],
    [0xdeadbeef80000000 | (0x7f + i) for i in range(6)],
    [0x00000001fffffff0 + i for i in range(6)],
]


def dispatch_harness(calls):
    """A host program calling every table entry and checking what each handler received."""
    src = ['#include "syscalls_gen.h"', '#include <uapi/errno.h>', '',
           'static long long rec[6];', 'static int nrec, called;', '',
           'long sys_ni_syscall(void)', '{', '\tcalled = -1;', '\tnrec = 0;',
           '\treturn -ENOSYS;', '}']
    for c in calls:
        if not c.has_handler:
            continue
        src += ['', '%s' % c.prototype(), '{']
        for i, p in enumerate(c.params):
            conv = '(long long)(uintptr_t)' if p.is_pointer else '(long long)'
            src.append('\trec[%d] = %s%s;' % (i, conv, p.name))
        src += ['\tnrec = %d;' % len(c.params), '\tcalled = %d;' % c.number,
                '\treturn 1000 + %d;' % c.number, '}']
    by_nr = {c.number: c for c in calls}
    nr_max = max(by_nr) + 1
    src += ['', 'static const uint64_t args[%d][6] = {' % len(ARG_PATTERNS)]
    for pat in ARG_PATTERNS:
        src.append('\t{ %s },' % ', '.join('0x%xULL' % v for v in pat))
    src += ['};', '',
            'struct expect { int handler; int nargs; const char *name; long long v[%d][6]; };'
            % len(ARG_PATTERNS),
            'static const struct expect expect[%d] = {' % nr_max]
    for nr in range(nr_max):
        c = by_nr.get(nr)
        if c is None:
            src.append('\t[%d] = { 0, 0, 0, { { 0 } } },' % nr)
            continue
        vals = []
        for pat in ARG_PATTERNS:
            row = [converted(pat[i], p.ctype) for i, p in enumerate(c.params or [])]
            vals.append('{ %s }' % ', '.join('%dLL' % v for v in row) if row else '{ 0 }')
        src.append('\t[%d] = { %d, %d, "%s", { %s } },'
                   % (nr, 1 if c.has_handler else 0, len(c.params or []), c.name,
                      ', '.join(vals)))
    src += ['};', '', r'''
static int same(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

int main(void)
{
	int bad = 0, handlers = 0;
	if (NR_SYSCALLS != sizeof(expect) / sizeof(expect[0])) {
		__builtin_printf("NR_SYSCALLS is %d, expected %d\n", NR_SYSCALLS,
				 (int)(sizeof(expect) / sizeof(expect[0])));
		return 1;
	}
	for (int nr = 0; nr < NR_SYSCALLS; nr++) {
		const struct expect *e = &expect[nr];
		if (!same(syscall_names[nr], e->name)) {
			__builtin_printf("syscall_names[%d] is %s, expected %s\n", nr,
					 syscall_names[nr] ? syscall_names[nr] : "NULL",
					 e->name ? e->name : "NULL");
			bad++;
		}
		handlers += e->handler;
		for (int k = 0; k < (int)(sizeof(args) / sizeof(args[0])); k++) {
			called = -2;
			long r = syscall_table[nr](args[k]);
			long want = e->handler ? 1000 + nr : -ENOSYS;
			if (r != want || called != (e->handler ? nr : -1) || nrec != e->nargs) {
				__builtin_printf("%d (%s): returned %ld, called %d, %d args\n", nr,
						 e->name ? e->name : "unassigned", r, called, nrec);
				bad++;
				continue;
			}
			for (int i = 0; i < e->nargs; i++) {
				if (rec[i] != e->v[k][i]) {
					__builtin_printf("%d (%s): pattern %d arg %d is %llx, expected %llx\n",
							 nr, e->name, k, i, rec[i], e->v[k][i]);
					bad++;
				}
			}
		}
	}
	__builtin_printf("%d %d\n", handlers, NR_SYSCALLS - handlers);
	return bad ? 1 : 0;
}
''']
    return '\n'.join(src)


def check_generated_c(tap, tmp):
    gen = os.path.join(tmp, 'gen')
    os.mkdir(gen)
    table_c = os.path.join(gen, 'syscall_table.c')
    header = os.path.join(gen, 'syscalls_gen.h')
    p = run([sys.executable, GEN, '--kernel-table', table_c, '--kernel-header', header])
    if not tap.check(p.returncode == 0, 'gen_syscalls.py --kernel-table --kernel-header succeeds',
                     p.stderr):
        return
    flags = ['-std=gnu11', '-ffreestanding'] + STRICT + ['-I', INCLUDE, '-I', gen]
    p = run([CC, '-fsyntax-only'] + flags + [table_c])
    if not tap.check(p.returncode == 0, 'the generated dispatch table compiles with '
                     '-Wall -Wextra -Werror', p.stderr):
        return
    # The harness reuses the generator's parser for the prototypes; the values
    # the handlers must receive are computed here, from C's conversion rules.
    sys.dont_write_bytecode = True  # nothing is written into the source tree
    sys.path.insert(0, os.path.dirname(GEN))
    import gen_syscalls
    calls = gen_syscalls.parse_table(TABLE, gen_syscalls.uapi_structs(UAPI))
    harness = os.path.join(gen, 'harness.c')
    with open(harness, 'w') as f:
        f.write(dispatch_harness(calls))
    exe = os.path.join(gen, 'harness')
    p = run([CC, '-std=gnu11'] + STRICT + ['-I', INCLUDE, '-I', gen, table_c, harness, '-o', exe])
    if not tap.check(p.returncode == 0, 'the dispatch harness compiles and links', p.stderr):
        return
    p = run([exe])
    counts = p.stdout.strip().splitlines()[-1].split() if p.stdout.strip() else ['?', '?']
    tap.check(p.returncode == 0, 'the dispatch table passes rdi, rsi, rdx, r10, r8, r9 to the '
              'right parameters of %s handlers and sends the other %s numbers to sys_ni_syscall'
              % (counts[0], counts[-1]), p.stdout + p.stderr)


def main():
    tap = Tap()
    tmp = tempfile.mkdtemp(prefix='cairn-abi-')
    try:
        items = check_uapi(tap, tmp)
        check_errno_coverage(tap)
        check_header_hygiene(tap, tmp)
        check_syscall_numbers(tap, tmp)
        check_docs(tap)
        check_broken_tables(tap, tmp)
        check_generated_c(tap, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    tap.note('%d uapi items compared with Linux' % items)
    print('1..%d' % tap.count)
    return 1 if tap.failed else 0


if __name__ == '__main__':
    sys.exit(main())
