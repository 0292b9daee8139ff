#!/bin/sh
# The POSIX surface of the C library (docs/libc.md): every area test in
# tests/user/libc/ except hello.c (which libc.sh runs) is built twice, with
# the host's gcc against glibc and with x86_64-cairn-gcc against newlib and
# Cairn's glue, and both binaries run on this Linux host (the ABI is
# Linux's). The glibc run shows that the checks themselves are right; the
# Cairn binary's run shows the library right on a real Linux kernel, before
# the same binary runs inside Cairn from the test initrd.
#
# The programs read the test image's /etc files (tests/user/libc/etc/):
# each run happens in a private user and mount namespace where those files
# are bind-mounted over the host's /etc/passwd, group, shadow, hosts,
# services and protocols. Each run's own TAP lines are forwarded as
# comments; one result line per program and flavour says whether all of
# its checks passed, with their count.
. "$(dirname "$0")/lib.sh"

src=$TOP/tests/user/libc
etc=$src/etc
make -s -C "$TOP" libc >"$TMP/make.log" 2>&1
check $? "make libc builds the C library"

# run BINARY NAME: runs BINARY with the fixture /etc in a private namespace.
run() {
	unshare -rm sh -c '
		for f in passwd group shadow hosts services protocols; do
			mount --bind "$1/$f" "/etc/$f" || exit 90
		done
		cd /tmp && exec env -i HOME=/ PATH=/bin:/usr/bin TERM=cairn "$2"
	' sh "$etc" "$1" >"$TMP/$2.out" 2>&1
}

for c in "$src"/*.c; do
	name=$(basename "$c" .c)
	[ "$name" = hello ] && continue
	for flavour in glibc cairn; do
		bin=$TMP/$flavour/libc-$name
		mkdir -p "$TMP/$flavour"
		if [ $flavour = glibc ]; then
			# glibc keeps crypt() in libcrypt; Cairn's is in libc.a.
			libs=
			[ "$name" = crypt ] && libs=-lcrypt
			gcc -std=gnu11 -O2 -Wall -Wextra -Werror "$c" -o "$bin" $libs 2>"$TMP/cc.err"
		else
			"${CROSS}gcc" -std=gnu11 -O2 -Wall -Wextra -Werror "$c" -o "$bin" 2>"$TMP/cc.err"
		fi
		status=$?
		if [ $status -ne 0 ]; then
			sed 's/^/# /' "$TMP/cc.err"
			check $status "libc-$name builds against $flavour"
			continue
		fi
		run "$bin" "$name-$flavour"
		status=$?
		out=$TMP/$name-$flavour.out
		sed 's/^/# /' "$out"
		n=$(grep -c '^ok - libc-' "$out")
		bad=$(grep -c '^not ok - ' "$out")
		[ $status -eq 0 ] && [ "$bad" -eq 0 ] && [ "$n" -gt 0 ]
		check $? "libc-$name passes against $flavour on the host ($n checks, $bad failed)"
	done
done

# The constants the new headers carry must be glibc's (Linux's) too.
cat >"$TMP/consts.c" <<'C'
#define _GNU_SOURCE
#include <dirent.h>
#include <mqueue.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/ipc.h>
#include <sys/resource.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <syslog.h>
#include <termios.h>
#define P(x) printf("%s %ld\n", #x, (long)(x))
int main(void)
{
	P(SA_NOCLDSTOP); P(SA_SIGINFO); P(SA_ONSTACK); P(SA_RESTART); P(SA_NODEFER);
	P(SA_RESETHAND); P(SIG_BLOCK); P(SIG_UNBLOCK); P(SIG_SETMASK); P(SI_USER); P(SI_QUEUE);
	P(CLD_EXITED); P(CLD_KILLED); P(SEGV_MAPERR); P(sizeof(siginfo_t));
	P(WEXITED); P(WSTOPPED); P(WCONTINUED); P(WNOWAIT); P(P_PID); P(P_PGID);
	P(WEXITSTATUS(0x0a00)); P(WIFSIGNALED(9)); P(WTERMSIG(0x89)); P(WIFSTOPPED(0x137f));
	P(WSTOPSIG(0x137f)); P(WIFCONTINUED(0xffff)); P(WCOREDUMP(0x86));
	P(RLIMIT_CPU); P(RLIMIT_NOFILE); P(RLIMIT_AS); P(RLIMIT_NPROC); P(RUSAGE_CHILDREN);
	P(PRIO_PGRP); P(sizeof(struct rusage)); P(sizeof(struct rlimit));
	P(DT_DIR); P(DT_REG); P(DT_LNK); P(UTIME_NOW); P(UTIME_OMIT);
	P(POLLIN); P(POLLOUT); P(POLLHUP); P(POLLNVAL); P(sizeof(struct pollfd));
	P(TCSANOW); P(TCSADRAIN); P(TCSAFLUSH); P(TCIFLUSH); P(TCOOFF); P(B38400); P(B115200);
	P(ECHO); P(ICANON); P(ISIG); P(OPOST); P(CS8); P(VMIN); P(VTIME);
	P(AF_UNIX); P(AF_INET6); P(SOCK_SEQPACKET); P(SOCK_NONBLOCK); P(SO_ERROR); P(SO_RCVTIMEO);
	P(MSG_PEEK); P(MSG_DONTWAIT); P(MSG_WAITALL); P(SHUT_RDWR); P(SCM_RIGHTS);
	P(IPPROTO_UDP); P(IPPROTO_IPV6); P(IPV6_V6ONLY); P(IP_TTL); P(IP_ADD_MEMBERSHIP);
	P(AI_PASSIVE); P(AI_CANONNAME); P(AI_NUMERICHOST); P(AI_NUMERICSERV); P(NI_NUMERICHOST);
	P(NI_NAMEREQD); P(EAI_NONAME); P(EAI_SERVICE); P(EAI_FAMILY); P(EAI_SYSTEM);
	P(NI_MAXHOST); P(NI_MAXSERV);
	P(LOG_ERR); P(LOG_DAEMON); P(LOG_LOCAL7); P(LOG_PID); P(LOG_PERROR); P(LOG_NDELAY);
	P(sizeof(struct addrinfo)); P(sizeof(struct hostent)); P(sizeof(struct servent));
	P(IPC_PRIVATE); P(IPC_CREAT); P(IPC_EXCL); P(IPC_NOWAIT); P(IPC_RMID); P(IPC_SET);
	P(IPC_STAT); P(SHM_RDONLY); P(SHM_RND); P(SHM_REMAP); P(SHM_EXEC); P(SHMLBA); P(SEM_UNDO);
	P(GETPID); P(GETVAL); P(GETALL); P(GETNCNT); P(GETZCNT); P(SETVAL); P(SETALL);
	P(sizeof(struct ipc_perm)); P(offsetof(struct ipc_perm, mode));
	P(sizeof(struct shmid_ds)); P(offsetof(struct shmid_ds, shm_nattch));
	P(offsetof(struct shmid_ds, shm_cpid)); P(sizeof(struct semid_ds));
	P(offsetof(struct semid_ds, sem_nsems)); P(sizeof(struct sembuf));
	P(sizeof(struct mq_attr)); P(offsetof(struct mq_attr, mq_curmsgs));
	return 0;
}
C
"${CROSS}gcc" -Wall -Werror "$TMP/consts.c" -o "$TMP/consts-cairn" 2>"$TMP/consts.err" &&
	gcc -Wall -Werror "$TMP/consts.c" -o "$TMP/consts-host" 2>>"$TMP/consts.err" &&
	"$TMP/consts-cairn" >"$TMP/consts-cairn.txt" && "$TMP/consts-host" >"$TMP/consts-host.txt" &&
	diff "$TMP/consts-host.txt" "$TMP/consts-cairn.txt" >"$TMP/consts.diff"
status=$?
[ $status -eq 0 ] || sed 's/^/# /' "$TMP/consts.err" "$TMP/consts.diff"
check $status "signal, wait, resource, dirent, poll, termios, socket, netdb, syslog, ipc and mqueue constants are glibc's ($(wc -l <"$TMP/consts-host.txt") values)"
exit $failed
