/*
 * PS/2 keyboard translation (drivers/ps2/kbd_map.c): scancode set 1 bytes,
 * as the i8042 delivers them with translation on (QEMU's default), become
 * the bytes a Linux console sends for a US layout: characters with shift,
 * caps lock and ctrl applied, ESC prefixes for alt, and escape sequences
 * for the cursor, editing and function keys. Pure logic, host-tested.
 */
#ifndef CAIRN_DRIVERS_KBD_H
#define CAIRN_DRIVERS_KBD_H

#include <types.h>

/* The most bytes one key press produces (alt + F12 is ESC ESC [ 2 4 ~). */
#define KBD_MAX_SEQ 8

struct kbd_state {
	bool lshift, rshift, lctrl, rctrl, lalt, ralt;
	bool caps_lock, num_lock;
	bool e0; /* the previous byte was the 0xe0 prefix */
};

/*
 * Feeds one scancode byte. Writes the bytes for the terminal into out
 * (at least KBD_MAX_SEQ long) and returns how many (0 for releases,
 * modifiers and prefixes). *console is set to N (1-12) when the byte
 * completes Alt+FN (a console switch, which sends nothing), else to 0.
 */
size_t kbd_translate(struct kbd_state *k, uint8_t code, char *out, int *console);

#endif
