/*
 * Interrupt descriptor table: one gate per vector, all pointing at the stubs
 * in isr.asm. #DF, NMI and #MC switch to their IST stacks (see gdt.c); the
 * breakpoint gate is callable from user mode (int3).
 */
#include <arch/segments.h>
#include <arch/trap.h>

struct idt_gate {
	uint16_t off_lo;
	uint16_t sel;
	uint8_t ist;
	uint8_t type;
	uint16_t off_mid;
	uint32_t off_hi;
	uint32_t zero;
} __packed;

struct idtr {
	uint16_t limit;
	uint64_t base;
} __packed;

extern const uintptr_t isr_table[256];
static struct idt_gate idt[256] __aligned(16);

static void set_gate(unsigned vec, uintptr_t handler, uint8_t ist, uint8_t dpl)
{
	idt[vec] = (struct idt_gate){
		.off_lo = handler & 0xffff,
		.sel = SEL_KCODE,
		.ist = ist,
		.type = (uint8_t)(0x8e | (dpl << 5)), /* present, interrupt gate */
		.off_mid = (handler >> 16) & 0xffff,
		.off_hi = (uint32_t)(handler >> 32),
	};
}

/* Fills the table once, on the boot CPU. */
void idt_init(void)
{
	for (unsigned v = 0; v < 256; v++)
		set_gate(v, isr_table[v], 0, 0);
	set_gate(VEC_DF, isr_table[VEC_DF], 1, 0);
	set_gate(VEC_NMI, isr_table[VEC_NMI], 2, 0);
	set_gate(VEC_MC, isr_table[VEC_MC], 3, 0);
	set_gate(VEC_BP, isr_table[VEC_BP], 0, 3);
	idt_load();
}

/* Loads the shared table on the calling CPU. */
void idt_load(void)
{
	struct idtr r = { sizeof(idt) - 1, (uint64_t)idt };
	__asm__ volatile("lidt %0" ::"m"(r));
}
