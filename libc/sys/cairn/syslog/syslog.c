/*
 * syslog, vsyslog, openlog, closelog, setlogmask: messages to the system
 * logger's datagram socket /dev/log as "<PRI>Mmm dd hh:mm:ss IDENT[PID]: MSG"
 * (RFC 3164, what syslogd and journald read). They share the connection and
 * the settings, so they live in one file.
 *
 * When there is no logger (no /dev/log, or no sockets in the kernel yet)
 * the message is dropped silently, as glibc does; LOG_CONS then writes it to
 * /dev/console instead, and LOG_PERROR copies every message to stderr.
 * FIXME: the state is not locked; two threads logging at once may interleave
 * their connection attempts (the pthread work brings the locks).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

#include "internal/libc.h"

static const char *log_ident;
static int log_option;
static int log_facility = LOG_USER;
static int log_mask = 0xff;
static int log_fd = -1;

static void log_connect(void)
{
	struct sockaddr_un sun = {.sun_family = AF_UNIX, .sun_path = "/dev/log"};

	if (log_fd >= 0)
		return;
	log_fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (log_fd < 0)
		return;
	if (connect(log_fd, (struct sockaddr *)&sun, sizeof(sun)) < 0) {
		close(log_fd);
		log_fd = -1;
	}
}

void openlog(const char *ident, int option, int facility)
{
	log_ident = ident;
	log_option = option;
	if (facility && !(facility & ~LOG_FACMASK))
		log_facility = facility;
	if (option & LOG_NDELAY)
		log_connect();
}

void closelog(void)
{
	if (log_fd >= 0)
		close(log_fd);
	log_fd = -1;
}

int setlogmask(int mask)
{
	int old = log_mask;

	if (mask)
		log_mask = mask;
	return old;
}

void vsyslog(int priority, const char *fmt, va_list ap)
{
	char buf[1024], stamp[16];
	const char *ident = log_ident ? log_ident : program_invocation_short_name;
	int saved = errno, head, n;
	time_t now = time(0);
	struct tm tm;

	if (!(log_mask & LOG_MASK(LOG_PRI(priority))) || (priority & ~(LOG_PRIMASK | LOG_FACMASK)))
		return;
	if (!(priority & LOG_FACMASK))
		priority |= log_facility;
	localtime_r(&now, &tm);
	strftime(stamp, sizeof(stamp), "%b %e %H:%M:%S", &tm);
	head = snprintf(buf, sizeof(buf), "<%d>%s ", priority, stamp);
	if (log_option & LOG_PID)
		n = snprintf(buf + head, sizeof(buf) - (size_t)head, "%s[%d]: ", ident,
		             (int)getpid());
	else
		n = snprintf(buf + head, sizeof(buf) - (size_t)head, "%s: ", ident);
	n += head;
	errno = saved; /* for %m */
	n += vsnprintf(buf + n, sizeof(buf) - (size_t)n, fmt, ap);
	if (n >= (int)sizeof(buf))
		n = sizeof(buf) - 1;

	if (log_option & LOG_PERROR)
		dprintf(STDERR_FILENO, "%s\n", buf + head);
	log_connect();
	if (log_fd >= 0 && send(log_fd, buf, (size_t)n, MSG_NOSIGNAL) >= 0) {
		errno = saved;
		return;
	}
	if (log_option & LOG_CONS) {
		int fd = open("/dev/console", O_WRONLY | O_NOCTTY | O_CLOEXEC);

		if (fd >= 0) {
			dprintf(fd, "%s\r\n", buf + head);
			close(fd);
		}
	}
	errno = saved;
}

void syslog(int priority, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsyslog(priority, fmt, ap);
	va_end(ap);
}
