/* <sys/reboot.h>: newlib has none. reboot(2) commands, Linux's values. */
#ifndef _SYS_REBOOT_H
#define _SYS_REBOOT_H

#include <sys/cdefs.h>

#define RB_AUTOBOOT 0x01234567
#define RB_HALT_SYSTEM 0xcdef0123
#define RB_ENABLE_CAD 0x89abcdef
#define RB_DISABLE_CAD 0
#define RB_POWER_OFF 0x4321fedc

__BEGIN_DECLS
int reboot(int);
__END_DECLS

#endif
