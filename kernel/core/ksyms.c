/*
 * Kernel symbol lookup for backtraces. The table (ksyms_table, sorted by
 * address) is generated from the linked kernel by kernel/scripts/gen_ksyms.py
 * and linked in a second pass; in the first pass it is empty.
 */
#include <panic.h>

struct ksym {
	uintptr_t addr;
	const char *name;
};

extern const struct ksym ksyms_table[];
extern const size_t ksyms_count;
extern char _text_start[], _text_end[];

/* Returns the name of the function containing addr and its offset, or NULL. */
const char *ksym_lookup(uintptr_t addr, uintptr_t *offset)
{
	if (addr < (uintptr_t)_text_start || addr >= (uintptr_t)_text_end || ksyms_count == 0)
		return NULL;
	size_t lo = 0, hi = ksyms_count;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (ksyms_table[mid].addr <= addr)
			lo = mid;
		else
			hi = mid;
	}
	if (ksyms_table[lo].addr > addr)
		return NULL;
	*offset = addr - ksyms_table[lo].addr;
	return ksyms_table[lo].name;
}
