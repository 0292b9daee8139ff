/*
 * The resolver end to end (tests/toolchain/dns.sh): getaddrinfo,
 * gethostbyname and getnameinfo against dns_server.py's zone cairn.test,
 * reached through /etc/resolv.conf (the first name server refuses, the
 * second answers; timeout:1 attempts:2). Built against glibc and against
 * Cairn's C library, and run on the host: both must pass.
 */
#define _GNU_SOURCE
#define AREA "dns"
#include <arpa/inet.h>
#include <netdb.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "../user/libc/tap.h"

/* Whether the list res holds the address text of family fam; the count of entries of fam. */
static int has(const struct addrinfo *res, int fam, const char *text, int *count)
{
	unsigned char want[16];
	int found = 0;

	*count = 0;
	inet_pton(fam, text, want);
	for (; res; res = res->ai_next) {
		if (res->ai_family != fam)
			continue;
		(*count)++;
		if (fam == AF_INET &&
		    !memcmp(&((struct sockaddr_in *)res->ai_addr)->sin_addr, want, 4))
			found = 1;
		if (fam == AF_INET6 &&
		    !memcmp(&((struct sockaddr_in6 *)res->ai_addr)->sin6_addr, want, 16))
			found = 1;
	}
	return found;
}

static int lookup(const char *name, int family, int flags, struct addrinfo **res)
{
	struct addrinfo hints;

	memset(&hints, 0, sizeof(hints));
	hints.ai_family = family;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = flags;
	*res = NULL;
	return getaddrinfo(name, "80", &hints, res);
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(void)
{
	struct addrinfo *res;
	int r, n, n6;

	r = lookup("www.cairn.test", AF_INET, 0, &res);
	CHECK(r == 0 && has(res, AF_INET, "192.0.2.1", &n) && has(res, AF_INET, "192.0.2.2", &n) &&
	          n == 2,
	      "getaddrinfo: two A records of www (%s)", r ? gai_strerror(r) : "ok");
	CHECK(r == 0 && ntohs(((struct sockaddr_in *)res->ai_addr)->sin_port) == 80,
	      "getaddrinfo: the port is set");
	freeaddrinfo(r ? NULL : res);

	r = lookup("www.cairn.test", AF_INET6, 0, &res);
	CHECK(r == 0 && has(res, AF_INET6, "2001:db8::1", &n) && n == 1,
	      "getaddrinfo: the AAAA record of www");
	freeaddrinfo(r ? NULL : res);

	r = lookup("www.cairn.test", AF_UNSPEC, 0, &res);
	CHECK(r == 0 && has(res, AF_INET, "192.0.2.1", &n) && has(res, AF_INET6, "2001:db8::1", &n6) &&
	          n == 2 && n6 == 1,
	      "getaddrinfo: AF_UNSPEC gives both families");
	freeaddrinfo(r ? NULL : res);

	r = lookup("alias.cairn.test", AF_INET, AI_CANONNAME, &res);
	CHECK(r == 0 && has(res, AF_INET, "192.0.2.2", &n) && n == 2 && res->ai_canonname &&
	          !strcmp(res->ai_canonname, "www.cairn.test"),
	      "getaddrinfo: a CNAME chain alias -> mid -> www, canonical name www (%s)",
	      r == 0 && res->ai_canonname ? res->ai_canonname : "-");
	freeaddrinfo(r ? NULL : res);

	r = lookup("many.cairn.test", AF_INET, 0, &res);
	CHECK(r == 0 && has(res, AF_INET, "198.51.100.5", &n) && n == 5,
	      "getaddrinfo: five A records");
	freeaddrinfo(r ? NULL : res);

	r = lookup("MANY.Cairn.TEST.", AF_INET, 0, &res);
	CHECK(r == 0 && has(res, AF_INET, "198.51.100.1", &n) && n == 5,
	      "getaddrinfo: a name in another case with a final dot");
	freeaddrinfo(r ? NULL : res);

	r = lookup("nx.cairn.test", AF_INET, 0, &res);
	CHECK(r == EAI_NONAME, "getaddrinfo: NXDOMAIN is EAI_NONAME (%s)", gai_strerror(r));

	r = lookup("v4only.cairn.test", AF_INET6, 0, &res);
	CHECK(r == EAI_NODATA, "getaddrinfo: a name without AAAA records is EAI_NODATA (%s)",
	      gai_strerror(r));
	freeaddrinfo(r ? NULL : res);

	r = lookup("spoof.cairn.test", AF_INET, 0, &res);
	CHECK(r == 0 && has(res, AF_INET, "192.0.2.33", &n) && n == 1,
	      "getaddrinfo: a reply with another identifier is ignored");
	freeaddrinfo(r ? NULL : res);

	double t0 = now();
	r = lookup("slow.cairn.test", AF_INET, 0, &res);
	double took = now() - t0;
	CHECK(r == EAI_AGAIN, "getaddrinfo: an unanswered question is EAI_AGAIN (%s)",
	      gai_strerror(r));
	CHECK(took >= 1.5 && took < 8, "getaddrinfo: gave up after the timeouts (%.1f s)", took);

	r = lookup("fail.cairn.test", AF_INET, 0, &res);
	CHECK(r == EAI_AGAIN, "getaddrinfo: SERVFAIL is EAI_AGAIN (%s)", gai_strerror(r));
	struct hostent *he = gethostbyname("v4only.cairn.test");
	CHECK(he && he->h_addr_list[0] && !memcmp(he->h_addr_list[0], "\xc0\x00\x02\x09", 4),
	      "gethostbyname: a single address");

	he = gethostbyname("www.cairn.test");
	CHECK(he && he->h_addrtype == AF_INET && he->h_length == 4 && he->h_addr_list[0] &&
	          he->h_addr_list[1] && !he->h_addr_list[2],
	      "gethostbyname: two addresses");
	CHECK(he && !memcmp(he->h_addr_list[0], "\xc0\x00\x02\x01", 4) &&
	          !strcmp(he->h_name, "www.cairn.test"),
	      "gethostbyname: the first address and the name");
	he = gethostbyname("alias.cairn.test");
	CHECK(he && !strcmp(he->h_name, "www.cairn.test"),
	      "gethostbyname: h_name is the end of the CNAME chain");
	he = gethostbyname("nx.cairn.test");
	CHECK(!he && h_errno == HOST_NOT_FOUND, "gethostbyname: NXDOMAIN is HOST_NOT_FOUND");

	struct sockaddr_in sin;
	char host[NI_MAXHOST];
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	inet_pton(AF_INET, "192.0.2.1", &sin.sin_addr);
	r = getnameinfo((struct sockaddr *)&sin, sizeof(sin), host, sizeof(host), NULL, 0,
	                NI_NAMEREQD);
	CHECK(r == 0 && !strcmp(host, "www.cairn.test"), "getnameinfo: the PTR name (%s)",
	      r ? gai_strerror(r) : host);
	inet_pton(AF_INET, "192.0.2.77", &sin.sin_addr);
	r = getnameinfo((struct sockaddr *)&sin, sizeof(sin), host, sizeof(host), NULL, 0,
	                NI_NAMEREQD);
	CHECK(r == EAI_NONAME, "getnameinfo: NI_NAMEREQD without a PTR record is EAI_NONAME");
	r = getnameinfo((struct sockaddr *)&sin, sizeof(sin), host, sizeof(host), NULL, 0, 0);
	CHECK(r == 0 && !strcmp(host, "192.0.2.77"), "getnameinfo: else the numeric form");
	return tap_done();
}
