/*
 * issetugid: whether the process runs with other credentials than the user
 * who started it (BSD's; newlib's glob() asks before trusting $HOME). Cairn
 * approximates it by comparing the real and effective ids; a set-id program
 * that has dropped its privileges reads as not tainted.
 */
#include <unistd.h>

int issetugid(void)
{
	return getuid() != geteuid() || getgid() != getegid();
}
