/* CPU feature detection through CPUID. */
#include <arch/cpu.h>
#include <lib/string.h>

struct cpu_features cpu_features;

void cpu_features_init(void)
{
	uint32_t a, b, c, d;
	cpuid(0, 0, &a, &b, &c, &d);
	uint32_t max_leaf = a;
	memcpy(cpu_features.vendor, &b, 4);
	memcpy(cpu_features.vendor + 4, &d, 4);
	memcpy(cpu_features.vendor + 8, &c, 4);
	cpu_features.vendor[12] = 0;

	cpuid(1, 0, &a, &b, &c, &d);
	cpu_features.apic = d & (1 << 9);
	cpu_features.x2apic = c & (1 << 21);
	cpu_features.rdrand = c & (1 << 30);
	if (max_leaf >= 7) {
		cpuid(7, 0, &a, &b, &c, &d);
		cpu_features.smep = b & (1 << 7);
		cpu_features.smap = b & (1 << 20);
	}
	cpuid(0x80000000, 0, &a, &b, &c, &d);
	uint32_t max_ext = a;
	if (max_ext >= 0x80000001) {
		cpuid(0x80000001, 0, &a, &b, &c, &d);
		cpu_features.nx = d & (1 << 20);
		cpu_features.pdpe1gb = d & (1 << 26);
	}
	if (max_ext >= 0x80000004) {
		uint32_t *brand = (uint32_t *)cpu_features.brand;
		for (uint32_t leaf = 0; leaf < 3; leaf++)
			cpuid(0x80000002 + leaf, 0, &brand[leaf * 4], &brand[leaf * 4 + 1],
			      &brand[leaf * 4 + 2], &brand[leaf * 4 + 3]);
		cpu_features.brand[48] = 0;
	}
	if (max_ext >= 0x80000007) {
		cpuid(0x80000007, 0, &a, &b, &c, &d);
		cpu_features.tsc_invariant = d & (1 << 8);
	}
}
