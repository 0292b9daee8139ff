/* inet_ntoa: "a.b.c.d" in a static buffer (not reentrant: inet_ntop() is). */
#include <arpa/inet.h>

char *inet_ntoa(struct in_addr in)
{
	static char buf[INET_ADDRSTRLEN];

	return (char *)inet_ntop(AF_INET, &in, buf, sizeof(buf));
}
