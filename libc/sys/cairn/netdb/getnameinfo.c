/*
 * getnameinfo: the host and service of a socket address as text. The host
 * is the /etc/hosts name of the address, or else its DNS PTR name
 * (internal/dns.h), unless NI_NUMERICHOST; else the numeric form, unless
 * NI_NAMEREQD asks for a name: then EAI_NONAME, or EAI_AGAIN when no name
 * server answered in time (no network at all is EAI_NONAME). The service
 * is the /etc/services name for the port and "tcp" ("udp" with NI_DGRAM)
 * unless NI_NUMERICSERV, else the number.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "internal/dns.h"
#include "internal/netdb.h"

/* The PTR name of a into host: 0 or an EAI_* error. */
static int dns_name(const struct __netaddr *a, char *host, socklen_t hostlen)
{
	struct __dns_answer ans;
	char q[DNS_NAME_MAX + 1];
	int r;

	if (__dns_reverse_name(a->family, a->addr, q, sizeof(q)))
		return EAI_NONAME;
	r = __dns_lookup(q, DNS_TYPE_PTR, &ans);
	if (r)
		return r == EAI_AGAIN ? EAI_AGAIN : EAI_NONAME;
	if (strlen(ans.ptr) >= hostlen)
		return EAI_OVERFLOW;
	strcpy(host, ans.ptr);
	return 0;
}

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
		int r = EAI_NONAME;

		if ((flags & NI_NUMERICHOST) ||
		    (__hosts_by_addr(&a, host, hostlen) < 0 && (r = dns_name(&a, host, hostlen)))) {
			if (flags & NI_NAMEREQD)
				return r;
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
