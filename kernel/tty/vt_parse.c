/*
 * The virtual console's output parser: bytes written to a VT become cells,
 * cursor moves and colour changes on its struct vt_screen. The layers are
 * C0 control characters → ESC sequences → CSI sequences (parameters, then
 * one final byte) → the screen operations (put a character, scroll a
 * region, erase, insert, delete) at the bottom of this file. Behaviour
 * follows the Linux console where it differs from a VT100: the cursor
 * clamps to the screen rather than to the scroll region, erasing fills with
 * the current background colour, and writing the last column defers the
 * wrap until the next printable character.
 */
#include <lib/string.h>
#include <tty/vt_screen.h>

enum { ST_NORMAL, ST_ESC, ST_CSI, ST_CHARSET, ST_OSC, ST_OSC_ESC };

#define CH_BEL 0x07
#define CH_BS  0x08
#define CH_HT  0x09
#define CH_LF  0x0a
#define CH_VT  0x0b
#define CH_FF  0x0c
#define CH_CR  0x0d
#define CH_CAN 0x18
#define CH_SUB 0x1a
#define CH_ESC 0x1b
#define CH_DEL 0x7f

/* ANSI colour numbers (black red green yellow blue magenta cyan white) to VGA's. */
static const uint8_t ansi_to_vga[8] = {0, 4, 2, 6, 1, 5, 3, 7};

static void mark_dirty(struct vt_screen *s, int lo, int hi)
{
	if (lo < s->dirty_lo)
		s->dirty_lo = lo;
	if (hi > s->dirty_hi)
		s->dirty_hi = hi;
}

void vt_screen_clean(struct vt_screen *s)
{
	s->dirty_lo = VT_ROWS;
	s->dirty_hi = -1;
}

void vt_screen_touch(struct vt_screen *s)
{
	mark_dirty(s, 0, VT_ROWS - 1);
}

uint8_t vt_screen_attr(const struct vt_screen *s)
{
	uint8_t fg = s->cur.fg, bg = s->cur.bg;
	if (s->cur.bold)
		fg |= 8;
	if (s->cur.reverse) {
		uint8_t t = fg;
		fg = bg;
		bg = t & 7; /* a bright background would blink on VGA */
	}
	return (uint8_t)(bg << 4 | (fg & 15));
}

/* A blank cell in the current background colour. */
static uint16_t blank(const struct vt_screen *s)
{
	return (uint16_t)(vt_screen_attr(s) << 8 | ' ');
}

/* Fills cells [from, to) of the grid (row-major indexes) with blanks. */
static void erase_cells(struct vt_screen *s, int from, int to)
{
	uint16_t b = blank(s);
	for (int i = from; i < to; i++)
		s->cells[i] = b;
	if (from < to)
		mark_dirty(s, from / VT_COLS, (to - 1) / VT_COLS);
}

/* Moves rows [top, bottom] up by n inside the region, blanking the bottom n. */
static void scroll_up(struct vt_screen *s, int top, int bottom, int n)
{
	int rows = bottom - top + 1;
	if (n > rows)
		n = rows;
	if (n <= 0)
		return;
	memmove(&s->cells[top * VT_COLS], &s->cells[(top + n) * VT_COLS],
	        (size_t)(rows - n) * VT_COLS * sizeof(uint16_t));
	erase_cells(s, (bottom - n + 1) * VT_COLS, (bottom + 1) * VT_COLS);
	mark_dirty(s, top, bottom);
}

/* Moves rows [top, bottom] down by n inside the region, blanking the top n. */
static void scroll_down(struct vt_screen *s, int top, int bottom, int n)
{
	int rows = bottom - top + 1;
	if (n > rows)
		n = rows;
	if (n <= 0)
		return;
	memmove(&s->cells[(top + n) * VT_COLS], &s->cells[top * VT_COLS],
	        (size_t)(rows - n) * VT_COLS * sizeof(uint16_t));
	erase_cells(s, top * VT_COLS, (top + n) * VT_COLS);
	mark_dirty(s, top, bottom);
}

static void move_to(struct vt_screen *s, int x, int y)
{
	s->cur.x = x < 0 ? 0 : x >= VT_COLS ? VT_COLS - 1 : x;
	s->cur.y = y < 0 ? 0 : y >= VT_ROWS ? VT_ROWS - 1 : y;
	s->wrap_pending = false;
}

/* LF: down one row, scrolling the region when at its bottom margin. */
static void line_feed(struct vt_screen *s)
{
	if (s->cur.y == s->bottom)
		scroll_up(s, s->top, s->bottom, 1);
	else if (s->cur.y < VT_ROWS - 1)
		s->cur.y++;
	s->wrap_pending = false;
}

/* ESC M: up one row, scrolling the region down when at its top margin. */
static void reverse_index(struct vt_screen *s)
{
	if (s->cur.y == s->top)
		scroll_down(s, s->top, s->bottom, 1);
	else if (s->cur.y > 0)
		s->cur.y--;
	s->wrap_pending = false;
}

static void put_char(struct vt_screen *s, uint8_t c)
{
	if (s->wrap_pending && s->autowrap) {
		s->cur.x = 0;
		line_feed(s);
	}
	s->wrap_pending = false;
	int at = s->cur.y * VT_COLS + s->cur.x;
	if (s->insert_mode) {
		int end = (s->cur.y + 1) * VT_COLS;
		memmove(&s->cells[at + 1], &s->cells[at],
		        (size_t)(end - at - 1) * sizeof(uint16_t));
	}
	s->cells[at] = (uint16_t)(vt_screen_attr(s) << 8 | c);
	mark_dirty(s, s->cur.y, s->cur.y);
	if (s->cur.x == VT_COLS - 1)
		s->wrap_pending = true;
	else
		s->cur.x++;
}

static void reset(struct vt_screen *s)
{
	s->cur = (struct vt_cursor_state){.fg = VT_DEFAULT_ATTR, .bg = 0};
	s->saved = s->cur;
	s->wrap_pending = false;
	s->autowrap = true;
	s->cursor_visible = true;
	s->insert_mode = false;
	s->top = 0;
	s->bottom = VT_ROWS - 1;
	s->state = ST_NORMAL;
	erase_cells(s, 0, VT_ROWS * VT_COLS);
}

void vt_screen_init(struct vt_screen *s, vt_reply_fn reply, void *owner)
{
	memset(s, 0, sizeof(*s));
	s->reply = reply;
	s->owner = owner;
	vt_screen_clean(s);
	reset(s);
}

static void reply(struct vt_screen *s, const char *text, size_t n)
{
	if (s->reply)
		s->reply(s, text, n);
}

/* Writes v in decimal at p; returns the number of digits. */
static size_t put_dec(char *p, int v)
{
	char tmp[12];
	size_t n = 0, i;
	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v && n < sizeof(tmp));
	for (i = 0; i < n; i++)
		p[i] = tmp[n - 1 - i];
	return n;
}

/* Parameter i, or def when it is missing or 0 (as a count, 0 means 1). */
static int param(const struct vt_screen *s, int i, int def)
{
	if (i >= s->nparams || s->params[i] == 0)
		return def;
	return s->params[i];
}

static void select_graphic_rendition(struct vt_screen *s)
{
	if (s->nparams == 0)
		s->nparams = 1; /* CSI m is CSI 0 m */
	for (int i = 0; i < s->nparams; i++) {
		int p = s->params[i];
		if (p == 0) {
			s->cur.fg = VT_DEFAULT_ATTR;
			s->cur.bg = 0;
			s->cur.bold = s->cur.reverse = false;
		} else if (p == 1) {
			s->cur.bold = true;
		} else if (p == 21 || p == 22) {
			s->cur.bold = false;
		} else if (p == 7) {
			s->cur.reverse = true;
		} else if (p == 27) {
			s->cur.reverse = false;
		} else if (p >= 30 && p <= 37) {
			s->cur.fg = ansi_to_vga[p - 30];
		} else if (p == 39) {
			s->cur.fg = VT_DEFAULT_ATTR;
		} else if (p >= 40 && p <= 47) {
			s->cur.bg = ansi_to_vga[p - 40];
		} else if (p == 49) {
			s->cur.bg = 0;
		} else if (p >= 90 && p <= 97) {
			s->cur.fg = (uint8_t)(ansi_to_vga[p - 90] | 8);
		} else if (p >= 100 && p <= 107) {
			s->cur.bg = ansi_to_vga[p - 100];
		} else if (p == 38 || p == 48) {
			/* 256-colour and RGB forms: skip their arguments. */
			if (i + 1 < s->nparams && s->params[i + 1] == 5)
				i += 2;
			else if (i + 1 < s->nparams && s->params[i + 1] == 2)
				i += 4;
		}
		/* Others (dim, underline, blink, fonts) have no VGA rendering here. */
	}
}

static void set_mode(struct vt_screen *s, bool on)
{
	for (int i = 0; i < s->nparams; i++) {
		int p = s->params[i];
		if (s->private_mode && p == 25)
			s->cursor_visible = on;
		else if (s->private_mode && p == 7)
			s->autowrap = on;
		else if (!s->private_mode && p == 4)
			s->insert_mode = on;
	}
}

static void erase_display(struct vt_screen *s)
{
	int at = s->cur.y * VT_COLS + s->cur.x;
	switch (s->nparams ? s->params[0] : 0) {
	case 0:
		erase_cells(s, at, VT_ROWS * VT_COLS);
		break;
	case 1:
		erase_cells(s, 0, at + 1);
		break;
	case 2:
	case 3:
		erase_cells(s, 0, VT_ROWS * VT_COLS);
		break;
	}
}

static void erase_line(struct vt_screen *s)
{
	int row = s->cur.y * VT_COLS, at = row + s->cur.x;
	switch (s->nparams ? s->params[0] : 0) {
	case 0:
		erase_cells(s, at, row + VT_COLS);
		break;
	case 1:
		erase_cells(s, row, at + 1);
		break;
	case 2:
		erase_cells(s, row, row + VT_COLS);
		break;
	}
}

/* CSI P (delete) and CSI @ (insert): shift the rest of the line by n cells. */
static void shift_chars(struct vt_screen *s, int n, bool insert)
{
	int row = s->cur.y * VT_COLS, at = row + s->cur.x, left = VT_COLS - s->cur.x;
	if (n > left)
		n = left;
	if (insert) {
		memmove(&s->cells[at + n], &s->cells[at], (size_t)(left - n) * sizeof(uint16_t));
		erase_cells(s, at, at + n);
	} else {
		memmove(&s->cells[at], &s->cells[at + n], (size_t)(left - n) * sizeof(uint16_t));
		erase_cells(s, row + VT_COLS - n, row + VT_COLS);
	}
	mark_dirty(s, s->cur.y, s->cur.y);
	s->wrap_pending = false;
}

static void report(struct vt_screen *s)
{
	char buf[24];
	size_t n = 0;
	int what = s->nparams ? s->params[0] : 0;
	if (s->private_mode)
		return;
	if (what == 5) {
		reply(s, "\033[0n", 4);
	} else if (what == 6) {
		buf[n++] = CH_ESC;
		buf[n++] = '[';
		n += put_dec(buf + n, s->cur.y + 1);
		buf[n++] = ';';
		n += put_dec(buf + n, s->cur.x + 1);
		buf[n++] = 'R';
		reply(s, buf, n);
	}
}

static void save_cursor(struct vt_screen *s)
{
	s->saved = s->cur;
}

static void restore_cursor(struct vt_screen *s)
{
	s->cur = s->saved;
	s->wrap_pending = false;
}

static void csi_dispatch(struct vt_screen *s, uint8_t final)
{
	int x = s->cur.x, y = s->cur.y;
	switch (final) {
	case 'A':
		move_to(s, x, y - param(s, 0, 1));
		break;
	case 'B':
	case 'e':
		move_to(s, x, y + param(s, 0, 1));
		break;
	case 'C':
	case 'a':
		move_to(s, x + param(s, 0, 1), y);
		break;
	case 'D':
		move_to(s, x - param(s, 0, 1), y);
		break;
	case 'E':
		move_to(s, 0, y + param(s, 0, 1));
		break;
	case 'F':
		move_to(s, 0, y - param(s, 0, 1));
		break;
	case 'G':
	case '`':
		move_to(s, param(s, 0, 1) - 1, y);
		break;
	case 'H':
	case 'f':
		move_to(s, param(s, 1, 1) - 1, param(s, 0, 1) - 1);
		break;
	case 'd':
		move_to(s, x, param(s, 0, 1) - 1);
		break;
	case 'J':
		erase_display(s);
		break;
	case 'K':
		erase_line(s);
		break;
	case 'L':
		if (y >= s->top && y <= s->bottom)
			scroll_down(s, y, s->bottom, param(s, 0, 1));
		s->wrap_pending = false;
		break;
	case 'M':
		if (y >= s->top && y <= s->bottom)
			scroll_up(s, y, s->bottom, param(s, 0, 1));
		s->wrap_pending = false;
		break;
	case 'P':
		shift_chars(s, param(s, 0, 1), false);
		break;
	case '@':
		shift_chars(s, param(s, 0, 1), true);
		break;
	case 'X': {
		int at = y * VT_COLS + x, n = param(s, 0, 1);
		erase_cells(s, at, at + MIN(n, VT_COLS - x));
		break;
	}
	case 'm':
		select_graphic_rendition(s);
		break;
	case 'r': {
		int top = param(s, 0, 1) - 1, bottom = param(s, 1, VT_ROWS) - 1;
		if (bottom >= VT_ROWS)
			bottom = VT_ROWS - 1;
		if (top < bottom) {
			s->top = top;
			s->bottom = bottom;
			move_to(s, 0, 0);
		}
		break;
	}
	case 's':
		save_cursor(s);
		break;
	case 'u':
		restore_cursor(s);
		break;
	case 'h':
		set_mode(s, true);
		break;
	case 'l':
		set_mode(s, false);
		break;
	case 'n':
		report(s);
		break;
	case 'c':
		if (!s->private_mode && param(s, 0, 0) == 0)
			reply(s, "\033[?6c", 5); /* Device Attributes: what Linux answers */
		break;
	}
}

/* The byte after ESC. */
static void esc_dispatch(struct vt_screen *s, uint8_t c)
{
	s->state = ST_NORMAL;
	switch (c) {
	case '[':
		s->state = ST_CSI;
		s->nparams = 0;
		s->private_mode = false;
		memset(s->params, 0, sizeof(s->params));
		break;
	case ']':
		s->state = ST_OSC;
		break;
	case '(':
	case ')':
		s->state = ST_CHARSET; /* G0/G1 designation: one more byte, ignored */
		break;
	case '7':
		save_cursor(s);
		break;
	case '8':
		restore_cursor(s);
		break;
	case 'c':
		reset(s);
		break;
	case 'D':
		line_feed(s);
		break;
	case 'E':
		s->cur.x = 0;
		line_feed(s);
		break;
	case 'M':
		reverse_index(s);
		break;
	}
	/* ESC = / ESC > (keypad modes) and unknown sequences are ignored. */
}

/* A byte inside CSI: parameter digits, ';', '?', intermediates, or the final byte. */
static void csi_byte(struct vt_screen *s, uint8_t c)
{
	if (c >= '0' && c <= '9') {
		if (s->nparams == 0)
			s->nparams = 1;
		int *p = &s->params[s->nparams - 1];
		if (*p < 10000)
			*p = *p * 10 + (c - '0');
	} else if (c == ';') {
		if (s->nparams == 0)
			s->nparams = 1;
		if (s->nparams < VT_MAX_PARAMS)
			s->nparams++;
	} else if (c == '?' && s->nparams == 0) {
		s->private_mode = true;
	} else if (c >= 0x40 && c <= 0x7e) {
		s->state = ST_NORMAL;
		csi_dispatch(s, c);
	}
	/* Intermediate bytes (0x20-0x2f) and other private markers are ignored. */
}

/* C0 controls act even in the middle of an escape sequence, as on Linux. */
static bool control(struct vt_screen *s, uint8_t c)
{
	switch (c) {
	case CH_BEL:
		s->bells++;
		return true;
	case CH_BS:
		if (s->cur.x > 0 && !s->wrap_pending)
			s->cur.x--;
		s->wrap_pending = false;
		return true;
	case CH_HT: {
		int x = (s->cur.x | 7) + 1;
		s->cur.x = x >= VT_COLS ? VT_COLS - 1 : x;
		s->wrap_pending = false;
		return true;
	}
	case CH_LF:
	case CH_VT:
	case CH_FF:
		line_feed(s);
		return true;
	case CH_CR:
		s->cur.x = 0;
		s->wrap_pending = false;
		return true;
	case CH_CAN:
	case CH_SUB:
		s->state = ST_NORMAL;
		return true;
	case CH_ESC:
		s->state = ST_ESC;
		return true;
	}
	return c < 0x20 || c == CH_DEL; /* other controls are ignored */
}

static void write_byte(struct vt_screen *s, uint8_t c)
{
	if (s->state == ST_OSC || s->state == ST_OSC_ESC) {
		/* Operating system command: skipped up to BEL or ESC \. */
		if (c == CH_BEL || (s->state == ST_OSC_ESC && c == '\\'))
			s->state = ST_NORMAL;
		else
			s->state = c == CH_ESC ? ST_OSC_ESC : ST_OSC;
		return;
	}
	if (control(s, c))
		return;
	switch (s->state) {
	case ST_ESC:
		esc_dispatch(s, c);
		break;
	case ST_CSI:
		csi_byte(s, c);
		break;
	case ST_CHARSET:
		s->state = ST_NORMAL;
		break;
	default:
		put_char(s, c);
		break;
	}
}

void vt_screen_write(struct vt_screen *s, const char *buf, size_t n)
{
	for (size_t i = 0; i < n; i++)
		write_byte(s, (uint8_t)buf[i]);
}
