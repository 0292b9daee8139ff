/* FAT32 boot sector and FSInfo: validation, geometry, sync; FAT times (fat.h). */
#include <errno.h>
#include <lib/string.h>

#include "fat.h"

static int refuse(struct fat_fs *fs, const char *why)
{
	strlcpy(fs->why, why, sizeof(fs->why));
	return -EINVAL;
}

static int refuse_io(struct fat_fs *fs, const char *why)
{
	refuse(fs, why);
	return -EIO;
}

static void read_only(struct fat_fs *fs, const char *why)
{
	if (!fs->read_only)
		strlcpy(fs->why, why, sizeof(fs->why));
	fs->read_only = true;
}

static bool power_of_two(uint32_t v)
{
	return v && !(v & (v - 1));
}

int fat_check_super(struct fat_fs *fs, const uint8_t *boot)
{
	struct fat_boot_sector b;
	memcpy(&b, boot, sizeof(b));
	fs->read_only = false;
	fs->broken = false;
	fs->why[0] = 0;
	if (boot[FAT_BOOT_SIG_OFFSET] != 0x55 || boot[FAT_BOOT_SIG_OFFSET + 1] != 0xAA)
		return refuse(fs, "no boot sector signature");
	if (b.jump[0] != 0xEB && b.jump[0] != 0xE9)
		return refuse(fs, "no jump instruction in the boot sector");
	if (!power_of_two(b.bytes_per_sector) || b.bytes_per_sector < 512 ||
	    b.bytes_per_sector > FAT_SECTOR_MAX)
		return refuse(fs, "bad bytes per sector");
	if (!power_of_two(b.sec_per_clus) || b.sec_per_clus > 128 ||
	    (uint32_t)b.sec_per_clus * b.bytes_per_sector > 65536)
		return refuse(fs, "bad sectors per cluster");
	if (b.fat_size16 != 0 || b.root_entries != 0 || b.fat_size32 == 0)
		return refuse(fs, "FAT12/FAT16 is not supported (FAT32 only)");
	if (b.reserved_sectors == 0)
		return refuse(fs, "no reserved sectors");
	if (b.nr_fats == 0 || b.nr_fats > 4)
		return refuse(fs, "bad number of FATs");
	if (b.fs_version != 0)
		return refuse(fs, "unknown FAT32 version");
	uint32_t total = b.total_sectors16 ? b.total_sectors16 : b.total_sectors32;
	fs->sector_size = b.bytes_per_sector;
	fs->dev_per_sector = b.bytes_per_sector / 512;
	fs->sec_per_clus = b.sec_per_clus;
	fs->cluster_size = (uint32_t)b.sec_per_clus * b.bytes_per_sector;
	fs->fat_start = b.reserved_sectors;
	fs->fat_sectors = b.fat_size32;
	fs->nr_fats = b.nr_fats;
	fs->total_sectors = total;
	fs->volume_id = b.volume_id;
	uint64_t data_start = (uint64_t)b.reserved_sectors + (uint64_t)b.nr_fats * b.fat_size32;
	if (data_start >= total)
		return refuse(fs, "the FATs do not fit in the filesystem");
	fs->data_start = (uint32_t)data_start;
	uint64_t clusters = (total - data_start) / b.sec_per_clus;
	/* Cluster numbers are 28 bits, and the FAT must have an entry for each. */
	if (clusters == 0 || clusters > 0x0FFFFFF5u)
		return refuse(fs, "bad cluster count");
	if ((clusters + 2) * 4 > (uint64_t)b.fat_size32 * b.bytes_per_sector)
		return refuse(fs, "the FAT is too small for the clusters");
	fs->nr_clusters = (uint32_t)clusters;
	if (!fat_cluster_ok(fs, b.root_cluster))
		return refuse(fs, "root cluster out of range");
	fs->root_cluster = b.root_cluster;
	if ((data_start * fs->dev_per_sector) > fs->dev_sectors)
		return refuse(fs, "the device is shorter than the FATs (truncated image)");
	fs->fsinfo_sector = 0;
	if (b.fsinfo_sector != 0 && b.fsinfo_sector != 0xFFFF && b.fsinfo_sector < b.reserved_sectors)
		fs->fsinfo_sector = b.fsinfo_sector;
	if ((uint64_t)total * fs->dev_per_sector > fs->dev_sectors)
		read_only(fs, "the filesystem is larger than its device (truncated image)");
	if (b.ext_flags & 0x80)
		read_only(fs, "FAT mirroring is off (not supported for writing)");
	if (b.state & FAT_STATE_DIRTY)
		read_only(fs, "the volume was not cleanly unmounted (run fsck.fat)");
	fs->free_count = FAT_FSINFO_UNKNOWN;
	fs->next_free = FAT_FIRST_CLUSTER;
	fs->fsinfo_dirty = false;
	return 0;
}

int fat_load(struct fat_fs *fs)
{
	if (fs->fsinfo_sector) {
		struct fat_fsinfo fi;
		uint8_t *data;
		int err = fat_bread(fs, fs->fsinfo_sector, &data);
		if (err)
			return refuse_io(fs, "cannot read FSInfo");
		memcpy(&fi, data, sizeof(fi));
		if (fi.lead_sig == FAT_FSINFO_LEAD && fi.struct_sig == FAT_FSINFO_STRUCT &&
		    fi.trail_sig == FAT_FSINFO_TRAIL) {
			if (fi.free_count <= fs->nr_clusters)
				fs->free_count = fi.free_count;
			if (fat_cluster_ok(fs, fi.next_free))
				fs->next_free = fi.next_free;
		} else {
			fs->fsinfo_sector = 0; /* not ours to overwrite */
		}
	}
	uint32_t len;
	int err = fat_chain_length(fs, fs->root_cluster, &len);
	if (err)
		return refuse_io(fs, "the root directory's cluster chain is corrupt");
	if ((uint64_t)len * fs->cluster_size > FAT_DIR_MAX_BYTES)
		return refuse(fs, "the root directory is too long");
	if (fs->free_count == FAT_FSINFO_UNKNOWN && !fs->read_only) {
		err = fat_count_free(fs);
		if (err)
			return refuse_io(fs, "cannot read the FAT");
		fs->fsinfo_dirty = true;
	}
	return 0;
}

int fat_sync(struct fat_fs *fs)
{
	if (fs->read_only)
		return 0;
	if (fs->broken)
		return -EROFS;
	if (fs->fsinfo_dirty && fs->fsinfo_sector) {
		uint8_t *data;
		int err = fat_bread(fs, fs->fsinfo_sector, &data);
		if (err)
			return err;
		struct fat_fsinfo fi;
		memcpy(&fi, data, sizeof(fi));
		fi.free_count = fs->free_count;
		fi.next_free = fs->next_free;
		memcpy(data, &fi, sizeof(fi));
		fat_bdirty(fs, fs->fsinfo_sector);
		fs->fsinfo_dirty = false;
	}
	return fat_cache_flush(fs);
}

int fat_fs_error(struct fat_fs *fs, const char *msg)
{
	if (!fs->broken && fs->warn)
		fs->warn(fs->ctx, msg);
	if (!fs->broken)
		strlcpy(fs->why, msg, sizeof(fs->why));
	fs->broken = true;
	return -EIO;
}

/* Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm). */
static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

int64_t fat_time_to_unix(uint16_t date, uint16_t time)
{
	unsigned year = 1980 + (date >> 9), month = (date >> 5) & 15, day = date & 31;
	if (month < 1 || month > 12)
		month = 1;
	if (day < 1)
		day = 1;
	unsigned hour = time >> 11, min = (time >> 5) & 63, sec = (time & 31) * 2;
	return days_from_civil(year, month, day) * 86400 + hour * 3600 + min * 60 + sec;
}

void fat_unix_to_time(int64_t t, uint16_t *date, uint16_t *time)
{
	if (t < 315532800) /* 1980-01-01 */
		t = 315532800;
	int64_t days = t / 86400, secs = t % 86400;
	/* civil_from_days */
	days += 719468;
	int64_t era = days / 146097;
	unsigned doe = (unsigned)(days - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t y = (int64_t)yoe + era * 400;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;
	unsigned d = doy - (153 * mp + 2) / 5 + 1;
	unsigned m = mp < 10 ? mp + 3 : mp - 9;
	y += m <= 2;
	if (y > 2107) {
		*date = (uint16_t)((127 << 9) | (12 << 5) | 31);
		*time = (uint16_t)((23 << 11) | (59 << 5) | 29);
		return;
	}
	*date = (uint16_t)(((y - 1980) << 9) | (m << 5) | d);
	*time = (uint16_t)(((secs / 3600) << 11) | (((secs / 60) % 60) << 5) | ((secs % 60) / 2));
}
