/*
 * flockfile: takes the stream's recursive lock (newlib's _flockfile, which
 * goes through the retargetable locks in pthread/), so a thread can make a
 * sequence of stdio calls atomic. String streams have no lock.
 */
#include <stdio.h>
#include <sys/lock.h>

void flockfile(FILE *fp)
{
	(void)_flockfile(fp);
}
