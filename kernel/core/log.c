/*
 * Kernel log ring buffer.
 *
 * Records are stored back to back in a byte ring: a header (level, length,
 * timestamp) followed by the text. When the ring is full the oldest records
 * are dropped. Each record has a sequence number; a console remembers the next
 * sequence it has to print, so output is never duplicated or reordered.
 */
#include <console.h>
#include <errno.h>
#include <lib/string.h>
#include <log.h>
#include <printk.h>
#include <proc/wait.h>
#include <spinlock.h>
#include <time.h>

struct log_hdr {
	uint16_t len;   /* text bytes */
	uint8_t level;
	uint8_t pad;
	uint32_t pad2;
	uint64_t ns;    /* monotonic time of the record */
};

static char log_buf[LOG_BUF_SIZE] __aligned(8);
static uint64_t log_head;     /* byte offset (monotonic) of the oldest record */
static uint64_t log_tail;     /* byte offset (monotonic) where the next record goes */
static uint64_t log_first_seq, log_next_seq;
static struct spinlock log_lock = SPINLOCK_INIT("log");
static LIST_HEAD(consoles);
static bool panicking;
/* Readers of /dev/kmsg waiting for the next record. */
static struct wait_queue log_wait = WAIT_QUEUE_INIT(log_wait);
/*
 * Where the last record log_get_record() found starts: readers go forward
 * one record at a time, so the next search starts here instead of at the
 * oldest record. Valid while hint_seq >= log_first_seq (offsets only grow).
 */
static uint64_t hint_seq, hint_off;

static void ring_copy_in(uint64_t off, const void *src, size_t n)
{
	for (size_t i = 0; i < n; i++)
		log_buf[(off + i) % LOG_BUF_SIZE] = ((const char *)src)[i];
}

static void ring_copy_out(void *dst, uint64_t off, size_t n)
{
	for (size_t i = 0; i < n; i++)
		((char *)dst)[i] = log_buf[(off + i) % LOG_BUF_SIZE];
}

static size_t record_size(size_t len)
{
	return ALIGN_UP(sizeof(struct log_hdr) + len, 8);
}

static void drop_oldest(void)
{
	struct log_hdr h;
	ring_copy_out(&h, log_head, sizeof(h));
	log_head += record_size(h.len);
	log_first_seq++;
}

static unsigned long log_lock_take(void)
{
	if (panicking) {
		(void)spin_trylock(&log_lock);
		return 0;
	}
	return spin_lock_irqsave(&log_lock);
}

int log_store(int level, const char *text, size_t len)
{
	if (len > LOG_LINE_MAX)
		len = LOG_LINE_MAX;
	struct log_hdr h = { .len = (uint16_t)len, .level = (uint8_t)level, .ns = clock_monotonic_ns() };
	unsigned long flags = log_lock_take();
	size_t need = record_size(len);
	while (log_tail + need - log_head > LOG_BUF_SIZE)
		drop_oldest();
	ring_copy_in(log_tail, &h, sizeof(h));
	ring_copy_in(log_tail + sizeof(h), text, len);
	log_tail += need;
	log_next_seq++;
	spin_unlock_irqrestore(&log_lock, flags);
	if (!panicking)
		wake_up(&log_wait);
	return (int)len;
}

static void console_emit(struct console *c, const struct log_hdr *h, const char *text)
{
	char prefix[32];
	uint64_t us = h->ns / 1000;
	int n = ksnprintf(prefix, sizeof(prefix), "[%5llu.%06llu] ",
			  (unsigned long long)(us / 1000000), (unsigned long long)(us % 1000000));
	c->write(c, prefix, (size_t)n, h->level);
	c->write(c, text, h->len, h->level);
}

void log_flush_consoles(void)
{
	static char line[LOG_LINE_MAX];
	unsigned long flags = log_lock_take();
	struct console *c;
	list_for_each_entry(c, &consoles, link)
	{
		if (c->seq < log_first_seq) {
			c->seq = log_first_seq;
			c->off = log_head;
		}
		uint64_t off = c->off;
		while (c->seq < log_next_seq) {
			struct log_hdr h;
			ring_copy_out(&h, off, sizeof(h));
			ring_copy_out(line, off + sizeof(h), h.len);
			if (h.level <= c->max_level)
				console_emit(c, &h, line);
			off += record_size(h.len);
			c->seq++;
		}
		c->off = off;
	}
	spin_unlock_irqrestore(&log_lock, flags);
}

void console_register(struct console *c)
{
	unsigned long flags = spin_lock_irqsave(&log_lock);
	c->seq = log_first_seq;
	c->off = log_head;
	list_add_tail(&c->link, &consoles);
	spin_unlock_irqrestore(&log_lock, flags);
	log_flush_consoles();
}

void console_write_raw(const char *s, size_t n)
{
	/* Pending kernel messages first, so the two streams interleave in order. */
	log_flush_consoles();
	unsigned long flags = log_lock_take();
	struct console *c;
	list_for_each_entry(c, &consoles, link)
		c->write(c, s, n, LOG_INFO);
	spin_unlock_irqrestore(&log_lock, flags);
}

void log_panic_mode(void)
{
	panicking = true;
}

size_t log_read_all(char *buf, size_t size)
{
	size_t out = 0;
	unsigned long flags = log_lock_take();
	uint64_t off = log_head;
	for (uint64_t s = log_first_seq; s < log_next_seq && out < size; s++) {
		struct log_hdr h;
		ring_copy_out(&h, off, sizeof(h));
		size_t n = MIN((size_t)h.len, size - out);
		ring_copy_out(buf + out, off + sizeof(h), n);
		out += n;
		off += record_size(h.len);
	}
	spin_unlock_irqrestore(&log_lock, flags);
	return out;
}

int vprintk(int level, const char *fmt, va_list ap)
{
	char line[LOG_LINE_MAX];
	int n = kvsnprintf(line, sizeof(line), fmt, ap);
	if (n < 0)
		return n;
	if ((size_t)n >= sizeof(line))
		n = sizeof(line) - 1;
	log_store(level, line, (size_t)n);
	log_flush_consoles();
	return n;
}

int printk(int level, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vprintk(level, fmt, ap);
	va_end(ap);
	return n;
}

int log_get_record(uint64_t seq, struct log_record *rec, char *text, size_t size)
{
	int err = 0;
	unsigned long flags = log_lock_take();
	if (seq < log_first_seq) {
		rec->seq = log_first_seq;
		err = -EPIPE;
	} else if (seq >= log_next_seq) {
		err = -EAGAIN;
	} else {
		uint64_t off = log_head, s = log_first_seq;
		struct log_hdr h;
		if (hint_seq >= log_first_seq && hint_seq <= seq) {
			s = hint_seq;
			off = hint_off;
		}
		for (; s < seq; s++) {
			ring_copy_out(&h, off, sizeof(h));
			off += record_size(h.len);
		}
		ring_copy_out(&h, off, sizeof(h));
		hint_seq = seq;
		hint_off = off;
		rec->seq = seq;
		rec->ns = h.ns;
		rec->level = h.level;
		rec->len = MIN((size_t)h.len, size);
		ring_copy_out(text, off + sizeof(h), rec->len);
	}
	spin_unlock_irqrestore(&log_lock, flags);
	return err;
}

uint64_t log_oldest_seq(void)
{
	unsigned long flags = log_lock_take();
	uint64_t seq = log_first_seq;
	spin_unlock_irqrestore(&log_lock, flags);
	return seq;
}

uint64_t log_end_seq(void)
{
	unsigned long flags = log_lock_take();
	uint64_t seq = log_next_seq;
	spin_unlock_irqrestore(&log_lock, flags);
	return seq;
}

int log_wait_for(uint64_t seq)
{
	return wait_event_interruptible(log_wait, __atomic_load_n(&log_next_seq, __ATOMIC_ACQUIRE) > seq);
}
