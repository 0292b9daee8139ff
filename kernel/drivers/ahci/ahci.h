/*
 * AHCI 1.3 register and memory layouts, and the driver's internal types.
 *
 * HBA (one per PCI function, ABAR = BAR5) -> ports (one SATA link each) ->
 * a disk per port, registered as a block device. Each port owns one page
 * holding its command list (32 headers; the driver uses slot 0 only) and its
 * received-FIS area, and one page for the command table of slot 0 (the
 * command FIS and up to AHCI_MAX_PRDS scatter/gather entries).
 */
#ifndef CAIRN_DRIVERS_AHCI_H
#define CAIRN_DRIVERS_AHCI_H

#include <block/blkdev.h>
#include <drivers/disk.h>
#include <drivers/pci.h>
#include <types.h>

/* Generic host control registers. */
#define HBA_CAP 0x00
#define HBA_GHC 0x04
#define HBA_IS 0x08
#define HBA_PI 0x0c
#define HBA_VS 0x10
#define HBA_CAP2 0x24
#define HBA_BOHC 0x28

#define CAP_NP_MASK 0x1f
#define CAP_SSS (1u << 27)
#define CAP_S64A (1u << 31)
#define GHC_HR (1u << 0)
#define GHC_IE (1u << 1)
#define GHC_AE (1u << 31)
#define CAP2_BOH (1u << 0)
#define BOHC_BOS (1u << 0)
#define BOHC_OOS (1u << 1)

/* Port registers, at 0x100 + 0x80 * port. */
#define PORT_BASE(n) (0x100 + 0x80 * (n))
#define PX_CLB 0x00
#define PX_CLBU 0x04
#define PX_FB 0x08
#define PX_FBU 0x0c
#define PX_IS 0x10
#define PX_IE 0x14
#define PX_CMD 0x18
#define PX_TFD 0x20
#define PX_SIG 0x24
#define PX_SSTS 0x28
#define PX_SCTL 0x2c
#define PX_SERR 0x30
#define PX_CI 0x38

#define PXCMD_ST (1u << 0)
#define PXCMD_SUD (1u << 1)
#define PXCMD_POD (1u << 2)
#define PXCMD_FRE (1u << 4)
#define PXCMD_FR (1u << 14)
#define PXCMD_CR (1u << 15)

#define PXIS_DHRS (1u << 0)
#define PXIS_PSS (1u << 1)
#define PXIS_DSS (1u << 2)
#define PXIS_SDBS (1u << 3)
#define PXIS_DPS (1u << 5)
#define PXIS_IFS (1u << 27)
#define PXIS_HBDS (1u << 28)
#define PXIS_HBFS (1u << 29)
#define PXIS_TFES (1u << 30)
#define PXIS_ERRORS (PXIS_IFS | PXIS_HBDS | PXIS_HBFS | PXIS_TFES)
#define PXIS_WANTED (PXIS_DHRS | PXIS_PSS | PXIS_DSS | PXIS_SDBS | PXIS_DPS | PXIS_ERRORS)

#define TFD_ERR 0x01
#define TFD_DRQ 0x08
#define TFD_BSY 0x80

#define SSTS_DET_MASK 0xf
#define SSTS_DET_PRESENT 3
#define SIG_ATA 0x00000101

/* Command header (one of 32 in the command list). */
struct ahci_cmd_header {
	uint16_t flags;   /* CFL in bits 4:0 (dwords), A bit 5 (ATAPI), W bit 6 (write) */
	uint16_t prdtl;   /* PRD entries in the table */
	uint32_t prdbc;   /* bytes transferred, written by the HBA */
	uint32_t ctba;    /* command table address, 128-byte aligned */
	uint32_t ctbau;
	uint32_t reserved[4];
} __attribute__((packed));

#define CMDH_WRITE (1u << 6)

struct ahci_prd {
	uint32_t dba;     /* data address, word aligned */
	uint32_t dbau;
	uint32_t reserved;
	uint32_t dbc;     /* byte count - 1 (bit 0 set: even counts), I bit 31 */
} __attribute__((packed));

#define AHCI_PRD_MAX_BYTES (4u << 20)
#define AHCI_CMD_TABLE_PRDS 0x80
#define AHCI_MAX_PRDS ((4096 - AHCI_CMD_TABLE_PRDS) / 16)

/* Register host-to-device FIS, written at the start of the command table. */
#define FIS_TYPE_REG_H2D 0x27
#define FIS_H2D_COMMAND (1u << 7)
#define FIS_H2D_LEN_DWORDS 5

/* Sectors per command: 256 KiB spans at most 65 pages, well within the PRD table. */
#define AHCI_MAX_SECTORS 512
/* The bounce buffer for unaligned or out-of-reach buffers: 64 KiB. */
#define AHCI_BOUNCE_ORDER 4
#define AHCI_BOUNCE_SECTORS ((PAGE_SIZE << AHCI_BOUNCE_ORDER) / SECTOR_SIZE)

struct ahci_hba;

struct ahci_port {
	struct ahci_hba *hba;
	unsigned index;
	volatile uint8_t *regs;
	phys_addr_t list_pa;   /* command list at +0, received FIS at +1024 */
	phys_addr_t table_pa;  /* slot 0's command table */
	phys_addr_t bounce_pa; /* below 4 GiB */
	struct disk_queue queue;
	volatile bool done;    /* set by the interrupt handler */
	volatile uint32_t irq_status; /* PxIS bits seen since the command started */
	bool registered;
	struct block_device bdev;
};

struct ahci_hba {
	struct pci_device *pdev;
	volatile uint8_t *abar;
	uint32_t cap;
	bool s64a;
	int irq;
	struct ahci_port *ports[32];
};

static inline uint32_t ahci_read(volatile uint8_t *base, unsigned reg)
{
	return *(volatile uint32_t *)(base + reg);
}

static inline void ahci_write(volatile uint8_t *base, unsigned reg, uint32_t v)
{
	*(volatile uint32_t *)(base + reg) = v;
}

/* port.c */
int ahci_port_setup(struct ahci_port *p);
int ahci_port_reset(struct ahci_port *p);
void ahci_port_interrupt(struct ahci_port *p);
int ahci_port_identify(struct ahci_port *p, uint16_t *id);
extern const struct block_ops ahci_block_ops;

#endif
