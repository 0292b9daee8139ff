/*
 * VGA text-mode console: 80x25 cells at physical 0xb8000, each a character
 * and a colour attribute. Lines scroll up when the screen is full; the
 * hardware cursor follows the output. Kernel log levels pick the colour.
 */
#include <arch/io.h>
#include <arch/mmu.h>
#include <console.h>
#include <printk.h>

#define VGA_COLS 80
#define VGA_ROWS 25
#define VGA_PHYS 0xb8000
#define CRTC_INDEX 0x3d4
#define CRTC_DATA 0x3d5

enum vga_color {
	VGA_BLACK = 0,
	VGA_RED = 4,
	VGA_LIGHT_GREY = 7,
	VGA_YELLOW = 14,
	VGA_LIGHT_RED = 12,
	VGA_WHITE = 15,
};

static volatile uint16_t *vga_mem;
static unsigned vga_row, vga_col;

static uint8_t level_color(int level)
{
	if (level <= LOG_ERR)
		return VGA_LIGHT_RED;
	if (level == LOG_WARNING)
		return VGA_YELLOW;
	if (level == LOG_NOTICE)
		return VGA_WHITE;
	return VGA_LIGHT_GREY;
}

static void vga_set_cursor(void)
{
	uint16_t pos = (uint16_t)(vga_row * VGA_COLS + vga_col);
	outb(CRTC_INDEX, 0x0f);
	outb(CRTC_DATA, pos & 0xff);
	outb(CRTC_INDEX, 0x0e);
	outb(CRTC_DATA, pos >> 8);
}

static void vga_scroll(uint8_t attr)
{
	for (unsigned i = 0; i < (VGA_ROWS - 1) * VGA_COLS; i++)
		vga_mem[i] = vga_mem[i + VGA_COLS];
	for (unsigned i = 0; i < VGA_COLS; i++)
		vga_mem[(VGA_ROWS - 1) * VGA_COLS + i] = (uint16_t)(attr << 8 | ' ');
	vga_row = VGA_ROWS - 1;
}

static void vga_putc(char c, uint8_t attr)
{
	if (c == '\n') {
		vga_col = 0;
		vga_row++;
	} else if (c == '\r') {
		vga_col = 0;
	} else if (c == '\t') {
		vga_col = (vga_col + 8) & ~7u;
	} else {
		vga_mem[vga_row * VGA_COLS + vga_col] = (uint16_t)(attr << 8 | (uint8_t)c);
		vga_col++;
	}
	if (vga_col >= VGA_COLS) {
		vga_col = 0;
		vga_row++;
	}
	if (vga_row >= VGA_ROWS)
		vga_scroll(attr);
}

static void vga_console_write(struct console *c, const char *s, size_t n, int level)
{
	(void)c;
	uint8_t attr = (uint8_t)(VGA_BLACK << 4 | level_color(level));
	for (size_t i = 0; i < n; i++)
		vga_putc(s[i], attr);
	vga_set_cursor();
}

static struct console vga_console = {
	.name = "tty1",
	.write = vga_console_write,
	.max_level = LOG_INFO,
};

/* Clears the screen and registers the VGA text console. */
void vga_console_init(void)
{
	vga_mem = phys_to_virt(VGA_PHYS);
	for (unsigned i = 0; i < VGA_ROWS * VGA_COLS; i++)
		vga_mem[i] = (uint16_t)(VGA_LIGHT_GREY << 8 | ' ');
	vga_row = vga_col = 0;
	console_register(&vga_console);
}
