/*
 * reboot(2): busybox's poweroff and halt (through init) end here. Linux's
 * two magic numbers must match and the caller must be root (EPERM). Power
 * off and halt both sync every filesystem and power the machine off; the
 * Ctrl-Alt-Del switches are accepted and ignored (the keyboard driver sends
 * no SIGINT to init yet). Restarting is not implemented: EINVAL.
 */
#include <arch/platform.h>
#include <errno.h>
#include <fs/vfs.h>
#include <printk.h>
#include <proc/process.h>

#define REBOOT_MAGIC1 0xfee1deadu
#define REBOOT_MAGIC2 672274793u
#define REBOOT_CMD_CAD_OFF 0x00000000u
#define REBOOT_CMD_CAD_ON 0x89abcdefu
#define REBOOT_CMD_HALT 0xcdef0123u
#define REBOOT_CMD_POWER_OFF 0x4321fedcu

long sys_reboot(int magic1, int magic2, unsigned int cmd, void *arg)
{
	(void)arg;
	if ((unsigned int)magic1 != REBOOT_MAGIC1 || (unsigned int)magic2 != REBOOT_MAGIC2)
		return -EINVAL;
	if (current_proc()->euid != 0)
		return -EPERM;
	switch (cmd) {
	case REBOOT_CMD_CAD_OFF:
	case REBOOT_CMD_CAD_ON:
		return 0;
	case REBOOT_CMD_HALT:
	case REBOOT_CMD_POWER_OFF:
		pr_notice("reboot: power off\n");
		vfs_sync_all();
		arch_poweroff(0);
	default:
		return -EINVAL;
	}
}
