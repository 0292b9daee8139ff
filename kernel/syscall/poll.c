/*
 * poll, ppoll, select and pselect6: argument checks and copies around the
 * poll engine (fs/poll.c). select's fd_sets become pollfds: readable means
 * POLLIN, POLLHUP or POLLERR; writable POLLOUT or POLLERR; exceptional
 * POLLPRI. ppoll and pselect6 run with the caller's temporary signal mask
 * (proc/signal.h). None of them is restarted after a handler (EINTR).
 */
#include <errno.h>
#include <fs/poll.h>
#include <lib/string.h>
#include <mm/slab.h>
#include <proc/process.h>
#include <proc/signal.h>
#include <time.h>
#include <uaccess.h>
#include <uapi/poll.h>
#include <uapi/time.h>

#define POLL_MAX_FDS 4096

/* A relative timeout in ns (or none) as a poll_do() deadline. */
static uint64_t deadline_after(bool has_timeout, uint64_t ns)
{
	if (!has_timeout)
		return 0;
	if (ns == 0)
		return UINT64_MAX;
	uint64_t now = clock_monotonic_ns();
	return ns > UINT64_MAX / 2 ? UINT64_MAX - 1 : now + ns;
}

/* The time left until deadline, for select's and ppoll's updated timeout. */
static uint64_t time_left(uint64_t deadline)
{
	uint64_t now = clock_monotonic_ns();
	return deadline == UINT64_MAX || deadline <= now ? 0 : deadline - now;
}

static int copy_timespec_ns(const struct timespec *uts, uint64_t *ns)
{
	struct timespec ts;
	if (copy_from_user(&ts, uts, sizeof(ts)))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= (long)NSEC_PER_SEC)
		return -EINVAL;
	*ns = (uint64_t)ts.tv_sec > 100000000000ULL
		      ? UINT64_MAX
		      : (uint64_t)ts.tv_sec * NSEC_PER_SEC + (uint64_t)ts.tv_nsec;
	return 0;
}

static long do_poll_user(struct pollfd *ufds, unsigned nfds, uint64_t deadline)
{
	if (nfds > POLL_MAX_FDS || nfds > current_proc()->rlimits[RLIMIT_NOFILE].rlim_cur)
		return -EINVAL;
	struct pollfd *fds = kmalloc(sizeof(*fds) * (nfds ? nfds : 1));
	if (!fds)
		return -ENOMEM;
	long ret = -EFAULT;
	if (copy_from_user(fds, ufds, sizeof(*fds) * nfds))
		goto out_free;
	ret = poll_do(fds, nfds, deadline);
	if (ret >= 0) {
		for (unsigned i = 0; i < nfds; i++)
			if (copy_to_user(&ufds[i].revents, &fds[i].revents, sizeof(short))) {
				ret = -EFAULT;
				break;
			}
	}
out_free:
	kfree(fds);
	return ret;
}

long sys_poll(struct pollfd *ufds, unsigned int nfds, int timeout_ms)
{
	uint64_t ns = timeout_ms > 0 ? (uint64_t)timeout_ms * 1000000ULL : 0;
	return do_poll_user(ufds, nfds, deadline_after(timeout_ms >= 0, ns));
}

/* Reads a temporary signal mask for ppoll/pselect6 and installs it (if any). */
static int set_user_mask(const uint64_t *umask, size_t size)
{
	if (!umask)
		return 0;
	if (size != sizeof(uint64_t))
		return -EINVAL;
	uint64_t mask;
	if (copy_from_user(&mask, umask, sizeof(mask)))
		return -EFAULT;
	signal_set_temp_mask(mask);
	return 0;
}

static void put_timespec(struct timespec *uts, uint64_t ns)
{
	struct timespec ts = { (long)(ns / NSEC_PER_SEC), (long)(ns % NSEC_PER_SEC) };
	(void)copy_to_user(uts, &ts, sizeof(ts)); /* Linux ignores this failure too */
}

long sys_ppoll(struct pollfd *ufds, unsigned int nfds, struct timespec *tsp,
	       const uint64_t *sigmask, size_t sigsetsize)
{
	uint64_t ns = 0;
	if (tsp) {
		int err = copy_timespec_ns(tsp, &ns);
		if (err)
			return err;
	}
	uint64_t deadline = deadline_after(tsp != NULL, ns);
	int err = set_user_mask(sigmask, sigsetsize);
	if (err)
		return err;
	long ret = do_poll_user(ufds, nfds, deadline);
	if (sigmask)
		signal_end_temp_mask(ret);
	if (tsp)
		put_timespec(tsp, time_left(deadline));
	return ret;
}

/* The bits of one fd_set word for select: in, out and exceptional sets. */
#define FDS_WORDS(n) (((n) + 63) / 64)

static long do_select(int nfds, uint64_t *uin, uint64_t *uout, uint64_t *uex, uint64_t deadline)
{
	if (nfds < 0 || (unsigned)nfds > current_proc()->rlimits[RLIMIT_NOFILE].rlim_cur ||
	    nfds > POLL_MAX_FDS)
		return -EINVAL;
	size_t words = FDS_WORDS((unsigned)nfds), bytes = words * 8;
	uint64_t *sets = kzalloc(bytes * 3 + 8);
	struct pollfd *fds = kmalloc(sizeof(*fds) * (nfds ? (unsigned)nfds : 1));
	long ret = -ENOMEM;
	if (!sets || !fds)
		goto out_free;
	uint64_t *in = sets, *out = sets + words, *ex = sets + 2 * words;
	ret = -EFAULT;
	if ((uin && copy_from_user(in, uin, bytes)) || (uout && copy_from_user(out, uout, bytes)) ||
	    (uex && copy_from_user(ex, uex, bytes)))
		goto out_free;
	unsigned n = 0;
	for (int fd = 0; fd < nfds; fd++) {
		uint64_t bit = 1ULL << (fd % 64);
		short ev = 0;
		if (in[fd / 64] & bit)
			ev |= POLLIN;
		if (out[fd / 64] & bit)
			ev |= POLLOUT;
		if (ex[fd / 64] & bit)
			ev |= POLLPRI;
		if (ev)
			fds[n++] = (struct pollfd){ .fd = fd, .events = ev };
	}
	ret = poll_do(fds, n, deadline);
	if (ret < 0)
		goto out_free;
	memset(sets, 0, bytes * 3);
	ret = 0;
	for (unsigned i = 0; i < n; i++) {
		int fd = fds[i].fd;
		short r = fds[i].revents, ev = fds[i].events;
		uint64_t bit = 1ULL << (fd % 64);
		if (r & POLLNVAL) {
			ret = -EBADF;
			goto out_free;
		}
		if ((ev & POLLIN) && (r & (POLLIN | POLLHUP | POLLERR)))
			in[fd / 64] |= bit, ret++;
		if ((ev & POLLOUT) && (r & (POLLOUT | POLLERR)))
			out[fd / 64] |= bit, ret++;
		if ((ev & POLLPRI) && (r & POLLPRI))
			ex[fd / 64] |= bit, ret++;
	}
	if ((uin && copy_to_user(uin, in, bytes)) || (uout && copy_to_user(uout, out, bytes)) ||
	    (uex && copy_to_user(uex, ex, bytes)))
		ret = -EFAULT;
out_free:
	kfree(fds);
	kfree(sets);
	return ret;
}

long sys_select(int nfds, uint64_t *readfds, uint64_t *writefds, uint64_t *exceptfds,
		struct timeval *tvp)
{
	uint64_t ns = 0;
	if (tvp) {
		struct timeval tv;
		if (copy_from_user(&tv, tvp, sizeof(tv)))
			return -EFAULT;
		if (tv.tv_sec < 0 || tv.tv_usec < 0 || tv.tv_usec >= 1000000)
			return -EINVAL;
		ns = (uint64_t)tv.tv_sec > 100000000000ULL
			     ? UINT64_MAX
			     : (uint64_t)tv.tv_sec * NSEC_PER_SEC + (uint64_t)tv.tv_usec * 1000;
	}
	uint64_t deadline = deadline_after(tvp != NULL, ns);
	long ret = do_select(nfds, readfds, writefds, exceptfds, deadline);
	if (tvp) {
		/* Linux writes back the time left. */
		uint64_t left = time_left(deadline);
		struct timeval tv = { (long)(left / NSEC_PER_SEC), (long)(left % NSEC_PER_SEC / 1000) };
		(void)copy_to_user(tvp, &tv, sizeof(tv));
	}
	return ret;
}

/* pselect6's sixth argument: { const sigset_t *ss; size_t ss_len; }. */
struct pselect_sigmask {
	const uint64_t *ss;
	size_t ss_len;
};

long sys_pselect6(int nfds, uint64_t *readfds, uint64_t *writefds, uint64_t *exceptfds,
		  struct timespec *tsp, void *sig)
{
	uint64_t ns = 0;
	if (tsp) {
		int err = copy_timespec_ns(tsp, &ns);
		if (err)
			return err;
	}
	uint64_t deadline = deadline_after(tsp != NULL, ns);
	struct pselect_sigmask sm = { NULL, 0 };
	if (sig && copy_from_user(&sm, sig, sizeof(sm)))
		return -EFAULT;
	int err = set_user_mask(sm.ss, sm.ss_len);
	if (err)
		return err;
	long ret = do_select(nfds, readfds, writefds, exceptfds, deadline);
	if (sm.ss)
		signal_end_temp_mask(ret);
	if (tsp)
		put_timespec(tsp, time_left(deadline));
	return ret;
}
