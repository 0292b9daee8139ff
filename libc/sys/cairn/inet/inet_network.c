/* inet_network: inet_aton()'s address in host byte order, or INADDR_NONE. */
#include <arpa/inet.h>

in_addr_t inet_network(const char *s)
{
	struct in_addr a;

	return inet_aton(s, &a) ? ntohl(a.s_addr) : INADDR_NONE;
}
