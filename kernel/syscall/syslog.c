/*
 * syslog(2), the kernel log as dmesg reads it (glibc's klogctl). Supported:
 * SYSLOG_ACTION_CLOSE and _OPEN (no-ops, as in Linux), _READ_ALL (copies up
 * to len bytes of the log ring, oldest first, without consuming it) and
 * _SIZE_BUFFER. The consuming reads, clearing and console level actions are
 * not implemented and fail with EINVAL; anyone may read the log (Linux's
 * dmesg_restrict=0).
 */
#include <errno.h>
#include <log.h>
#include <mm/slab.h>
#include <uaccess.h>

#define SYSLOG_ACTION_CLOSE 0
#define SYSLOG_ACTION_OPEN 1
#define SYSLOG_ACTION_READ_ALL 3
#define SYSLOG_ACTION_SIZE_BUFFER 10

/* Copies the whole log (at most len bytes) to buf; returns the byte count. */
static long syslog_read_all(char *buf, int len)
{
	if (len < 0)
		return -EINVAL;
	size_t size = (size_t)len < LOG_BUF_SIZE ? (size_t)len : LOG_BUF_SIZE;
	if (size == 0)
		return 0;
	char *tmp = kmalloc(size);
	if (!tmp)
		return -ENOMEM;
	size_t n = log_read_all(tmp, size);
	long ret = copy_to_user(buf, tmp, n) ? -EFAULT : (long)n;
	kfree(tmp);
	return ret;
}

long sys_syslog(int type, char *buf, int len)
{
	switch (type) {
	case SYSLOG_ACTION_CLOSE:
	case SYSLOG_ACTION_OPEN:
		return 0;
	case SYSLOG_ACTION_READ_ALL:
		return syslog_read_all(buf, len);
	case SYSLOG_ACTION_SIZE_BUFFER:
		return LOG_BUF_SIZE;
	default:
		return -EINVAL;
	}
}
