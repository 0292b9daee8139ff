/*
 * getaddrinfo: the socket addresses for node and service, as a list to free
 * with freeaddrinfo(). Each node is one allocation: the addrinfo, its
 * sockaddr and (on the first node, with AI_CANONNAME) the canonical name.
 *
 * node is a numeric IPv4 address (inet_aton's forms), a numeric IPv6
 * address, a name from /etc/hosts, or else a name the DNS servers of
 * /etc/resolv.conf know (A, then AAAA records; internal/dns.h): their
 * errors come back as EAI_NONAME (no such name), EAI_NODATA (no address
 * of the family), EAI_AGAIN (no server answered) or EAI_SYSTEM (no socket:
 * so in a Cairn without a network stack). NULL node means the wildcard
 * address with AI_PASSIVE, the loopback address otherwise. service is a
 * port number or an /etc/services name. Without a socket type in hints,
 * each address comes as SOCK_STREAM (TCP) and SOCK_DGRAM (UDP), and also
 * SOCK_RAW when there is no service, in glibc's order.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "internal/dns.h"
#include "internal/netdb.h"

#define MAX_ADDRS 16

static const struct {
	int socktype, protocol;
	const char *proto;
} kinds[] = {
    {SOCK_STREAM, IPPROTO_TCP, "tcp"},
    {SOCK_DGRAM, IPPROTO_UDP, "udp"},
    {SOCK_RAW, 0, 0},
};

static struct addrinfo *node_new(const struct __netaddr *a, int port, int socktype, int protocol,
                                 int flags, const char *canon)
{
	size_t salen =
	    a->family == AF_INET ? sizeof(struct sockaddr_in) : sizeof(struct sockaddr_in6);
	size_t clen = canon ? strlen(canon) + 1 : 0;
	struct addrinfo *ai = calloc(1, sizeof(*ai) + sizeof(struct sockaddr_in6) + clen);

	if (!ai)
		return 0;
	ai->ai_flags = flags;
	ai->ai_family = a->family;
	ai->ai_socktype = socktype;
	ai->ai_protocol = protocol;
	ai->ai_addrlen = (socklen_t)salen;
	ai->ai_addr = (struct sockaddr *)(ai + 1);
	if (a->family == AF_INET) {
		struct sockaddr_in *sin = (struct sockaddr_in *)ai->ai_addr;
		sin->sin_family = AF_INET;
		sin->sin_port = htons((uint16_t)port);
		memcpy(&sin->sin_addr, a->addr, 4);
	} else {
		struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)ai->ai_addr;
		sin6->sin6_family = AF_INET6;
		sin6->sin6_port = htons((uint16_t)port);
		memcpy(&sin6->sin6_addr, a->addr, 16);
	}
	if (canon) {
		ai->ai_canonname = (char *)(ai + 1) + sizeof(struct sockaddr_in6);
		memcpy(ai->ai_canonname, canon, clen);
	}
	return ai;
}

/* The port of service for a kind of socket: 0 for none, -1 if unknown. */
static int service_port(const char *service, const char *proto, int flags)
{
	char *end;
	long v;

	if (!service)
		return 0;
	v = strtol(service, &end, 10);
	if (*service && !*end)
		return v >= 0 && v <= 65535 ? (int)v : -1;
	if (flags & AI_NUMERICSERV || !proto)
		return -1;
	return __service_port(service, proto);
}

/*
 * The DNS addresses of node, A records first: their count, or the EAI_*
 * error of the last question asked. A server that cannot be reached is not
 * asked the second question.
 */
static int dns_addresses(const char *node, int family, struct __netaddr *out, char *canon,
                         size_t canon_size)
{
	static const int types[2] = {DNS_TYPE_A, DNS_TYPE_AAAA};
	struct __dns_answer ans;
	int n = 0, r = EAI_NONAME;

	for (int i = 0; i < 2; i++) {
		if (family == (types[i] == DNS_TYPE_A ? AF_INET6 : AF_INET))
			continue;
		r = __dns_lookup(node, types[i], &ans);
		if (r == EAI_AGAIN || r == EAI_SYSTEM)
			break;
		for (int k = 0; r == 0 && k < ans.count && n < MAX_ADDRS; k++) {
			out[n].family = ans.family;
			memcpy(out[n].addr, ans.addr[k], 16);
			n++;
		}
		if (r == 0 && !canon[0] && strlen(ans.canon) < canon_size)
			strcpy(canon, ans.canon);
	}
	return n ? n : r;
}

/* The addresses of node: their count, or an EAI_* error (all negative). */
static int addresses(const char *node, int family, int flags, struct __netaddr *out, char *canon,
                     size_t canon_size)
{
	int n = 0;

	if (!node) {
		if (family != AF_INET) {
			out[n].family = AF_INET6;
			memset(out[n].addr, 0, 16);
			if (!(flags & AI_PASSIVE))
				out[n].addr[15] = 1;
			n++;
		}
		if (family != AF_INET6) {
			out[n].family = AF_INET;
			memset(out[n].addr, 0, 16);
			if (!(flags & AI_PASSIVE))
				memcpy(out[n].addr, "\x7f\0\0\1", 4);
			n++;
		}
		return n;
	}
	if (inet_aton(node, (struct in_addr *)out[0].addr)) {
		out[0].family = AF_INET;
		if (family == AF_INET6)
			return EAI_ADDRFAMILY;
		strncpy(canon, node, canon_size - 1);
		return 1;
	}
	if (inet_pton(AF_INET6, node, out[0].addr) == 1) {
		out[0].family = AF_INET6;
		if (family == AF_INET)
			return EAI_ADDRFAMILY;
		strncpy(canon, node, canon_size - 1);
		return 1;
	}
	if (flags & AI_NUMERICHOST)
		return EAI_NONAME;
	n = __hosts_by_name(node, family, out, MAX_ADDRS, canon, canon_size);
	return n ? n : dns_addresses(node, family, out, canon, canon_size);
}

int getaddrinfo(const char *restrict node, const char *restrict service,
                const struct addrinfo *restrict hints, struct addrinfo **restrict res)
{
	struct __netaddr addr[MAX_ADDRS];
	struct addrinfo *head = 0, **tail = &head;
	char canon[256] = "";
	int family = hints ? hints->ai_family : AF_UNSPEC;
	int socktype = hints ? hints->ai_socktype : 0;
	int protocol = hints ? hints->ai_protocol : 0;
	int flags = hints ? hints->ai_flags : 0;
	int n, any_kind = 0, saved = errno;

	if (flags & ~(AI_PASSIVE | AI_CANONNAME | AI_NUMERICHOST | AI_V4MAPPED | AI_ALL |
	              AI_ADDRCONFIG | AI_NUMERICSERV) ||
	    (flags & AI_CANONNAME && !node))
		return EAI_BADFLAGS;
	if (family != AF_UNSPEC && family != AF_INET && family != AF_INET6)
		return EAI_FAMILY;
	if (socktype != 0 && socktype != SOCK_STREAM && socktype != SOCK_DGRAM &&
	    socktype != SOCK_RAW)
		return EAI_SOCKTYPE;
	if (!node && !service)
		return EAI_NONAME;
	if (service && (flags & AI_NUMERICSERV) && service_port(service, 0, flags) < 0)
		return EAI_NONAME;

	n = addresses(node, family, flags, addr, canon, sizeof(canon));
	if (n < 0)
		return n;
	for (int i = 0; i < n; i++) {
		for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
			int port;
			struct addrinfo *ai;

			if (socktype ? kinds[k].socktype != socktype
			             : (kinds[k].socktype == SOCK_RAW && service))
				continue;
			if (protocol && kinds[k].protocol && protocol != kinds[k].protocol)
				continue;
			port = service_port(service, kinds[k].proto, flags);
			if (port < 0)
				continue;
			any_kind = 1;
			ai = node_new(&addr[i], port, kinds[k].socktype,
			              protocol ? protocol : kinds[k].protocol, flags,
			              head || !(flags & AI_CANONNAME) ? 0 : canon);
			if (!ai) {
				freeaddrinfo(head);
				errno = saved;
				return EAI_MEMORY;
			}
			*tail = ai;
			tail = &ai->ai_next;
		}
	}
	if (!head)
		return any_kind || !service ? EAI_NONAME : EAI_SERVICE;
	*res = head;
	return 0;
}
