/*
 * The ELF64 on-disk format, as far as Cairn loads executables: the file header
 * and the program headers, with the constants that select x86-64 little-endian
 * executables. Section headers are not needed to load a program and are left
 * out. This header describes the format once for the kernel and the host tests;
 * it uses only <stdint.h> so both can include it.
 *
 * All multi-byte fields are little-endian (ELFDATA2LSB), which is the host byte
 * order on x86-64. A file image need not be aligned in memory: copy a header out
 * with memcpy() before reading its fields.
 */
#ifndef CAIRN_ELF_H
#define CAIRN_ELF_H

#include <stdint.h>

typedef uint64_t Elf64_Addr;
typedef uint64_t Elf64_Off;
typedef uint16_t Elf64_Half;
typedef uint32_t Elf64_Word;
typedef int32_t Elf64_Sword;
typedef uint64_t Elf64_Xword;
typedef int64_t Elf64_Sxword;

/* Indices into e_ident[]. */
#define EI_MAG0       0
#define EI_MAG1       1
#define EI_MAG2       2
#define EI_MAG3       3
#define EI_CLASS      4
#define EI_DATA       5
#define EI_VERSION    6
#define EI_OSABI      7
#define EI_ABIVERSION 8
#define EI_PAD        9
#define EI_NIDENT     16

/* The four magic bytes that open every ELF file: 0x7f 'E' 'L' 'F'. */
#define ELFMAG0 0x7f
#define ELFMAG1 'E'
#define ELFMAG2 'L'
#define ELFMAG3 'F'
#define ELFMAG  "\177ELF"
#define SELFMAG 4

/* e_ident[EI_CLASS] */
#define ELFCLASSNONE 0
#define ELFCLASS32   1
#define ELFCLASS64   2

/* e_ident[EI_DATA] */
#define ELFDATANONE 0
#define ELFDATA2LSB 1
#define ELFDATA2MSB 2

/* e_ident[EI_VERSION] and e_version */
#define EV_NONE    0
#define EV_CURRENT 1

/* e_ident[EI_OSABI]; Linux, and Cairn, accept either. */
#define ELFOSABI_SYSV  0
#define ELFOSABI_LINUX 3

/* e_type */
#define ET_NONE 0
#define ET_REL  1
#define ET_EXEC 2 /* Fixed-address executable. */
#define ET_DYN  3 /* Shared object or position-independent executable. */
#define ET_CORE 4

/* e_machine */
#define EM_386    3
#define EM_X86_64 62

/* The file header, at offset 0 of every ELF file. */
typedef struct {
	unsigned char e_ident[EI_NIDENT];
	Elf64_Half e_type;
	Elf64_Half e_machine;
	Elf64_Word e_version;
	Elf64_Addr e_entry; /* Entry point, relative to the load bias for ET_DYN. */
	Elf64_Off e_phoff;  /* File offset of the program header table. */
	Elf64_Off e_shoff;  /* File offset of the section header table. */
	Elf64_Word e_flags;
	Elf64_Half e_ehsize;    /* Size of this header: 64. */
	Elf64_Half e_phentsize; /* Size of one program header: 56. */
	Elf64_Half e_phnum;
	Elf64_Half e_shentsize;
	Elf64_Half e_shnum;
	Elf64_Half e_shstrndx;
} Elf64_Ehdr;

/* p_type */
#define PT_NULL         0
#define PT_LOAD         1 /* A segment to map: file bytes, then zeroes up to p_memsz. */
#define PT_DYNAMIC      2
#define PT_INTERP       3 /* Path of the program interpreter (dynamic linker). */
#define PT_NOTE         4
#define PT_SHLIB        5
#define PT_PHDR         6 /* The program header table itself, when it is mapped. */
#define PT_TLS          7 /* Initialisation image of thread-local storage. */
#define PT_GNU_EH_FRAME 0x6474e550
#define PT_GNU_STACK    0x6474e551 /* Its p_flags give the stack's permissions. */
#define PT_GNU_RELRO    0x6474e552
#define PT_GNU_PROPERTY 0x6474e553

/* p_flags */
#define PF_X 0x1
#define PF_W 0x2
#define PF_R 0x4

/*
 * Program header: describes one segment. For PT_LOAD, p_vaddr and p_offset must
 * be congruent modulo the page size so that the file can be mapped page by page.
 */
typedef struct {
	Elf64_Word p_type;
	Elf64_Word p_flags;
	Elf64_Off p_offset;
	Elf64_Addr p_vaddr;
	Elf64_Addr p_paddr;
	Elf64_Xword p_filesz;
	Elf64_Xword p_memsz;
	Elf64_Xword p_align; /* 0 or 1: no constraint; otherwise a power of two. */
} Elf64_Phdr;

_Static_assert(sizeof(Elf64_Ehdr) == 64, "ELF64 file header is 64 bytes");
_Static_assert(sizeof(Elf64_Phdr) == 56, "ELF64 program header is 56 bytes");

#endif
