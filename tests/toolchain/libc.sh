#!/bin/sh
# The C library in the sysroot (libc/build.sh, docs/libc.md): plain
# `x86_64-cairn-gcc hello.c -o hello` gives a static executable with newlib's
# printf and malloc; -pthread is accepted; the headers carry Linux's numbers;
# tests/user/libc/hello.c builds for Cairn and passes on the host, both
# against glibc and as the Cairn binary itself (the ABI is Linux's); a
# second make libc does nothing.
. "$(dirname "$0")/lib.sh"

out=$(make -s -C "$TOP" libc 2>&1)
check $? "make libc builds the C library"
[ -f "$PREFIX/sysroot/usr/lib/libc.a" ] && [ -f "$PREFIX/sysroot/usr/lib/crt0.o" ] &&
	[ -f "$PREFIX/sysroot/usr/include/stdio.h" ]
check $? "the sysroot has libc.a, crt0.o and stdio.h"

start=$(date +%s%N)
out=$(make -s -C "$TOP" libc 2>&1)
status=$?
elapsed_ms=$((($(date +%s%N) - start) / 1000000))
[ $status -eq 0 ] && echo "$out" | grep -q "^libc: up to date$" && [ $elapsed_ms -lt 10000 ]
check $? "a second make libc says up to date, in under 10 s (took ${elapsed_ms} ms)"

cat >"$TMP/hello.c" <<'C'
#include <stdio.h>
#include <stdlib.h>
int main(int argc, char **argv)
{
	char *p = malloc(32);
	snprintf(p, 32, "%s", argc > 0 ? argv[0] : "?");
	printf("hello from %s\n", p);
	free(p);
	return 0;
}
C
# (FIXME: until GCC marks objects with .note.GNU-stack, ld warns about
# libgcc's crtn.o; the warnings go to a file, not into the results.)
(cd "$TMP" && "${CROSS}gcc" hello.c -o hello) 2>"$TMP/link.err"
status=$?
[ $status -eq 0 ] || sed 's/^/# /' "$TMP/link.err"
check $status "x86_64-cairn-gcc hello.c -o hello links with no flags"
hdr=$("${CROSS}readelf" -hlW "$TMP/hello" 2>&1)
echo "$hdr" | grep -q 'Type: *EXEC' && ! echo "$hdr" | grep -q -e 'INTERP' -e 'DYNAMIC'
check $? "hello is a static ET_EXEC without PT_INTERP or PT_DYNAMIC"
syms=$("${CROSS}nm" "$TMP/hello")
echo "$syms" | grep -q ' T printf$' && echo "$syms" | grep -q ' T malloc$' &&
	echo "$syms" | grep -q ' T _start$'
check $? "nm shows _start, printf and malloc linked in"
"$TMP/hello" | grep -q '^hello from '
check $? "the Cairn binary runs on the Linux host too (the ABI is Linux's)"

(cd "$TMP" && "${CROSS}gcc" -pthread hello.c -o hello-pthread &&
	"${CROSS}gcc" hello.c -o hello-lpthread -lpthread) 2>"$TMP/link.err"
status=$?
[ $status -eq 0 ] || sed 's/^/# /' "$TMP/link.err"
check $status "-pthread and -lpthread are accepted"

# Constants that cross into the kernel must be Linux's: print them with the
# cross compiler and with the host's gcc (glibc, Linux headers) and compare.
cat >"$TMP/consts.c" <<'C'
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#define P(x) printf("%s %ld\n", #x, (long)(x))
int main(void)
{
	P(EPERM); P(ENOENT); P(EAGAIN); P(EWOULDBLOCK); P(ENOSYS); P(ENOTEMPTY); P(ELOOP);
	P(ENOTSUP); P(EOPNOTSUPP); P(EDEADLK); P(ENAMETOOLONG); P(EOVERFLOW); P(EILSEQ);
	P(ENOTSOCK); P(ECONNREFUSED); P(ETIMEDOUT); P(EINPROGRESS); P(ECANCELED);
	P(O_WRONLY); P(O_RDWR); P(O_CREAT); P(O_EXCL); P(O_NOCTTY); P(O_TRUNC); P(O_APPEND);
	P(O_NONBLOCK); P(O_DIRECTORY); P(O_NOFOLLOW); P(O_CLOEXEC); P(O_SYNC);
	P(F_DUPFD); P(F_GETFD); P(F_SETFD); P(F_GETFL); P(F_SETFL); P(F_GETLK); P(F_SETLK);
	P(F_SETLKW); P(F_DUPFD_CLOEXEC); P(FD_CLOEXEC); P(AT_FDCWD); P(AT_SYMLINK_NOFOLLOW);
	P(SIGHUP); P(SIGBUS); P(SIGUSR1); P(SIGUSR2); P(SIGCHLD); P(SIGCONT); P(SIGSTOP);
	P(SIGTSTP); P(SIGWINCH); P(SIGSYS);
	P(CLOCK_REALTIME); P(CLOCK_MONOTONIC); P(CLOCK_PROCESS_CPUTIME_ID); P(CLOCK_BOOTTIME);
	P(TIMER_ABSTIME);
	P(WNOHANG); P(WUNTRACED);
	P(PROT_READ); P(PROT_WRITE); P(MAP_PRIVATE); P(MAP_ANONYMOUS); P(MAP_FIXED);
	P(PATH_MAX); P(NAME_MAX); P(PIPE_BUF);
	P(sizeof(dev_t)); P(sizeof(ino_t)); P(sizeof(nlink_t)); P(sizeof(uid_t));
	P(sizeof(off_t)); P(sizeof(time_t)); P(sizeof(pid_t));
	return 0;
}
C
"${CROSS}gcc" -Wall -Werror "$TMP/consts.c" -o "$TMP/consts-cairn" 2>"$TMP/consts.err" &&
	gcc -Wall -Werror "$TMP/consts.c" -o "$TMP/consts-host" &&
	"$TMP/consts-cairn" >"$TMP/consts-cairn.txt" && "$TMP/consts-host" >"$TMP/consts-host.txt" &&
	diff "$TMP/consts-host.txt" "$TMP/consts-cairn.txt" >"$TMP/consts.diff"
status=$?
[ $status -eq 0 ] || sed 's/^/# /' "$TMP/consts.err" "$TMP/consts.diff"
check $status "errno, open/fcntl, signal, clock, wait, mmap and limits constants and type widths are Linux's"

# tests/user/libc/hello.c: the in-VM test, built the way its users will.
src=$TOP/tests/user/libc/hello.c
gcc -std=gnu11 -O2 -Wall -Wextra -Werror "$src" -o "$TMP/libc-hello-host" &&
	"$TMP/libc-hello-host" one two >"$TMP/host.out" 2>&1
status=$?
[ $status -eq 0 ] || sed 's/^/# /' "$TMP/host.out"
n=$(grep -c '^ok - libc:' "$TMP/host.out")
[ $status -eq 0 ] && ! grep -q '^not ok' "$TMP/host.out"
check $? "tests/user/libc/hello.c passes on the host against glibc ($n checks)"
"${CROSS}gcc" -std=gnu11 -O2 -Wall -Wextra -Werror "$src" -o "$TMP/libc-hello" 2>"$TMP/cross.err"
status=$?
[ $status -eq 0 ] || sed 's/^/# /' "$TMP/cross.err"
check $status "tests/user/libc/hello.c builds with x86_64-cairn-gcc -Wall -Wextra -Werror"
"$TMP/libc-hello" one two >"$TMP/cairn.out" 2>&1
status=$?
[ $status -eq 0 ] || sed 's/^/# /' "$TMP/cairn.out"
n=$(grep -c '^ok - libc:' "$TMP/cairn.out")
[ $status -eq 0 ] && ! grep -q '^not ok' "$TMP/cairn.out"
check $? "the newlib-built tests/user/libc/hello passes on the Linux host ($n checks)"
exit $failed
