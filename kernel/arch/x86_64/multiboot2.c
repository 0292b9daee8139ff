/*
 * Multiboot2 boot information parsing. The loader's tag list is walked once and
 * copied into boot_info; malformed tags (sizes that run past the total) end the
 * walk with a warning instead of reading wild memory.
 */
#include <arch/mmu.h>
#include <boot.h>
#include <lib/string.h>
#include <printk.h>

#define MB2_BOOTLOADER_MAGIC 0x36d76289

#define MB2_TAG_END 0
#define MB2_TAG_CMDLINE 1
#define MB2_TAG_LOADER 2
#define MB2_TAG_MODULE 3
#define MB2_TAG_MMAP 6
#define MB2_TAG_ACPI_OLD 14
#define MB2_TAG_ACPI_NEW 15

struct mb2_tag {
	uint32_t type;
	uint32_t size;
} __packed;

struct mb2_mmap_entry {
	uint64_t base;
	uint64_t length;
	uint32_t type;
	uint32_t reserved;
} __packed;

struct boot_info boot_info;

static void copy_string(char *dst, size_t cap, const struct mb2_tag *tag, size_t off)
{
	size_t n = tag->size > off ? tag->size - off : 0;
	if (n >= cap)
		n = cap - 1;
	memcpy(dst, (const char *)tag + off, n);
	dst[n] = 0;
}

static void parse_mmap(const struct mb2_tag *tag)
{
	const uint8_t *p = (const uint8_t *)tag + 16;
	uint32_t entry_size = *(const uint32_t *)((const uint8_t *)tag + 8);
	const uint8_t *end = (const uint8_t *)tag + tag->size;

	if (entry_size < sizeof(struct mb2_mmap_entry))
		return;
	for (; p + entry_size <= end && boot_info.nr_regions < BOOT_MAX_REGIONS; p += entry_size) {
		const struct mb2_mmap_entry *e = (const void *)p;
		struct mem_region *r = &boot_info.regions[boot_info.nr_regions++];
		r->base = e->base;
		r->length = e->length;
		r->type = e->type >= MEM_USABLE && e->type <= MEM_BAD ? e->type : MEM_RESERVED;
	}
}

/*
 * Fills boot_info from the multiboot2 information at physical address info.
 * Returns 0, or -EINVAL when the magic is wrong (not booted by multiboot2).
 */
int multiboot2_parse(uint32_t magic, phys_addr_t info)
{
	if (magic != MB2_BOOTLOADER_MAGIC)
		return -1;
	const uint8_t *base = phys_to_virt(info);
	uint32_t total = *(const uint32_t *)base;
	const uint8_t *p = base + 8;
	const uint8_t *end = base + total;

	while (p + sizeof(struct mb2_tag) <= end) {
		const struct mb2_tag *tag = (const void *)p;
		if (tag->type == MB2_TAG_END)
			break;
		if (tag->size < sizeof(*tag) || p + tag->size > end) {
			pr_warn("multiboot2: malformed tag %u, size %u\n", tag->type, tag->size);
			break;
		}
		switch (tag->type) {
		case MB2_TAG_CMDLINE:
			copy_string(boot_info.cmdline, sizeof(boot_info.cmdline), tag, 8);
			break;
		case MB2_TAG_LOADER:
			copy_string(boot_info.loader, sizeof(boot_info.loader), tag, 8);
			break;
		case MB2_TAG_MODULE:
			if (boot_info.nr_modules < BOOT_MAX_MODULES) {
				struct boot_module *m = &boot_info.modules[boot_info.nr_modules++];
				m->start = *(const uint32_t *)(p + 8);
				m->end = *(const uint32_t *)(p + 12);
				copy_string(m->name, sizeof(m->name), tag, 16);
			}
			break;
		case MB2_TAG_MMAP:
			parse_mmap(tag);
			break;
		case MB2_TAG_ACPI_OLD:
		case MB2_TAG_ACPI_NEW:
			if (!boot_info.rsdp || tag->type == MB2_TAG_ACPI_NEW) {
				size_t n = MIN(tag->size - 8, sizeof(boot_info.rsdp_copy));
				memcpy(boot_info.rsdp_copy, p + 8, n);
				boot_info.rsdp = info + (phys_addr_t)(p + 8 - base);
			}
			break;
		}
		p += ALIGN_UP(tag->size, 8);
	}
	return 0;
}
