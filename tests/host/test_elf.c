/* SOURCES: kernel/proc/elf_parse.c */
/*
 * Host tests of ELF64 load planning: handcrafted images laid out as GNU ld,
 * lld and musl-gcc lay out static, static-PIE and dynamic executables, one
 * negative case per rule of the contract, a mutation fuzzer that checks every
 * accepted plan against the promises of proc/elf_load.h, and /bin/true when the
 * host has it. Each image is handed over in a buffer of exactly hdr_len bytes,
 * so AddressSanitizer catches any read past the header the loader was given.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"

#include <elf.h>
#include <errno.h>
#include <proc/elf_load.h>

#define IMG_MAX  4096 /* The loader reads at most the first page of a file. */
#define PIE_BASE 0x555555554000ull
#define PHSZ     sizeof(Elf64_Phdr)

/* An ELF image under construction: its first hdr_len bytes and the size of the whole file. */
struct image {
	uint8_t buf[IMG_MAX];
	size_t hdr_len;
	uint64_t file_size;
};

static uint64_t rng_state = 0x2545f4914f6cdd1dull;

/* Returns a pseudo-random number (xorshift64*), fixed-seeded for reproducibility. */
static uint64_t rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545f4914f6cdd1dull;
}

static Elf64_Ehdr get_ehdr(const struct image *im)
{
	Elf64_Ehdr eh;

	memcpy(&eh, im->buf, sizeof(eh));
	return eh;
}

static void put_ehdr(struct image *im, const Elf64_Ehdr *eh)
{
	memcpy(im->buf, eh, sizeof(*eh));
}

static Elf64_Phdr get_phdr(const struct image *im, unsigned i)
{
	Elf64_Phdr ph;

	memcpy(&ph, im->buf + get_ehdr(im).e_phoff + i * PHSZ, sizeof(ph));
	return ph;
}

static void put_phdr(struct image *im, unsigned i, const Elf64_Phdr *ph)
{
	memcpy(im->buf + get_ehdr(im).e_phoff + i * PHSZ, ph, sizeof(*ph));
}

/* Starts an image with a valid x86-64 header, no program headers and the table at offset 64. */
static void img_init(struct image *im, uint16_t type, uint64_t entry, uint64_t file_size)
{
	Elf64_Ehdr eh = {
	    .e_ident = {ELFMAG0, ELFMAG1, ELFMAG2, ELFMAG3, ELFCLASS64, ELFDATA2LSB, EV_CURRENT,
	                ELFOSABI_SYSV},
	    .e_type = type,
	    .e_machine = EM_X86_64,
	    .e_version = EV_CURRENT,
	    .e_entry = entry,
	    .e_phoff = sizeof(Elf64_Ehdr),
	    .e_ehsize = sizeof(Elf64_Ehdr),
	    .e_phentsize = PHSZ,
	};

	memset(im, 0, sizeof(*im));
	put_ehdr(im, &eh);
	im->file_size = file_size;
	im->hdr_len = file_size < IMG_MAX ? file_size : IMG_MAX;
}

/* Appends a program header; returns its index. */
static unsigned img_add(struct image *im, uint32_t type, uint32_t flags, uint64_t off,
                        uint64_t vaddr, uint64_t filesz, uint64_t memsz, uint64_t align)
{
	Elf64_Ehdr eh = get_ehdr(im);
	Elf64_Phdr ph = {type, flags, off, vaddr, vaddr, filesz, memsz, align};
	unsigned i = eh.e_phnum++;

	put_ehdr(im, &eh);
	put_phdr(im, i, &ph);
	return i;
}

/* Calls elf_plan_load() on a copy of the image in a buffer of exactly hdr_len bytes. */
static int plan_image(const struct image *im, uint64_t dyn_base, struct elf_plan *plan)
{
	void *copy = malloc(im->hdr_len ? im->hdr_len : 1);
	int rc;

	memcpy(copy, im->buf, im->hdr_len);
	rc = elf_plan_load(copy, im->hdr_len, im->file_size, dyn_base, plan);
	free(copy);
	return rc;
}

/* Static executable as GNU ld (musl-gcc -static) emits it: R, R+X, R, RW(+bss), TLS, stack. */
static void build_gnu_static(struct image *im)
{
	img_init(im, ET_EXEC, 0x40104d, 0x3014);
	img_add(im, PT_LOAD, PF_R, 0, 0x400000, 0x1c8, 0x1c8, 0x1000);
	img_add(im, PT_LOAD, PF_R | PF_X, 0x1000, 0x401000, 0x83c, 0x83c, 0x1000);
	img_add(im, PT_LOAD, PF_R, 0x2000, 0x402000, 0x40, 0x40, 0x1000);
	img_add(im, PT_LOAD, PF_R | PF_W, 0x2fcc, 0x403fcc, 0x48, 0x44c, 0x1000);
	img_add(im, PT_TLS, PF_R, 0x2fcc, 0x403fcc, 4, 8, 4);
	img_add(im, PT_GNU_STACK, PF_R | PF_W, 0, 0, 0, 0, 0x10);
}

/* Static PIE as GNU ld emits it: PT_PHDR, four PT_LOADs from 0, DYNAMIC, TLS, RELRO. */
static void build_gnu_static_pie(struct image *im)
{
	img_init(im, ET_DYN, 0x105d, 0x3014);
	img_add(im, PT_PHDR, PF_R, 0x40, 0x40, 8 * PHSZ, 8 * PHSZ, 8);
	img_add(im, PT_LOAD, PF_R, 0, 0, 0x4b0, 0x4b0, 0x1000);
	img_add(im, PT_LOAD, PF_R | PF_X, 0x1000, 0x1000, 0x16c, 0x16c, 0x1000);
	img_add(im, PT_LOAD, PF_R, 0x2000, 0x2000, 0x70, 0x70, 0x1000);
	img_add(im, PT_LOAD, PF_R | PF_W, 0x2dfc, 0x3dfc, 0x218, 0x3d4, 0x1000);
	img_add(im, PT_DYNAMIC, PF_R | PF_W, 0x2e10, 0x3e10, 0x1c0, 0x1c0, 8);
	img_add(im, PT_TLS, PF_R, 0x2dfc, 0x3dfc, 4, 8, 4);
	img_add(im, PT_GNU_RELRO, PF_R, 0x2dfc, 0x3dfc, 0x204, 0x204, 1);
}

/* Older two-segment layout (-z noseparate-code, 2 MiB pages) with an executable stack. */
static void build_gnu_two_load(struct image *im)
{
	img_init(im, ET_EXEC, 0x400100, 0xb7000);
	img_add(im, PT_LOAD, PF_R | PF_X, 0, 0x400000, 0xb4c5c, 0xb4c5c, 0x200000);
	img_add(im, PT_LOAD, PF_R | PF_W, 0xb5e10, 0x6b5e10, 0x1000, 0x3000, 0x200000);
	img_add(im, PT_NOTE, PF_R, 0x158, 0x400158, 0x44, 0x44, 4);
	img_add(im, PT_GNU_STACK, PF_R | PF_W | PF_X, 0, 0, 0, 0, 0x10);
}

/* Text and data sharing one page, as ld -N/-n or tight linker scripts produce. */
static void build_shared_page(struct image *im)
{
	img_init(im, ET_EXEC, 0x400010, 0x900);
	img_add(im, PT_LOAD, PF_R | PF_X, 0, 0x400000, 0x800, 0x800, 0x1000);
	img_add(im, PT_LOAD, PF_R | PF_W, 0x800, 0x400800, 0x100, 0x1000, 0x1000);
}

/* Dynamically linked PIE (like /bin/true): PT_PHDR, PT_INTERP, no PT_GNU_STACK. */
static void build_dynamic_pie(struct image *im)
{
	img_init(im, ET_DYN, 0x1500, 0x5000);
	img_add(im, PT_PHDR, PF_R, 0x40, 0x40, 5 * PHSZ, 5 * PHSZ, 8);
	img_add(im, PT_INTERP, PF_R, 0x158, 0x158, 0x1c, 0x1c, 1);
	img_add(im, PT_LOAD, PF_R, 0, 0, 0x4fc, 0x4fc, 0x1000);
	img_add(im, PT_LOAD, PF_R | PF_X, 0x500, 0x1500, 0x170, 0x170, 0x1000);
	img_add(im, PT_LOAD, PF_R | PF_W, 0x670, 0x2670, 0x1b0, 0x1f0, 0x1000);
}

/* n executable one-page PT_LOADs, one after the other. */
static void build_many_loads(struct image *im, unsigned n)
{
	img_init(im, ET_EXEC, 0x400000, 0x1000 * (uint64_t)n);
	for (unsigned i = 0; i < n; i++)
		img_add(im, PT_LOAD, PF_R | PF_X, 0x1000 * i, 0x400000 + 0x1000 * i, 0x1000, 0x1000,
		        0x1000);
}

static void build_many_loads_17(struct image *im)
{
	build_many_loads(im, ELF_MAX_SEGMENTS + 1);
}

static bool seg_is(const struct elf_segment *s, uint64_t vaddr, uint64_t memsz, uint64_t offset,
                   uint64_t filesz, uint32_t prot)
{
	return s->vaddr == vaddr && s->memsz == memsz && s->offset == offset &&
	       s->filesz == filesz && s->prot == prot;
}

/* Returns NULL when the plan keeps every promise of proc/elf_load.h, else the broken one. */
static const char *plan_violation(const struct elf_plan *p, uint64_t file_size)
{
	const struct elf_segment *exec_seg = NULL, *last;
	bool phdr_ok = p->phdr_vaddr == 0, tls_ok = p->tls_filesz == 0;

	if (p->nr_segments < 1 || p->nr_segments > ELF_MAX_SEGMENTS)
		return "segment count";
	if (p->phentsize != PHSZ || p->phnum < 1 || p->phnum > ELF_MAX_PHNUM)
		return "phnum/phentsize";
	for (unsigned i = 0; i < p->nr_segments; i++) {
		const struct elf_segment *s = &p->seg[i];
		uint64_t end;

		if (s->memsz == 0 || s->filesz > s->memsz)
			return "segment sizes";
		if (s->vaddr < ELF_USER_MIN || __builtin_add_overflow(s->vaddr, s->memsz, &end) ||
		    end >= ELF_USER_TOP)
			return "segment outside user space";
		if (__builtin_add_overflow(s->offset, s->filesz, &end) || end > file_size)
			return "segment outside the file";
		if ((s->vaddr - s->offset) % PAGE_SIZE)
			return "segment not congruent";
		if (i > 0 && s->vaddr < p->seg[i - 1].vaddr + p->seg[i - 1].memsz)
			return "segments unsorted or overlapping";
		if (p->entry >= s->vaddr && p->entry - s->vaddr < s->memsz && (s->prot & PROT_EXEC))
			exec_seg = s;
		if (p->phdr_vaddr >= s->vaddr &&
		    p->phnum * PHSZ <= s->vaddr + s->memsz - p->phdr_vaddr &&
		    p->phdr_vaddr < s->vaddr + s->memsz)
			phdr_ok = true;
		if (p->tls_vaddr >= s->vaddr && p->tls_vaddr < s->vaddr + s->memsz &&
		    p->tls_filesz <= s->vaddr + s->memsz - p->tls_vaddr)
			tls_ok = true;
		if (s->prot & ~(uint32_t)(PROT_READ | PROT_WRITE | PROT_EXEC))
			return "unknown protection bits";
	}
	if (!exec_seg)
		return "entry outside executable segments";
	if (!phdr_ok)
		return "phdr_vaddr outside segments";
	if (!tls_ok)
		return "TLS image outside segments";
	if (p->tls_filesz > p->tls_memsz || (p->tls_align & (p->tls_align - 1)))
		return "TLS sizes";
	last = &p->seg[p->nr_segments - 1];
	if (p->brk_start != ALIGN_UP(last->vaddr + last->memsz, PAGE_SIZE) ||
	    p->brk_start > ELF_USER_TOP)
		return "brk_start";
	return NULL;
}

static void test_valid_layouts(void)
{
	struct elf_plan p;
	struct image im;
	int rc;

	build_gnu_static(&im);
	rc = plan_image(&im, PIE_BASE, &p);
	CHECK(rc == 0, "GNU ld static layout is accepted (rc %d)", rc);
	CHECK(p.nr_segments == 4 && p.load_bias == 0 && p.entry == 0x40104d,
	      "static: four segments, no bias, entry as in the header");
	CHECK(seg_is(&p.seg[0], 0x400000, 0x1c8, 0, 0x1c8, PROT_READ) &&
	          seg_is(&p.seg[1], 0x401000, 0x83c, 0x1000, 0x83c, PROT_READ | PROT_EXEC) &&
	          seg_is(&p.seg[2], 0x402000, 0x40, 0x2000, 0x40, PROT_READ) &&
	          seg_is(&p.seg[3], 0x403fcc, 0x44c, 0x2fcc, 0x48, PROT_READ | PROT_WRITE),
	      "static: segment addresses, sizes, offsets and protections");
	CHECK(p.phdr_vaddr == 0x400040, "static: program headers found through the first PT_LOAD");
	CHECK(p.phnum == 6 && p.phentsize == PHSZ, "static: phnum and phentsize");
	CHECK(p.tls_vaddr == 0x403fcc && p.tls_filesz == 4 && p.tls_memsz == 8 && p.tls_align == 4,
	      "static: PT_TLS reported");
	CHECK(!p.has_interp && !p.exec_stack, "static: no interpreter, non-executable stack");
	CHECK(p.brk_start == 0x405000, "static: brk starts at the page after .bss");
	CHECK(plan_violation(&p, im.file_size) == NULL, "static: plan keeps its promises");

	build_gnu_static_pie(&im);
	rc = plan_image(&im, PIE_BASE, &p);
	CHECK(rc == 0, "GNU ld static-PIE layout is accepted (rc %d)", rc);
	CHECK(p.load_bias == PIE_BASE && p.entry == PIE_BASE + 0x105d,
	      "static-PIE: bias applied to the entry point");
	CHECK(
	    p.nr_segments == 4 && p.seg[0].vaddr == PIE_BASE &&
	        seg_is(&p.seg[3], PIE_BASE + 0x3dfc, 0x3d4, 0x2dfc, 0x218, PROT_READ | PROT_WRITE),
	    "static-PIE: segments biased, offsets not");
	CHECK(p.phdr_vaddr == PIE_BASE + 0x40,
	      "static-PIE: PT_PHDR gives the biased table address");
	CHECK(p.tls_vaddr == PIE_BASE + 0x3dfc, "static-PIE: TLS address biased");
	CHECK(p.brk_start == PIE_BASE + 0x5000 && !p.has_interp && !p.exec_stack,
	      "static-PIE: brk, no interpreter, no exec stack without PT_GNU_STACK");
	rc = plan_image(&im, 0, &p);
	CHECK(rc == -ENOEXEC, "static-PIE at bias 0 would map page 0: refused (rc %d)", rc);

	build_gnu_two_load(&im);
	rc = plan_image(&im, 0x1234, &p);
	CHECK(
	    rc == 0 && p.nr_segments == 2 && p.exec_stack && p.load_bias == 0,
	    "two-segment layout with 2 MiB alignment and PF_X stack (misaligned dyn_base ignored)");
	CHECK(p.phdr_vaddr == 0x400040 && p.brk_start == 0x6b9000 && p.tls_memsz == 0,
	      "two-segment: phdrs, brk, no TLS");

	build_shared_page(&im);
	rc = plan_image(&im, 0, &p);
	CHECK(rc == 0 && p.nr_segments == 2 && p.brk_start == 0x402000,
	      "consecutive segments sharing a page are accepted (rc %d)", rc);

	build_dynamic_pie(&im);
	rc = plan_image(&im, PIE_BASE, &p);
	CHECK(rc == 0 && p.has_interp && p.phdr_vaddr == PIE_BASE + 0x40 &&
	          p.entry == PIE_BASE + 0x1500,
	      "dynamic PIE parses and reports PT_INTERP (rc %d)", rc);

	build_many_loads(&im, ELF_MAX_SEGMENTS);
	rc = plan_image(&im, 0, &p);
	CHECK(rc == 0 && p.nr_segments == ELF_MAX_SEGMENTS,
	      "exactly ELF_MAX_SEGMENTS PT_LOADs fit");

	build_shared_page(&im);
	img_add(&im, PT_LOAD, PF_R, 0x900, 0x402900, 0, 0, 0);
	rc = plan_image(&im, 0, &p);
	CHECK(rc == 0 && p.nr_segments == 2, "an empty PT_LOAD (p_memsz 0, p_align 0) is skipped");

	build_shared_page(&im);
	img_add(&im, PT_LOAD, PF_R | PF_W, 0x900, 0x7ffffffff900, 0, 0x6ff, 0x1000);
	rc = plan_image(&im, 0, &p);
	CHECK(rc == 0 && p.brk_start == ELF_USER_TOP,
	      "a segment ending one byte below ELF_USER_TOP is accepted (rc %d)", rc);
}

/*
 * Builds a fresh image, applies the statements in the trailing arguments to it
 * (with eh and ph as scratch headers for SET_EH and SET_PH) and expects
 * elf_plan_load() to return want.
 */
#define EXPECT(want, build, dyn_base, text, ...)                                                   \
	do {                                                                                       \
		struct elf_plan p_;                                                                \
		struct image im;                                                                   \
		Elf64_Ehdr eh;                                                                     \
		Elf64_Phdr ph;                                                                     \
		int rc_;                                                                           \
		build(&im);                                                                        \
		eh = get_ehdr(&im);                                                                \
		(void)eh;                                                                          \
		(void)ph;                                                                          \
		__VA_ARGS__;                                                                       \
		rc_ = plan_image(&im, dyn_base, &p_);                                              \
		CHECK(rc_ == (want), "%s (rc %d)", text, rc_);                                     \
	} while (0)

#define SET_EH(stmt)                                                                               \
	do {                                                                                       \
		eh = get_ehdr(&im);                                                                \
		stmt;                                                                              \
		put_ehdr(&im, &eh);                                                                \
	} while (0)

#define SET_PH(i, stmt)                                                                            \
	do {                                                                                       \
		ph = get_phdr(&im, i);                                                             \
		stmt;                                                                              \
		put_phdr(&im, i, &ph);                                                             \
	} while (0)

static void test_header_rules(void)
{
	const int E = -ENOEXEC;

	EXPECT(E, build_gnu_static, 0, "bad magic", im.buf[EI_MAG1] = 'e');
	EXPECT(E, build_gnu_static, 0, "ELFCLASS32", im.buf[EI_CLASS] = ELFCLASS32);
	EXPECT(E, build_gnu_static, 0, "big-endian", im.buf[EI_DATA] = ELFDATA2MSB);
	EXPECT(E, build_gnu_static, 0, "e_ident version 0", im.buf[EI_VERSION] = EV_NONE);
	EXPECT(E, build_gnu_static, 0, "e_version 2", SET_EH(eh.e_version = 2));
	EXPECT(E, build_gnu_static, 0, "i386 machine", SET_EH(eh.e_machine = EM_386));
	EXPECT(E, build_gnu_static, 0, "ET_REL", SET_EH(eh.e_type = ET_REL));
	EXPECT(E, build_gnu_static, 0, "ET_CORE", SET_EH(eh.e_type = ET_CORE));
	EXPECT(0, build_gnu_static, 0, "OS/ABI GNU is accepted", im.buf[EI_OSABI] = ELFOSABI_LINUX);
	EXPECT(E, build_gnu_static, 0, "e_phentsize 64", SET_EH(eh.e_phentsize = 64));
	EXPECT(E, build_gnu_static, 0, "e_phnum 0", SET_EH(eh.e_phnum = 0));
	EXPECT(E, build_gnu_static, 0, "e_phnum 65", SET_EH(eh.e_phnum = 65));
	EXPECT(E, build_gnu_static, 0, "e_phnum 0xffff (PN_XNUM)", SET_EH(eh.e_phnum = 0xffff));
	EXPECT(E, build_gnu_static, 0, "table past the buffer",
	       SET_EH(eh.e_phoff = IMG_MAX - PHSZ));
	EXPECT(E, build_gnu_static, 0, "e_phoff near 2^64", SET_EH(eh.e_phoff = UINT64_MAX - 8));
	EXPECT(E, build_gnu_static, 0, "table one byte past hdr_len",
	       im.hdr_len = sizeof(Elf64_Ehdr) + eh.e_phnum * PHSZ - 1);
	EXPECT(0, build_gnu_static, 0, "table ending exactly at hdr_len",
	       im.hdr_len = sizeof(Elf64_Ehdr) + eh.e_phnum * PHSZ);
	EXPECT(E, build_gnu_static, 0, "hdr_len 63", im.hdr_len = 63);
	EXPECT(-EINVAL, build_gnu_static, 0, "hdr_len above file_size",
	       im.file_size = im.hdr_len - 1);
	EXPECT(-EINVAL, build_gnu_static_pie, PIE_BASE + 0x10, "misaligned dyn_base for ET_DYN");
}

static void test_segment_rules(void)
{
	const int E = -ENOEXEC;

	EXPECT(E, build_gnu_static, 0, "PT_LOAD filesz > memsz", SET_PH(3, ph.p_filesz = 0x44d));
	EXPECT(E, build_gnu_static, 0, "PT_LOAD one byte beyond the file", im.file_size--);
	EXPECT(E, build_gnu_static, 0, "PT_LOAD offset + filesz wraps",
	       SET_PH(3, ph.p_offset = UINT64_MAX - 0xfff + 0xfcc));
	EXPECT(E, build_gnu_static, 0, "PT_LOAD vaddr + memsz wraps",
	       SET_PH(3, ph.p_memsz = UINT64_MAX - 0x1000));
	EXPECT(E, build_gnu_static, 0, "segment ending at ELF_USER_TOP",
	       SET_PH(3, ph.p_memsz = ELF_USER_TOP - ph.p_vaddr));
	EXPECT(E, build_gnu_static, 0, "segment in kernel space",
	       SET_PH(3, ph.p_vaddr = 0xffffffff80000fcc));
	EXPECT(E, build_gnu_static, 0, "segment below ELF_USER_MIN",
	       SET_PH(0, ph.p_vaddr = ELF_USER_MIN - 0x1000));
	EXPECT(E, build_gnu_static_pie, UINT64_MAX & ~0xfffull, "bias near 2^64");
	EXPECT(E, build_gnu_static_pie, ELF_USER_TOP - 0x4000,
	       "bias pushing segments past the top");
	EXPECT(E, build_gnu_static, 0, "p_align 3", SET_PH(1, ph.p_align = 3));
	EXPECT(E, build_gnu_static, 0, "vaddr and offset not congruent",
	       SET_PH(3, ph.p_vaddr += 8));
	EXPECT(E, build_gnu_static, 0, "overlapping PT_LOADs",
	       SET_PH(1, ph.p_memsz = 0x1001; ph.p_filesz = 0x1001));
	EXPECT(E, build_gnu_static, 0, "PT_LOADs out of address order",
	       SET_PH(0, ph.p_type = PT_NULL);
	       img_add(&im, PT_LOAD, PF_R, 0, 0x400000, 0x1c8, 0x1c8, 0x1000));
	EXPECT(E, build_gnu_static, 0, "byte overlap inside a shared page",
	       SET_PH(2, ph.p_memsz = 0x1fd0));
	EXPECT(E, build_many_loads_17, 0, "ELF_MAX_SEGMENTS + 1 PT_LOADs");
	EXPECT(E, build_gnu_static, 0, "no PT_LOAD at all",
	       for (unsigned i = 0; i < 4; i++) SET_PH(i, ph.p_type = PT_NOTE));
	EXPECT(E, build_gnu_static, 0, "entry in a non-executable segment",
	       SET_EH(eh.e_entry = 0x403fd0));
	EXPECT(E, build_gnu_static, 0, "entry between segments", SET_EH(eh.e_entry = 0x401900));
	EXPECT(E, build_gnu_static, 0, "entry one past the executable segment",
	       SET_EH(eh.e_entry = 0x40183c));
	EXPECT(E, build_gnu_static_pie, PIE_BASE, "entry + bias wraps",
	       SET_EH(eh.e_entry = UINT64_MAX - 0x1000));
}

static void test_other_phdr_rules(void)
{
	const int E = -ENOEXEC;

	EXPECT(E, build_gnu_static, 0, "two PT_TLS",
	       img_add(&im, PT_TLS, PF_R, 0x2fcc, 0x403fcc, 4, 8, 4));
	EXPECT(E, build_gnu_static, 0, "PT_TLS filesz > memsz", SET_PH(4, ph.p_filesz = 9));
	EXPECT(E, build_gnu_static, 0, "PT_TLS align 12", SET_PH(4, ph.p_align = 12));
	EXPECT(E, build_gnu_static, 0, "PT_TLS memsz huge", SET_PH(4, ph.p_memsz = UINT64_MAX));
	EXPECT(E, build_gnu_static, 0, "TLS image outside every segment",
	       SET_PH(4, ph.p_vaddr = 0x405000));
	EXPECT(E, build_gnu_static, 0, "TLS image running off its segment",
	       SET_PH(4, ph.p_vaddr = 0x404416));
	EXPECT(0, build_gnu_static, 0, "empty TLS image may sit anywhere",
	       SET_PH(4, ph.p_vaddr = 0x9000000; ph.p_filesz = 0));
	EXPECT(E, build_gnu_static_pie, PIE_BASE, "PT_PHDR outside the segments",
	       SET_PH(0, ph.p_vaddr = 0x800));
	EXPECT(E, build_gnu_static_pie, PIE_BASE, "PT_PHDR table running off its segment",
	       SET_PH(0, ph.p_vaddr = 0x4b0 - PHSZ));
	EXPECT(E, build_gnu_static_pie, PIE_BASE, "two PT_PHDR",
	       img_add(&im, PT_PHDR, PF_R, 0x40, 0x40, 0x1c0, 0x1c0, 8));
	EXPECT(E, build_dynamic_pie, PIE_BASE, "PT_INTERP beyond the file",
	       SET_PH(1, ph.p_offset = im.file_size - 0x10));
	EXPECT(E, build_dynamic_pie, PIE_BASE, "PT_INTERP of one byte", SET_PH(1, ph.p_filesz = 1));
	EXPECT(E, build_dynamic_pie, PIE_BASE, "PT_INTERP longer than PATH_MAX",
	       SET_PH(1, ph.p_filesz = 4097));
	EXPECT(E, build_dynamic_pie, PIE_BASE, "two PT_INTERP",
	       img_add(&im, PT_INTERP, PF_R, 0x158, 0x158, 0x1c, 0x1c, 1));
	EXPECT(E, build_gnu_static, 0, "two PT_GNU_STACK",
	       img_add(&im, PT_GNU_STACK, PF_R | PF_W, 0, 0, 0, 0, 0x10));
	EXPECT(0, build_gnu_static, 0, "unknown segment types are ignored",
	       img_add(&im, 0x60000001, 0, UINT64_MAX, UINT64_MAX, UINT64_MAX, 0, 3));
}

/* Picks a value that sits on some boundary the loader must handle. */
static uint64_t boundary_value(uint64_t current)
{
	static const uint64_t values[] = {
	    0,
	    1,
	    2,
	    3,
	    8,
	    0x38,
	    0x40,
	    0xfff,
	    0x1000,
	    0x1001,
	    0xffff,
	    0x10000,
	    0x400000,
	    0x7fffffffffffull,
	    0x800000000000ull,
	    0x7ffffffff000ull,
	    UINT32_MAX,
	    INT64_MAX,
	    UINT64_MAX,
	    UINT64_MAX - 0xfff,
	};

	switch (rng() % 4) {
	case 0:
		return values[rng() % ARRAY_SIZE(values)];
	case 1:
		return current + (rng() % 3 - 1) * (rng() % 2 ? 1 : 0x1000);
	case 2:
		return current ^ (1ull << (rng() % 64));
	default:
		return rng() >> (rng() % 64);
	}
}

/* Overwrites size bytes at off (within the buffer) with a boundary value. */
static void mutate_field(struct image *im, size_t off, size_t size)
{
	uint64_t v = 0;

	if (off + size > IMG_MAX)
		return;
	memcpy(&v, im->buf + off, size);
	v = boundary_value(v);
	memcpy(im->buf + off, &v, size);
}

/* Applies one random mutation to an image. */
static void mutate(struct image *im, uint64_t *dyn_base)
{
	static const uint8_t ph_fields[][2] = {{0, 4},  {4, 4},  {8, 8}, {16, 8},
	                                       {32, 8}, {40, 8}, {48, 8}};
	static const uint32_t types[] = {PT_NULL, PT_LOAD,      PT_INTERP, PT_PHDR,
	                                 PT_TLS,  PT_GNU_STACK, PT_DYNAMIC};
	Elf64_Ehdr eh = get_ehdr(im);
	size_t ph_base = eh.e_phoff < IMG_MAX ? eh.e_phoff : sizeof(eh);
	unsigned i = rng() % (eh.e_phnum && eh.e_phnum < 32 ? eh.e_phnum + 1 : 8);
	size_t span;

	switch (rng() % 8) {
	case 0:
		span = ph_base + 8 * PHSZ < IMG_MAX ? ph_base + 8 * PHSZ : IMG_MAX;
		im->buf[rng() % span] ^= 1u << (rng() % 8);
		break;
	case 1:
	case 2: {
		const uint8_t *f = ph_fields[rng() % ARRAY_SIZE(ph_fields)];

		mutate_field(im, ph_base + i * PHSZ + f[0], f[1]);
		break;
	}
	case 3: {
		uint32_t t = types[rng() % ARRAY_SIZE(types)];

		if (ph_base + i * PHSZ + 4 <= IMG_MAX)
			memcpy(im->buf + ph_base + i * PHSZ, &t, 4);
		break;
	}
	case 4:
		/* e_entry, e_phoff, e_phnum or e_phentsize. */
		switch (rng() % 4) {
		case 0:
			mutate_field(im, 24, 8);
			break;
		case 1:
			mutate_field(im, 32, 8);
			break;
		case 2:
			mutate_field(im, 56, 2);
			break;
		default:
			mutate_field(im, 54, 2);
			break;
		}
		break;
	case 5:
		im->file_size = boundary_value(im->file_size);
		if (rng() % 2 && im->hdr_len > im->file_size)
			im->hdr_len = im->file_size;
		break;
	case 6:
		im->hdr_len = rng() % (im->hdr_len + 1);
		break;
	default:
		*dyn_base = rng() % 8 ? boundary_value(*dyn_base) & ~0xfffull : boundary_value(0);
		break;
	}
}

static void test_fuzz(void)
{
	void (*const builders[])(struct image *) = {build_gnu_static, build_gnu_static_pie,
	                                            build_gnu_two_load, build_shared_page,
	                                            build_dynamic_pie};
	unsigned accepted = 0, rejected = 0, bad_rc = 0, broken = 0;
	const char *first_broken = NULL;
	static struct image im;

	for (unsigned iter = 0; iter < 20000; iter++) {
		uint64_t dyn_base = PIE_BASE;
		unsigned n = 1 + rng() % 4;
		struct elf_plan p;
		int rc;

		builders[rng() % ARRAY_SIZE(builders)](&im);
		if (im.hdr_len > im.file_size)
			im.hdr_len = im.file_size;
		for (unsigned k = 0; k < n; k++)
			mutate(&im, &dyn_base);
		rc = plan_image(&im, dyn_base, &p);
		if (rc == 0) {
			const char *why = plan_violation(&p, im.file_size);

			accepted++;
			if (why) {
				broken++;
				if (!first_broken)
					first_broken = why;
			}
		} else if (rc == -ENOEXEC || rc == -EINVAL) {
			rejected++;
		} else {
			bad_rc++;
		}
	}
	printf("# fuzz: %u accepted, %u rejected\n", accepted, rejected);
	CHECK(broken == 0 && bad_rc == 0,
	      "fuzz: 20000 mutated images, every accepted plan keeps its promises (%u broken: %s, "
	      "%u odd return codes)",
	      broken, first_broken ? first_broken : "none", bad_rc);
	CHECK(accepted > 500 && rejected > 5000, "fuzz reaches both outcomes");
}

/* Plans the host's /bin/true, a dynamically linked PIE, when it exists. */
static void test_bin_true(void)
{
	FILE *f = fopen("/bin/true", "rb");
	struct image im;
	struct elf_plan p;
	long size;
	int rc;

	if (!f) {
		printf("# skip: no /bin/true\n");
		return;
	}
	memset(&im, 0, sizeof(im));
	im.hdr_len = fread(im.buf, 1, IMG_MAX, f);
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	fclose(f);
	im.file_size = size > 0 ? (uint64_t)size : 0;
	rc = plan_image(&im, PIE_BASE, &p);
	CHECK(rc == 0, "/bin/true is accepted (rc %d)", rc);
	CHECK(rc == 0 && p.has_interp && p.phdr_vaddr != 0,
	      "/bin/true has an interpreter and mapped program headers");
	CHECK(rc == 0 && plan_violation(&p, im.file_size) == NULL,
	      "/bin/true plan keeps its promises");
}

int main(void)
{
	test_valid_layouts();
	test_header_rules();
	test_segment_rules();
	test_other_phdr_rules();
	test_fuzz();
	test_bin_true();
	return check_done();
}
