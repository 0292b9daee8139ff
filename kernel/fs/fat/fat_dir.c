/*
 * Directories: 32-byte entries, a short (8.3) entry per name preceded by
 * its VFAT long-name slots (last part first, each with the short name's
 * checksum). Slots whose order or checksum do not fit are ignored and the
 * short name is used, as Windows and Linux do. Positions are byte offsets
 * in the directory, which is a cluster chain like a file's.
 */
#include <errno.h>
#include <lib/string.h>

#include "fat.h"

/* The logical sector and byte in it of directory position pos (< dir->size). */
static int locate(struct fat_fs *fs, struct fat_node *dir, uint32_t pos, uint32_t *sector,
		  uint32_t *off)
{
	uint32_t c;
	int err = fat_bmap(fs, dir, pos / fs->cluster_size, false, &c);
	if (err)
		return err;
	uint32_t in = pos % fs->cluster_size;
	*sector = fat_cluster_sector(fs, c) + in / fs->sector_size;
	*off = in % fs->sector_size;
	return 0;
}

static int read_slot(struct fat_fs *fs, struct fat_node *dir, uint32_t pos, void *slot,
		     uint32_t *sector, uint32_t *off)
{
	uint8_t *data;
	int err = locate(fs, dir, pos, sector, off);
	if (!err)
		err = fat_bread(fs, *sector, &data);
	if (!err)
		memcpy(slot, data + *off, FAT_DIRENT_SIZE);
	return err;
}

static int write_slot(struct fat_fs *fs, uint32_t sector, uint32_t off, const void *slot)
{
	if (fs->read_only || fs->broken)
		return -EROFS;
	uint8_t *data;
	int err = fat_bread(fs, sector, &data);
	if (err)
		return err;
	memcpy(data + off, slot, FAT_DIRENT_SIZE);
	fat_bdirty(fs, sector);
	return 0;
}

int fat_dirent_read(struct fat_fs *fs, uint32_t sector, uint32_t offset, struct fat_dirent *de)
{
	uint8_t *data;
	if (offset > fs->sector_size - FAT_DIRENT_SIZE)
		return -EIO;
	int err = fat_bread(fs, sector, &data);
	if (!err)
		memcpy(de, data + offset, sizeof(*de));
	return err;
}

int fat_dirent_write(struct fat_fs *fs, uint32_t sector, uint32_t offset,
		     const struct fat_dirent *de)
{
	if (offset > fs->sector_size - FAT_DIRENT_SIZE)
		return -EIO;
	return write_slot(fs, sector, offset, de);
}

/* The long name being assembled from slots. */
struct lfn_state {
	uint16_t units[FAT_LFN_MAX_SLOTS * FAT_LFN_CHARS];
	unsigned total; /* slots announced by the last one; 0: none in progress */
	unsigned next;  /* order of the slot expected next */
	uint8_t checksum;
	uint32_t first;
};

static void lfn_slot(struct lfn_state *l, const struct fat_lfn_slot *s, uint32_t pos)
{
	unsigned order = s->order & 0x1F;
	if (s->order & FAT_LFN_LAST) {
		if (order == 0 || order > FAT_LFN_MAX_SLOTS) {
			l->total = 0;
			return;
		}
		l->total = order;
		l->checksum = s->checksum;
		l->first = pos;
	} else if (!l->total || order != l->next || s->checksum != l->checksum) {
		l->total = 0;
		return;
	}
	l->next = order - 1;
	uint16_t *u = l->units + (order - 1) * FAT_LFN_CHARS;
	memcpy(u, s->name0, sizeof(s->name0));
	memcpy(u + 5, s->name1, sizeof(s->name1));
	memcpy(u + 11, s->name2, sizeof(s->name2));
}

/* The long name of short entry de if the slots before it make one; 0 if none. */
static size_t lfn_name(struct lfn_state *l, const struct fat_dirent *de, char *out)
{
	if (!l->total || l->next != 0 || fat_lfn_checksum(de->name) != l->checksum)
		return 0;
	size_t n = 0, max = l->total * FAT_LFN_CHARS;
	while (n < max && n < FAT_LFN_MAX && l->units[n] != 0)
		n++;
	if (n == 0 || (n == FAT_LFN_MAX && n < max && l->units[n] != 0))
		return 0;
	size_t len = fat_utf16_to_utf8(l->units, n, out, FAT_NAME_BUF);
	for (size_t i = 0; i < len; i++) {
		if (out[i] == '/')
			out[i] = '_';
	}
	if ((len == 1 && out[0] == '.') || (len == 2 && out[0] == '.' && out[1] == '.'))
		return 0;
	return len;
}

int fat_dir_next(struct fat_fs *fs, struct fat_node *dir, uint32_t *pos, struct fat_dir_entry *out)
{
	struct lfn_state l;
	l.total = 0;
	/* A position from lseek(2) may be anything: start at the next whole entry. */
	if (*pos >= dir->size)
		return 0;
	*pos = (*pos + FAT_DIRENT_SIZE - 1) & ~(uint32_t)(FAT_DIRENT_SIZE - 1);
	while (*pos < dir->size) {
		uint32_t p = *pos, sector, off;
		uint8_t raw[FAT_DIRENT_SIZE];
		int err = read_slot(fs, dir, p, raw, &sector, &off);
		if (err)
			return err;
		if (raw[0] == FAT_DIRENT_END)
			return 0;
		*pos = p + FAT_DIRENT_SIZE;
		struct fat_dirent *de = (struct fat_dirent *)raw;
		if (raw[0] == FAT_DIRENT_FREE) {
			l.total = 0;
			continue;
		}
		if ((de->attr & 0x3F) == FAT_ATTR_LFN) {
			lfn_slot(&l, (const struct fat_lfn_slot *)raw, p);
			continue;
		}
		if (de->attr & FAT_ATTR_VOLUME) {
			l.total = 0;
			continue;
		}
		memcpy(&out->de, raw, sizeof(out->de));
		out->pos = p;
		out->sector = sector;
		out->offset = off;
		out->name_len = lfn_name(&l, de, out->name);
		out->first = out->name_len ? l.first : p;
		if (!out->name_len)
			out->name_len = fat_short_display(de, out->name);
		return 1;
	}
	return 0;
}

static bool is_dot(const struct fat_dir_entry *e)
{
	return e->de.name[0] == '.';
}

int fat_dir_find(struct fat_fs *fs, struct fat_node *dir, const char *name, size_t len,
		 struct fat_dir_entry *out)
{
	uint32_t pos = 0;
	int r;
	while ((r = fat_dir_next(fs, dir, &pos, out)) > 0) {
		if (is_dot(out))
			continue;
		if (fat_name_eq(out->name, out->name_len, name, len))
			return 0;
		char s[14];
		size_t sl = fat_short_display(&out->de, s);
		if (fat_name_eq(s, sl, name, len))
			return 0;
	}
	return r < 0 ? r : -ENOENT;
}

#define TAIL_MAX 4096

/*
 * Picks a short name for a long one: the upper-case form when it is a valid
 * 8.3 name nobody has, else the basis with the smallest free ~N tail.
 */
static int pick_short(struct fat_fs *fs, struct fat_node *dir, const char *name, size_t len,
		      uint8_t out[11], uint8_t *nt_case, bool *need_lfn)
{
	char up[13];
	uint8_t exact[11];
	bool have_exact = false;
	*nt_case = 0;
	*need_lfn = true;
	if (len <= 12) {
		bool lower_base = false, upper_base = false, lower_ext = false, upper_ext = false;
		bool in_ext = false;
		for (size_t i = 0; i < len; i++) {
			char c = name[i];
			if (c == '.')
				in_ext = true;
			if (c >= 'a' && c <= 'z') {
				*(in_ext ? &lower_ext : &lower_base) = true;
				c = (char)(c - 'a' + 'A');
			} else if (c >= 'A' && c <= 'Z') {
				*(in_ext ? &upper_ext : &upper_base) = true;
			}
			up[i] = c;
		}
		if (fat_name_is_short(up, len, exact)) {
			have_exact = true;
			if (!(lower_base && upper_base) && !(lower_ext && upper_ext)) {
				*need_lfn = false;
				*nt_case = (uint8_t)((lower_base ? FAT_CASE_LOWER_BASE : 0) |
						     (lower_ext ? FAT_CASE_LOWER_EXT : 0));
			}
		}
	}
	uint8_t basis[11];
	fat_short_basis(name, len, basis);
	int baselen = 0;
	while (baselen < 8 && basis[baselen] != ' ')
		baselen++;
	/* One pass over the directory: which tails are taken, and is the exact name. */
	uint8_t used[TAIL_MAX / 8];
	memset(used, 0, sizeof(used));
	bool exact_taken = false;
	struct fat_dir_entry e;
	uint32_t pos = 0;
	int r;
	while ((r = fat_dir_next(fs, dir, &pos, &e)) > 0) {
		if (have_exact && !memcmp(e.de.name, exact, 11))
			exact_taken = true;
		if (memcmp(e.de.name + 8, basis + 8, 3))
			continue;
		int k = 0;
		while (k < 8 && e.de.name[k] != '~')
			k++;
		if (k == 8 || memcmp(e.de.name, basis, (size_t)k))
			continue;
		unsigned n = 0, d = 0;
		for (int i = k + 1; i < 8 && e.de.name[i] >= '0' && e.de.name[i] <= '9'; i++, d++)
			n = n * 10 + (e.de.name[i] - '0');
		int want_k = baselen < 8 - 1 - (int)d ? baselen : 8 - 1 - (int)d;
		if (d && k == want_k && n < TAIL_MAX)
			used[n / 8] |= (uint8_t)(1 << (n % 8));
	}
	if (r < 0)
		return r;
	if (have_exact && !exact_taken) {
		memcpy(out, exact, 11);
		return 0;
	}
	*need_lfn = true;
	*nt_case = 0;
	for (unsigned n = 1; n < TAIL_MAX; n++) {
		if (!(used[n / 8] & (1 << (n % 8)))) {
			memcpy(out, basis, 11);
			fat_short_tail(out, n);
			return 0;
		}
	}
	return -ENOSPC;
}

/* Finds count free slots in a row, growing the directory: *pos is the first. */
static int find_space(struct fat_fs *fs, struct fat_node *dir, unsigned count, uint32_t *pos)
{
	uint32_t run = 0, start = 0, p;
	for (p = 0; p < dir->size; p += FAT_DIRENT_SIZE) {
		uint8_t raw[FAT_DIRENT_SIZE];
		uint32_t s, o;
		int err = read_slot(fs, dir, p, raw, &s, &o);
		if (err)
			return err;
		if (raw[0] == FAT_DIRENT_END) {
			/* Everything from here on is free. */
			if (!run)
				start = p;
			run += (dir->size - p) / FAT_DIRENT_SIZE;
			break;
		}
		if (raw[0] == FAT_DIRENT_FREE) {
			if (!run++)
				start = p;
			if (run == count)
				break;
		} else {
			run = 0;
		}
	}
	while (run < count) {
		if (dir->size + fs->cluster_size > FAT_DIR_MAX_BYTES)
			return -ENOSPC;
		uint32_t c;
		int err = fat_bmap(fs, dir, dir->size / fs->cluster_size, true, &c);
		if (err)
			return err;
		for (uint32_t i = 0; i < fs->sec_per_clus; i++) {
			uint8_t *data;
			err = fat_bzero(fs, fat_cluster_sector(fs, c) + i, &data);
			if (err)
				return err;
		}
		if (!run)
			start = dir->size;
		dir->size += fs->cluster_size;
		run += fs->cluster_size / FAT_DIRENT_SIZE;
	}
	*pos = start;
	return 0;
}

int fat_dir_add(struct fat_fs *fs, struct fat_node *dir, const char *name, size_t len,
		const struct fat_dirent *tmpl, struct fat_dir_entry *out)
{
	if (fs->read_only || fs->broken)
		return -EROFS;
	if (len >= FAT_NAME_BUF)
		return -ENAMETOOLONG;
	if (!fat_name_valid(name, len))
		return -EINVAL;
	uint16_t units[FAT_LFN_MAX_SLOTS * FAT_LFN_CHARS];
	int n = fat_utf8_to_utf16(name, len, units, FAT_LFN_MAX);
	if (n < 0)
		return n;
	int err = fat_dir_find(fs, dir, name, len, out);
	if (err != -ENOENT)
		return err ? err : -EEXIST;
	uint8_t short_name[11], nt_case;
	bool need_lfn;
	err = pick_short(fs, dir, name, len, short_name, &nt_case, &need_lfn);
	if (err)
		return err;
	unsigned slots = need_lfn ? ((unsigned)n + FAT_LFN_CHARS - 1) / FAT_LFN_CHARS : 0;
	uint32_t pos;
	err = find_space(fs, dir, slots + 1, &pos);
	if (err)
		return err;
	/* Pad the name: a NUL after it (unless it fills the slot), then 0xFFFF. */
	for (unsigned i = (unsigned)n; i < slots * FAT_LFN_CHARS; i++)
		units[i] = i == (unsigned)n ? 0 : 0xFFFF;
	uint8_t sum = fat_lfn_checksum(short_name);
	out->first = pos;
	for (unsigned i = 0; i < slots; i++, pos += FAT_DIRENT_SIZE) {
		unsigned order = slots - i;
		struct fat_lfn_slot s;
		memset(&s, 0, sizeof(s));
		s.order = (uint8_t)(order | (i == 0 ? FAT_LFN_LAST : 0));
		s.attr = FAT_ATTR_LFN;
		s.checksum = sum;
		const uint16_t *u = units + (order - 1) * FAT_LFN_CHARS;
		memcpy(s.name0, u, sizeof(s.name0));
		memcpy(s.name1, u + 5, sizeof(s.name1));
		memcpy(s.name2, u + 11, sizeof(s.name2));
		uint32_t sector, off;
		err = locate(fs, dir, pos, &sector, &off);
		if (!err)
			err = write_slot(fs, sector, off, &s);
		if (err)
			return err;
	}
	out->de = *tmpl;
	memcpy(out->de.name, short_name, 11);
	out->de.nt_case = nt_case;
	err = locate(fs, dir, pos, &out->sector, &out->offset);
	if (!err)
		err = write_slot(fs, out->sector, out->offset, &out->de);
	if (err)
		return err;
	out->pos = pos;
	memcpy(out->name, name, len);
	out->name[len] = 0;
	out->name_len = len;
	return 0;
}

int fat_dir_remove(struct fat_fs *fs, const struct fat_node *dir, const struct fat_dir_entry *e)
{
	struct fat_node d = *dir;
	for (uint32_t p = e->first; p <= e->pos; p += FAT_DIRENT_SIZE) {
		uint8_t raw[FAT_DIRENT_SIZE];
		uint32_t sector, off;
		int err = read_slot(fs, &d, p, raw, &sector, &off);
		if (err)
			return err;
		raw[0] = FAT_DIRENT_FREE;
		err = write_slot(fs, sector, off, raw);
		if (err)
			return err;
	}
	return 0;
}

int fat_dir_empty(struct fat_fs *fs, struct fat_node *dir)
{
	struct fat_dir_entry e;
	uint32_t pos = 0;
	int r;
	while ((r = fat_dir_next(fs, dir, &pos, &e)) > 0) {
		if (!is_dot(&e))
			return 0;
	}
	return r < 0 ? r : 1;
}

int fat_dir_init(struct fat_fs *fs, uint32_t clus, uint32_t parent, const struct fat_dirent *tmpl)
{
	uint8_t *data;
	for (uint32_t i = fs->sec_per_clus; i-- > 0;) {
		int err = fat_bzero(fs, fat_cluster_sector(fs, clus) + i, &data);
		if (err)
			return err;
	}
	/* data is the cluster's first sector, still cached: the last one zeroed. */
	struct fat_dirent dot = *tmpl;
	memset(dot.name, ' ', 11);
	dot.name[0] = '.';
	dot.attr = FAT_ATTR_DIR;
	dot.size = 0;
	dot.nt_case = 0;
	fat_dirent_set_start(&dot, clus);
	memcpy(data, &dot, sizeof(dot));
	dot.name[1] = '.';
	fat_dirent_set_start(&dot, parent);
	memcpy(data + FAT_DIRENT_SIZE, &dot, sizeof(dot));
	return 0;
}

int fat_dir_set_parent(struct fat_fs *fs, struct fat_node *dir, uint32_t parent)
{
	struct fat_dirent de;
	uint32_t sector, off;
	int err = read_slot(fs, dir, FAT_DIRENT_SIZE, &de, &sector, &off);
	if (err)
		return err;
	if (memcmp(de.name, "..         ", 11))
		return fat_fs_error(fs, "a directory has no \"..\" entry");
	fat_dirent_set_start(&de, parent);
	return write_slot(fs, sector, off, &de);
}
