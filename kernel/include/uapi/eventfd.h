/* eventfd(2) flags: Linux x86-64's (glibc's <sys/eventfd.h> spells them). */
#ifndef CAIRN_UAPI_EVENTFD_H
#define CAIRN_UAPI_EVENTFD_H

#define EFD_SEMAPHORE	00000001
#define EFD_CLOEXEC	02000000 /* O_CLOEXEC */
#define EFD_NONBLOCK	00004000 /* O_NONBLOCK */

#endif
