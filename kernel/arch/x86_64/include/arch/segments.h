/* Segment selectors; the order is dictated by syscall/sysret (STAR MSR). */
#ifndef CAIRN_ARCH_SEGMENTS_H
#define CAIRN_ARCH_SEGMENTS_H

#define SEL_KCODE 0x08
#define SEL_KDATA 0x10
#define SEL_UCODE32 0x1b
#define SEL_UDATA 0x23
#define SEL_UCODE 0x2b
#define SEL_TSS 0x30

#endif
