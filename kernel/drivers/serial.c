/*
 * 16550 UART on COM1 (I/O port 0x3f8), used as the first kernel console.
 * Output is polled: the console must work before interrupts exist and while
 * the kernel panics. The terminal side of the port arrives with the tty layer.
 */
#include <arch/io.h>
#include <console.h>
#include <printk.h>
#include <irq.h>

#define COM1 0x3f8
#define UART_DATA 0
#define UART_IER 1
#define UART_FCR 2
#define UART_LCR 3
#define UART_MCR 4
#define UART_LSR 5
#define UART_SCR 7
#define LSR_THR_EMPTY 0x20

static bool serial_present;

static void serial_putc(char c)
{
	for (int spins = 0; spins < 100000; spins++)
		if (inb(COM1 + UART_LSR) & LSR_THR_EMPTY)
			break;
	outb(COM1 + UART_DATA, (uint8_t)c);
}

static void serial_console_write(struct console *c, const char *s, size_t n, int level)
{
	(void)c;
	(void)level;
	/*
	 * Kernel messages end lines with a bare NL: the port sends CR NL. A
	 * terminal's output processing (ONLCR) sends CR NL already, so a NL
	 * right after a CR gets no second CR.
	 */
	static char last;
	if (!serial_present)
		return;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n' && last != '\r')
			serial_putc('\r');
		serial_putc(s[i]);
		last = s[i];
	}
}

static struct console serial_console = {
	.name = "ttyS0",
	.write = serial_console_write,
	.max_level = 7,
};

/* Programs COM1 for 115200 8N1 with FIFOs and registers it as a console. */
void serial_early_init(void)
{
	outb(COM1 + UART_SCR, 0x5a);
	if (inb(COM1 + UART_SCR) != 0x5a)
		return;
	outb(COM1 + UART_IER, 0x00);
	outb(COM1 + UART_LCR, 0x80); /* DLAB on: divisor follows */
	outb(COM1 + UART_DATA, 0x01); /* 115200 baud */
	outb(COM1 + UART_IER, 0x00);
	outb(COM1 + UART_LCR, 0x03); /* 8 bits, no parity, one stop bit */
	outb(COM1 + UART_FCR, 0xc7); /* FIFOs on and cleared, 14-byte threshold */
	outb(COM1 + UART_MCR, 0x0b); /* DTR, RTS, OUT2 */
	serial_present = true;
	console_register(&serial_console);
}

static void (*serial_rx)(char c);

static int serial_irq(void *data)
{
	(void)data;
	int handled = IRQ_NONE;
	while (inb(COM1 + UART_LSR) & 0x01) { /* data ready */
		char c = (char)inb(COM1 + UART_DATA);
		handled = IRQ_HANDLED;
		if (serial_rx)
			serial_rx(c);
	}
	return handled;
}

/* Delivers received characters to rx, from the UART's receive interrupt. */
void serial_enable_input(void (*rx)(char c))
{
	if (!serial_present)
		return;
	serial_rx = rx;
	if (irq_register(4, serial_irq, NULL, "serial") < 0) {
		pr_err("serial: cannot register IRQ 4; no console input\n");
		return;
	}
	outb(COM1 + UART_IER, 0x01); /* received data available */
}
