/*
 * __dns_parse: a DNS reply checked against its query and its answers
 * collected (internal/dns.h). Every length and pointer in the reply is
 * checked against the message's end before it is used.
 *
 * The answer section may hold a CNAME chain in any order (qname CNAME a,
 * a CNAME b, b A addr): the records are scanned again for as long as the
 * chain grows, up to DNS_MAX_CHAIN links, and the addresses (or the PTR
 * name) of the chain's last name are taken.
 */
#include <string.h>
#include <strings.h>
#include <sys/socket.h>

#include "internal/dns.h"

static unsigned get16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

/*
 * One pass over the answer records from pos: takes the records of `want`;
 * a CNAME of want replaces want (returns 1: scan again). Returns 0 when the
 * pass changed nothing, -1 for a malformed record.
 */
static int scan(const unsigned char *msg, size_t len, size_t pos, unsigned ancount, int qtype,
                char *want, struct __dns_answer *ans)
{
	char owner[DNS_NAME_MAX + 1], target[DNS_NAME_MAX + 1];

	for (unsigned i = 0; i < ancount; i++) {
		unsigned type, class, rdlen;
		size_t rd;

		if (__dns_name(msg, len, &pos, owner, sizeof(owner)) || pos + 10 > len)
			return -1;
		type = get16(msg + pos);
		class = get16(msg + pos + 2);
		rdlen = get16(msg + pos + 8);
		rd = pos + 10;
		if (rd + rdlen > len)
			return -1;
		pos = rd + rdlen;
		if (class != DNS_CLASS_IN || strcasecmp(owner, want))
			continue;
		if (type == DNS_TYPE_CNAME && qtype != DNS_TYPE_CNAME) {
			size_t t = rd;

			if (__dns_name(msg, rd + rdlen, &t, target, sizeof(target)) ||
			    !strcasecmp(target, want))
				return -1;
			strcpy(want, target);
			strcpy(ans->canon, target);
			return 1;
		}
		if ((int)type != qtype)
			continue;
		if (type == DNS_TYPE_A && rdlen == 4 && ans->count < DNS_MAX_ADDRS) {
			ans->family = AF_INET;
			memcpy(ans->addr[ans->count++], msg + rd, 4);
		} else if (type == DNS_TYPE_AAAA && rdlen == 16 && ans->count < DNS_MAX_ADDRS) {
			ans->family = AF_INET6;
			memcpy(ans->addr[ans->count++], msg + rd, 16);
		} else if (type == DNS_TYPE_PTR && !ans->ptr[0]) {
			size_t t = rd;

			if (__dns_name(msg, rd + rdlen, &t, ans->ptr, sizeof(ans->ptr)))
				return -1;
		}
	}
	return 0;
}

int __dns_parse(const unsigned char *msg, size_t len, unsigned id, const char *qname, int qtype,
                struct __dns_answer *ans)
{
	char name[DNS_NAME_MAX + 1], want[DNS_NAME_MAX + 1];
	size_t pos = DNS_HEADER, qlen = strlen(qname);
	unsigned qdcount, ancount, rcode;
	int r, links = 0;

	memset(ans, 0, sizeof(*ans));
	if (len < DNS_HEADER || get16(msg) != (id & 0xffff) || !(msg[2] & 0x80) ||
	    (msg[2] & 0x78) != 0)
		return DNS_BADMSG; /* not a reply, or not to a standard query */
	qdcount = get16(msg + 4);
	ancount = get16(msg + 6);
	rcode = msg[3] & 0x0f;
	if (qlen && qname[qlen - 1] == '.')
		qlen--;
	if (qlen > DNS_NAME_MAX)
		return DNS_BADMSG;
	memcpy(want, qname, qlen);
	want[qlen] = 0;

	/* The question must be ours: a reply to something else is ignored. */
	if (qdcount != 1 || __dns_name(msg, len, &pos, name, sizeof(name)) || pos + 4 > len ||
	    strcasecmp(name, want) || (int)get16(msg + pos) != qtype ||
	    get16(msg + pos + 2) != DNS_CLASS_IN)
		return DNS_BADMSG;
	pos += 4;

	if (rcode == DNS_RCODE_NXDOMAIN)
		return DNS_NXDOMAIN;
	if (rcode != 0)
		return DNS_SERVFAIL;

	strcpy(ans->canon, want);
	while ((r = scan(msg, len, pos, ancount, qtype, want, ans)) == 1) {
		ans->count = 0;
		ans->ptr[0] = 0;
		if (++links > DNS_MAX_CHAIN)
			return DNS_BADMSG;
	}
	if (r < 0) {
		memset(ans, 0, sizeof(*ans));
		return DNS_BADMSG;
	}
	return ans->count || ans->ptr[0] ? DNS_OK : DNS_NODATA;
}
