/*
 * VGA text mode (drivers/vga.c): the 80x25 cell memory at physical 0xb8000
 * and the CRT controller's hardware cursor. The virtual consoles
 * (tty/vt.c) keep their own screens and copy them here.
 */
#ifndef CAIRN_DRIVERS_VGA_H
#define CAIRN_DRIVERS_VGA_H

#include <types.h>

#define VGA_TEXT_COLS 80
#define VGA_TEXT_ROWS 25

/* Maps the text memory; call before the other functions. */
void vga_text_init(void);
/* Copies rows first..last (inclusive) of an 80x25 cell grid to the screen. */
void vga_text_put_rows(const uint16_t *cells, int first, int last);
/* Moves the hardware cursor and shows or hides it. */
void vga_text_cursor(int row, int col, bool visible);

#endif
