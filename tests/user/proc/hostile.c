/*
 * Hostile system calls: every number from 0 to 460 with bad pointers (NULL,
 * 1, kernel and non-canonical addresses, the last user byte, random), huge
 * lengths and random numbers from a fixed-seed xorshift, 2000 rounds (argv[1]
 * overrides). Every call must return, with a value or a Linux errno (never a
 * kernel-internal one such as -ERESTARTSYS), and the process must survive.
 *
 * The calls run in a forked child, so a kernel bug that kills it (or hangs
 * it: argv[2] seconds, default 180) is reported here, with the call that was
 * running. The child reports through a MAP_SHARED page; it closes its
 * descriptors first so no call can block on the console.
 *
 * Skipped, because they would end, stop or block the caller legitimately:
 * the exits, fork/vfork/clone/clone3, execve/execveat, kill/tkill/tgkill/
 * pidfd_send_signal, rt_sigreturn, pause, reboot, alarm (SIGALRM), ptrace
 * (PTRACE_TRACEME), seccomp and prctl (strict mode, syscall user dispatch),
 * rseq (an area at NULL faults at the next preemption), vhangup (the
 * console), mlockall (pins every later mapping), syslog (reading waits for
 * messages), keyctl (it can clear the user's keyrings on a Linux host), and
 * Linux's uretprobe and uprobe (335, 336: SIGILL unless called from a uprobe
 * trampoline).
 *
 * Tamed, so random arguments cannot destroy the caller legitimately:
 * - pointer-sized arguments that fall inside this program's own image, heap,
 *   stack or report page are made non-canonical;
 * - memory-management calls (mmap, munmap, mprotect, madvise, mremap, ...) get
 *   addresses inside a 4 MiB scratch mapping instead of other user addresses,
 *   with lengths clipped to it; new mappings, SysV IPC objects and
 *   descriptors are released right after the call, brk is restored;
 * - poll/select/epoll timeouts are zero, msgrcv gets IPC_NOWAIT;
 * - MAP_POPULATE and MAP_LOCKED are dropped from mmap flags.
 * Run it on a Linux host only as an unprivileged user (run-host.sh does).
 *
 * Usage: test-hostile [ROUNDS [TIMEOUT-SECONDS [TRACE-FROM-ROUND]]]; with
 * TRACE-FROM-ROUND the child prints every call from that round on, before
 * making it, so the console shows the call that killed it.
 */
#include "rt.h"

#define MAX_NR       460
#define SCRATCH_SIZE (4UL << 20)
#define USER_END     0x0000800000000000UL
#define NONCANON     0x8000000000000000UL
#define LAST_USER    0x00007fffffffffffUL
#define MAX_ERRNO    133 /* EHWPOISON, Linux's highest */
#define IPC_RMID     0
#define IPC_NOWAIT   04000

/* Linux numbers Cairn's table does not have (newer than its linux-libc-dev). */
#define NR_uretprobe        335 /* Linux 6.11: SIGILL outside a uprobe trampoline */
#define NR_uprobe           336 /* Linux 6.16: likewise */
#define NR_map_shadow_stack 453

/* Numbers no system call has: they must give -ENOSYS. (Linux looks at the
 * low 32 bits only, so none of these may have a valid number down there.) */
static const unsigned long bogus_nrs[] = {
    512, 999, 1000, 0x3fffffff, 0x7fffffff, 0x80000000, 0xffffffff, ~0UL, 0x80000000ffffffffUL};

extern char __executable_start[];

/* The child's report, on a MAP_SHARED page. */
struct report {
	volatile long calls, rounds, done;
	volatile long nr, args[6]; /* the call being made */
	volatile long enosys, errors, values;
	volatile long weird, weird_nr, weird_ret, weird_args[6];   /* results that are not errnos */
	volatile long bogus_calls, bogus_bad, bogus_nr, bogus_ret; /* numbers past the table */
};

static struct report *rep;
static long trace_from = -1; /* argv[3]: print every call from this round on (debugging) */
#define TRACE_FD 1000
static unsigned long scratch, heap_start, stack_lo, stack_hi;
static uint64_t rng_state = 0x2545f4914f6cdd1dULL;

static uint64_t rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static bool in(int nr, const int *list, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (list[i] == nr)
			return true;
	}
	return false;
}
#define IN(nr, list) in(nr, list, ARRAY_SIZE(list))

/* clang-format off */
/* Skipped (see the top of the file). */
static const int skip_nrs[] = {
	SYS_exit, SYS_exit_group, SYS_fork, SYS_vfork, SYS_clone, SYS_clone3, SYS_execve,
	SYS_execveat, SYS_kill, SYS_tkill, SYS_tgkill, SYS_pidfd_send_signal, SYS_rt_sigreturn,
	SYS_pause, SYS_reboot, SYS_alarm, SYS_ptrace, SYS_seccomp, SYS_prctl, SYS_rseq,
	SYS_vhangup, SYS_mlockall, SYS_syslog, SYS_keyctl, NR_uretprobe, NR_uprobe
};

/* Calls that may return a new descriptor. */
static const int fd_nrs[] = {
	SYS_open, SYS_creat, SYS_openat, SYS_openat2, SYS_dup, SYS_dup2, SYS_dup3, SYS_fcntl,
	SYS_socket, SYS_accept, SYS_accept4, SYS_epoll_create, SYS_epoll_create1, SYS_eventfd,
	SYS_eventfd2, SYS_timerfd_create, SYS_inotify_init, SYS_inotify_init1, SYS_signalfd,
	SYS_signalfd4, SYS_memfd_create, SYS_userfaultfd, SYS_fanotify_init,
	SYS_perf_event_open, SYS_bpf, SYS_io_uring_setup, SYS_pidfd_open, SYS_pidfd_getfd,
	SYS_fsopen, SYS_fsmount, SYS_fspick, SYS_open_tree, SYS_mq_open, SYS_memfd_secret,
	SYS_landlock_create_ruleset, SYS_open_by_handle_at
};

/* Calls whose first argument is an address in this process, the second a length. */
static const int mm_nrs[] = {
	SYS_mmap, SYS_mprotect, SYS_munmap, SYS_mremap, SYS_msync, SYS_mincore, SYS_madvise,
	SYS_mlock, SYS_munlock, SYS_remap_file_pages, SYS_mbind, SYS_pkey_mprotect, SYS_mlock2,
	NR_map_shadow_stack, SYS_set_mempolicy_home_node
};
/* clang-format on */

/* True if v points into memory this program needs to keep running. */
static bool is_ours(unsigned long v)
{
	if (v == LAST_USER)
		return false; /* deliberately allowed: at most the top byte of the stack */
	return (v >= (unsigned long)__executable_start && v < heap_start + (64UL << 20)) ||
	       (v >= (unsigned long)rep && v < (unsigned long)rep + PAGE_SIZE) ||
	       (v >= scratch && v < scratch + SCRATCH_SIZE) || (v >= stack_lo && v < stack_hi);
}

static unsigned long gen(void)
{
	unsigned long v;
	switch (rng() % 12) {
	case 0:
		v = 0;
		break;
	case 1:
		v = 1;
		break;
	case 2:
		v = ~0UL;
		break;
	case 3:
		v = 0xffff800000000000UL;
		break;
	case 4:
		v = LAST_USER;
		break;
	case 5:
		v = 1UL << 62;
		break;
	case 6:
		v = rng();
		break;
	case 7:
		v = rng() % 64;
		break;
	case 8:
		v = rng() % 4096;
		break;
	case 9:
		v = rng() & 0xffffffffUL;
		break;
	case 10:
		v = -(rng() % 4096);
		break;
	default:
		v = USER_END;
		break;
	}
	return is_ours(v) ? v | NONCANON : v;
}

/* A user address becomes one inside the scratch mapping (page-aligned half the time). */
static unsigned long to_scratch(unsigned long v)
{
	if (v >= USER_END)
		return v;
	v = scratch + v % SCRATCH_SIZE;
	return (rng() & 1) ? v & ~(PAGE_SIZE - 1) : v;
}

static unsigned long clip(unsigned long addr, unsigned long len)
{
	if (addr >= scratch && addr < scratch + SCRATCH_SIZE && len > scratch + SCRATCH_SIZE - addr)
		return scratch + SCRATCH_SIZE - addr;
	return len;
}

static struct timespec zero_ts;
static struct timeval zero_tv;

static void tame(int nr, unsigned long *a)
{
	if (IN(nr, mm_nrs)) {
		a[0] = to_scratch(a[0]);
		a[1] = clip(a[0], a[1]);
	}
	switch (nr) {
	case SYS_mmap:
		a[3] &= ~(unsigned long)(MAP_POPULATE | MAP_LOCKED);
		break;
	case SYS_mremap:
		a[4] = to_scratch(a[4]);
		if (a[3] & 2) /* MREMAP_FIXED */
			a[2] = clip(a[4], a[2]);
		break;
	case SYS_shmat:
		a[1] = to_scratch(a[1]);
		break;
	case SYS_poll:
	case SYS_epoll_wait:
	case SYS_epoll_pwait:
		a[nr == SYS_poll ? 2 : 3] = 0;
		break;
	case SYS_select:
		zero_tv = (struct timeval){0, 0};
		if (!a[4])
			a[4] = (unsigned long)&zero_tv;
		break;
	case SYS_pselect6:
	case SYS_ppoll:
	case SYS_epoll_pwait2: {
		int i = nr == SYS_pselect6 ? 4 : nr == SYS_ppoll ? 2 : 3;
		zero_ts = (struct timespec){0, 0};
		if (!a[i])
			a[i] = (unsigned long)&zero_ts;
		break;
	}
	case SYS_msgrcv:
		a[4] |= IPC_NOWAIT;
		break;
	}
}

/* Releases what a successful call created. */
static void clean_up(int nr, const unsigned long *a, long r)
{
	if (r < 0)
		return;
	if (IN(nr, fd_nrs) && r < (1L << 20))
		sys_close((int)r);
	switch (nr) {
	case SYS_mmap:
	case SYS_mremap:
	case NR_map_shadow_stack:
		if ((unsigned long)r < scratch || (unsigned long)r >= scratch + SCRATCH_SIZE)
			sys_munmap((void *)r, nr == SYS_mremap ? a[2] : a[1]);
		break;
	case SYS_shmat:
		syscall1(SYS_shmdt, r);
		break;
	case SYS_shmget:
		syscall3(SYS_shmctl, r, IPC_RMID, 0);
		break;
	case SYS_msgget:
		syscall3(SYS_msgctl, r, IPC_RMID, 0);
		break;
	case SYS_semget:
		syscall4(SYS_semctl, r, 0, IPC_RMID, 0);
		break;
	case SYS_brk:
		sys_brk(heap_start);
		break;
	}
}

static void ignore_signals(void)
{
	static const int sigs[] = {SIGHUP,  SIGINT,  SIGPIPE,   SIGALRM,  SIGUSR1, SIGUSR2,
	                           SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF,  SIGTTIN, SIGTTOU,
	                           SIGTSTP, SIGIO,   SIGURG,    SIGWINCH, SIGPWR};
	struct k_sigaction act = {(void *)SIG_IGN, 0, NULL, 0};
	for (size_t i = 0; i < ARRAY_SIZE(sigs); i++)
		sys_rt_sigaction(sigs[i], &act, NULL);
}

static int hostile(long rounds)
{
	ignore_signals();
	if (trace_from >= 0)
		sys_dup2(1, TRACE_FD); /* random calls may still close it: a debugging aid only */
	for (int fd = 0; fd < 64; fd++)
		sys_close(fd);
	heap_start = (unsigned long)sys_brk(0);
	unsigned long sp = (unsigned long)__builtin_frame_address(0);
	stack_lo = sp - (1UL << 20);
	stack_hi = __rt_initial_sp + (1UL << 20);
	long s = sys_mmap(NULL, SCRATCH_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
	                  -1, 0);
	if (s < 0)
		return 2;
	scratch = (unsigned long)s;

	for (long round = 0; round < rounds; round++) {
		rep->rounds = round;
		/* A fresh scratch mapping: the last round may have unmapped or protected parts. */
		if (sys_mmap((void *)scratch, SCRATCH_SIZE, PROT_READ | PROT_WRITE,
		             MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) != s)
			return 3;
		for (int nr = 0; nr <= MAX_NR; nr++) {
			if (IN(nr, skip_nrs))
				continue;
			unsigned long a[6];
			for (int i = 0; i < 6; i++)
				a[i] = gen();
			tame(nr, a);
			rep->nr = nr;
			for (int i = 0; i < 6; i++)
				rep->args[i] = (long)a[i];
			rep->calls++;
			if (trace_from >= 0 && round >= trace_from)
				tdprintf(TRACE_FD,
				         "# hostile: round %ld call %ld: nr %d (%#lx, %#lx, %#lx, "
				         "%#lx, %#lx, %#lx)\n",
				         round, rep->calls, nr, a[0], a[1], a[2], a[3], a[4], a[5]);
			long r = syscall6(nr, (long)a[0], (long)a[1], (long)a[2], (long)a[3],
			                  (long)a[4], (long)a[5]);
			if (r == -ENOSYS)
				rep->enosys++;
			else if (r < 0 && r >= -4095)
				rep->errors++;
			else
				rep->values++;
			if (r < -MAX_ERRNO && r >= -4095 && !rep->weird++) {
				rep->weird_nr = nr;
				rep->weird_ret = r;
				for (int i = 0; i < 6; i++)
					rep->weird_args[i] = (long)a[i];
			}
			clean_up(nr, a, r);
		}
		for (size_t i = 0; i < ARRAY_SIZE(bogus_nrs); i++) {
			rep->nr = (long)bogus_nrs[i];
			rep->bogus_calls++;
			long r = syscall6((long)bogus_nrs[i], (long)gen(), (long)gen(), (long)gen(),
			                  (long)gen(), (long)gen(), (long)gen());
			if (r != -ENOSYS && !rep->bogus_bad++) {
				rep->bogus_nr = (long)bogus_nrs[i];
				rep->bogus_ret = r;
			}
		}
		for (int fd = 0; fd < 64; fd++)
			sys_close(fd);
	}
	rep->nr = -1;
	rep->done = 1;
	return 0;
}

static int mark_shared(void *arg)
{
	(void)arg;
	rep->calls = 42;
	return 0;
}

static int exit_zero(void *arg)
{
	(void)arg;
	return 0;
}

static void print_last_call(void)
{
	t_diag("last call: nr %ld (%#lx, %#lx, %#lx, %#lx, %#lx, %#lx) in round %ld, call %ld",
	       rep->nr, rep->args[0], rep->args[1], rep->args[2], rep->args[3], rep->args[4],
	       rep->args[5], rep->rounds, rep->calls);
}

int main(int argc, char **argv)
{
	long rounds = argc > 1 ? rt_atol(argv[1]) : 2000;
	long timeout_s = argc > 2 ? rt_atol(argv[2]) : 180;
	if (argc > 3)
		trace_from = rt_atol(argv[3]);
	long p =
	    sys_mmap(NULL, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (!T_OK(p > 0, "a shared page for the report (%#lx)", p))
		return t_done();
	rep = (struct report *)p;
	int st = rt_run_child(mark_shared, NULL);
	T_OK(st == 0 && rep->calls == 42,
	     "a child's writes to the MAP_SHARED report page reach the parent (else the report "
	     "below is blind)");
	rep->calls = 0;

	int64_t start = rt_now_ns();
	long pid = sys_fork();
	if (pid == 0)
		sys_exit_group(hostile(rounds));
	if (!T_OK(pid > 0, "fork the child that makes the calls (%ld)", pid))
		return t_done();

	long r;
	int64_t deadline = start + timeout_s * 1000000000LL;
	while ((r = sys_wait4((pid_t)pid, &st, WNOHANG, NULL)) == 0 && rt_now_ns() < deadline)
		rt_sleep_ms(100);
	if (r == 0) {
		T_OK(false, "the calls finish within %ld s (stuck in round %ld)", timeout_s,
		     rep->rounds);
		print_last_call();
		sys_kill((pid_t)pid, SIGKILL);
		sys_wait4((pid_t)pid, &st, 0, NULL);
		return t_done();
	}
	long ms = (long)((rt_now_ns() - start) / 1000000);
	t_diag("%ld calls in %ld rounds, %ld ms: %ld gave -ENOSYS, %ld another errno, %ld a value",
	       rep->calls, rounds, ms, rep->enosys, rep->errors, rep->values);
	bool alive = r == pid && st == 0 && rep->done;
	T_OK(alive, "all %ld calls returned and the process survived (status %#x)", rep->calls, st);
	if (!alive)
		print_last_call();
	if (!T_OK(rep->weird == 0,
	          "every error is a Linux errno (%ld others; first: nr %ld returned %ld)",
	          rep->weird, rep->weird_nr, rep->weird_ret))
		t_diag("that call: nr %ld (%#lx, %#lx, %#lx, %#lx, %#lx, %#lx)", rep->weird_nr,
		       rep->weird_args[0], rep->weird_args[1], rep->weird_args[2],
		       rep->weird_args[3], rep->weird_args[4], rep->weird_args[5]);

	T_OK(rep->bogus_calls > 0 && rep->bogus_bad == 0,
	     "%ld calls of numbers past the table gave -ENOSYS (%ld did not; first: %#lx returned "
	     "%ld)",
	     rep->bogus_calls, rep->bogus_bad, rep->bogus_nr, rep->bogus_ret);

	/* The kernel still works for this process. */
	st = rt_run_child(exit_zero, NULL);
	T_OK(st == 0, "afterwards this process still forks and waits (status %#x)", st);
	return t_done();
}
