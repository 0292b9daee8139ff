/*
 * semctl: semctl(2). The fourth argument, when cmd takes one, is the
 * caller's union semun (int val, struct semid_ds *buf, unsigned short
 * *array), passed by value as the kernel expects; it is read as a long,
 * which holds any of its members. x86-64 has only the 64-bit structures,
 * so IPC_64 is not or'ed in (as in glibc).
 */
#include <stdarg.h>
#include <sys/sem.h>

#include "internal/syscall.h"

union __semun {
	int val;
	struct semid_ds *buf;
	unsigned short *array;
};

int semctl(int id, int num, int cmd, ...)
{
	union __semun arg = { 0 };
	va_list ap;

	switch (cmd) {
	case SETVAL:
	case IPC_STAT:
	case IPC_SET:
	case GETALL:
	case SETALL:
	case IPC_INFO:
	case SEM_INFO:
	case SEM_STAT:
		va_start(ap, cmd);
		arg = va_arg(ap, union __semun);
		va_end(ap);
		break;
	}
	long a = cmd == SETVAL ? (long)arg.val : (long)arg.buf;
	return (int)__syscall_ret(__syscall4(SYS_semctl, id, num, cmd, a));
}
