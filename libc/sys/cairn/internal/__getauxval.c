/* __getauxval: looks an AT_* key up in the auxiliary vector __libc_start saved. */
#include <uapi/auxv.h>

#include "internal/libc.h"

unsigned long __getauxval(unsigned long type)
{
	unsigned long *a;

	for (a = __auxv; a && a[0] != AT_NULL; a += 2)
		if (a[0] == type)
			return a[1];
	return 0;
}
