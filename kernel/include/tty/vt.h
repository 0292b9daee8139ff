/*
 * Virtual consoles (tty/vt.c): tty1..tty4, each a struct tty with its own
 * screen (struct vt_screen); the visible one is drawn on the VGA text
 * screen and receives the keyboard. tty1 also shows the kernel log.
 */
#ifndef CAIRN_TTY_VT_H
#define CAIRN_TTY_VT_H

#include <types.h>

#define VT_COUNT 4

/* Sets up the screens and registers tty1 as a kernel console (at boot, before the heap). */
void vt_console_init(void);
/* Registers /dev/tty0 (the visible console) and /dev/tty1../dev/tty4. */
void vt_dev_init(void);
/* Makes console n (1..VT_COUNT) visible: 0, or -ENXIO for another n. */
int vt_activate(int n);
/* Bytes from the keyboard for the visible console (interrupt context). */
void vt_keyboard_input(const char *s, size_t n);

#endif
