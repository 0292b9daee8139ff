/*
 * The i8042 PS/2 controller's keyboard port: its interrupt (IRQ 1) reads
 * each scancode byte from the data port, kbd_translate() turns it into
 * terminal bytes, and the virtual consoles (tty/vt.c) receive them on the
 * visible console or switch consoles for Alt+F1..F4. The controller is left
 * as the firmware set it up except that keyboard interrupts and scancode
 * translation (set 2 to set 1) are switched on.
 */
#include <arch/io.h>
#include <drivers/kbd.h>
#include <irq.h>
#include <printk.h>
#include <tty/vt.h>

#define I8042_DATA           0x60
#define I8042_STATUS         0x64
#define I8042_COMMAND        0x64
#define STATUS_OUTPUT_FULL   0x01
#define STATUS_INPUT_FULL    0x02
#define STATUS_AUX_DATA      0x20
#define CMD_READ_CONFIG      0x20
#define CMD_WRITE_CONFIG     0x60
#define CONFIG_KBD_IRQ       0x01
#define CONFIG_KBD_CLOCK_OFF 0x10
#define CONFIG_TRANSLATE     0x40

static struct kbd_state kbd;

static bool wait_input_empty(void)
{
	for (int spins = 0; spins < 100000; spins++)
		if (!(inb(I8042_STATUS) & STATUS_INPUT_FULL))
			return true;
	return false;
}

static bool wait_output_full(void)
{
	for (int spins = 0; spins < 100000; spins++)
		if (inb(I8042_STATUS) & STATUS_OUTPUT_FULL)
			return true;
	return false;
}

/*
 * One byte per interrupt, as each byte the controller queues raises IRQ 1
 * again: reading ahead would leave the next interrupt with nothing to read.
 */
static int i8042_irq(void *data)
{
	(void)data;
	uint8_t status = inb(I8042_STATUS);
	if (!(status & STATUS_OUTPUT_FULL))
		return IRQ_NONE;
	uint8_t code = inb(I8042_DATA);
	if (status & STATUS_AUX_DATA)
		return IRQ_HANDLED; /* a mouse byte: no mouse driver */
	char seq[KBD_MAX_SEQ];
	int console;
	size_t n = kbd_translate(&kbd, code, seq, &console);
	if (console)
		vt_activate(console);
	if (n)
		vt_keyboard_input(seq, n);
	return IRQ_HANDLED;
}

/* Enables keyboard interrupts with translation and takes IRQ 1. */
void i8042_init(void)
{
	if (inb(I8042_STATUS) == 0xff) {
		pr_info("i8042: no controller\n");
		return;
	}
	while (inb(I8042_STATUS) & STATUS_OUTPUT_FULL)
		(void)inb(I8042_DATA);
	if (!wait_input_empty())
		goto out_broken;
	outb(I8042_COMMAND, CMD_READ_CONFIG);
	if (!wait_output_full())
		goto out_broken;
	uint8_t config = inb(I8042_DATA);
	config |= CONFIG_KBD_IRQ | CONFIG_TRANSLATE;
	config &= (uint8_t)~CONFIG_KBD_CLOCK_OFF;
	if (!wait_input_empty())
		goto out_broken;
	outb(I8042_COMMAND, CMD_WRITE_CONFIG);
	if (!wait_input_empty())
		goto out_broken;
	outb(I8042_DATA, config);
	if (irq_register(1, i8042_irq, NULL, "i8042") < 0) {
		pr_err("i8042: cannot register IRQ 1; no keyboard\n");
		return;
	}
	pr_info("i8042: PS/2 keyboard on IRQ 1\n");
	return;
out_broken:
	pr_err("i8042: the controller does not answer; no keyboard\n");
}
