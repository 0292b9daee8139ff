/* endmntent: closes a mount table opened by setmntent(); always returns 1. */
#include <mntent.h>
#include <stdio.h>

int endmntent(FILE *f)
{
	if (f)
		fclose(f);
	return 1;
}
