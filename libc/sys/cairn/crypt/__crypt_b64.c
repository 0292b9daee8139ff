/* __crypt_b64: crypt()'s base-64 encoding of a 24-bit group (internal/hash.h). */
#include "internal/hash.h"

void __crypt_b64(char **p, unsigned b2, unsigned b1, unsigned b0, int n)
{
	static const char digits[] =
	    "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
	unsigned w = (b2 << 16) | (b1 << 8) | b0;

	while (n-- > 0) {
		*(*p)++ = digits[w & 0x3f];
		w >>= 6;
	}
}
