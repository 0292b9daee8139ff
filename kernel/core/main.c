/*
 * kernel_main: the generic boot sequence, entered on the boot CPU with
 * interrupts off once the arch code has parsed the boot information.
 *
 * consoles -> CPU tables -> physical memory -> page tables -> heap ->
 * scheduler -> firmware tables and interrupt controllers -> timers ->
 * the init thread (self-tests, later /sbin/init) -> this CPU's idle loop
 */
#include <arch/cpu.h>
#include <arch/platform.h>
#include <block/bcache.h>
#include <boot.h>
#include <cmdline.h>
#include <arch/context.h>
#include <console.h>
#include <proc/process.h>
#include <fs/vfs.h>
#include <ktest.h>
#include <mm/pmm.h>
#include <mm/slab.h>
#include <printk.h>
#include <proc/sched.h>
#include <panic.h>
#include <time.h>
#include <tty/vt.h>
#include <version.h>

void crash_test(const char *kind);
void pci_init(void);
void ata_init(void);
void ahci_init(void);
void rootfs_mount(void);
void i8042_init(void);

static void *slab_pages_alloc(unsigned order)
{
	phys_addr_t pa = pmm_alloc_pages(order);
	return pa ? phys_to_virt(pa) : NULL;
}

static void slab_pages_free(void *addr, unsigned order)
{
	pmm_free_pages(virt_to_phys(addr), order);
}

static const struct slab_backend slab_backend = {
	.alloc_pages = slab_pages_alloc,
	.free_pages = slab_pages_free,
};

/*
 * The first kernel thread: everything after boot that may sleep. With
 * ktest= it runs the self-tests and powers off.
 */
static void kernel_init_thread(void *arg)
{
	char buf[256];
	pci_init();
	ata_init();
	ahci_init();
	bcache_start_daemon();
	vfs_init();
	i8042_init();
	initrd_load_boot_module();
	rootfs_mount();
	if (cmdline_get("crash", buf, sizeof(buf)))
		crash_test(buf);
	if (cmdline_get("ktest", buf, sizeof(buf))) {
		int failed = ktest_run(buf[0] ? buf : "all");
		vfs_sync_all();
		arch_poweroff(failed ? 1 : 0);
	}
	if (cmdline_has("poweroff")) {
		vfs_sync_all();
		arch_poweroff(0);
	}

	/* Become the first user process. */
	char init[128] = "/sbin/init";
	cmdline_get("init", init, sizeof(init));
	/* The banner again: the boot messages have scrolled it off a 25-line screen. */
	pr_notice("%s\n", CAIRN_BANNER);
	pr_notice("Cairn is up: %lu MiB free; starting %s\n", (pmm_free_count() * PAGE_SIZE) >> 20,
		  init);
	char *argv[] = { init, NULL };
	int err = process_start_init(init, argv);
	if (err == 0)
		arch_enter_user(current->user_frame);
	pr_err("init: cannot run %s (error %d); the system is idle\n", init, err);
}

__noreturn void kernel_main(void)
{
	vt_console_init();
	pr_notice("%s\n", CAIRN_BANNER);
	pr_info("cmdline: %s\n", boot_info.cmdline);

	arch_cpu_init();
	pmm_early_init();
	mmu_init();
	pmm_init();
	slab_init(&slab_backend);
	sched_init();
	arch_platform_init();

	if (!kthread_create(kernel_init_thread, NULL, "init"))
		panic("cannot create the init thread");
	sched_idle_loop();
}
