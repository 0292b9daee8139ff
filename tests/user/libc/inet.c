/*
 * <arpa/inet.h>, <netinet/in.h>, <sys/socket.h> and <netdb.h>: address
 * text conversions both ways, byte order, structure layouts, and lookups
 * over the test image's /etc/hosts, /etc/services and /etc/protocols
 * (tests/user/libc/etc/, bind-mounted over the host's for the host run).
 * Sockets themselves are the kernel's: socket() must give a descriptor or
 * fail with ENOSYS (or EAFNOSUPPORT), nothing else.
 */
#define _GNU_SOURCE
#define AREA "libc-inet"
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "tap.h"

static int pton_ntop6(const char *in, const char *out)
{
	unsigned char a[16];
	char buf[INET6_ADDRSTRLEN];

	return inet_pton(AF_INET6, in, a) == 1 && inet_ntop(AF_INET6, a, buf, sizeof(buf)) &&
	       !strcmp(buf, out);
}

static void check_text(void)
{
	struct in_addr a;
	unsigned char b[16];
	char buf[64];

	CHECK(inet_pton(AF_INET, "192.168.1.20", &a) == 1 && a.s_addr == htonl(0xc0a80114),
	      "inet_pton(AF_INET, 192.168.1.20)");
	CHECK(inet_pton(AF_INET, "256.1.1.1", &a) == 0 && inet_pton(AF_INET, "1.2.3", &a) == 0 &&
	          inet_pton(AF_INET, "01.2.3.4", &a) == 0 &&
	          inet_pton(AF_INET, "1.2.3.4 ", &a) == 0,
	      "inet_pton(AF_INET) refuses 256, three parts, leading zeros, trailing junk");
	CHECK(inet_pton(AF_INET6, "::1", b) == 1 && b[15] == 1 && b[0] == 0,
	      "inet_pton(AF_INET6, ::1)");
	CHECK(pton_ntop6("2001:DB8:0:0:0:0:2:1", "2001:db8::2:1"),
	      "IPv6 text is lowercased and the zero run becomes ::");
	CHECK(pton_ntop6("2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"),
	      "a single zero group is not shortened");
	CHECK(pton_ntop6("2001:0:0:1:0:0:0:1", "2001:0:0:1::1"),
	      "the longest zero run is shortened");
	CHECK(pton_ntop6("1:0:0:2:0:0:3:4", "1::2:0:0:3:4"),
	      "of equal runs the first is shortened");
	CHECK(pton_ntop6("::", "::") && pton_ntop6("1::", "1::") &&
	          pton_ntop6("::1:2:3:4:5", "::1:2:3:4:5"),
	      ":: alone, at the end and at the start");
	CHECK(pton_ntop6("::ffff:10.0.0.1", "::ffff:10.0.0.1"),
	      "IPv4-mapped addresses keep the dotted tail");
	CHECK(inet_pton(AF_INET6, "1:2:3:4:5:6:7:8:9", b) == 0 &&
	          inet_pton(AF_INET6, "1::2::3", b) == 0 &&
	          inet_pton(AF_INET6, "12345::", b) == 0 && inet_pton(AF_INET6, ":1", b) == 0 &&
	          inet_pton(AF_INET6, "1:", b) == 0,
	      "inet_pton(AF_INET6) refuses 9 groups, two ::, 5 digits, a lone colon");
	errno = 0;
	CHECK(inet_pton(12345, "1.2.3.4", b) == -1 && errno == EAFNOSUPPORT,
	      "inet_pton() of an unknown family: -1, EAFNOSUPPORT");
	a.s_addr = htonl(0x7f000001);
	CHECK(inet_ntop(AF_INET, &a, buf, sizeof(buf)) == buf && !strcmp(buf, "127.0.0.1"),
	      "inet_ntop(AF_INET) gives 127.0.0.1");
	errno = 0;
	CHECK(inet_ntop(AF_INET, &a, buf, 9) == NULL && errno == ENOSPC,
	      "inet_ntop() into a too small buffer: ENOSPC");
	CHECK(inet_aton("10.1", &a) == 1 && a.s_addr == htonl(0x0a000001),
	      "inet_aton(10.1) is 10.0.0.1");
	CHECK(inet_aton("0x7f.1", &a) == 1 && a.s_addr == htonl(0x7f000001) &&
	          inet_aton("017.0.0.1", &a) == 1 && a.s_addr == htonl(0x0f000001),
	      "inet_aton() takes hex and octal parts");
	CHECK(inet_aton("1.2.3.4.5", &a) == 0 && inet_aton("1.2.3.256", &a) == 0 &&
	          inet_aton("x", &a) == 0,
	      "inet_aton() refuses five parts, 256 and words");
	CHECK(inet_addr("1.2.3.4") == htonl(0x01020304) && inet_addr("bad") == INADDR_NONE,
	      "inet_addr() and its INADDR_NONE");
	a.s_addr = htonl(0xc0000201);
	CHECK(!strcmp(inet_ntoa(a), "192.0.2.1"), "inet_ntoa() gives 192.0.2.1");
	CHECK(htons(0x1234) == 0x3412 && ntohs(0x3412) == 0x1234 &&
	          htonl(0x01020304) == 0x04030201 && ntohl(0x04030201) == 0x01020304,
	      "htons/ntohs/htonl/ntohl swap bytes on x86-64");
}

static void check_layouts(void)
{
	CHECK(sizeof(struct sockaddr_in) == 16 && sizeof(struct sockaddr_in6) == 28 &&
	          sizeof(struct sockaddr_storage) == 128 && sizeof(struct sockaddr_un) == 110 &&
	          sizeof(struct sockaddr) == 16,
	      "sockaddr sizes are Linux's (16, 28, 128, 110)");
	CHECK(AF_INET == 2 && AF_INET6 == 10 && AF_UNIX == 1 && SOCK_STREAM == 1 &&
	          SOCK_DGRAM == 2 && SOCK_CLOEXEC == 02000000 && SOL_SOCKET == 1 &&
	          SO_REUSEADDR == 2 && IPPROTO_TCP == 6 && TCP_NODELAY == 1 &&
	          MSG_NOSIGNAL == 0x4000,
	      "socket constants are Linux's");
	CHECK(sizeof(struct msghdr) == 56 && sizeof(struct cmsghdr) == 16 && CMSG_LEN(4) == 20 &&
	          CMSG_SPACE(4) == 24,
	      "struct msghdr and the CMSG macros are Linux's");
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	CHECK(fd >= 0 || errno == ENOSYS || errno == EAFNOSUPPORT,
	      "socket() gives a descriptor or ENOSYS/EAFNOSUPPORT (%d)", fd >= 0 ? 0 : errno);
	if (fd >= 0)
		close(fd);
	int sv[2];
	int r = socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	char c = 0;
	CHECK((r == 0 && write(sv[0], "z", 1) == 1 && read(sv[1], &c, 1) == 1 && c == 'z') ||
	          (r == -1 && errno == ENOSYS),
	      "socketpair() connects two sockets (or ENOSYS)");
}

static void check_netdb(void)
{
	struct addrinfo hints, *res, *ai;
	struct sockaddr_in *sin;
	char host[NI_MAXHOST], serv[NI_MAXSERV];
	int r, n;

	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_INET;
	hints.ai_socktype = SOCK_STREAM;
	r = getaddrinfo("192.0.2.7", "8080", &hints, &res);
	sin = r == 0 ? (struct sockaddr_in *)res->ai_addr : NULL;
	CHECK(r == 0 && res->ai_family == AF_INET && res->ai_socktype == SOCK_STREAM &&
	          res->ai_protocol == IPPROTO_TCP && res->ai_addrlen == sizeof(*sin) &&
	          sin->sin_port == htons(8080) && sin->sin_addr.s_addr == htonl(0xc0000207) &&
	          res->ai_next == NULL,
	      "getaddrinfo(192.0.2.7, 8080, TCP) gives one TCP address");
	if (r == 0)
		freeaddrinfo(res);
	hints.ai_family = AF_INET6;
	hints.ai_flags = AI_NUMERICHOST;
	r = getaddrinfo("2001:db8::5", "80", &hints, &res);
	CHECK(r == 0 && res->ai_family == AF_INET6 &&
	          ((struct sockaddr_in6 *)res->ai_addr)->sin6_port == htons(80) &&
	          ((struct sockaddr_in6 *)res->ai_addr)->sin6_addr.s6_addr[15] == 5,
	      "getaddrinfo(2001:db8::5, AI_NUMERICHOST) gives the IPv6 address");
	if (r == 0)
		freeaddrinfo(res);
	hints.ai_family = AF_UNSPEC;
	CHECK(getaddrinfo("cairn-test", NULL, &hints, &res) == EAI_NONAME,
	      "AI_NUMERICHOST with a name: EAI_NONAME");
	hints.ai_flags = AI_CANONNAME;
	hints.ai_family = AF_INET;
	r = getaddrinfo("cairn-test", "http", &hints, &res);
	sin = r == 0 ? (struct sockaddr_in *)res->ai_addr : NULL;
	CHECK(r == 0 && sin->sin_addr.s_addr == htonl(0x0a00020f) && sin->sin_port == htons(80) &&
	          res->ai_canonname && !strcmp(res->ai_canonname, "cairn-test.example"),
	      "getaddrinfo(cairn-test, http) from /etc/hosts and /etc/services, canonical name");
	if (r == 0)
		freeaddrinfo(res);
	hints.ai_flags = 0;
	r = getaddrinfo("twin.example", "7777", &hints, &res);
	n = 0;
	for (ai = r == 0 ? res : NULL; ai; ai = ai->ai_next)
		n++;
	CHECK(r == 0 && n == 2, "a name on two /etc/hosts lines gives both addresses (%d)", n);
	if (r == 0)
		freeaddrinfo(res);
	hints.ai_family = AF_INET;
	hints.ai_socktype = 0;
	r = getaddrinfo("10.0.0.1", "53", &hints, &res);
	int tcp = 0, udp = 0;
	n = 0;
	for (ai = r == 0 ? res : NULL; ai; ai = ai->ai_next, n++) {
		tcp |= ai->ai_socktype == SOCK_STREAM && ai->ai_protocol == IPPROTO_TCP;
		udp |= ai->ai_socktype == SOCK_DGRAM && ai->ai_protocol == IPPROTO_UDP;
	}
	CHECK(r == 0 && tcp && udp, "without a socket type: a TCP and a UDP entry (%d)", n);
	if (r == 0)
		freeaddrinfo(res);
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE;
	r = getaddrinfo(NULL, "7777", &hints, &res);
	CHECK(r == 0 && ((struct sockaddr_in *)res->ai_addr)->sin_addr.s_addr == INADDR_ANY,
	      "getaddrinfo(NULL, AI_PASSIVE) is the wildcard address");
	if (r == 0)
		freeaddrinfo(res);
	hints.ai_flags = 0;
	r = getaddrinfo(NULL, "cairn-echo", &hints, &res);
	CHECK(r == 0 &&
	          ((struct sockaddr_in *)res->ai_addr)->sin_addr.s_addr == htonl(INADDR_LOOPBACK) &&
	          ((struct sockaddr_in *)res->ai_addr)->sin_port == htons(7777),
	      "getaddrinfo(NULL, cairn-echo) is loopback, port from /etc/services");
	if (r == 0)
		freeaddrinfo(res);
	CHECK(getaddrinfo(NULL, "no-such-service", &hints, &res) == EAI_SERVICE,
	      "an unknown service: EAI_SERVICE");
	CHECK(getaddrinfo(NULL, NULL, &hints, &res) == EAI_NONAME,
	      "no node and no service: EAI_NONAME");
	hints.ai_family = 12345;
	CHECK(getaddrinfo("1.2.3.4", NULL, &hints, &res) == EAI_FAMILY,
	      "an unknown family: EAI_FAMILY");
	hints.ai_family = AF_INET;
	hints.ai_flags = AI_NUMERICSERV;
	CHECK(getaddrinfo("1.2.3.4", "http", &hints, &res) == EAI_NONAME,
	      "AI_NUMERICSERV with a service name: EAI_NONAME");
	CHECK(strlen(gai_strerror(EAI_NONAME)) > 0 &&
	          strcmp(gai_strerror(EAI_NONAME), gai_strerror(EAI_SERVICE)),
	      "gai_strerror() has a message per error");

	struct sockaddr_in s4 = {.sin_family = AF_INET, .sin_port = htons(80)};
	s4.sin_addr.s_addr = htonl(0x0a00020f);
	r = getnameinfo((struct sockaddr *)&s4, sizeof(s4), host, sizeof(host), serv, sizeof(serv),
	                0);
	CHECK(r == 0 && !strcmp(host, "cairn-test.example") && !strcmp(serv, "http"),
	      "getnameinfo() names 10.0.2.15:80 from /etc/hosts and /etc/services (%s %s)", host,
	      serv);
	r = getnameinfo((struct sockaddr *)&s4, sizeof(s4), host, sizeof(host), serv, sizeof(serv),
	                NI_NUMERICHOST | NI_NUMERICSERV);
	CHECK(r == 0 && !strcmp(host, "10.0.2.15") && !strcmp(serv, "80"),
	      "getnameinfo(NI_NUMERICHOST | NI_NUMERICSERV)");
	s4.sin_addr.s_addr = htonl(0xc0000299);
	CHECK(getnameinfo((struct sockaddr *)&s4, sizeof(s4), host, sizeof(host), NULL, 0,
	                  NI_NAMEREQD) == EAI_NONAME,
	      "getnameinfo(NI_NAMEREQD) of an unknown address: EAI_NONAME");

	struct hostent *he = gethostbyname("alias2");
	CHECK(he && he->h_addrtype == AF_INET && he->h_length == 4 &&
	          !memcmp(he->h_addr_list[0], "\x0a\x00\x02\x0f", 4) &&
	          !strcmp(he->h_name, "cairn-test.example"),
	      "gethostbyname() finds an alias in /etc/hosts");
	he = gethostbyname("no-such-host.invalid");
	CHECK(he == NULL && (h_errno == HOST_NOT_FOUND || h_errno == TRY_AGAIN),
	      "gethostbyname() of an unknown name: NULL");
	struct servent *se = getservbyname("www", "tcp");
	CHECK(se && se->s_port == htons(80) && !strcmp(se->s_name, "http") &&
	          !strcmp(se->s_proto, "tcp"),
	      "getservbyname(www, tcp) is http, port 80");
	se = getservbyport(htons(53), "udp");
	CHECK(se && !strcmp(se->s_name, "domain") && !strcmp(se->s_proto, "udp"),
	      "getservbyport(53, udp) is domain");
	CHECK(getservbyname("ntp", "tcp") == NULL,
	      "getservbyname(ntp, tcp) is NULL: ntp is udp only");
	struct protoent *pe = getprotobyname("udp");
	CHECK(pe && pe->p_proto == 17, "getprotobyname(udp) is 17");
	pe = getprotobynumber(6);
	CHECK(pe && !strcmp(pe->p_name, "tcp"), "getprotobynumber(6) is tcp");
}

int main(void)
{
	check_text();
	check_layouts();
	check_netdb();
	return tap_done();
}
