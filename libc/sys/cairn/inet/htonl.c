/* htonl: swaps the bytes of a 32-bit value (x86-64 is little-endian, the network big-endian). */
#include <arpa/inet.h>

#undef htonl
uint32_t htonl(uint32_t x)
{
	return __builtin_bswap32(x);
}
