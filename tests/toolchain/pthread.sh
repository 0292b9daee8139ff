#!/bin/sh
# POSIX threads in Cairn's C library, checked on this Linux host (the ABI
# is Linux's, so Cairn's static binaries run here too):
# - each thread test in tests/user/libc (pthread_*.c, sem.c) passes when
#   built with the host's gcc -pthread against glibc, which shows the
#   checks themselves are right;
# - it builds with x86_64-cairn-gcc -pthread -Wall -Wextra -Werror;
# - the Cairn binary passes here as well (clone, futex, TLS and newlib's
#   locks are the same system calls on Linux);
# - -pthread defines _REENTRANT and links; so does plain -lpthread;
# - what a thread leaves in stdout's buffer is written at exit.
# The same programs run inside Cairn from the test initrd (tests/boot/user.py).
. "$(dirname "$0")/lib.sh"

FLAGS="-std=gnu11 -O2 -Wall -Wextra -Werror -pthread"
for src in "$TOP"/tests/user/libc/pthread_*.c "$TOP"/tests/user/libc/sem.c; do
	name=$(basename "$src" .c)
	# shellcheck disable=SC2086 # the flags are words
	gcc $FLAGS "$src" -o "$TMP/$name-host" 2>"$TMP/$name-host.err" &&
		timeout 120 "$TMP/$name-host" >"$TMP/$name-host.out" 2>&1
	status=$?
	n=$(grep -c '^ok - libc-pthread:' "$TMP/$name-host.out")
	[ $status -eq 0 ] && [ "$n" -gt 0 ] && ! grep -q '^not ok' "$TMP/$name-host.out"
	status=$?
	[ $status -eq 0 ] || sed 's/^/# /' "$TMP/$name-host.err" "$TMP/$name-host.out"
	check $status "$name.c passes on the host against glibc ($n checks)"

	# shellcheck disable=SC2086
	"${CROSS}gcc" $FLAGS "$src" -o "$TMP/$name" 2>"$TMP/$name.err"
	status=$?
	[ $status -eq 0 ] || sed 's/^/# /' "$TMP/$name.err"
	check $status "$name.c builds with x86_64-cairn-gcc $FLAGS"
	timeout 120 "$TMP/$name" >"$TMP/$name.out" 2>&1
	status=$?
	n=$(grep -c '^ok - libc-pthread:' "$TMP/$name.out")
	[ $status -eq 0 ] && [ "$n" -gt 0 ] && ! grep -q '^not ok' "$TMP/$name.out"
	status=$?
	[ $status -eq 0 ] || sed 's/^/# /' "$TMP/$name.out"
	check $status "the Cairn-built $name passes on the Linux host ($n checks)"
done

cat >"$TMP/reentrant.c" <<'C'
#ifndef _REENTRANT
#error "-pthread does not define _REENTRANT"
#endif
#include <pthread.h>
static __thread int x = 1;
static void *f(void *a) { return (void *)(long)(x + (a != 0)); }
int main(void)
{
	pthread_t t;
	void *r;
	return pthread_create(&t, 0, f, 0) || pthread_join(t, &r) || r != (void *)1;
}
C
"${CROSS}gcc" -pthread "$TMP/reentrant.c" -o "$TMP/reentrant" 2>"$TMP/re.err" && "$TMP/reentrant"
status=$?
[ $status -eq 0 ] || sed 's/^/# /' "$TMP/re.err"
check $status "x86_64-cairn-gcc -pthread defines _REENTRANT; the program runs"
"${CROSS}gcc" -D_REENTRANT "$TMP/reentrant.c" -o "$TMP/reentrant2" -lpthread 2>"$TMP/re.err" &&
	"$TMP/reentrant2"
status=$?
[ $status -eq 0 ] || sed 's/^/# /' "$TMP/re.err"
check $status "a threaded program links with plain -lpthread as well"

# stdout written only by a thread is flushed at exit (newlib's exit flushes
# through the global struct _reent, which pthread_create initialises).
cat >"$TMP/flush.c" <<'C'
#include <pthread.h>
#include <stdio.h>
static void *f(void *a) { printf("written by a thread"); return a; }
int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, f, 0);
	pthread_join(t, 0);
	return 0;
}
C
"${CROSS}gcc" -pthread "$TMP/flush.c" -o "$TMP/flush" 2>"$TMP/flush.err" && "$TMP/flush" >"$TMP/flush.out"
[ $? -eq 0 ] && [ "$(cat "$TMP/flush.out")" = "written by a thread" ]
check $? "output a thread leaves in stdout's buffer is flushed by exit"
exit $failed
