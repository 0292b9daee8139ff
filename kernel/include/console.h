/*
 * Kernel consoles: sinks for the kernel log. Each registered console drains
 * the log ring buffer from its own position, so a console registered late
 * still shows the messages printed before it existed.
 */
#ifndef CAIRN_CONSOLE_H
#define CAIRN_CONSOLE_H

#include <list.h>
#include <types.h>

struct console {
	const char *name;
	/* Writes n bytes; must work with interrupts off and never sleep. */
	void (*write)(struct console *c, const char *s, size_t n, int level);
	int max_level;         /* messages above this level are skipped */
	uint64_t seq;          /* next log record this console will show */
	uint64_t off;          /* byte offset of that record in the ring */
	struct list_head link;
};

void console_register(struct console *c);
/* Writes program output (no timestamp, not logged) to every console. */
void console_write_raw(const char *s, size_t n);

void serial_early_init(void);

#endif
