/*
 * The console terminal: /dev/console and /dev/ttyS0 read through the line
 * discipline from the serial port (its receive interrupt, IRQ 4) and write to
 * every kernel console. The VGA consoles tty1..tty4 are tty/vt.c's.
 */
#include <console.h>
#include <errno.h>
#include <fs/chrdev.h>
#include <fs/vfs.h>
#include <printk.h>
#include <tty.h>

struct tty console_tty;

static void console_tty_write(struct tty *tty, const char *s, size_t n)
{
	(void)tty;
	console_write_raw(s, n);
}

void serial_enable_input(void (*rx)(char c));

static void console_rx(char c)
{
	tty_receive(&console_tty, c);
}

void console_dev_init(void)
{
	tty_init(&console_tty, "console", console_tty_write);
	/*
	 * The console is the first serial port's terminal (console=ttyS0), so
	 * /dev/ttyS0 (4,64) is the same tty as /dev/console, as on Linux.
	 * /dev/tty (5,0) is the caller's controlling terminal, whichever it is.
	 */
	if (tty_register(&console_tty, TTYAUX_MAJOR, 1) < 0 ||
	    chrdev_register(TTYAUX_MAJOR, 0, &tty_ctty_fops) < 0 ||
	    tty_register(&console_tty, TTY_MAJOR, 64) < 0)
		pr_err("console: cannot register /dev/console, /dev/tty and /dev/ttyS0\n");
	serial_enable_input(console_rx);
}
