/*
 * The DNS stub resolver behind getaddrinfo, gethostbyname and getnameinfo
 * (after /etc/hosts). The layers:
 *
 *   wire format     __dns_query builds a query, __dns_name reads a
 *                   (compressed) name, __dns_parse checks a reply and
 *                   collects its answers, following CNAME chains: pure
 *                   functions over byte buffers, tested on the host
 *                   (tests/host/test_dns.c), trusting nothing in a reply
 *   configuration   __resolv_conf_parse reads /etc/resolv.conf's
 *                   nameserver and options lines
 *   transport       __dns_lookup sends the query over UDP to each name
 *                   server in turn, with resolv.conf's timeout and attempts
 *
 * Messages are RFC 1035's: a 12-byte header, then questions and resource
 * records, names as length-prefixed labels or 2-byte pointers back into the
 * message (compression). Only UDP: a truncated reply is used for what it
 * holds.
 */
#ifndef _CAIRN_INTERNAL_DNS_H
#define _CAIRN_INTERNAL_DNS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define DNS_PORT      53
#define DNS_HEADER    12
#define DNS_UDP_MAX   512 /* the largest reply a server sends without EDNS */
#define DNS_NAME_MAX  255 /* an encoded name, RFC 1035 2.3.4 */
#define DNS_LABEL_MAX 63

#define DNS_TYPE_A     1
#define DNS_TYPE_CNAME 5
#define DNS_TYPE_PTR   12
#define DNS_TYPE_AAAA  28
#define DNS_CLASS_IN   1

#define DNS_RCODE_SERVFAIL 2
#define DNS_RCODE_NXDOMAIN 3

/* At most this many addresses come from one reply; CNAME chains are followed this far. */
#define DNS_MAX_ADDRS 16
#define DNS_MAX_CHAIN 8

/* __dns_parse's results. */
enum {
	DNS_OK = 0,        /* at least one answer of the type asked */
	DNS_NODATA = -1,   /* the name exists, without records of that type */
	DNS_NXDOMAIN = -2, /* the name does not exist */
	DNS_SERVFAIL = -3, /* the server failed or refused: ask another */
	DNS_BADMSG = -4,   /* not a reply to this query, or malformed */
};

/* What a reply answered. */
struct __dns_answer {
	int count;                             /* addresses (A, AAAA) */
	int family;                            /* AF_INET or AF_INET6 */
	unsigned char addr[DNS_MAX_ADDRS][16]; /* 4 or 16 bytes each */
	char canon[DNS_NAME_MAX + 1];          /* the end of the CNAME chain */
	char ptr[DNS_NAME_MAX + 1];            /* a PTR answer's name */
};

/*
 * Builds a recursive query for name (dotted, a final dot allowed) and type,
 * with identifier id, into buf. Returns its length, or -1 if the name is
 * empty, has an empty or over-long label, or does not fit.
 */
int __dns_query(unsigned char *buf, size_t size, const char *name, int type, unsigned id);

/*
 * Reads the name at *pos in the message msg[0..len) into out (dotted, no
 * final dot; "" for the root), following compression pointers, and moves
 * *pos past the name where it starts. Returns 0, or -1 for a name that
 * runs past the message, loops, is longer than 255 bytes or than size, or
 * holds a label with a '.' or NUL byte.
 */
int __dns_name(const unsigned char *msg, size_t len, size_t *pos, char *out, size_t size);

/*
 * Checks that msg[0..len) is a reply to the query with identifier id for
 * qname and qtype (DNS_TYPE_A, _AAAA or _PTR), and collects its answers
 * into ans: the addresses (or the PTR name) of qname or of the name a CNAME
 * chain from it ends at. Returns DNS_OK, DNS_NODATA, DNS_NXDOMAIN,
 * DNS_SERVFAIL or DNS_BADMSG.
 */
int __dns_parse(const unsigned char *msg, size_t len, unsigned id, const char *qname, int qtype,
                struct __dns_answer *ans);

/* The name a PTR query for the address (4 or 16 bytes) asks: "4.3.2.1.in-addr.arpa", ... */
int __dns_reverse_name(int family, const unsigned char *addr, char *out, size_t size);

/* /etc/resolv.conf: up to three name servers, the timeout and the attempts. */
#define RESOLV_MAX_NS 3
struct __resolv_conf {
	int count;
	struct {
		int family;
		unsigned char addr[16];
	} ns[RESOLV_MAX_NS];
	int timeout;  /* seconds per try, "options timeout:N" (1..30, default 5) */
	int attempts; /* rounds over the servers, "options attempts:N" (1..5, default 2) */
};

/*
 * Reads a resolv.conf from f (NULL: none) into rc: "nameserver ADDR" lines
 * (IPv4 or IPv6; the first three count) and "options" with timeout:N and
 * attempts:N; other lines and options are ignored. With no name server, the
 * local one (127.0.0.1) is used, as glibc does.
 */
void __resolv_conf_parse(FILE *f, struct __resolv_conf *rc);

/*
 * Asks the name servers of /etc/resolv.conf about name: DNS_TYPE_A or
 * DNS_TYPE_AAAA addresses, or a DNS_TYPE_PTR name. Returns 0 with ans
 * filled, or an EAI_* error: EAI_NONAME (no such name), EAI_NODATA (the
 * name has no record of that type), EAI_AGAIN (no server answered in time,
 * or they failed), EAI_SYSTEM (no socket could be made: errno says why; so
 * in a Cairn without a network stack).
 */
int __dns_lookup(const char *name, int qtype, struct __dns_answer *ans);

#endif
