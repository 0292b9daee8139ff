/* SOURCES: kernel/tty/vt_parse.c kernel/drivers/ps2/kbd_map.c */
/*
 * Host test of the virtual console's output parser (tty/vt_parse.c) and
 * the keyboard's scancode translation (drivers/ps2/kbd_map.c). Parser cases
 * feed byte strings to a fresh screen and check the cell grid, the cursor,
 * the attributes and the answers to queries; keyboard cases feed scancode
 * set 1 sequences as QEMU's i8042 delivers them and check the bytes a Linux
 * console would send.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include <drivers/kbd.h>
#include <tty/vt_screen.h>

static struct vt_screen scr;
static char replies[64];
static size_t nreplies;

static void on_reply(struct vt_screen *s, const char *text, size_t n)
{
	(void)s;
	if (n > sizeof(replies) - nreplies)
		n = sizeof(replies) - nreplies;
	memcpy(replies + nreplies, text, n);
	nreplies += n;
}

static void fresh(void)
{
	vt_screen_init(&scr, on_reply, NULL);
	nreplies = 0;
}

static void out(const char *s)
{
	vt_screen_write(&scr, s, strlen(s));
}

static char ch(int row, int col)
{
	return (char)(vt_cell(&scr, row, col) & 0xff);
}

static uint8_t attr(int row, int col)
{
	return (uint8_t)(vt_cell(&scr, row, col) >> 8);
}

/* True when row shows text from column col on (the rest of the row may differ). */
static bool row_has(int row, int col, const char *text)
{
	for (size_t i = 0; text[i]; i++)
		if (ch(row, col + (int)i) != text[i])
			return false;
	return true;
}

static bool row_blank(int row)
{
	for (int c = 0; c < VT_COLS; c++)
		if (ch(row, c) != ' ')
			return false;
	return true;
}

static bool at(int row, int col)
{
	return scr.cur.y == row && scr.cur.x == col;
}

static void test_text_and_controls(void)
{
	fresh();
	CHECK(row_blank(0) && row_blank(24) && at(0, 0), "a fresh screen is blank, cursor home");
	CHECK(attr(0, 0) == 0x07, "blank cells are grey on black");
	out("hello");
	CHECK(row_has(0, 0, "hello") && at(0, 5), "text goes on row 0, cursor after it");
	out("\r\nab\tc");
	CHECK(row_has(1, 0, "ab") && ch(1, 8) == 'c' && at(1, 9), "CR LF and a tab stop at 8");
	out("\b\bX");
	CHECK(ch(1, 7) == 'X' && at(1, 8), "BS moves left without erasing");
	out("\a\a");
	CHECK(scr.bells == 2 && at(1, 8), "BEL rings and does not move");
	out("\nY");
	CHECK(ch(2, 8) == 'Y', "LF keeps the column (no implicit CR)");
	out("\x01\x7f");
	CHECK(at(2, 9), "other C0 controls and DEL print nothing");
}

static void test_wrap_and_scroll(void)
{
	fresh();
	for (int i = 0; i < VT_COLS; i++)
		out("x");
	CHECK(at(0, VT_COLS - 1) && scr.wrap_pending, "the last column defers the wrap");
	out("y");
	CHECK(ch(1, 0) == 'y' && at(1, 1), "the next character wraps to the next row");
	fresh();
	out("\033[?7l");
	for (int i = 0; i < VT_COLS + 5; i++)
		out("z");
	out("E");
	CHECK(ch(0, VT_COLS - 1) == 'E' && row_blank(1),
	      "without autowrap the last column is overwritten");
	fresh();
	out("top");
	for (int i = 0; i < VT_ROWS; i++)
		out("\n");
	out("bottom");
	CHECK(!row_has(0, 0, "top") && row_has(24, 3, "bottom") && at(24, 9),
	      "LF at the bottom scrolls the screen up");
	fresh();
	out("first\r\nsecond");
	out("\033[H\033M");
	CHECK(row_blank(0) && row_has(1, 0, "first") && row_has(2, 0, "second"),
	      "ESC M at the top scrolls down");
}

static void test_cursor_moves(void)
{
	fresh();
	out("\033[5;10H");
	CHECK(at(4, 9), "CSI 5;10 H goes to row 5 column 10 (1-based)");
	out("\033[2A");
	CHECK(at(2, 9), "CSI 2 A moves up 2");
	out("\033[B");
	CHECK(at(3, 9), "CSI B moves down 1 by default");
	out("\033[3C");
	CHECK(at(3, 12), "CSI 3 C moves right 3");
	out("\033[100D");
	CHECK(at(3, 0), "CSI D clamps at column 0");
	out("\033[99;99f");
	CHECK(at(24, 79), "CSI f clamps to the screen");
	out("\033[2E");
	CHECK(at(24, 0), "CSI E stays on the last row and goes to column 0");
	out("\033[3F");
	CHECK(at(21, 0), "CSI 3 F goes up 3 to column 0");
	out("\033[20G");
	CHECK(at(21, 19), "CSI 20 G sets column 20");
	out("\033[7d");
	CHECK(at(6, 19), "CSI 7 d sets row 7");
	out("\033[H");
	CHECK(at(0, 0), "CSI H homes");
	out("\033[3;4H\0337\033[10;10H\0338");
	CHECK(at(2, 3), "ESC 7 / ESC 8 save and restore the cursor");
	out("\033[31m\033[6;6H\033[s\033[0m\033[1;1H\033[u");
	CHECK(at(5, 5) && scr.cur.fg == 4, "CSI s / CSI u save and restore cursor and colour");
}

static void test_erase(void)
{
	fresh();
	for (int r = 0; r < 3; r++)
		out("0123456789\r\n");
	out("\033[2;5H\033[K");
	CHECK(row_has(1, 0, "0123") && ch(1, 4) == ' ' && ch(1, 9) == ' ',
	      "CSI K erases to the end of the line");
	out("\033[1;5H\033[1K");
	CHECK(row_has(0, 0, "     56789"), "CSI 1 K erases from the line start to the cursor");
	out("\033[3;3H\033[2K");
	CHECK(row_blank(2), "CSI 2 K erases the whole line");
	fresh();
	out("aaaa\r\nbbbb\r\ncccc");
	out("\033[2;3H\033[J");
	CHECK(row_has(0, 0, "aaaa") && row_has(1, 0, "bb  ") && row_blank(2),
	      "CSI J erases to the end of the screen");
	out("\033[1J");
	CHECK(row_blank(0) && row_blank(1), "CSI 1 J erases from the start to the cursor");
	out("xyz\033[2J");
	CHECK(row_blank(1) && at(1, 5), "CSI 2 J clears the screen and keeps the cursor");
	fresh();
	out("abcdefgh\033[1;3H\033[3X");
	CHECK(row_has(0, 0, "ab   fgh") && at(0, 2), "CSI 3 X erases 3 characters in place");
	fresh();
	out("\033[44m\033[2J");
	CHECK(attr(10, 10) == 0x17, "erasing fills with the current background (blue)");
}

static void test_insert_delete(void)
{
	fresh();
	out("abcdef\033[1;2H\033[2P");
	CHECK(row_has(0, 0, "adef  "), "CSI 2 P deletes 2 characters");
	out("\033[3@");
	CHECK(row_has(0, 0, "a   def"), "CSI 3 @ inserts 3 blanks");
	fresh();
	out("\033[4h");
	out("xyz\033[1;1HQ");
	CHECK(row_has(0, 0, "Qxyz"), "insert mode (CSI 4 h) shifts the line right");
	out("\033[4lR");
	CHECK(row_has(0, 0, "QRyz"), "CSI 4 l returns to replace mode");
	fresh();
	out("r0\r\nr1\r\nr2\r\nr3");
	out("\033[2;1H\033[L");
	CHECK(row_has(0, 0, "r0") && row_blank(1) && row_has(2, 0, "r1") && row_has(4, 0, "r3"),
	      "CSI L inserts a line and pushes the rest down");
	out("\033[2M");
	CHECK(row_has(1, 0, "r2") && row_has(2, 0, "r3") && row_blank(3),
	      "CSI 2 M deletes 2 lines");
}

static void test_scroll_region(void)
{
	fresh();
	out("head\033[25;1Hfoot");
	out("\033[2;5r");
	CHECK(scr.top == 1 && scr.bottom == 4 && at(0, 0), "CSI 2;5 r sets the region and homes");
	out("\033[2;1Hr1\r\nr2\r\nr3\r\nr4\r\nr5");
	CHECK(row_has(0, 0, "head") && row_has(1, 0, "r2") && row_has(4, 0, "r5") &&
	          row_has(24, 0, "foot"),
	      "LF at the region's bottom scrolls only the region");
	out("\033[2;1H\033M");
	CHECK(row_blank(1) && row_has(2, 0, "r2") && row_has(4, 0, "r4") && row_blank(5) &&
	          row_has(0, 0, "head"),
	      "ESC M at the region's top scrolls only the region down");
	out("\033[r");
	CHECK(scr.top == 0 && scr.bottom == 24, "CSI r resets the region to the full screen");
}

static void test_attributes(void)
{
	fresh();
	out("\033[31mR\033[1mB\033[0mN");
	CHECK(attr(0, 0) == 0x04, "CSI 31 m: red foreground");
	CHECK(attr(0, 1) == 0x0c, "CSI 1 m: bold is the bright colour");
	CHECK(attr(0, 2) == 0x07, "CSI 0 m resets the rendition");
	out("\033[7mV\033[27m\033[32;45mG");
	CHECK(attr(0, 3) == 0x70, "CSI 7 m: reverse video");
	CHECK(attr(0, 4) == 0x52, "CSI 32;45 m: green on magenta");
	out("\033[mD\033[94mL\033[39;49mZ");
	CHECK(attr(0, 5) == 0x07 && attr(0, 6) == 0x09 && attr(0, 7) == 0x07,
	      "CSI m, bright foreground 94, defaults 39/49");
	out("\033[38;5;196mX");
	CHECK(ch(0, 8) == 'X' && attr(0, 8) == 0x07,
	      "256-colour SGR arguments are skipped, not misread");
}

static void test_modes_and_reports(void)
{
	fresh();
	out("\033[?25l");
	CHECK(!scr.cursor_visible, "CSI ?25 l hides the cursor");
	out("\033[?25h");
	CHECK(scr.cursor_visible, "CSI ?25 h shows it");
	out("\033[12;34H\033[6n");
	CHECK(nreplies == 8 && memcmp(replies, "\033[12;34R", 8) == 0,
	      "CSI 6 n answers the cursor position");
	nreplies = 0;
	out("\033[5n");
	CHECK(nreplies == 4 && memcmp(replies, "\033[0n", 4) == 0, "CSI 5 n answers OK");
	nreplies = 0;
	out("\033[c");
	CHECK(nreplies == 5 && memcmp(replies, "\033[?6c", 5) == 0, "CSI c answers as Linux does");
	out("\033[33mtext\033c");
	CHECK(row_blank(0) && at(0, 0) && scr.cur.fg == 7, "ESC c resets the terminal");
	fresh();
	out("\033]0;title\007ok\033(Bk\033[1;2;3;4;5;6;7;8;9;10;11;12;13;14;15;16;17;18;19;20mz");
	CHECK(row_has(0, 0, "okkz"),
	      "OSC, charset designation and too many parameters are swallowed");
	out("\033[3\030Q");
	CHECK(ch(0, 4) == 'Q', "CAN aborts a sequence");
	fresh();
	vt_screen_clean(&scr);
	out("\033[10;1Hx");
	CHECK(scr.dirty_lo == 9 && scr.dirty_hi == 9, "only the changed row is dirty");
}

/* Feeds scancodes and returns the bytes produced (NUL-terminated in buf). */
static size_t keys(struct kbd_state *k, const uint8_t *codes, size_t n, char *buf, int *console)
{
	size_t len = 0;
	*console = 0;
	for (size_t i = 0; i < n; i++) {
		int sw;
		len += kbd_translate(k, codes[i], buf + len, &sw);
		if (sw)
			*console = sw;
	}
	buf[len] = 0;
	return len;
}

#define KEYS(...)                                                                                  \
	(memset(&kb, 0, sizeof(kb)), codes_len = sizeof((uint8_t[]){__VA_ARGS__}),                 \
	 memcpy(codes, (uint8_t[]){__VA_ARGS__}, codes_len),                                       \
	 keys(&kb, codes, codes_len, got, &console))

static void test_keyboard(void)
{
	struct kbd_state kb;
	uint8_t codes[32];
	size_t codes_len;
	char got[256];
	int console;

	KEYS(0x1e, 0x9e, 0x30, 0xb0);
	CHECK(strcmp(got, "ab") == 0, "a b make/break give \"ab\"");
	KEYS(0x2a, 0x1e, 0x9e, 0xaa, 0x1e, 0x9e);
	CHECK(strcmp(got, "Aa") == 0, "shift gives upper case until released");
	KEYS(0x36, 0x02, 0x0d, 0xb6);
	CHECK(strcmp(got, "!+") == 0, "right shift: shifted digits and symbols");
	KEYS(0x3a, 0xba, 0x10, 0x02, 0x2a, 0x10, 0xaa);
	CHECK(strcmp(got, "Q1q") == 0, "caps lock shifts letters only; shift undoes it");
	KEYS(0x1d, 0x2e, 0xae, 0x9d);
	CHECK(strcmp(got, "\x03") == 0, "ctrl-c gives ETX (3)");
	KEYS(0xe0, 0x1d, 0x20, 0xa0, 0xe0, 0x9d, 0x20);
	CHECK(strcmp(got, "\x04"
	                  "d") == 0,
	      "right ctrl-d gives EOT, then d after release");
	KEYS(0x38, 0x2d, 0xb8);
	CHECK(strcmp(got, "\033x") == 0, "alt-x sends ESC x");
	KEYS(0x1c, 0x0e, 0x0f, 0x01);
	CHECK(strcmp(got, "\r\x7f\t\033") == 0, "Enter, Backspace, Tab, Esc: CR DEL HT ESC");
	KEYS(0xe0, 0x48, 0xe0, 0xc8, 0xe0, 0x50, 0xe0, 0x4d, 0xe0, 0x4b);
	CHECK(strcmp(got, "\033[A\033[B\033[C\033[D") == 0, "arrows: ESC [ A B C D");
	KEYS(0xe0, 0x47, 0xe0, 0x4f, 0xe0, 0x49, 0xe0, 0x51, 0xe0, 0x52, 0xe0, 0x53);
	CHECK(strcmp(got, "\033[1~\033[4~\033[5~\033[6~\033[2~\033[3~") == 0,
	      "Home End PgUp PgDn Ins Del: ESC [ 1 4 5 6 2 3 ~");
	KEYS(0x3b, 0x3f, 0x40, 0x44, 0x57, 0x58);
	CHECK(strcmp(got, "\033[[A\033[[E\033[17~\033[21~\033[23~\033[24~") == 0,
	      "F1 F5 F6 F10 F11 F12 as on the Linux console");
	KEYS(0x38, 0x3c, 0xbc, 0xb8);
	CHECK(got[0] == 0 && console == 2, "alt-F2 switches to console 2 and sends nothing");
	KEYS(0xe0, 0x38, 0x3e, 0xe0, 0xb8);
	CHECK(got[0] == 0 && console == 4, "right alt (AltGr) F4 switches to console 4");
	KEYS(0x48, 0x4f);
	CHECK(strcmp(got, "\033[A\033[4~") == 0, "keypad 8 and 1 without num lock: Up and End");
	KEYS(0x45, 0xc5, 0x48, 0x4f, 0x4a);
	CHECK(strcmp(got, "81-") == 0, "with num lock the keypad gives digits");
	KEYS(0xe0, 0x2a, 0xe0, 0x48, 0xe0, 0xaa, 0x1e);
	CHECK(strcmp(got, "\033[Aa") == 0, "fake shifts around extended keys are ignored");
	KEYS(0x1d, 0x1a, 0x2b, 0x39);
	CHECK(got[0] == 0x1b && got[1] == 0x1c && got[2] == 0,
	      "ctrl-[ is ESC, ctrl-\\ is FS, ctrl-space NUL");
	KEYS(0x5b, 0xff, 0x00, 0x7e);
	CHECK(got[0] == 0, "unknown codes send nothing");
}

int main(void)
{
	test_text_and_controls();
	test_wrap_and_scroll();
	test_cursor_moves();
	test_erase();
	test_insert_delete();
	test_scroll_region();
	test_attributes();
	test_modes_and_reports();
	test_keyboard();
	return check_done();
}
