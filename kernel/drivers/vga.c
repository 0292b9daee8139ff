/*
 * VGA text mode: 80x25 cells at physical 0xb8000, each a character and a
 * colour attribute, and the hardware cursor in the CRT controller. This
 * file only moves cells and the cursor; what the screen shows is decided by
 * the virtual consoles (tty/vt.c), which also carry the kernel log.
 */
#include <arch/io.h>
#include <arch/mmu.h>
#include <drivers/vga.h>

#define VGA_PHYS          0xb8000
#define CRTC_INDEX        0x3d4
#define CRTC_DATA         0x3d5
#define CRTC_CURSOR_START 0x0a
#define CRTC_CURSOR_HIGH  0x0e
#define CRTC_CURSOR_LOW   0x0f
#define CURSOR_DISABLE    0x20

static volatile uint16_t *vga_mem;

void vga_text_init(void)
{
	vga_mem = phys_to_virt(VGA_PHYS);
}

void vga_text_put_rows(const uint16_t *cells, int first, int last)
{
	if (!vga_mem || first < 0 || last >= VGA_TEXT_ROWS)
		return;
	for (int i = first * VGA_TEXT_COLS; i < (last + 1) * VGA_TEXT_COLS; i++)
		vga_mem[i] = cells[i];
}

void vga_text_cursor(int row, int col, bool visible)
{
	uint16_t pos = (uint16_t)(row * VGA_TEXT_COLS + col);
	outb(CRTC_INDEX, CRTC_CURSOR_START);
	uint8_t start = inb(CRTC_DATA);
	start = visible ? (uint8_t)(start & ~CURSOR_DISABLE) : (uint8_t)(start | CURSOR_DISABLE);
	outb(CRTC_DATA, start);
	outb(CRTC_INDEX, CRTC_CURSOR_LOW);
	outb(CRTC_DATA, pos & 0xff);
	outb(CRTC_INDEX, CRTC_CURSOR_HIGH);
	outb(CRTC_DATA, pos >> 8);
}
