/*
 * waitid: waitid(2): waits for a child in P_ALL, P_PID or P_PGID as options
 * (WEXITED, WSTOPPED, WCONTINUED, WNOHANG, WNOWAIT) say, and describes it in
 * info.
 */
#include <sys/wait.h>

#include "internal/syscall.h"

int waitid(idtype_t idtype, id_t id, siginfo_t *info, int options)
{
	return (int)__syscall_ret(
	    __syscall5(SYS_waitid, (long)idtype, (long)id, (long)info, (long)options, (long)0));
}
