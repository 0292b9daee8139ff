/*
 * Virtual consoles: tty1..tty4 share the VGA text screen and the keyboard.
 * Each is a struct tty (line discipline, /dev/ttyN with major 4, minor N)
 * and a struct vt_screen that its output is parsed into (tty/vt_parse.c);
 * the visible console's screen is copied to VGA text memory after every
 * write and follows it with the hardware cursor. /dev/tty0 opens the
 * console visible at open time. Keyboard bytes (drivers/ps2/) go to the
 * visible console's line discipline; Alt+F1..F4 or VT_ACTIVATE switch.
 * tty1 is also the kernel console that shows the log, from boot on.
 *
 * One spinlock (vt_lock, interrupts off) guards every screen and the
 * choice of the visible console, so the kernel log, writers and the
 * keyboard interrupt never draw over each other. Answers to queries
 * (CSI 6 n) go into the console's input; while the keyboard path is
 * inside the line discipline (whose echo writes here under the tty lock)
 * they wait in vt->reply and are delivered when it returns.
 */
#include <console.h>
#include <drivers/vga.h>
#include <errno.h>
#include <fs/chrdev.h>
#include <fs/vfs.h>
#include <lib/string.h>
#include <list.h>
#include <printk.h>
#include <proc/wait.h>
#include <tty.h>
#include <tty/vt.h>
#include <tty/vt_screen.h>
#include <uaccess.h>
#include <uapi/vt.h>

#define VT_REPLY_MAX 32

struct vt {
	struct tty tty;
	struct vt_screen screen;
	int number; /* 1..VT_COUNT */
	char name[8];
	int receiving;            /* paths in tty_receive(): the keyboard, answers */
	char reply[VT_REPLY_MAX]; /* answers waiting for the input queue */
	size_t reply_len;
};

static struct vt vts[VT_COUNT];
static struct vt *visible;
static struct spinlock vt_lock = SPINLOCK_INIT("vt");
static struct wait_queue vt_switch_wq = WAIT_QUEUE_INIT(vt_switch_wq);

/* Copies what changed on the visible screen to VGA. Called with vt_lock. */
static void vt_show(struct vt *vt)
{
	struct vt_screen *s = &vt->screen;
	if (vt != visible)
		return;
	if (s->dirty_lo <= s->dirty_hi)
		vga_text_put_rows(s->cells, s->dirty_lo, s->dirty_hi);
	vga_text_cursor(s->cur.y, s->cur.x, s->cursor_visible);
	vt_screen_clean(s);
}

/* The parser's answer callback (vt_lock held): queued for vt_deliver_replies(). */
static void vt_queue_reply(struct vt_screen *s, const char *text, size_t n)
{
	struct vt *vt = s->owner;
	if (n > VT_REPLY_MAX - vt->reply_len)
		return; /* a flood of queries: drop the answers that do not fit */
	memcpy(vt->reply + vt->reply_len, text, n);
	vt->reply_len += n;
}

/*
 * Feeds queued answers to the line discipline, unless the keyboard path or
 * another delivery is in it (their echo may be what queued the answer);
 * that path delivers them when it returns.
 */
static void vt_deliver_replies(struct vt *vt)
{
	char buf[VT_REPLY_MAX];
	for (;;) {
		unsigned long flags = spin_lock_irqsave(&vt_lock);
		size_t n = vt->receiving ? 0 : vt->reply_len;
		memcpy(buf, vt->reply, n);
		vt->reply_len -= n;
		if (n)
			vt->receiving++;
		spin_unlock_irqrestore(&vt_lock, flags);
		if (n == 0)
			return;
		for (size_t i = 0; i < n; i++)
			tty_receive(&vt->tty, buf[i]);
		flags = spin_lock_irqsave(&vt_lock);
		vt->receiving--;
		spin_unlock_irqrestore(&vt_lock, flags);
	}
}

/* Parses output with ONLCR applied (when OPOST is on). Called with vt_lock. */
static void vt_output(struct vt *vt, const char *s, size_t n, bool onlcr)
{
	size_t start = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] != '\n' || !onlcr)
			continue;
		vt_screen_write(&vt->screen, s + start, i - start);
		vt_screen_write(&vt->screen, "\r\n", 2);
		start = i + 1;
	}
	vt_screen_write(&vt->screen, s + start, n - start);
	vt_show(vt);
}

/* The tty's driver write: may run with interrupts off and the tty lock held (echo). */
static void vt_tty_write(struct tty *tty, const char *s, size_t n)
{
	struct vt *vt = container_of(tty, struct vt, tty);
	__typeof__(tty->termios.c_oflag) oflag = tty->termios.c_oflag;
	unsigned long flags = spin_lock_irqsave(&vt_lock);
	vt_output(vt, s, n, (oflag & OPOST) && (oflag & ONLCR));
	spin_unlock_irqrestore(&vt_lock, flags);
	if (vt->reply_len)
		vt_deliver_replies(vt);
}

static long vt_tty_ioctl(struct tty *tty, unsigned int cmd, unsigned long arg)
{
	switch (cmd) {
	case VT_GETSTATE: {
		struct vt_stat st = {
		    .v_active = (unsigned short)visible->number,
		    .v_state = (unsigned short)(((1u << VT_COUNT) - 1) << 1),
		};
		return copy_to_user((void *)arg, &st, sizeof(st));
	}
	case VT_ACTIVATE:
		return vt_activate((int)arg);
	case VT_WAITACTIVE:
		if (arg < 1 || arg > VT_COUNT)
			return -ENXIO;
		return wait_event_interruptible(vt_switch_wq, visible->number == (int)arg);
	}
	return -ENOTTY;
}

int vt_activate(int n)
{
	if (n < 1 || n > VT_COUNT)
		return -ENXIO;
	unsigned long flags = spin_lock_irqsave(&vt_lock);
	if (visible != &vts[n - 1]) {
		visible = &vts[n - 1];
		vt_screen_touch(&visible->screen);
		vt_show(visible);
	}
	spin_unlock_irqrestore(&vt_lock, flags);
	wake_up(&vt_switch_wq);
	return 0;
}

void vt_keyboard_input(const char *s, size_t n)
{
	unsigned long flags = spin_lock_irqsave(&vt_lock);
	struct vt *vt = visible;
	vt->receiving++;
	spin_unlock_irqrestore(&vt_lock, flags);
	for (size_t i = 0; i < n; i++)
		tty_receive(&vt->tty, s[i]);
	flags = spin_lock_irqsave(&vt_lock);
	vt->receiving--;
	spin_unlock_irqrestore(&vt_lock, flags);
	vt_deliver_replies(vt);
}

/* The log level's colour for the kernel console; program output keeps its own. */
static int level_color(int level)
{
	if (level <= LOG_ERR)
		return 12; /* light red */
	if (level == LOG_WARNING)
		return 14; /* yellow */
	if (level == LOG_NOTICE)
		return 15; /* white */
	return -1;
}

/* Kernel log output on tty1, in its level's colour, with NL as CR NL. */
static void vt_console_write(struct console *c, const char *s, size_t n, int level)
{
	(void)c;
	struct vt *vt = &vts[0];
	/*
	 * A panic may come while this CPU holds vt_lock: give up drawing after
	 * a while rather than hang before the other consoles show the message.
	 */
	unsigned long flags = arch_irq_save();
	int spins = 0;
	while (!spin_trylock(&vt_lock)) {
		if (++spins == 10000000) {
			arch_irq_restore(flags);
			return;
		}
		arch_cpu_relax();
	}
	struct vt_cursor_state saved = vt->screen.cur;
	int color = level_color(level);
	if (color >= 0) {
		vt->screen.cur.fg = (uint8_t)color;
		vt->screen.cur.bg = 0;
		vt->screen.cur.bold = vt->screen.cur.reverse = false;
	}
	vt_output(vt, s, n, true);
	if (color >= 0) {
		vt->screen.cur.fg = saved.fg;
		vt->screen.cur.bg = saved.bg;
		vt->screen.cur.bold = saved.bold;
		vt->screen.cur.reverse = saved.reverse;
	}
	spin_unlock_irqrestore(&vt_lock, flags);
}

static struct console vt_console = {
    .name = "tty1",
    .write = vt_console_write,
    .max_level = LOG_INFO,
};

void vt_console_init(void)
{
	vga_text_init();
	for (int i = 0; i < VT_COUNT; i++) {
		struct vt *vt = &vts[i];
		vt->number = i + 1;
		ksnprintf(vt->name, sizeof(vt->name), "tty%d", i + 1);
		tty_init(&vt->tty, vt->name, vt_tty_write);
		vt->tty.ioctl = vt_tty_ioctl;
		vt->tty.winsize = (struct winsize){.ws_row = VT_ROWS, .ws_col = VT_COLS};
		vt_screen_init(&vt->screen, vt_queue_reply, vt);
	}
	visible = &vts[0];
	unsigned long flags = spin_lock_irqsave(&vt_lock);
	vt_screen_touch(&visible->screen);
	vt_show(visible);
	spin_unlock_irqrestore(&vt_lock, flags);
	console_register(&vt_console);
}

/* /dev/tty0: the tty file ops, opening whichever console is visible. */
static struct file_ops vt0_fops;

static int vt0_open(struct inode *inode, struct file *file)
{
	(void)inode;
	unsigned long flags = spin_lock_irqsave(&vt_lock);
	struct tty *tty = &visible->tty;
	spin_unlock_irqrestore(&vt_lock, flags);
	file->priv = tty;
	tty_open_ctty(tty, file->flags);
	return 0;
}

void vt_dev_init(void)
{
	vt0_fops = tty_fops;
	vt0_fops.open = vt0_open;
	if (chrdev_register(TTY_MAJOR, 0, &vt0_fops) < 0)
		pr_err("vt: cannot register /dev/tty0\n");
	for (int i = 0; i < VT_COUNT; i++)
		if (tty_register(&vts[i].tty, TTY_MAJOR, (uint32_t)(i + 1)) < 0)
			pr_err("vt: cannot register /dev/%s\n", vts[i].name);
}
