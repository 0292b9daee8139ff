/*
 * The legacy 8259 PIC pair. It is remapped to vectors 0x20-0x2f (away from
 * the CPU exceptions) and fully masked: the IOAPIC delivers device interrupts.
 * A masked PIC can still raise spurious IRQ 7 or 15, which are ignored here.
 */
#include <arch/apic.h>
#include <arch/io.h>
#include <arch/trap.h>

#define PIC1_CMD 0x20
#define PIC1_DATA 0x21
#define PIC2_CMD 0xa0
#define PIC2_DATA 0xa1

static uint64_t pic_spurious_count;

void pic_disable(void)
{
	outb(PIC1_CMD, 0x11); /* ICW1: init, expect ICW4 */
	io_wait();
	outb(PIC2_CMD, 0x11);
	io_wait();
	outb(PIC1_DATA, VEC_PIC_BASE); /* ICW2: vector offsets */
	io_wait();
	outb(PIC2_DATA, VEC_PIC_BASE + 8);
	io_wait();
	outb(PIC1_DATA, 4); /* ICW3: slave on IRQ2 */
	io_wait();
	outb(PIC2_DATA, 2);
	io_wait();
	outb(PIC1_DATA, 1); /* ICW4: 8086 mode */
	io_wait();
	outb(PIC2_DATA, 1);
	io_wait();
	outb(PIC1_DATA, 0xff);
	outb(PIC2_DATA, 0xff);
}

/* A spurious IRQ from a masked PIC needs no EOI, except that a spurious IRQ 15 still
 * owes the master an EOI for the cascade line. */
void pic_spurious(unsigned irq)
{
	pic_spurious_count++;
	if (irq == 15)
		outb(PIC1_CMD, 0x20);
}
