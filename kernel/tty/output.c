/*
 * Output processing (POSIX 11.2.3, termios c_oflag): with OPOST, ONLCR sends
 * NL as CR NL, OCRNL sends CR as NL, ONOCR drops a CR at column 0 and ONLRET
 * says NL also returns the carriage. Without OPOST bytes go to the driver
 * unchanged. The column is tracked as Linux does: printable bytes advance
 * it, backspace moves it back, TAB to the next multiple of 8, CR and
 * (with ONLCR or ONLRET) NL reset it.
 */
#include <tty.h>

/* Appends the processed form of c to out (at most 2 bytes); returns how many. */
static size_t output_char(struct tty *tty, char c, char *out)
{
	uint32_t o = tty->termios.c_oflag;
	switch (c) {
	case '\n':
		if (o & ONLRET)
			tty->column = 0;
		if (o & ONLCR) {
			tty->column = 0;
			out[0] = '\r';
			out[1] = '\n';
			return 2;
		}
		break;
	case '\r':
		if ((o & ONOCR) && tty->column == 0)
			return 0;
		if (o & OCRNL) {
			c = '\n';
			if (o & ONLRET)
				tty->column = 0;
			break;
		}
		tty->column = 0;
		break;
	case '\t':
		tty->column = (tty->column | 7) + 1;
		break;
	case '\b':
		if (tty->column > 0)
			tty->column--;
		break;
	default:
		if ((unsigned char)c >= 0x20 && c != 0x7f)
			tty->column++;
		break;
	}
	out[0] = c;
	return 1;
}

void tty_output(struct tty *tty, const char *s, size_t n)
{
	if (!(tty->termios.c_oflag & OPOST)) {
		tty->write(tty, s, n);
		return;
	}
	char buf[128];
	size_t used = 0;
	for (size_t i = 0; i < n; i++) {
		if (used > sizeof(buf) - 2) {
			tty->write(tty, buf, used);
			used = 0;
		}
		used += output_char(tty, s[i], buf + used);
	}
	if (used)
		tty->write(tty, buf, used);
}
