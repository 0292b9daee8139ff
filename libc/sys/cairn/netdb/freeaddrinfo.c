/* freeaddrinfo: frees a list getaddrinfo() made (each node is one allocation). */
#include <netdb.h>
#include <stdlib.h>

void freeaddrinfo(struct addrinfo *ai)
{
	while (ai) {
		struct addrinfo *next = ai->ai_next;

		free(ai);
		ai = next;
	}
}
