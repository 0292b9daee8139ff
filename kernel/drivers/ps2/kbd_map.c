/*
 * Scancode set 1 to terminal bytes, US layout, as the Linux console's
 * default keymap does it: Backspace sends DEL, Enter CR, the editing keys
 * VT220 sequences (ESC [ 1~ Home ... ESC [ 6~ PgDn), the arrows ESC [ A-D,
 * F1-F5 ESC [ [ A-E and F6-F12 ESC [ 17~ ... ESC [ 24~. Alt prefixes a key
 * with ESC (meta); Alt+F1..F12 switch consoles instead. The keypad follows
 * num lock (off at boot: its keys are the cursor and editing keys).
 */
#include <drivers/kbd.h>
#include <lib/string.h>

#define SC_RELEASE 0x80
#define SC_E0      0xe0
#define SC_LCTRL   0x1d
#define SC_LSHIFT  0x2a
#define SC_RSHIFT  0x36
#define SC_LALT    0x38
#define SC_CAPS    0x3a
#define SC_NUMLOCK 0x45
#define SC_F1      0x3b
#define SC_F10     0x44
#define SC_F11     0x57
#define SC_F12     0x58

/* Plain and shifted characters of the main block, by make code (0: none). */
/* clang-format off */
static const char plain_map[0x3a] = {
	[0x01] = 0x1b, '1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '-', '=', 0x7f,
	'\t', 'q', 'w', 'e', 'r', 't', 'y', 'u', 'i', 'o', 'p', '[', ']', '\r',
	[0x1e] = 'a', 's', 'd', 'f', 'g', 'h', 'j', 'k', 'l', ';', '\'', '`',
	[0x2b] = '\\', 'z', 'x', 'c', 'v', 'b', 'n', 'm', ',', '.', '/',
	[0x37] = '*', [0x39] = ' ',
};

static const char shift_map[0x3a] = {
	[0x01] = 0x1b, '!', '@', '#', '$', '%', '^', '&', '*', '(', ')', '_', '+', 0x7f,
	'\t', 'Q', 'W', 'E', 'R', 'T', 'Y', 'U', 'I', 'O', 'P', '{', '}', '\r',
	[0x1e] = 'A', 'S', 'D', 'F', 'G', 'H', 'J', 'K', 'L', ':', '"', '~',
	[0x2b] = '|', 'Z', 'X', 'C', 'V', 'B', 'N', 'M', '<', '>', '?',
	[0x37] = '*', [0x39] = ' ',
};
/* clang-format on */

/* The sequences of the cursor and editing keys, by their (e0-prefixed) make code. */
static const char *edit_key(uint8_t code)
{
	switch (code) {
	case 0x47:
		return "\033[1~"; /* Home */
	case 0x48:
		return "\033[A"; /* Up */
	case 0x49:
		return "\033[5~"; /* PgUp */
	case 0x4b:
		return "\033[D"; /* Left */
	case 0x4c:
		return "\033[G"; /* keypad 5 */
	case 0x4d:
		return "\033[C"; /* Right */
	case 0x4f:
		return "\033[4~"; /* End */
	case 0x50:
		return "\033[B"; /* Down */
	case 0x51:
		return "\033[6~"; /* PgDn */
	case 0x52:
		return "\033[2~"; /* Insert */
	case 0x53:
		return "\033[3~"; /* Delete */
	}
	return NULL;
}

static const char *const fkey_seq[12] = {
    "\033[[A",  "\033[[B",  "\033[[C",  "\033[[D",  "\033[[E",  "\033[17~",
    "\033[18~", "\033[19~", "\033[20~", "\033[21~", "\033[23~", "\033[24~",
};

/* The keypad with num lock on: 7 8 9 - 4 5 6 + 1 2 3 0 . from 0x47. */
static const char keypad_digits[] = "789-456+1230.";

/* F1-F12 as 1-12, 0 for other codes. */
static int fkey_number(uint8_t code)
{
	if (code >= SC_F1 && code <= SC_F10)
		return code - SC_F1 + 1;
	if (code == SC_F11)
		return 11;
	if (code == SC_F12)
		return 12;
	return 0;
}

static bool is_letter(char c)
{
	return c >= 'a' && c <= 'z';
}

/* Ctrl applied to a character: letters and @[\]^_ become C0 controls. */
static char control_of(char c)
{
	if (is_letter(c))
		return (char)(c - 'a' + 1);
	if (c >= '@' && c <= '_')
		return (char)(c - '@');
	switch (c) {
	case ' ':
	case '2':
		return 0;
	case '6':
		return 0x1e;
	case '-':
	case '/':
		return 0x1f;
	case '3':
		return 0x1b;
	case '4':
		return 0x1c;
	case '5':
		return 0x1d;
	case '8':
		return 0x7f;
	}
	return c;
}

/* Tracks a modifier key; true when code was one. */
static bool modifier(struct kbd_state *k, uint8_t make, bool e0, bool pressed)
{
	switch (make) {
	case SC_LSHIFT:
		if (!e0) /* e0 2a is a fake shift around some keys */
			k->lshift = pressed;
		return true;
	case SC_RSHIFT:
		if (!e0)
			k->rshift = pressed;
		return true;
	case SC_LCTRL:
		*(e0 ? &k->rctrl : &k->lctrl) = pressed;
		return true;
	case SC_LALT:
		*(e0 ? &k->ralt : &k->lalt) = pressed;
		return true;
	case SC_CAPS:
		if (pressed && !e0)
			k->caps_lock = !k->caps_lock;
		return true;
	case SC_NUMLOCK:
		if (pressed && !e0)
			k->num_lock = !k->num_lock;
		return true;
	}
	return false;
}

/* Copies seq to out with an ESC in front when alt is held. */
static size_t emit(char *out, const char *seq, size_t len, bool alt)
{
	size_t n = 0;
	if (alt)
		out[n++] = 0x1b;
	if (len > KBD_MAX_SEQ - n)
		len = KBD_MAX_SEQ - n;
	memcpy(out + n, seq, len);
	return n + len;
}

size_t kbd_translate(struct kbd_state *k, uint8_t code, char *out, int *console)
{
	*console = 0;
	if (code == SC_E0) {
		k->e0 = true;
		return 0;
	}
	bool e0 = k->e0;
	k->e0 = false;
	bool pressed = !(code & SC_RELEASE);
	uint8_t make = code & ~SC_RELEASE;
	if (modifier(k, make, e0, pressed) || !pressed)
		return 0;

	bool shift = k->lshift || k->rshift;
	bool ctrl = k->lctrl || k->rctrl;
	bool alt = k->lalt || k->ralt;

	int f = fkey_number(make);
	if (f && !e0) {
		if (alt) {
			*console = f;
			return 0;
		}
		return emit(out, fkey_seq[f - 1], strlen(fkey_seq[f - 1]), false);
	}
	const char *seq = edit_key(make);
	if (seq && (e0 || !k->num_lock))
		return emit(out, seq, strlen(seq), alt);
	if (seq || make == 0x4a || make == 0x4e) {
		/* The keypad's digits and operators (num lock on, or - and +). */
		char c = keypad_digits[make - 0x47];
		return emit(out, &c, 1, alt);
	}
	if (e0 && make == 0x1c) /* keypad Enter */
		return emit(out, "\r", 1, alt);
	if (e0 && make == 0x35) /* keypad / */
		return emit(out, "/", 1, alt);
	if (make >= sizeof(plain_map) || !plain_map[make])
		return 0;
	char c = plain_map[make];
	if (is_letter(c) ? shift != k->caps_lock : shift)
		c = shift_map[make];
	if (ctrl)
		c = control_of(c >= 'A' && c <= 'Z' ? (char)(c + 'a' - 'A') : c);
	return emit(out, &c, 1, alt);
}
