/* procfs's growable text buffer (procfs.h). */
#include <lib/string.h>
#include <mm/slab.h>
#include <stdarg.h>

#include "procfs.h"

/* Makes room for n more bytes plus a NUL; false when that is not possible. */
static bool pbuf_reserve(struct procfs_buf *b, size_t n)
{
	if (b->failed)
		return false;
	if (b->len + n + 1 <= b->cap)
		return true;
	size_t cap = b->cap ? b->cap : 1024;
	while (cap < b->len + n + 1)
		cap *= 2;
	if (cap > PROCFS_BUF_MAX) {
		b->failed = true;
		return false;
	}
	char *data = kmalloc(cap);
	if (!data) {
		b->failed = true;
		return false;
	}
	if (b->data)
		memcpy(data, b->data, b->len);
	kfree(b->data);
	b->data = data;
	b->cap = cap;
	return true;
}

void pbuf_write(struct procfs_buf *b, const void *data, size_t n)
{
	if (!pbuf_reserve(b, n))
		return;
	memcpy(b->data + b->len, data, n);
	b->len += n;
}

void pbuf_printf(struct procfs_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char small[256];
	int n = kvsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof(small)) {
		pbuf_write(b, small, (size_t)n);
		return;
	}
	if (!pbuf_reserve(b, (size_t)n))
		return;
	va_start(ap, fmt);
	kvsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void pbuf_free(struct procfs_buf *b)
{
	kfree(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}
