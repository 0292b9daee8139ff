/*
 * __dns_lookup: one question to the name servers of /etc/resolv.conf over
 * UDP (internal/dns.h). Each of `attempts` rounds asks each server in turn
 * and waits `timeout` seconds for its reply; a reply that is not to this
 * query (another identifier or question, or malformed) is ignored and the
 * wait goes on. The first answer, NXDOMAIN or NODATA settles it; a server
 * that fails (SERVFAIL, REFUSED) or refuses the datagram (ECONNREFUSED)
 * sends the question to the next one. As in glibc, servers that all failed
 * or never answered are EAI_AGAIN (a temporary failure).
 *
 * FIXME: no "search"/"domain" lists or ndots (names are asked as given),
 * no TCP for truncated replies, no EDNS.
 */
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "internal/dns.h"

#define RESOLV_CONF_PATH "/etc/resolv.conf"

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/*
 * Asks one server: returns a DNS_* result with ans filled, or 1 when it
 * did not answer in time or refused, or 2 when no socket could be made
 * (errno set).
 */
static int ask(const struct __resolv_conf *rc, int i, const unsigned char *q, size_t qlen,
               const char *name, int qtype, unsigned id, struct __dns_answer *ans)
{
	struct sockaddr_in sin;
	struct sockaddr_in6 sin6;
	struct sockaddr *sa;
	socklen_t salen;
	unsigned char reply[DNS_UDP_MAX];
	long deadline = now_ms() + rc->timeout * 1000L;
	int fd, r = 1;

	if (rc->ns[i].family == AF_INET) {
		memset(&sin, 0, sizeof(sin));
		sin.sin_family = AF_INET;
		sin.sin_port = htons(DNS_PORT);
		memcpy(&sin.sin_addr, rc->ns[i].addr, 4);
		sa = (struct sockaddr *)&sin;
		salen = sizeof(sin);
	} else {
		memset(&sin6, 0, sizeof(sin6));
		sin6.sin6_family = AF_INET6;
		sin6.sin6_port = htons(DNS_PORT);
		memcpy(&sin6.sin6_addr, rc->ns[i].addr, 16);
		sa = (struct sockaddr *)&sin6;
		salen = sizeof(sin6);
	}
	fd = socket(rc->ns[i].family, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return 2;
	/* Connected, so only the server's datagrams arrive, and a refusal is reported. */
	if (connect(fd, sa, salen) || send(fd, q, qlen, 0) != (ssize_t)qlen)
		goto out;
	for (;;) {
		struct pollfd pfd = {.fd = fd, .events = POLLIN};
		long left = deadline - now_ms();
		ssize_t n;

		if (left <= 0 || poll(&pfd, 1, (int)left) <= 0)
			break;
		n = recv(fd, reply, sizeof(reply), 0);
		if (n < 0) {
			if (errno == EINTR || errno == EAGAIN)
				continue;
			break; /* ECONNREFUSED: nobody listens there */
		}
		r = __dns_parse(reply, (size_t)n, id, name, qtype, ans);
		if (r != DNS_BADMSG)
			break;
		r = 1;
	}
out:
	close(fd);
	return r;
}

int __dns_lookup(const char *name, int qtype, struct __dns_answer *ans)
{
	struct __resolv_conf rc;
	unsigned char q[DNS_HEADER + DNS_NAME_MAX + 4];
	FILE *f = fopen(RESOLV_CONF_PATH, "re");
	unsigned id;
	int qlen, no_socket = 0, saved = errno, err = 0;

	__resolv_conf_parse(f, &rc);
	if (f)
		fclose(f);
	id = arc4random() & 0xffff;
	qlen = __dns_query(q, sizeof(q), name, qtype, id);
	if (qlen < 0)
		return EAI_NONAME;
	for (int a = 0; a < rc.attempts; a++) {
		for (int i = 0; i < rc.count; i++) {
			int r = ask(&rc, i, q, (size_t)qlen, name, qtype, id, ans);

			switch (r) {
			case DNS_OK:
				errno = saved;
				return 0;
			case DNS_NODATA:
				errno = saved;
				return EAI_NODATA;
			case DNS_NXDOMAIN:
				errno = saved;
				return EAI_NONAME;
			case 2:
				no_socket++;
				err = errno;
				break;
			}
		}
		if (no_socket == rc.count) {
			errno = err;
			return EAI_SYSTEM;
		}
	}
	errno = saved;
	return EAI_AGAIN;
}
