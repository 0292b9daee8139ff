/*
 * <sys/wait.h> for Cairn: the options and status macros with Linux's values,
 * and waitid(). newlib's <sys/wait.h> includes this file in place of its own
 * (libc/patches/0010-headers-posix-cairn.patch). The options are spelled as
 * in kernel/include/uapi/wait.h, which internal/abi_check_uapi.c includes
 * after this file.
 */
#ifndef _CAIRN_WAIT_H
#define _CAIRN_WAIT_H

#include <sys/types.h>
#include <signal.h>

#define WNOHANG    0x00000001
#define WUNTRACED  0x00000002
#define WSTOPPED   WUNTRACED
#define WEXITED    0x00000004
#define WCONTINUED 0x00000008
#define WNOWAIT    0x01000000

/*
 * A status is (code << 8) | signal for an exit or a stop, the signal (with
 * 0x80 for a core dump) for a death, and 0xffff for a continued child.
 */
#define WEXITSTATUS(s)  (((s) & 0xff00) >> 8)
#define WTERMSIG(s)     ((s) & 0x7f)
#define WSTOPSIG(s)     WEXITSTATUS(s)
#define WCOREDUMP(s)    ((s) & 0x80)
#define WIFEXITED(s)    (!WTERMSIG(s))
#define WIFSTOPPED(s)   ((short)((((s) & 0xffff) * 0x10001) >> 8) > 0x7f00)
#define WIFSIGNALED(s)  (((s) & 0xffff) - 1U < 0xffu)
#define WIFCONTINUED(s) ((s) == 0xffff)

typedef enum { P_ALL = 0, P_PID = 1, P_PGID = 2 } idtype_t;

__BEGIN_DECLS
pid_t wait(int *);
pid_t waitpid(pid_t, int *, int);
int waitid(idtype_t, id_t, siginfo_t *, int);
struct rusage;
pid_t wait3(int *, int, struct rusage *);
pid_t wait4(pid_t, int *, int, struct rusage *);
#ifdef _COMPILING_NEWLIB
pid_t _wait(int *);
#endif
__END_DECLS

#endif
