/* htons: swaps the bytes of a 16-bit value (x86-64 is little-endian, the network big-endian). */
#include <arpa/inet.h>

#undef htons
uint16_t htons(uint16_t x)
{
	return __builtin_bswap16(x);
}
