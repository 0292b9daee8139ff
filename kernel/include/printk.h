/*
 * Kernel logging. printk() formats into the kernel log ring buffer; the serial
 * and VGA consoles drain it. Levels follow syslog: lower is more severe.
 */
#ifndef CAIRN_PRINTK_H
#define CAIRN_PRINTK_H

#include <stdarg.h>
#include <types.h>

#define LOG_EMERG 0
#define LOG_ALERT 1
#define LOG_CRIT 2
#define LOG_ERR 3
#define LOG_WARNING 4
#define LOG_NOTICE 5
#define LOG_INFO 6
#define LOG_DEBUG 7

/* Formats a message at the given level; returns the number of bytes logged. */
int printk(int level, const char *fmt, ...) __printf(2, 3);
int vprintk(int level, const char *fmt, va_list ap);

#define pr_emerg(...) printk(LOG_EMERG, __VA_ARGS__)
#define pr_err(...) printk(LOG_ERR, __VA_ARGS__)
#define pr_warn(...) printk(LOG_WARNING, __VA_ARGS__)
#define pr_notice(...) printk(LOG_NOTICE, __VA_ARGS__)
#define pr_info(...) printk(LOG_INFO, __VA_ARGS__)
#define pr_debug(...) printk(LOG_DEBUG, __VA_ARGS__)

/*
 * kvsnprintf() is the kernel's only formatter, in kernel/lib/format.c. It
 * follows C99 vsnprintf: it writes at most size bytes including the NUL and
 * returns the length the full output would have had.
 */
int kvsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int ksnprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);

#endif
