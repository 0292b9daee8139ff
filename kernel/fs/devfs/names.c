/*
 * Names and permissions of character device nodes, by Linux's device
 * numbers (Documentation/admin-guide/devices.txt), so a driver that
 * registers a Linux number gets Linux's node in /dev.
 */
#include <fs/chrdev.h>
#include <fs/devfs.h>
#include <printk.h>

struct chr_name {
	uint32_t major, minor;
	const char *name;
	uint32_t perm;
};

static const struct chr_name fixed_names[] = {
    {MEM_MAJOR, 1, "mem", 0640},        {MEM_MAJOR, 2, "kmem", 0640},
    {MEM_MAJOR, 3, "null", 0666},       {MEM_MAJOR, 4, "port", 0640},
    {MEM_MAJOR, 5, "zero", 0666},       {MEM_MAJOR, 7, "full", 0666},
    {MEM_MAJOR, 8, "random", 0666},     {MEM_MAJOR, 9, "urandom", 0666},
    {MEM_MAJOR, 11, "kmsg", 0644},      {TTYAUX_MAJOR, 0, "tty", 0666},
    {TTYAUX_MAJOR, 1, "console", 0600}, {TTYAUX_MAJOR, 2, "ptmx", 0666},
};

uint32_t devfs_chr_name(uint32_t major, uint32_t minor, char *buf, size_t size)
{
	for (size_t i = 0; i < ARRAY_SIZE(fixed_names); i++) {
		const struct chr_name *c = &fixed_names[i];
		if (c->major == major && c->minor == minor) {
			ksnprintf(buf, size, "%s", c->name);
			return S_IFCHR | c->perm;
		}
	}
	if (major == TTY_MAJOR && minor < 64) {
		ksnprintf(buf, size, "tty%u", minor);
		return S_IFCHR | 0620;
	}
	if (major == TTY_MAJOR && minor < 256) {
		ksnprintf(buf, size, "ttyS%u", minor - 64);
		return S_IFCHR | 0660;
	}
	return 0;
}
