/*
 * The line discipline. In canonical mode (ICANON) input is edited a line at a
 * time: VERASE removes a character, VKILL the line, VWERASE a word, VEOF
 * ends the line without a newline (a read then returns what is there, 0 at
 * the start of a line), and a line becomes readable at NL or EOL. ISIG makes
 * VINTR/VQUIT/VSUSP send SIGINT/SIGQUIT/SIGTSTP to the foreground process
 * group (tty/jobctl.c). ECHO
 * echoes input (ECHOE erases visually). ICRNL, INLCR and IGNCR map carriage
 * returns. Without ICANON every character is readable at once; VMIN bytes
 * satisfy a read (VTIME is FIXME: not honoured yet).
 */
#include <errno.h>
#include <fs/poll.h>
#include <lib/string.h>
#include <proc/process.h>
#include <proc/signal.h>
#include <tty.h>
#include <uaccess.h>
#include <uapi/signal.h>

void tty_init(struct tty *tty, const char *name, void (*write)(struct tty *, const char *, size_t))
{
	memset(tty, 0, sizeof(*tty));
	tty->name = name;
	tty->write = write;
	spin_init(&tty->lock, "tty");
	wait_queue_init(&tty->readers);
	struct termios *t = &tty->termios;
	t->c_iflag = ICRNL | IXON;
	t->c_oflag = OPOST | ONLCR;
	t->c_cflag = B38400 | CS8 | CREAD;
	t->c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | IEXTEN;
	t->c_cc[VINTR] = 3;
	t->c_cc[VQUIT] = 28;
	t->c_cc[VERASE] = 127;
	t->c_cc[VKILL] = 21;
	t->c_cc[VEOF] = 4;
	t->c_cc[VMIN] = 1;
	t->c_cc[VSUSP] = 26;
	t->c_cc[VWERASE] = 23;
	tty->winsize = (struct winsize){ .ws_row = 24, .ws_col = 80 };
}

static void queue_byte(struct tty *tty, char c)
{
	if (tty->count < TTY_BUF)
		tty->buf[(tty->head + tty->count++) % TTY_BUF] = c;
}

static void echo(struct tty *tty, const char *s, size_t n)
{
	if (tty->termios.c_lflag & ECHO)
		tty_output(tty, s, n);
}

static void erase_one(struct tty *tty)
{
	if (tty->line_len == 0)
		return;
	tty->line_len--;
	if ((tty->termios.c_lflag & ECHO) && (tty->termios.c_lflag & ECHOE))
		tty_output(tty, "\b \b", 3);
}

void tty_receive(struct tty *tty, char c)
{
	const struct termios *t = &tty->termios;
	unsigned long flags = spin_lock_irqsave(&tty->lock);
	if (c == '\r') {
		if (t->c_iflag & IGNCR)
			goto out;
		if (t->c_iflag & ICRNL)
			c = '\n';
	} else if (c == '\n' && (t->c_iflag & INLCR)) {
		c = '\r';
	}
	if (t->c_lflag & ISIG) {
		int sig = 0;
		if (c == (char)t->c_cc[VINTR])
			sig = SIGINT;
		else if (c == (char)t->c_cc[VQUIT])
			sig = SIGQUIT;
		else if (c == (char)t->c_cc[VSUSP])
			sig = SIGTSTP;
		if (sig && c != 0) {
			char shown[4] = { '^', (char)(c + '@'), '\n', 0 };
			tty->line_len = 0;
			echo(tty, shown, 3);
			spin_unlock_irqrestore(&tty->lock, flags);
			tty_signal_fg(tty, sig);
			return;
		}
	}
	if (!(t->c_lflag & ICANON)) {
		queue_byte(tty, c);
		echo(tty, &c, 1);
		goto wake;
	}
	if (c == (char)t->c_cc[VERASE] || c == '\b') {
		erase_one(tty);
		goto out;
	}
	if (c == (char)t->c_cc[VKILL]) {
		while (tty->line_len)
			erase_one(tty);
		goto out;
	}
	if (c == (char)t->c_cc[VWERASE] && (t->c_lflag & IEXTEN)) {
		while (tty->line_len && tty->line[tty->line_len - 1] == ' ')
			erase_one(tty);
		while (tty->line_len && tty->line[tty->line_len - 1] != ' ')
			erase_one(tty);
		goto out;
	}
	bool eof = c == (char)t->c_cc[VEOF];
	if (!eof) {
		if (tty->line_len < TTY_BUF - 1)
			tty->line[tty->line_len++] = c;
		echo(tty, &c, 1);
	}
	if (eof || c == '\n') {
		/* The line is complete: move it to the readable queue, if there is room. */
		if (tty->lines == ARRAY_SIZE(tty->line_q) || TTY_BUF - tty->count < tty->line_len)
			goto out;
		for (size_t i = 0; i < tty->line_len; i++)
			queue_byte(tty, tty->line[i]);
		tty->line_q[(tty->line_head + tty->lines++) % ARRAY_SIZE(tty->line_q)] = tty->line_len;
		tty->line_len = 0;
		goto wake;
	}
out:
	spin_unlock_irqrestore(&tty->lock, flags);
	return;
wake:
	spin_unlock_irqrestore(&tty->lock, flags);
	wake_up(&tty->readers);
}

static bool has_input(struct tty *tty)
{
	if (tty->termios.c_lflag & ICANON)
		return tty->lines > 0;
	return tty->count >= MAX((size_t)tty->termios.c_cc[VMIN], 1u) ||
	       (tty->termios.c_cc[VMIN] == 0);
}

/* A read would not wait: input is ready, or the tty is hung up (end of file). */
static bool readable(struct tty *tty)
{
	return tty->hungup || has_input(tty);
}

unsigned tty_poll(struct tty *tty, struct poll_table *pt)
{
	poll_wait(pt, &tty->readers);
	unsigned long flags = spin_lock_irqsave(&tty->lock);
	unsigned mask = POLLOUT | POLLWRNORM;
	if (readable(tty))
		mask |= POLLIN | POLLRDNORM;
	if (tty->hungup)
		mask |= POLLHUP;
	spin_unlock_irqrestore(&tty->lock, flags);
	return mask;
}

ssize_t tty_read(struct tty *tty, char *buf, size_t len, bool nonblock)
{
	for (;;) {
		int err = tty_check_read(tty);
		if (err)
			return err;
		unsigned long flags = spin_lock_irqsave(&tty->lock);
		bool none = tty->termios.c_lflag & ICANON ? tty->lines == 0 : tty->count == 0;
		if (tty->hungup && none) {
			/* Hung up: what was queued has been read, now end of file. */
			spin_unlock_irqrestore(&tty->lock, flags);
			return 0;
		}
		if (readable(tty)) {
			bool canon = tty->termios.c_lflag & ICANON;
			size_t *cur = &tty->line_q[tty->line_head];
			size_t want = canon ? MIN(len, *cur) : MIN(len, tty->count);
			for (size_t i = 0; i < want; i++) {
				buf[i] = tty->buf[tty->head];
				tty->head = (tty->head + 1) % TTY_BUF;
			}
			tty->count -= want;
			/* A line is used up when read to its end (an empty one: VEOF, read gives 0). */
			if (canon && (*cur -= want) == 0) {
				tty->line_head = (tty->line_head + 1) % ARRAY_SIZE(tty->line_q);
				tty->lines--;
			}
			spin_unlock_irqrestore(&tty->lock, flags);
			return (ssize_t)want;
		}
		spin_unlock_irqrestore(&tty->lock, flags);
		if (nonblock)
			return -EAGAIN;
		err = wait_event_interruptible(tty->readers, readable(tty));
		if (err)
			return err;
	}
}

long tty_ioctl(struct tty *tty, unsigned int cmd, unsigned long arg)
{
	void *uarg = (void *)arg;
	switch (cmd) {
	case TCGETS:
		return copy_to_user(uarg, &tty->termios, sizeof(tty->termios));
	case TCSETS:
	case TCSETSW:
	case TCSETSF: {
		struct termios t;
		if (copy_from_user(&t, uarg, sizeof(t)))
			return -EFAULT;
		unsigned long flags = spin_lock_irqsave(&tty->lock);
		if (cmd == TCSETSF)
			tty->count = tty->lines = tty->line_len = 0;
		bool was_canon = tty->termios.c_lflag & ICANON;
		tty->termios = t;
		if (was_canon && !(t.c_lflag & ICANON)) {
			/* Leaving canonical mode: the partial line becomes readable too. */
			for (size_t i = 0; i < tty->line_len; i++)
				queue_byte(tty, tty->line[i]);
			tty->line_len = 0;
			tty->lines = 0;
		} else if (!was_canon && (t.c_lflag & ICANON)) {
			/* Entering it: what is queued counts as one line. */
			tty->line_head = 0;
			tty->lines = tty->count ? 1 : 0;
			tty->line_q[0] = tty->count;
		}
		spin_unlock_irqrestore(&tty->lock, flags);
		wake_up(&tty->readers);
		return 0;
	}
	case TIOCGWINSZ:
		return copy_to_user(uarg, &tty->winsize, sizeof(tty->winsize));
	case TIOCSWINSZ: {
		/* A new size sends SIGWINCH to the foreground group. */
		struct winsize ws;
		if (copy_from_user(&ws, uarg, sizeof(ws)))
			return -EFAULT;
		bool changed = memcmp(&ws, &tty->winsize, sizeof(ws)) != 0;
		tty->winsize = ws;
		if (changed)
			tty_signal_fg(tty, SIGWINCH);
		return 0;
	}
	case FIONREAD: {
		int n = (int)tty->count;
		return copy_to_user(uarg, &n, sizeof(n));
	}
	default: {
		long ret;
		if (tty_jobctl_ioctl(tty, cmd, arg, &ret))
			return ret;
		return tty->ioctl ? tty->ioctl(tty, cmd, arg) : -ENOTTY;
	}
	}
}
