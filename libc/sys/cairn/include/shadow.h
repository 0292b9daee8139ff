/*
 * <shadow.h>: newlib has none. Entries of /etc/shadow, glibc's structure
 * (libc/sys/cairn/pwd/). A numeric field left empty in the file reads as -1.
 */
#ifndef _SHADOW_H
#define _SHADOW_H

#include <stddef.h>
#include <stdio.h>
#include <sys/cdefs.h>

struct spwd {
	char *sp_namp;
	char *sp_pwdp;
	long sp_lstchg;
	long sp_min;
	long sp_max;
	long sp_warn;
	long sp_inact;
	long sp_expire;
	unsigned long sp_flag;
};

__BEGIN_DECLS
struct spwd *getspnam(const char *);
int getspnam_r(const char *, struct spwd *, char *, size_t, struct spwd **);
struct spwd *getspent(void);
void setspent(void);
void endspent(void);
__END_DECLS

#endif
