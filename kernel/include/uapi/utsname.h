/*
 * What uname(2) writes: Linux's struct new_utsname, six NUL-terminated fields
 * of 65 bytes (shared/DESIGN.md decision 3); tests/abi checks it against
 * linux-libc-dev.
 */
#ifndef CAIRN_UAPI_UTSNAME_H
#define CAIRN_UAPI_UTSNAME_H

#define __NEW_UTS_LEN	64

struct utsname {
	char sysname[__NEW_UTS_LEN + 1];
	char nodename[__NEW_UTS_LEN + 1];
	char release[__NEW_UTS_LEN + 1];
	char version[__NEW_UTS_LEN + 1];
	char machine[__NEW_UTS_LEN + 1];
	char domainname[__NEW_UTS_LEN + 1];
};

#endif
