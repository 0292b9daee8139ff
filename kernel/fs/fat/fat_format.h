/*
 * FAT32 on-disk formats (Microsoft's "FAT: General Overview of On-Disk
 * Format" 1.03 and the VFAT long-name extension), shared by the kernel's
 * driver (kernel/fs/fat/) and the host unit tests. All fields are little
 * endian; the structures are packed byte for byte as on the disk.
 */
#ifndef CAIRN_FS_FAT_FORMAT_H
#define CAIRN_FS_FAT_FORMAT_H

#include <stdint.h>

/* The boot sector with the FAT32 BIOS parameter block (sector 0). */
struct fat_boot_sector {
	uint8_t jump[3];          /* 0xEB xx 0x90 or 0xE9 xx xx */
	char oem_name[8];
	uint16_t bytes_per_sector; /* 512, 1024, 2048 or 4096 */
	uint8_t sec_per_clus;      /* a power of two, 1..128 */
	uint16_t reserved_sectors; /* before the first FAT; at least 1 */
	uint8_t nr_fats;           /* usually 2 */
	uint16_t root_entries;     /* 0 on FAT32 */
	uint16_t total_sectors16;  /* 0 on FAT32: see total_sectors32 */
	uint8_t media;
	uint16_t fat_size16;       /* 0 on FAT32: see fat_size32 */
	uint16_t sec_per_track;
	uint16_t nr_heads;
	uint32_t hidden_sectors;
	uint32_t total_sectors32;
	/* FAT32 only from here. */
	uint32_t fat_size32;       /* sectors per FAT */
	uint16_t ext_flags;        /* bit 7: mirroring off, bits 0-3: the active FAT */
	uint16_t fs_version;       /* 0 */
	uint32_t root_cluster;
	uint16_t fsinfo_sector;
	uint16_t backup_boot_sector;
	uint8_t reserved[12];
	uint8_t drive_number;
	uint8_t state;             /* Linux: bit 0 set while mounted (dirty) */
	uint8_t boot_signature;    /* 0x29: the next three fields are valid */
	uint32_t volume_id;
	char volume_label[11];
	char fs_type[8];           /* "FAT32   ", informational only */
} __attribute__((packed));

#define FAT_BOOT_SIG_OFFSET 510 /* 0x55 0xAA */
#define FAT_STATE_DIRTY 0x01

/* The FSInfo sector: a hint of the free cluster count and the next free cluster. */
struct fat_fsinfo {
	uint32_t lead_sig;   /* FAT_FSINFO_LEAD */
	uint8_t reserved1[480];
	uint32_t struct_sig; /* FAT_FSINFO_STRUCT */
	uint32_t free_count; /* 0xFFFFFFFF: unknown */
	uint32_t next_free;  /* 0xFFFFFFFF: unknown */
	uint8_t reserved2[12];
	uint32_t trail_sig;  /* FAT_FSINFO_TRAIL */
} __attribute__((packed));

#define FAT_FSINFO_LEAD 0x41615252
#define FAT_FSINFO_STRUCT 0x61417272
#define FAT_FSINFO_TRAIL 0xAA550000
#define FAT_FSINFO_UNKNOWN 0xFFFFFFFFu

/* FAT32 entries: 28 bits are the value, the top 4 are reserved and kept. */
#define FAT32_MASK 0x0FFFFFFFu
#define FAT32_BAD 0x0FFFFFF7u
#define FAT32_EOC 0x0FFFFFF8u  /* this and above: end of chain */
#define FAT32_EOC_MARK 0x0FFFFFFFu
#define FAT_FIRST_CLUSTER 2
/* FAT[1] bits (FAT32): set when the volume was unmounted cleanly / had no I/O errors. */
#define FAT32_CLEAN_BIT 0x08000000u
#define FAT32_NOERR_BIT 0x04000000u

/* A 32-byte directory entry with a short (8.3) name. */
struct fat_dirent {
	uint8_t name[11]; /* 8 + 3, space padded; name[0]: FAT_DIRENT_FREE / FAT_DIRENT_END */
	uint8_t attr;
	uint8_t nt_case;  /* FAT_CASE_LOWER_BASE / FAT_CASE_LOWER_EXT (Windows NT) */
	uint8_t ctime_cs; /* creation time, 10 ms units (0..199) */
	uint16_t ctime;
	uint16_t cdate;
	uint16_t adate;
	uint16_t start_hi;
	uint16_t mtime;
	uint16_t mdate;
	uint16_t start_lo;
	uint32_t size;
} __attribute__((packed));

#define FAT_DIRENT_SIZE 32
#define FAT_DIRENT_END 0x00  /* this and every later entry are free */
#define FAT_DIRENT_FREE 0xE5 /* a deleted entry */
#define FAT_DIRENT_KANJI 0x05 /* name[0] 0xE5 stored as 0x05 */

#define FAT_ATTR_RO 0x01
#define FAT_ATTR_HIDDEN 0x02
#define FAT_ATTR_SYSTEM 0x04
#define FAT_ATTR_VOLUME 0x08
#define FAT_ATTR_DIR 0x10
#define FAT_ATTR_ARCH 0x20
#define FAT_ATTR_LFN 0x0F /* RO|HIDDEN|SYSTEM|VOLUME: a long-name slot */

#define FAT_CASE_LOWER_BASE 0x08
#define FAT_CASE_LOWER_EXT 0x10

/* A VFAT long-name slot: 13 UTF-16 units of the name, last slot first on disk. */
struct fat_lfn_slot {
	uint8_t order; /* 1-based sequence number; FAT_LFN_LAST on the first slot stored */
	uint16_t name0[5];
	uint8_t attr;  /* FAT_ATTR_LFN */
	uint8_t type;  /* 0 */
	uint8_t checksum; /* of the short name that follows */
	uint16_t name1[6];
	uint16_t start;   /* 0 */
	uint16_t name2[2];
} __attribute__((packed));

#define FAT_LFN_LAST 0x40
#define FAT_LFN_CHARS 13
#define FAT_LFN_MAX 255      /* UTF-16 units in a long name */
#define FAT_LFN_MAX_SLOTS 20 /* ceil(255 / 13) */
/* A directory holds at most 65536 entries (the spec's limit, which Linux keeps). */
#define FAT_DIR_MAX_BYTES (65536u * FAT_DIRENT_SIZE)

_Static_assert(sizeof(struct fat_boot_sector) == 90, "FAT32 boot sector layout");
_Static_assert(sizeof(struct fat_fsinfo) == 512, "FSInfo layout");
_Static_assert(sizeof(struct fat_dirent) == 32, "directory entry layout");
_Static_assert(sizeof(struct fat_lfn_slot) == 32, "long-name slot layout");

#endif
