/*
 * Planning the load of an ELF64 executable. elf_plan_load() is pure logic: it
 * reads the file header and the program header table from a buffer, checks
 * them against the rules below and describes what to map, without mapping,
 * allocating or printing anything. The exec code turns the plan into mappings;
 * it can trust every address and size in a plan that elf_plan_load() accepted.
 *
 * What a plan promises (each is checked, so a malformed file is refused):
 * - 1 <= nr_segments <= ELF_MAX_SEGMENTS, in ascending address order;
 * - every segment lies in [ELF_USER_MIN, ELF_USER_TOP), ends strictly below
 *   ELF_USER_TOP, and has filesz <= memsz and offset + filesz <= file size;
 * - vaddr and offset of a segment are congruent modulo PAGE_SIZE;
 * - segments do not overlap byte-wise; consecutive segments may share a page
 *   (the last page of one, the first page of the next), as GNU ld lays out the
 *   end of one segment and the start of the next when they are not page-aligned;
 * - the entry point lies inside a segment with PROT_EXEC;
 * - phdr_vaddr, when nonzero, lies inside a segment;
 * - the TLS initialisation image, when not empty, lies inside a segment;
 * - brk_start is the page-aligned end of the last segment, <= ELF_USER_TOP.
 */
#ifndef CAIRN_PROC_ELF_LOAD_H
#define CAIRN_PROC_ELF_LOAD_H

#include <elf.h>
#include <types.h>
#include <uapi/mman.h>

#define ELF_MAX_SEGMENTS 16 /* PT_LOAD segments a plan can hold. */
#define ELF_MAX_PHNUM    64 /* Larger program header tables are refused. */

/*
 * The user address range segments must fit in: ELF_USER_TOP equals USER_TOP
 * (arch/mmu.h) and ELF_USER_MIN equals USER_MIN_ADDR (mm/vm.h), repeated here
 * so that host tests need neither header.
 */
#define ELF_USER_MIN 0x10000ULL
#define ELF_USER_TOP 0x0000800000000000ULL

/*
 * One PT_LOAD segment as it will be mapped: file bytes [offset, offset + filesz)
 * appear at [vaddr, vaddr + filesz), and [vaddr + filesz, vaddr + memsz) is
 * zero-filled. Addresses are not rounded to pages; vaddr includes the load bias.
 */
struct elf_segment {
	uint64_t vaddr;
	uint64_t memsz;
	uint64_t offset;
	uint64_t filesz;
	uint32_t prot; /* PROT_READ, PROT_WRITE and PROT_EXEC bits. */
};

struct elf_plan {
	uint64_t entry;      /* Absolute entry point (after load_bias). */
	uint64_t load_bias;  /* 0 for ET_EXEC; dyn_base for ET_DYN (static-PIE). */
	uint64_t phdr_vaddr; /* User address of the program headers (AT_PHDR), 0 if not mapped. */
	uint16_t phnum, phentsize;
	unsigned nr_segments;
	struct elf_segment seg[ELF_MAX_SEGMENTS]; /* Sorted; addresses include load_bias. */
	bool has_interp; /* PT_INTERP present: the caller decides whether to refuse. */
	bool exec_stack; /* PT_GNU_STACK with PF_X; false when there is no PT_GNU_STACK. */
	uint64_t tls_vaddr, tls_filesz, tls_memsz, tls_align; /* PT_TLS, all 0 if none. */
	uint64_t brk_start; /* Page-aligned end of the highest segment. */
};

/*
 * Validates an ELF64 x86-64 executable and plans its load. hdr holds the first
 * hdr_len bytes of the file (at most file_size of them), which must include the
 * file header and the whole program header table; file_size is the size of the
 * whole file. dyn_base is the load bias for an ET_DYN file and must then be
 * page-aligned; it is ignored for ET_EXEC. hdr need not be aligned.
 *
 * Returns 0 and fills *plan, or -ENOEXEC for a malformed or unsupported file
 * (*plan is then unspecified): wrong magic, class, byte order, version or
 * machine; a type other than ET_EXEC or ET_DYN; e_phentsize other than 56;
 * e_phnum 0 or above ELF_MAX_PHNUM; a table outside the buffer; a PT_LOAD with
 * filesz > memsz, file bytes beyond file_size, an address range that wraps, ends
 * at or above ELF_USER_TOP or starts below ELF_USER_MIN (after the bias),
 * p_align neither 0 nor a power of two, or vaddr and offset not congruent
 * modulo PAGE_SIZE; PT_LOADs out of address order or overlapping; more than
 * ELF_MAX_SEGMENTS of them or none; an entry point outside every executable
 * segment; a repeated PT_INTERP, PT_PHDR, PT_TLS or PT_GNU_STACK; a PT_PHDR or
 * TLS image not inside a segment; a bad PT_TLS or PT_INTERP. PT_LOADs with
 * p_memsz 0 are checked but left out of the plan. Returns -EINVAL for a caller
 * bug rather than bad input: hdr_len above file_size, or an ET_DYN file with a
 * dyn_base that is not page-aligned.
 */
int elf_plan_load(const void *hdr, size_t hdr_len, uint64_t file_size, uint64_t dyn_base,
                  struct elf_plan *plan);

#endif
