/*
 * getnameinfo: the host and service of a socket address as text. The host
 * is the /etc/hosts name of the address unless NI_NUMERICHOST (FIXME: no
 * DNS yet), else the numeric form, unless NI_NAMEREQD asks for a name
 * (EAI_NONAME). The service is the /etc/services name for the port and
 * "tcp" ("udp" with NI_DGRAM) unless NI_NUMERICSERV, else the number.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "internal/netdb.h"

int getnameinfo(const struct sockaddr *restrict sa, socklen_t salen, char *restrict host,
                socklen_t hostlen, char *restrict serv, socklen_t servlen, int flags)
{
	struct __netaddr a;
	int port;

	if (sa->sa_family == AF_INET && salen >= sizeof(struct sockaddr_in)) {
		const struct sockaddr_in *sin = (const void *)sa;
		a.family = AF_INET;
		memcpy(a.addr, &sin->sin_addr, 4);
		port = ntohs(sin->sin_port);
	} else if (sa->sa_family == AF_INET6 && salen >= sizeof(struct sockaddr_in6)) {
		const struct sockaddr_in6 *sin6 = (const void *)sa;
		a.family = AF_INET6;
		memcpy(a.addr, &sin6->sin6_addr, 16);
		port = ntohs(sin6->sin6_port);
	} else {
		return EAI_FAMILY;
	}

	if (host && hostlen) {
		if ((flags & NI_NUMERICHOST) || __hosts_by_addr(&a, host, hostlen) < 0) {
			if (flags & NI_NAMEREQD)
				return EAI_NONAME;
			if (!inet_ntop(a.family, a.addr, host, hostlen))
				return EAI_OVERFLOW;
		}
	}
	if (serv && servlen) {
		if ((flags & NI_NUMERICSERV) ||
		    __service_by_port(port, flags & NI_DGRAM ? "udp" : "tcp", serv, servlen) < 0) {
			if (snprintf(serv, servlen, "%d", port) >= (int)servlen)
				return EAI_OVERFLOW;
		}
	}
	return 0;
}
