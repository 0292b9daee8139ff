/* funlockfile: releases one level of the stream lock taken by flockfile(). */
#include <stdio.h>
#include <sys/lock.h>

void funlockfile(FILE *fp)
{
	(void)_funlockfile(fp);
}
