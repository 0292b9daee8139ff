/*
 * The kernel log: a ring buffer of records (level, timestamp, text). printk()
 * appends; consoles drain; dmesg-style readers copy it out.
 */
#ifndef CAIRN_LOG_H
#define CAIRN_LOG_H

#include <types.h>

#define LOG_BUF_SIZE (64 * 1024)
#define LOG_LINE_MAX 512

/* Appends one record; text need not end in a newline. Returns bytes stored. */
int log_store(int level, const char *text, size_t len);
/* Pushes pending records to every console. */
void log_flush_consoles(void);
/* Called by panic(): from now on, logging never waits for a lock. */
void log_panic_mode(void);
/* Copies out the newest log text (oldest first) into buf; returns bytes copied. */
size_t log_read_all(char *buf, size_t size);

#endif
