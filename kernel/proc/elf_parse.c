/*
 * ELF64 executable validation and load planning (see proc/elf_load.h for the
 * promises a plan makes). Everything read from the file is untrusted: fields
 * are copied out of the buffer with memcpy() (the buffer may be unaligned) and
 * every sum of two file-supplied numbers is checked for wrap-around before use.
 *
 * The rules aim to accept what GNU ld, gold, lld and musl-gcc produce for static,
 * static-PIE and dynamically linked executables, and nothing looser than the ELF
 * specification allows for PT_LOAD order and placement.
 */
#include <elf.h>
#include <errno.h>
#include <lib/string.h>
#include <proc/elf_load.h>
#include <types.h>

#ifndef HOST_TEST
#include <arch/mmu.h>
_Static_assert(ELF_USER_TOP == USER_TOP, "ELF loader and MMU disagree on the user address limit");
#endif

#define ELF_INTERP_MAX 4096 /* PATH_MAX, the longest PT_INTERP path with its NUL. */

/* Returns true for 0 and powers of two, the values p_align may take. */
static bool elf_align_ok(uint64_t align)
{
	return (align & (align - 1)) == 0;
}

/* Returns true when a + b does not wrap, storing the sum in *sum. */
static bool elf_add_ok(uint64_t a, uint64_t b, uint64_t *sum)
{
	return !__builtin_add_overflow(a, b, sum);
}

/* Translates PF_* segment flags into PROT_* protections. */
static uint32_t elf_prot(uint32_t p_flags)
{
	uint32_t prot = 0;

	if (p_flags & PF_R)
		prot |= PROT_READ;
	if (p_flags & PF_W)
		prot |= PROT_WRITE;
	if (p_flags & PF_X)
		prot |= PROT_EXEC;
	return prot;
}

/* Returns true when the file header names an x86-64 little-endian executable we can load. */
static bool elf_ehdr_ok(const Elf64_Ehdr *eh)
{
	if (memcmp(eh->e_ident, ELFMAG, SELFMAG) != 0)
		return false;
	if (eh->e_ident[EI_CLASS] != ELFCLASS64 || eh->e_ident[EI_DATA] != ELFDATA2LSB ||
	    eh->e_ident[EI_VERSION] != EV_CURRENT || eh->e_version != EV_CURRENT)
		return false;
	if (eh->e_type != ET_EXEC && eh->e_type != ET_DYN)
		return false;
	if (eh->e_machine != EM_X86_64)
		return false;
	if (eh->e_phentsize != sizeof(Elf64_Phdr))
		return false;
	return eh->e_phnum >= 1 && eh->e_phnum <= ELF_MAX_PHNUM;
}

/*
 * Checks one PT_LOAD against the file size, the user address range and the
 * segments already planned, and appends it to the plan unless it is empty
 * (p_memsz 0). Segments must come in ascending address order without
 * overlapping bytes; the first page of one may be the last page of the previous.
 * Returns 0 or -ENOEXEC.
 */
static int elf_add_load(struct elf_plan *plan, const Elf64_Phdr *ph, uint64_t file_size)
{
	uint64_t start, end, file_end;
	struct elf_segment *seg;

	if (ph->p_filesz > ph->p_memsz)
		return -ENOEXEC;
	if (!elf_add_ok(ph->p_offset, ph->p_filesz, &file_end) || file_end > file_size)
		return -ENOEXEC;
	if (!elf_align_ok(ph->p_align))
		return -ENOEXEC;
	/* The load bias is page-aligned, so congruence before and after it is the same. */
	if ((ph->p_vaddr - ph->p_offset) % PAGE_SIZE != 0)
		return -ENOEXEC;
	if (!elf_add_ok(ph->p_vaddr, plan->load_bias, &start) ||
	    !elf_add_ok(start, ph->p_memsz, &end))
		return -ENOEXEC;
	if (start < ELF_USER_MIN || end >= ELF_USER_TOP)
		return -ENOEXEC;
	if (plan->nr_segments > 0) {
		const struct elf_segment *prev = &plan->seg[plan->nr_segments - 1];

		if (start < prev->vaddr + prev->memsz)
			return -ENOEXEC;
	}
	if (ph->p_memsz == 0)
		return 0;
	if (plan->nr_segments == ELF_MAX_SEGMENTS)
		return -ENOEXEC;

	seg = &plan->seg[plan->nr_segments++];
	seg->vaddr = start;
	seg->memsz = ph->p_memsz;
	seg->offset = ph->p_offset;
	seg->filesz = ph->p_filesz;
	seg->prot = elf_prot(ph->p_flags);
	return 0;
}

/*
 * Returns the planned segment holding all of [addr, addr + len), or NULL. With
 * len 0 it is enough for addr itself to lie inside a segment.
 */
static const struct elf_segment *elf_find_segment(const struct elf_plan *plan, uint64_t addr,
                                                  uint64_t len)
{
	for (unsigned i = 0; i < plan->nr_segments; i++) {
		const struct elf_segment *s = &plan->seg[i];

		if (addr < s->vaddr || addr - s->vaddr >= s->memsz)
			continue;
		if (len <= s->memsz - (addr - s->vaddr))
			return s;
	}
	return NULL;
}

/*
 * Checks PT_INTERP: its path must lie inside the file and be between 2 bytes
 * (one character and the NUL) and ELF_INTERP_MAX long. Returns 0 or -ENOEXEC.
 */
static int elf_check_interp(const Elf64_Phdr *ph, uint64_t file_size)
{
	uint64_t end;

	if (ph->p_filesz < 2 || ph->p_filesz > ELF_INTERP_MAX)
		return -ENOEXEC;
	if (!elf_add_ok(ph->p_offset, ph->p_filesz, &end) || end > file_size)
		return -ENOEXEC;
	return 0;
}

/*
 * Records PT_TLS in the plan after sanity checks on its sizes and alignment.
 * That its image lies inside a segment is checked once all PT_LOADs are known.
 * Returns 0 or -ENOEXEC.
 */
static int elf_take_tls(struct elf_plan *plan, const Elf64_Phdr *ph)
{
	if (ph->p_filesz > ph->p_memsz || ph->p_memsz >= ELF_USER_TOP)
		return -ENOEXEC;
	if (!elf_align_ok(ph->p_align) || ph->p_align >= ELF_USER_TOP)
		return -ENOEXEC;
	if (!elf_add_ok(ph->p_vaddr, plan->load_bias, &plan->tls_vaddr))
		return -ENOEXEC;
	plan->tls_filesz = ph->p_filesz;
	plan->tls_memsz = ph->p_memsz;
	plan->tls_align = ph->p_align;
	return 0;
}

/*
 * Walks the program header table, planning PT_LOADs and noting the other
 * segment types the loader cares about. *pt_phdr_vaddr receives the biased
 * address of PT_PHDR, or 0 without one. Returns 0 or -ENOEXEC.
 */
static int elf_walk_phdrs(struct elf_plan *plan, const uint8_t *table, uint64_t file_size,
                          uint64_t *pt_phdr_vaddr)
{
	bool seen_interp = false, seen_phdr = false, seen_tls = false, seen_stack = false;
	Elf64_Phdr ph;
	int err;

	*pt_phdr_vaddr = 0;
	for (unsigned i = 0; i < plan->phnum; i++) {
		memcpy(&ph, table + i * sizeof(ph), sizeof(ph));
		switch (ph.p_type) {
		case PT_LOAD:
			err = elf_add_load(plan, &ph, file_size);
			break;
		case PT_INTERP:
			err = seen_interp ? -ENOEXEC : elf_check_interp(&ph, file_size);
			seen_interp = true;
			break;
		case PT_PHDR:
			err = 0;
			if (seen_phdr || !elf_add_ok(ph.p_vaddr, plan->load_bias, pt_phdr_vaddr) ||
			    *pt_phdr_vaddr == 0)
				err = -ENOEXEC;
			seen_phdr = true;
			break;
		case PT_TLS:
			err = seen_tls ? -ENOEXEC : elf_take_tls(plan, &ph);
			seen_tls = true;
			break;
		case PT_GNU_STACK:
			err = seen_stack ? -ENOEXEC : 0;
			plan->exec_stack = (ph.p_flags & PF_X) != 0;
			seen_stack = true;
			break;
		default:
			/* PT_DYNAMIC, PT_NOTE, PT_GNU_RELRO and others need nothing here. */
			err = 0;
			break;
		}
		if (err)
			return err;
	}
	plan->has_interp = seen_interp;
	return 0;
}

/*
 * Finds the user address of the program header table: PT_PHDR's address if
 * there is one (it must then be inside a segment), else the address at which a
 * PT_LOAD maps the table's file bytes, else 0. Returns 0 or -ENOEXEC.
 */
static int elf_locate_phdrs(struct elf_plan *plan, uint64_t phoff, uint64_t table_size,
                            uint64_t pt_phdr_vaddr)
{
	if (pt_phdr_vaddr) {
		if (!elf_find_segment(plan, pt_phdr_vaddr, table_size))
			return -ENOEXEC;
		plan->phdr_vaddr = pt_phdr_vaddr;
		return 0;
	}
	for (unsigned i = 0; i < plan->nr_segments; i++) {
		const struct elf_segment *s = &plan->seg[i];

		/* s->offset + s->filesz cannot wrap: elf_add_load() checked it. */
		if (phoff >= s->offset && phoff - s->offset <= s->filesz &&
		    table_size <= s->offset + s->filesz - phoff) {
			plan->phdr_vaddr = s->vaddr + (phoff - s->offset);
			return 0;
		}
	}
	plan->phdr_vaddr = 0;
	return 0;
}

int elf_plan_load(const void *hdr, size_t hdr_len, uint64_t file_size, uint64_t dyn_base,
                  struct elf_plan *plan)
{
	const struct elf_segment *s, *last;
	uint64_t table_size, pt_phdr_vaddr;
	Elf64_Ehdr eh;
	int err;

	if (hdr_len > file_size)
		return -EINVAL;
	if (hdr_len < sizeof(eh))
		return -ENOEXEC;
	memcpy(&eh, hdr, sizeof(eh));
	if (!elf_ehdr_ok(&eh))
		return -ENOEXEC;
	if (eh.e_type == ET_DYN && dyn_base % PAGE_SIZE != 0)
		return -EINVAL;

	/* At most ELF_MAX_PHNUM entries of 56 bytes: the product cannot wrap. */
	table_size = (uint64_t)eh.e_phnum * sizeof(Elf64_Phdr);
	if (eh.e_phoff > hdr_len || table_size > hdr_len - eh.e_phoff)
		return -ENOEXEC;

	memset(plan, 0, sizeof(*plan));
	plan->load_bias = eh.e_type == ET_DYN ? dyn_base : 0;
	plan->phnum = eh.e_phnum;
	plan->phentsize = eh.e_phentsize;

	err = elf_walk_phdrs(plan, (const uint8_t *)hdr + eh.e_phoff, file_size, &pt_phdr_vaddr);
	if (err)
		return err;
	if (plan->nr_segments == 0)
		return -ENOEXEC;

	if (!elf_add_ok(eh.e_entry, plan->load_bias, &plan->entry))
		return -ENOEXEC;
	s = elf_find_segment(plan, plan->entry, 0);
	if (!s || !(s->prot & PROT_EXEC))
		return -ENOEXEC;

	err = elf_locate_phdrs(plan, eh.e_phoff, table_size, pt_phdr_vaddr);
	if (err)
		return err;

	if (plan->tls_filesz && !elf_find_segment(plan, plan->tls_vaddr, plan->tls_filesz))
		return -ENOEXEC;

	/* The last segment ends below ELF_USER_TOP, which is page-aligned: no wrap. */
	last = &plan->seg[plan->nr_segments - 1];
	plan->brk_start = ALIGN_UP(last->vaddr + last->memsz, PAGE_SIZE);
	return 0;
}
