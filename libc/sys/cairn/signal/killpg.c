/*
 * killpg: sends sig to every process of group pgrp, as kill(-pgrp, sig);
 * pgrp 0 is the caller's group (as in glibc), a negative pgrp is EINVAL.
 */
#include <errno.h>
#include <signal.h>

int killpg(pid_t pgrp, int sig)
{
	if (pgrp < 0) {
		errno = EINVAL;
		return -1;
	}
	return kill(-pgrp, sig);
}
