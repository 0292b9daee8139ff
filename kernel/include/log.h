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

/* One record, as /dev/kmsg (drivers/kmsg.c) reads them. */
struct log_record {
	uint64_t seq; /* records are numbered from 0 in the order they were stored */
	uint64_t ns;  /* monotonic time */
	int level;    /* LOG_* */
	size_t len;   /* text bytes copied (no newline of its own) */
};
/*
 * Copies record seq into *rec and its text (at most size bytes) into text.
 * Returns 0; -EPIPE when it has been overwritten (rec->seq is then the
 * oldest record kept); -EAGAIN when it has not been stored yet.
 */
int log_get_record(uint64_t seq, struct log_record *rec, char *text, size_t size);
/* The sequence number of the oldest record still in the ring. */
uint64_t log_oldest_seq(void);
/* The sequence number the next record will get. */
uint64_t log_end_seq(void);
/* Sleeps until record seq exists: 0, or -EINTR on a signal. */
int log_wait_for(uint64_t seq);

#endif
