/* The CPU's description from CPUID, for /proc/cpuinfo (arch/cpuinfo.h). */
#include <arch/cpu.h>
#include <arch/cpuinfo.h>
#include <lib/string.h>

struct flag_name {
	uint8_t reg; /* 0: leaf 1 edx, 1: leaf 1 ecx, 2: leaf 7 ebx, 3: 0x80000001 edx, 4:
	                0x80000001 ecx */
	uint8_t bit;
	const char *name;
};

/* Linux's names, in Linux's order. */
static const struct flag_name flag_names[] = {
    {0, 0, "fpu"},      {0, 1, "vme"},       {0, 2, "de"},          {0, 3, "pse"},
    {0, 4, "tsc"},      {0, 5, "msr"},       {0, 6, "pae"},         {0, 7, "mce"},
    {0, 8, "cx8"},      {0, 9, "apic"},      {0, 11, "sep"},        {0, 12, "mtrr"},
    {0, 13, "pge"},     {0, 14, "mca"},      {0, 15, "cmov"},       {0, 16, "pat"},
    {0, 17, "pse36"},   {0, 19, "clflush"},  {0, 23, "mmx"},        {0, 24, "fxsr"},
    {0, 25, "sse"},     {0, 26, "sse2"},     {0, 28, "ht"},         {3, 11, "syscall"},
    {3, 20, "nx"},      {3, 26, "pdpe1gb"},  {3, 27, "rdtscp"},     {3, 29, "lm"},
    {1, 0, "pni"},      {1, 1, "pclmulqdq"}, {1, 9, "ssse3"},       {1, 12, "fma"},
    {1, 13, "cx16"},    {1, 19, "sse4_1"},   {1, 20, "sse4_2"},     {1, 21, "x2apic"},
    {1, 22, "movbe"},   {1, 23, "popcnt"},   {1, 25, "aes"},        {1, 26, "xsave"},
    {1, 28, "avx"},     {1, 29, "f16c"},     {1, 30, "rdrand"},     {1, 31, "hypervisor"},
    {4, 0, "lahf_lm"},  {4, 5, "abm"},       {4, 6, "sse4a"},       {4, 8, "3dnowprefetch"},
    {2, 0, "fsgsbase"}, {2, 3, "bmi1"},      {2, 5, "avx2"},        {2, 7, "smep"},
    {2, 8, "bmi2"},     {2, 9, "erms"},      {2, 10, "invpcid"},    {2, 18, "rdseed"},
    {2, 19, "adx"},     {2, 20, "smap"},     {2, 23, "clflushopt"}, {2, 29, "sha_ni"},
};

void arch_cpu_describe(struct arch_cpu_desc *d)
{
	uint32_t a, b, c, dx, max, maxext;
	memset(d, 0, sizeof(*d));
	cpuid(0, 0, &max, &b, &c, &dx);
	memcpy(d->vendor, &b, 4);
	memcpy(d->vendor + 4, &dx, 4);
	memcpy(d->vendor + 8, &c, 4);

	uint32_t regs[5] = {0};
	cpuid(1, 0, &a, &b, &c, &dx);
	regs[0] = dx;
	regs[1] = c;
	unsigned base_family = (a >> 8) & 0xf, base_model = (a >> 4) & 0xf;
	d->family = base_family == 0xf ? base_family + ((a >> 20) & 0xff) : base_family;
	d->model = (base_family == 0x6 || base_family == 0xf)
	               ? base_model | (((a >> 16) & 0xf) << 4)
	               : base_model;
	d->stepping = a & 0xf;
	d->clflush_size = ((b >> 8) & 0xff) * 8;
	if (max >= 7) {
		cpuid(7, 0, &a, &b, &c, &dx);
		regs[2] = b;
	}

	cpuid(0x80000000, 0, &maxext, &b, &c, &dx);
	if (maxext >= 0x80000001) {
		cpuid(0x80000001, 0, &a, &b, &c, &dx);
		regs[3] = dx;
		regs[4] = c;
	}
	strlcpy(d->model_name, "unknown", sizeof(d->model_name));
	if (maxext >= 0x80000004) {
		uint32_t *name = (uint32_t *)d->model_name;
		for (uint32_t leaf = 0; leaf < 3; leaf++)
			cpuid(0x80000002 + leaf, 0, &name[leaf * 4], &name[leaf * 4 + 1],
			      &name[leaf * 4 + 2], &name[leaf * 4 + 3]);
		d->model_name[48] = '\0';
		/* The brand string may be padded with leading blanks. */
		char *s = d->model_name;
		while (*s == ' ')
			s++;
		memmove(d->model_name, s, strlen(s) + 1);
	}
	if (maxext >= 0x80000006) {
		cpuid(0x80000006, 0, &a, &b, &c, &dx);
		d->cache_kb = c >> 16;
	}
	d->phys_bits = 36;
	d->virt_bits = 48;
	if (maxext >= 0x80000008) {
		cpuid(0x80000008, 0, &a, &b, &c, &dx);
		d->phys_bits = a & 0xff;
		d->virt_bits = (a >> 8) & 0xff;
	}

	size_t len = 0;
	for (size_t i = 0; i < ARRAY_SIZE(flag_names); i++) {
		const struct flag_name *f = &flag_names[i];
		if (!(regs[f->reg] & (1u << f->bit)))
			continue;
		size_t n = strlen(f->name);
		if (len + n + 2 > sizeof(d->flags))
			break;
		if (len)
			d->flags[len++] = ' ';
		memcpy(d->flags + len, f->name, n + 1);
		len += n;
	}
}
