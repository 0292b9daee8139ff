/*
 * Partition tables: MBR (four primary entries; extended partitions are not
 * followed yet) and GPT (found through its protective MBR entry, type 0xee).
 * Every entry is checked against the disk size before it is registered, so
 * a corrupt table yields fewer partitions, never a device past the disk end.
 */
#include <block/blkdev.h>
#include <errno.h>
#include <lib/string.h>
#include <mm/slab.h>
#include <printk.h>

struct mbr_entry {
	uint8_t status;
	uint8_t chs_first[3];
	uint8_t type;
	uint8_t chs_last[3];
	uint32_t lba_first;
	uint32_t sectors;
} __packed;

struct gpt_header {
	char signature[8];
	uint32_t revision;
	uint32_t header_size;
	uint32_t header_crc;
	uint32_t reserved;
	uint64_t my_lba, alternate_lba, first_usable, last_usable;
	uint8_t disk_guid[16];
	uint64_t entries_lba;
	uint32_t nr_entries;
	uint32_t entry_size;
	uint32_t entries_crc;
} __packed;

struct gpt_entry {
	uint8_t type_guid[16];
	uint8_t part_guid[16];
	uint64_t first_lba, last_lba;
	uint64_t attributes;
	uint16_t name[36];
} __packed;

int blkdev_add_partition(struct block_device *part);

static int add_partition(struct block_device *disk, int index, uint64_t start, uint64_t count)
{
	if (start == 0 || count == 0 || start >= disk->nr_sectors ||
	    count > disk->nr_sectors - start) {
		pr_warn("block: %s: partition %d (%lu+%lu) lies outside the disk, ignored\n",
			disk->name, index, start, count);
		return 0;
	}
	struct block_device *p = kzalloc(sizeof(*p));
	if (!p)
		return -ENOMEM;
	ksnprintf(p->name, sizeof(p->name), "%s%d", disk->name, index);
	p->nr_sectors = count;
	p->start = start;
	p->disk = disk;
	p->major = disk->major;
	p->minor = disk->minor + (uint32_t)index;
	p->readonly = disk->readonly;
	blkdev_add_partition(p);
	return 1;
}

static int scan_gpt(struct block_device *disk, uint8_t *buf)
{
	int err = blkdev_read(disk, 1, 1, buf);
	if (err)
		return err;
	struct gpt_header h;
	memcpy(&h, buf, sizeof(h));
	if (memcmp(h.signature, "EFI PART", 8) || h.entry_size < sizeof(struct gpt_entry) ||
	    h.entry_size > SECTOR_SIZE || (SECTOR_SIZE % h.entry_size) || h.nr_entries > 1024) {
		pr_warn("block: %s: bad GPT header\n", disk->name);
		return -EINVAL;
	}
	unsigned per_sector = SECTOR_SIZE / h.entry_size, found = 0;
	for (unsigned i = 0; i < h.nr_entries && i < 128; i++) {
		if (i % per_sector == 0) {
			err = blkdev_read(disk, h.entries_lba + i / per_sector, 1, buf);
			if (err)
				return err;
		}
		struct gpt_entry e;
		memcpy(&e, buf + (i % per_sector) * h.entry_size, sizeof(e));
		static const uint8_t unused[16];
		if (!memcmp(e.type_guid, unused, 16))
			continue;
		if (e.last_lba < e.first_lba)
			continue;
		err = add_partition(disk, (int)i + 1, e.first_lba, e.last_lba - e.first_lba + 1);
		if (err < 0)
			return err;
		found += (unsigned)err;
	}
	return (int)found;
}

int partition_scan(struct block_device *disk)
{
	uint8_t *buf = kmalloc(SECTOR_SIZE);
	if (!buf)
		return -ENOMEM;
	int found = 0, err = blkdev_read(disk, 0, 1, buf);
	if (err)
		goto out;
	if (buf[510] != 0x55 || buf[511] != 0xaa)
		goto out; /* no partition table: the whole disk is the only device */
	struct mbr_entry e[4];
	memcpy(e, buf + 446, sizeof(e));
	for (int i = 0; i < 4; i++) {
		if (e[i].type == 0xee) {
			found = scan_gpt(disk, buf);
			goto out;
		}
	}
	for (int i = 0; i < 4; i++) {
		if (e[i].type == 0)
			continue;
		err = add_partition(disk, i + 1, e[i].lba_first, e[i].sectors);
		if (err < 0)
			goto out;
		found += err;
	}
out:
	kfree(buf);
	return err < 0 ? err : found;
}
