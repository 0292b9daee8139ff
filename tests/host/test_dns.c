/* SOURCES: libc/sys/cairn/netdb/__dns_query.c libc/sys/cairn/netdb/__dns_name.c libc/sys/cairn/netdb/__dns_parse.c libc/sys/cairn/netdb/__dns_reverse_name.c libc/sys/cairn/netdb/__resolv_conf_parse.c */
/*
 * Host test of the C library's DNS wire format (libc/sys/cairn/internal/
 * dns.h): the query builder, name decompression, the reply parser and the
 * resolv.conf reader. Replies are built here byte by byte: plain and
 * compressed names, several answers, CNAME chains in any order, NXDOMAIN,
 * and hostile ones (pointer loops, lengths past the end, truncations at
 * every byte, a wrong identifier or question), which must be refused
 * without reading outside the buffer (ASan watches).
 */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "check.h"
#include "internal/dns.h"

/* A reply under construction. */
struct msg {
	unsigned char b[1024];
	size_t n;
};

static void put(struct msg *m, const void *p, size_t n)
{
	memcpy(m->b + m->n, p, n);
	m->n += n;
}

static void put16(struct msg *m, unsigned v)
{
	unsigned char b[2] = {(unsigned char)(v >> 8), (unsigned char)v};
	put(m, b, 2);
}

/* A name as plain labels; returns its offset. */
static size_t put_name(struct msg *m, const char *name)
{
	size_t at = m->n;

	while (*name) {
		const char *dot = strchr(name, '.');
		size_t l = dot ? (size_t)(dot - name) : strlen(name);
		unsigned char c = (unsigned char)l;

		put(m, &c, 1);
		put(m, name, l);
		name += l + (dot ? 1 : 0);
	}
	put(m, "", 1);
	return at;
}

static void put_ptr(struct msg *m, size_t to)
{
	put16(m, 0xc000 | (unsigned)to);
}

/* Header and question; returns the question name's offset. */
static size_t start(struct msg *m, unsigned id, unsigned flags, unsigned an, const char *q,
                    unsigned qtype)
{
	m->n = 0;
	put16(m, id);
	put16(m, flags);
	put16(m, 1);
	put16(m, an);
	put16(m, 0);
	put16(m, 0);
	size_t at = put_name(m, q);
	put16(m, qtype);
	put16(m, DNS_CLASS_IN);
	return at;
}

/* A record's fixed part after its owner name. */
static void rr(struct msg *m, unsigned type, unsigned rdlen)
{
	put16(m, type);
	put16(m, DNS_CLASS_IN);
	put16(m, 0);
	put16(m, 300);
	put16(m, rdlen);
}

static int addr_is(const struct __dns_answer *a, int i, const char *text)
{
	unsigned char want[16];
	int fam = strchr(text, ':') ? AF_INET6 : AF_INET;

	return inet_pton(fam, text, want) == 1 && a->family == fam &&
	       !memcmp(a->addr[i], want, fam == AF_INET ? 4 : 16);
}

static void test_query(void)
{
	unsigned char b[600];
	int n = __dns_query(b, sizeof(b), "www.example.org", DNS_TYPE_A, 0xbeef);
	static const unsigned char want[] = {0xbe, 0xef, 0x01, 0, 0, 1, 0, 0, 0, 0, 0, 0,
	                                     3, 'w', 'w', 'w', 7, 'e', 'x', 'a', 'm', 'p', 'l',
	                                     'e', 3, 'o', 'r', 'g', 0, 0, 1, 0, 1};

	CHECK(n == (int)sizeof(want) && !memcmp(b, want, sizeof(want)),
	      "query: header (id, RD, one question), labels, type A, class IN");
	CHECK(__dns_query(b, sizeof(b), "www.example.org.", DNS_TYPE_AAAA, 1) == n &&
	          b[n - 3] == DNS_TYPE_AAAA,
	      "query: a final dot is the same name; type AAAA");
	CHECK(__dns_query(b, sizeof(b), "", DNS_TYPE_A, 1) == -1, "query: an empty name is refused");
	CHECK(__dns_query(b, sizeof(b), "a..b", DNS_TYPE_A, 1) == -1,
	      "query: an empty label is refused");
	char l64[80];
	memset(l64, 'x', 64);
	strcpy(l64 + 64, ".com");
	CHECK(__dns_query(b, sizeof(b), l64, DNS_TYPE_A, 1) == -1,
	      "query: a 64-byte label is refused");
	l64[1] = '.';
	CHECK(__dns_query(b, sizeof(b), l64 + 2, DNS_TYPE_A, 1) > 0, "query: a 62-byte label is fine");
	char big[300];
	for (int i = 0; i < 299; i++)
		big[i] = i % 2 ? '.' : 'a';
	big[299] = 0;
	CHECK(__dns_query(b, sizeof(b), big, DNS_TYPE_A, 1) == -1,
	      "query: a name over 255 bytes encoded is refused");
	CHECK(__dns_query(b, 20, "www.example.org", DNS_TYPE_A, 1) == -1,
	      "query: a buffer too small is refused");
}

static void test_names(void)
{
	struct msg m = {.n = 0};
	char out[256];
	size_t pos;

	put(&m, "\0\0\0\0", 4);
	size_t a = put_name(&m, "mail.example.org"); /* at 4 */
	size_t b = m.n;
	put(&m, "\3www", 4);
	put_ptr(&m, a + 5); /* -> example.org */
	size_t loop = m.n;
	put_ptr(&m, loop); /* points at itself */
	size_t loop2 = m.n;
	put(&m, "\1x", 2);
	put_ptr(&m, loop2); /* x.x.x... forever */

	pos = a;
	CHECK(__dns_name(m.b, m.n, &pos, out, sizeof(out)) == 0 &&
	          !strcmp(out, "mail.example.org") && pos == b,
	      "name: plain labels, position after the name");
	pos = b;
	CHECK(__dns_name(m.b, m.n, &pos, out, sizeof(out)) == 0 &&
	          !strcmp(out, "www.example.org") && pos == b + 6,
	      "name: a compression pointer; position after the pointer");
	pos = loop;
	CHECK(__dns_name(m.b, m.n, &pos, out, sizeof(out)) == -1,
	      "name: a pointer to itself is refused");
	pos = loop2;
	CHECK(__dns_name(m.b, m.n, &pos, out, sizeof(out)) == -1,
	      "name: a label-and-pointer loop is refused");
	pos = b;
	CHECK(__dns_name(m.b, b + 5, &pos, out, sizeof(out)) == -1,
	      "name: a pointer cut in half by the end is refused");
	pos = a;
	CHECK(__dns_name(m.b, a + 7, &pos, out, sizeof(out)) == -1,
	      "name: a label running past the end is refused");
	pos = a;
	CHECK(__dns_name(m.b, m.n, &pos, out, 10) == -1, "name: a name longer than the buffer");
	struct msg far = {.n = 0};
	put_ptr(&far, 900);
	pos = 0;
	CHECK(__dns_name(far.b, far.n, &pos, out, sizeof(out)) == -1,
	      "name: a pointer past the message is refused");
	struct msg bad = {.n = 0};
	put(&bad, "\3a.b\0", 5);
	pos = 0;
	CHECK(__dns_name(bad.b, bad.n, &pos, out, sizeof(out)) == -1,
	      "name: a label holding a dot is refused");
	bad.n = 0;
	put(&bad, "\x41" "abc", 4);
	pos = 0;
	CHECK(__dns_name(bad.b, bad.n, &pos, out, sizeof(out)) == -1,
	      "name: the reserved 01 label type is refused");
	/* A name of 130 one-byte labels built with pointers: over 255 bytes. */
	struct msg longn = {.n = 0};
	put(&longn, "\0", 1);
	for (int i = 0; i < 130; i++) {
		size_t prev = longn.n - (i ? 4 : 1);
		put(&longn, "\1z", 2);
		if (i)
			put_ptr(&longn, prev);
		else
			put(&longn, "\0", 1);
	}
	pos = longn.n - 4;
	CHECK(__dns_name(longn.b, longn.n, &pos, out, sizeof(out)) == -1,
	      "name: pointers building a name past 255 bytes are refused");
	struct msg root = {.n = 0};
	put(&root, "\0", 1);
	pos = 0;
	CHECK(__dns_name(root.b, root.n, &pos, out, sizeof(out)) == 0 && out[0] == 0 && pos == 1,
	      "name: the root is the empty name");
}

static void test_replies(void)
{
	struct msg m;
	struct __dns_answer a;
	size_t q;

	/* Two A records, the owner compressed. */
	q = start(&m, 0x1234, 0x8180, 2, "www.cairn.test", DNS_TYPE_A);
	put_ptr(&m, q);
	rr(&m, DNS_TYPE_A, 4);
	put(&m, "\xc0\x00\x02\x01", 4);
	put_ptr(&m, q);
	rr(&m, DNS_TYPE_A, 4);
	put(&m, "\xc0\x00\x02\x02", 4);
	CHECK(__dns_parse(m.b, m.n, 0x1234, "www.cairn.test", DNS_TYPE_A, &a) == DNS_OK &&
	          a.count == 2 && addr_is(&a, 0, "192.0.2.1") && addr_is(&a, 1, "192.0.2.2") &&
	          !strcmp(a.canon, "www.cairn.test"),
	      "reply: two A records, in order, canonical name the question");
	CHECK(__dns_parse(m.b, m.n, 0x1234, "WWW.Cairn.Test.", DNS_TYPE_A, &a) == DNS_OK &&
	          a.count == 2,
	      "reply: names compare without case, a final dot ignored");
	CHECK(__dns_parse(m.b, m.n, 0x1235, "www.cairn.test", DNS_TYPE_A, &a) == DNS_BADMSG,
	      "reply: another identifier is not ours");
	CHECK(__dns_parse(m.b, m.n, 0x1234, "ftp.cairn.test", DNS_TYPE_A, &a) == DNS_BADMSG,
	      "reply: another question is not ours");
	CHECK(__dns_parse(m.b, m.n, 0x1234, "www.cairn.test", DNS_TYPE_AAAA, &a) == DNS_BADMSG,
	      "reply: another question type is not ours");
	m.b[2] &= 0x7f;
	CHECK(__dns_parse(m.b, m.n, 0x1234, "www.cairn.test", DNS_TYPE_A, &a) == DNS_BADMSG,
	      "reply: a query (QR clear) is not a reply");
	m.b[2] |= 0x80;

	/* Every truncation of that reply: never OK with both addresses, never a crash. */
	int bad = 0;
	for (size_t cut = 0; cut < m.n; cut++) {
		unsigned char *copy = malloc(cut ? cut : 1);
		memcpy(copy, m.b, cut);
		int r = __dns_parse(copy, cut, 0x1234, "www.cairn.test", DNS_TYPE_A, &a);
		if (r == DNS_OK && a.count == 2)
			bad++;
		free(copy);
	}
	CHECK(bad == 0, "reply: each of %zu truncations is refused (exact-size buffers)", m.n);

	/* An rdlength past the end. */
	q = start(&m, 7, 0x8180, 1, "x.test", DNS_TYPE_A);
	put_ptr(&m, q);
	rr(&m, DNS_TYPE_A, 200);
	put(&m, "\1\2\3\4", 4);
	CHECK(__dns_parse(m.b, m.n, 7, "x.test", DNS_TYPE_A, &a) == DNS_BADMSG && a.count == 0,
	      "reply: an rdlength past the end is refused");
	/* An answer count larger than the records present. */
	q = start(&m, 7, 0x8180, 40, "x.test", DNS_TYPE_A);
	put_ptr(&m, q);
	rr(&m, DNS_TYPE_A, 4);
	put(&m, "\1\2\3\4", 4);
	CHECK(__dns_parse(m.b, m.n, 7, "x.test", DNS_TYPE_A, &a) == DNS_BADMSG,
	      "reply: more answers announced than present is refused");
	/* A record whose owner is a pointer loop. */
	q = start(&m, 7, 0x8180, 1, "x.test", DNS_TYPE_A);
	put_ptr(&m, m.n);
	rr(&m, DNS_TYPE_A, 4);
	put(&m, "\1\2\3\4", 4);
	CHECK(__dns_parse(m.b, m.n, 7, "x.test", DNS_TYPE_A, &a) == DNS_BADMSG,
	      "reply: an owner name that loops is refused");
	/* An A record with a wrong length is skipped, not read. */
	q = start(&m, 7, 0x8180, 2, "x.test", DNS_TYPE_A);
	put_ptr(&m, q);
	rr(&m, DNS_TYPE_A, 3);
	put(&m, "\1\2\3", 3);
	put_ptr(&m, q);
	rr(&m, DNS_TYPE_A, 4);
	put(&m, "\x0a\0\0\x05", 4);
	CHECK(__dns_parse(m.b, m.n, 7, "x.test", DNS_TYPE_A, &a) == DNS_OK && a.count == 1 &&
	          addr_is(&a, 0, "10.0.0.5"),
	      "reply: a 3-byte A record is skipped");

	/* NXDOMAIN, SERVFAIL, NODATA. */
	start(&m, 9, 0x8183, 0, "nope.cairn.test", DNS_TYPE_A);
	CHECK(__dns_parse(m.b, m.n, 9, "nope.cairn.test", DNS_TYPE_A, &a) == DNS_NXDOMAIN,
	      "reply: NXDOMAIN");
	start(&m, 9, 0x8182, 0, "nope.cairn.test", DNS_TYPE_A);
	CHECK(__dns_parse(m.b, m.n, 9, "nope.cairn.test", DNS_TYPE_A, &a) == DNS_SERVFAIL,
	      "reply: SERVFAIL");
	start(&m, 9, 0x8185, 0, "nope.cairn.test", DNS_TYPE_A);
	CHECK(__dns_parse(m.b, m.n, 9, "nope.cairn.test", DNS_TYPE_A, &a) == DNS_SERVFAIL,
	      "reply: REFUSED counts as a failed server");
	start(&m, 9, 0x8180, 0, "v6only.cairn.test", DNS_TYPE_A);
	CHECK(__dns_parse(m.b, m.n, 9, "v6only.cairn.test", DNS_TYPE_A, &a) == DNS_NODATA,
	      "reply: no answer records is NODATA");

	/* A CNAME chain out of order: alias -> mid -> real, real's AAAA first. */
	q = start(&m, 3, 0x8180, 4, "alias.cairn.test", DNS_TYPE_AAAA);
	size_t real = put_name(&m, "real.cairn.test");
	rr(&m, DNS_TYPE_AAAA, 16);
	unsigned char v6[16];
	inet_pton(AF_INET6, "2001:db8::7", v6);
	put(&m, v6, 16);
	size_t mid = put_name(&m, "mid.cairn.test");
	rr(&m, DNS_TYPE_CNAME, 7); /* "real" and a pointer to real's "cairn.test" */
	put(&m, "\4real", 5);
	put_ptr(&m, real + 5);
	put_ptr(&m, q);
	rr(&m, DNS_TYPE_CNAME, 2);
	put_ptr(&m, mid);
	put_ptr(&m, real);
	rr(&m, DNS_TYPE_A, 4); /* an A record of real: not what was asked */
	put(&m, "\1\1\1\1", 4);
	CHECK(__dns_parse(m.b, m.n, 3, "alias.cairn.test", DNS_TYPE_AAAA, &a) == DNS_OK &&
	          a.count == 1 && addr_is(&a, 0, "2001:db8::7") &&
	          !strcmp(a.canon, "real.cairn.test"),
	      "reply: a two-link CNAME chain in any order ends at real's AAAA (%s)", a.canon);

	/* A CNAME loop: a -> b -> a. */
	q = start(&m, 4, 0x8180, 2, "a.test", DNS_TYPE_A);
	put_ptr(&m, q);
	rr(&m, DNS_TYPE_CNAME, 8);
	put_name(&m, "b.test");
	put(&m, "\1b", 2);
	put_ptr(&m, q + 2);
	rr(&m, DNS_TYPE_CNAME, 2);
	put_ptr(&m, q);
	CHECK(__dns_parse(m.b, m.n, 4, "a.test", DNS_TYPE_A, &a) == DNS_BADMSG,
	      "reply: a CNAME loop is refused");
	/* A CNAME to nowhere: NODATA for the question. */
	q = start(&m, 5, 0x8180, 1, "dangling.test", DNS_TYPE_A);
	put_ptr(&m, q);
	rr(&m, DNS_TYPE_CNAME, 8);
	put_name(&m, "gone.x");
	CHECK(__dns_parse(m.b, m.n, 5, "dangling.test", DNS_TYPE_A, &a) == DNS_NODATA &&
	          !strcmp(a.canon, "gone.x"),
	      "reply: a CNAME without the target's records is NODATA");

	/* PTR. */
	q = start(&m, 6, 0x8180, 1, "1.2.0.192.in-addr.arpa", DNS_TYPE_PTR);
	put_ptr(&m, q);
	rr(&m, DNS_TYPE_PTR, 16);
	put_name(&m, "www.cairn.test");
	CHECK(__dns_parse(m.b, m.n, 6, "1.2.0.192.in-addr.arpa", DNS_TYPE_PTR, &a) == DNS_OK &&
	          !strcmp(a.ptr, "www.cairn.test"),
	      "reply: a PTR record's name");
	/* More A records than fit: the first DNS_MAX_ADDRS are kept. */
	q = start(&m, 8, 0x8180, 20, "many.test", DNS_TYPE_A);
	for (int i = 0; i < 20; i++) {
		unsigned char ip[4] = {10, 0, 0, (unsigned char)(i + 1)};
		put_ptr(&m, q);
		rr(&m, DNS_TYPE_A, 4);
		put(&m, ip, 4);
	}
	CHECK(__dns_parse(m.b, m.n, 8, "many.test", DNS_TYPE_A, &a) == DNS_OK &&
	          a.count == DNS_MAX_ADDRS && addr_is(&a, 15, "10.0.0.16"),
	      "reply: 20 A records keep the first %d", DNS_MAX_ADDRS);

	/* Random bytes after a valid header and question: never a crash. */
	srand(6);
	int odd = 0;
	for (int t = 0; t < 2000; t++) {
		q = start(&m, 1, 0x8180, (unsigned)(rand() % 8), "r.test", DNS_TYPE_A);
		size_t extra = (size_t)(rand() % 120);
		for (size_t i = 0; i < extra; i++)
			m.b[m.n++] = (unsigned char)(rand() % 4 ? rand() : 0xc0);
		unsigned char *copy = malloc(m.n);
		memcpy(copy, m.b, m.n);
		int r = __dns_parse(copy, m.n, 1, "r.test", DNS_TYPE_A, &a);
		if (r != DNS_OK && r != DNS_NODATA && r != DNS_BADMSG)
			odd++;
		if (r == DNS_OK && (a.count < 1 || a.count > DNS_MAX_ADDRS))
			odd++;
		free(copy);
	}
	CHECK(odd == 0, "reply: 2000 random bodies give OK, NODATA or BADMSG, in bounds");
}

static void test_reverse_and_conf(void)
{
	char out[128];
	unsigned char v4[4] = {192, 0, 2, 1}, v6[16];

	CHECK(__dns_reverse_name(AF_INET, v4, out, sizeof(out)) == 0 &&
	          !strcmp(out, "1.2.0.192.in-addr.arpa"),
	      "reverse: in-addr.arpa");
	inet_pton(AF_INET6, "2001:db8::1", v6);
	CHECK(__dns_reverse_name(AF_INET6, v6, out, sizeof(out)) == 0 &&
	          !strcmp(out, "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa"),
	      "reverse: ip6.arpa");
	CHECK(__dns_reverse_name(AF_INET, v4, out, 10) == -1, "reverse: a buffer too small");

	struct __resolv_conf rc;
	char conf[] = "# comment\n; another\nsearch cairn.test\nnameserver 10.0.0.53\n"
	              "nameserver   2001:db8::53\nnameserver bogus\nnameserver 10.0.0.54\n"
	              "nameserver 10.0.0.55\noptions ndots:2 timeout:3 attempts:9\n";
	FILE *f = fmemopen(conf, strlen(conf), "r");
	__resolv_conf_parse(f, &rc);
	fclose(f);
	CHECK(rc.count == 3 && rc.ns[0].family == AF_INET && !memcmp(rc.ns[0].addr, "\x0a\0\0\x35", 4) &&
	          rc.ns[1].family == AF_INET6 && rc.ns[2].addr[3] == 54,
	      "resolv.conf: three name servers of either family, a bad one skipped");
	CHECK(rc.timeout == 3 && rc.attempts == 5, "resolv.conf: timeout:3, attempts clamped to 5");
	__resolv_conf_parse(NULL, &rc);
	CHECK(rc.count == 1 && !memcmp(rc.ns[0].addr, "\x7f\0\0\1", 4) && rc.timeout == 5 &&
	          rc.attempts == 2,
	      "resolv.conf: none means 127.0.0.1, timeout 5, attempts 2");
}

int main(void)
{
	test_query();
	test_names();
	test_replies();
	test_reverse_and_conf();
	return check_done();
}
