/*
 * The resolver where there is no network: a name that is neither numeric
 * nor in /etc/hosts goes to the DNS servers of /etc/resolv.conf, and
 * without a network (inside Cairn, socket(2) is ENOSYS) getaddrinfo,
 * gethostbyname and getnameinfo fail cleanly with an EAI_* or h_errno
 * code, quickly, leaving the caller's result alone, while /etc/hosts and
 * numeric names still work. (On the host the same lookups reach real
 * name servers, which know no ".invalid" name.) The resolver itself is
 * tested against a DNS server by tests/toolchain/dns.sh and
 * tests/host/test_dns.c.
 */
#define _GNU_SOURCE
#define AREA "libc-resolv"
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "tap.h"

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(void)
{
	struct addrinfo hints, *res, sentinel;
	double t0 = now();
	int r;

	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_INET;
	hints.ai_socktype = SOCK_STREAM;
	res = &sentinel;
	errno = 0;
	r = getaddrinfo("www.cairn.invalid", "80", &hints, &res);
	int e = errno;
	CHECK(r != 0, "getaddrinfo of an unknown name fails (%d: %s)", r, gai_strerror(r));
	CHECK(r == EAI_NONAME || r == EAI_AGAIN || r == EAI_SYSTEM,
	      "with EAI_NONAME, EAI_AGAIN or EAI_SYSTEM");
	CHECK(r != EAI_SYSTEM || e != 0, "EAI_SYSTEM comes with errno set (%s)", strerror(e));
	CHECK(res == &sentinel, "the caller's result pointer is left alone");
	CHECK(gai_strerror(r) && strlen(gai_strerror(r)) > 0, "gai_strerror has a message for it");

	hints.ai_family = AF_UNSPEC;
	res = &sentinel;
	r = getaddrinfo("other.cairn.invalid", NULL, &hints, &res);
	CHECK((r == EAI_NONAME || r == EAI_AGAIN || r == EAI_SYSTEM) && res == &sentinel,
	      "AF_UNSPEC (A and AAAA questions) fails the same way");

	struct hostent *he = gethostbyname("www.cairn.invalid");
	CHECK(he == NULL && (h_errno == HOST_NOT_FOUND || h_errno == TRY_AGAIN),
	      "gethostbyname: NULL with HOST_NOT_FOUND or TRY_AGAIN (%d)", h_errno);

	struct sockaddr_in sin;
	char host[NI_MAXHOST];
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	inet_pton(AF_INET, "192.0.2.1", &sin.sin_addr);
	r = getnameinfo((struct sockaddr *)&sin, sizeof(sin), host, sizeof(host), NULL, 0,
	                NI_NAMEREQD);
	CHECK(r == EAI_NONAME || r == EAI_AGAIN,
	      "getnameinfo(NI_NAMEREQD) of an address DNS cannot name: EAI_NONAME or EAI_AGAIN");
	r = getnameinfo((struct sockaddr *)&sin, sizeof(sin), host, sizeof(host), NULL, 0, 0);
	CHECK(r == 0 && !strcmp(host, "192.0.2.1"), "getnameinfo falls back to the number (%s)",
	      r ? gai_strerror(r) : host);

	hints.ai_family = AF_INET;
	res = NULL;
	r = getaddrinfo("alias2", "80", &hints, &res);
	CHECK(r == 0 && res && ((struct sockaddr_in *)res->ai_addr)->sin_addr.s_addr ==
	                           inet_addr("10.0.2.15"),
	      "/etc/hosts still answers before DNS");
	if (r == 0)
		freeaddrinfo(res);
	res = NULL;
	r = getaddrinfo("192.0.2.200", "80", &hints, &res);
	CHECK(r == 0 && res, "a numeric address needs no DNS");
	if (r == 0)
		freeaddrinfo(res);
	double took = now() - t0;
	CHECK(took < 30, "all of it took %.1f s (resolv.conf: timeout:1 attempts:1)", took);
	return tap_done();
}
