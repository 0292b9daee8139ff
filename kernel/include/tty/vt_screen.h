/*
 * The screen of one virtual console and the output parser that draws on it
 * (tty/vt_parse.c): an 80x25 grid of VGA text cells (character in the low
 * byte, colour attribute in the high byte), a cursor, the current colours
 * and the state of a half-received escape sequence. The parser understands
 * the subset of the Linux console's control sequences (console_codes(4))
 * that full-screen programs such as busybox vi and less use with TERM=linux.
 * It is pure logic: it touches no hardware and takes no locks, so the
 * caller serialises calls on one screen and copies the rows between
 * dirty_lo and dirty_hi to the display afterwards.
 */
#ifndef CAIRN_TTY_VT_SCREEN_H
#define CAIRN_TTY_VT_SCREEN_H

#include <types.h>

#define VT_COLS       80
#define VT_ROWS       25
#define VT_MAX_PARAMS 16

/* VGA attribute of the default rendition: light grey on black. */
#define VT_DEFAULT_ATTR 0x07

struct vt_screen;
/* Receives the answer to a query (DSR, DA): bytes for the tty's input. */
typedef void (*vt_reply_fn)(struct vt_screen *s, const char *reply, size_t n);

struct vt_cursor_state {
	int x, y;
	uint8_t fg, bg; /* VGA colours 0-15 */
	bool bold, reverse;
};

struct vt_screen {
	uint16_t cells[VT_ROWS * VT_COLS];
	struct vt_cursor_state cur;   /* cursor position and rendition */
	struct vt_cursor_state saved; /* ESC 7 / CSI s */
	bool wrap_pending;            /* the last column was written: wrap before the next */
	bool autowrap;                /* CSI ?7 h/l */
	bool cursor_visible;          /* CSI ?25 h/l */
	bool insert_mode;             /* CSI 4 h/l */
	int top, bottom;              /* scroll region, inclusive rows */
	/* Parser state: a partial escape sequence. */
	int state;
	bool private_mode; /* CSI ? ... */
	int params[VT_MAX_PARAMS];
	int nparams;
	unsigned bells; /* BEL characters seen */
	/* Rows changed since vt_screen_clean(); dirty_lo > dirty_hi when none. */
	int dirty_lo, dirty_hi;
	vt_reply_fn reply;
	void *owner; /* the caller's, untouched by the parser */
};

/* Resets s to a blank screen with the default rendition (as ESC c does). */
void vt_screen_init(struct vt_screen *s, vt_reply_fn reply, void *owner);
/* Interprets n bytes of output. */
void vt_screen_write(struct vt_screen *s, const char *buf, size_t n);
/* The current attribute byte (after bold and reverse). */
uint8_t vt_screen_attr(const struct vt_screen *s);
/* Marks every row clean after the caller displayed them. */
void vt_screen_clean(struct vt_screen *s);
/* Marks every row dirty (the console became visible). */
void vt_screen_touch(struct vt_screen *s);

static inline uint16_t vt_cell(const struct vt_screen *s, int row, int col)
{
	return s->cells[row * VT_COLS + col];
}

#endif
