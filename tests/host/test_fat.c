/* SOURCES: kernel/fs/fat/fat_cache.c kernel/fs/fat/fat_super.c kernel/fs/fat/fat_table.c kernel/fs/fat/fat_file.c kernel/fs/fat/fat_name.c kernel/fs/fat/fat_dir.c */
/*
 * Host tests of the FAT32 core: names (checksums, UTF-16, short names),
 * images made by mkfs.fat -F 32 and filled with mtools read back byte for
 * byte, write operations (create, write, mkdir, rename, unlink, rmdir,
 * truncate) then `fsck.fat -n` clean and mtools reading what was written,
 * and hundreds of mutated images walked, read and written with no crash or
 * hang (ASan/UBSan).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include <errno.h>
#include "../../kernel/fs/fat/fat.h"

/* glibc 2.36 lacks strlcpy, which the core uses. */
size_t strlcpy(char *dst, const char *src, size_t size)
{
	size_t n = strlen(src);
	if (size) {
		size_t k = n < size - 1 ? n : size - 1;
		memcpy(dst, src, k);
		dst[k] = 0;
	}
	return n;
}

struct image {
	uint8_t *data;
	size_t size;
	unsigned warnings;
	/* Sectors written, so the mutation rounds can undo them cheaply. */
	uint64_t log[4096][2];
	unsigned nlog;
	bool log_overflow;
};

static int img_read(void *ctx, uint64_t s, uint32_t n, void *buf)
{
	struct image *im = ctx;
	if ((s + n) * 512 > im->size)
		return -EIO;
	memcpy(buf, im->data + s * 512, (size_t)n * 512);
	return 0;
}

static int img_write(void *ctx, uint64_t s, uint32_t n, const void *buf)
{
	struct image *im = ctx;
	if ((s + n) * 512 > im->size)
		return -EIO;
	if (im->nlog < 4096) {
		im->log[im->nlog][0] = s;
		im->log[im->nlog++][1] = n;
	} else {
		im->log_overflow = true;
	}
	memcpy(im->data + s * 512, buf, (size_t)n * 512);
	return 0;
}

static void img_warn(void *ctx, const char *msg)
{
	struct image *im = ctx;
	(void)msg;
	im->warnings++;
}

static uint8_t *load(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	*size = (size_t)ftell(f);
	fseek(f, 0, SEEK_SET);
	uint8_t *d = malloc(*size);
	if (fread(d, 1, *size, f) != *size) {
		free(d);
		d = NULL;
	}
	fclose(f);
	return d;
}

static int save(const char *path, const uint8_t *data, size_t size)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return -1;
	size_t n = fwrite(data, 1, size, f);
	fclose(f);
	return n == size ? 0 : -1;
}

static int sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int sh(const char *fmt, ...)
{
	char cmd[2048];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	return system(cmd);
}

struct mounted {
	struct image im;
	struct fat_fs fs;
	uint8_t cache[FAT_CACHE_SLOTS * FAT_SECTOR_MAX];
	uint8_t scratch[FAT_SECTOR_MAX];
	struct fat_node root;
};

static int mount_image(struct mounted *m)
{
	memset(&m->fs, 0, sizeof(m->fs));
	m->fs.dev_read = img_read;
	m->fs.dev_write = img_write;
	m->fs.warn = img_warn;
	m->fs.ctx = &m->im;
	m->fs.dev_sectors = m->im.size / 512;
	m->fs.scratch = m->scratch;
	if (m->im.size < 512)
		return -EIO;
	int err = fat_check_super(&m->fs, m->im.data);
	if (err)
		return err;
	fat_cache_init(&m->fs, m->cache);
	err = fat_load(&m->fs);
	if (err)
		return err;
	uint32_t len;
	err = fat_chain_length(&m->fs, m->fs.root_cluster, &len);
	if (err)
		return err;
	m->root = (struct fat_node){.start = m->fs.root_cluster, .dir = true,
				    .size = len * m->fs.cluster_size};
	return 0;
}

/* The node of an entry, as the VFS glue builds it. */
static int node_of(struct fat_fs *fs, const struct fat_dir_entry *e, struct fat_node *n)
{
	memset(n, 0, sizeof(*n));
	n->start = fat_dirent_start(&e->de);
	n->dir = e->de.attr & FAT_ATTR_DIR;
	if (n->start && !fat_cluster_ok(fs, n->start))
		return -EIO;
	if (!n->dir) {
		n->size = e->de.size;
		return 0;
	}
	uint32_t len;
	if (!n->start)
		return -EIO;
	int err = fat_chain_length(fs, n->start, &len);
	if (err)
		return err;
	if ((uint64_t)len * fs->cluster_size > FAT_DIR_MAX_BYTES)
		return -EIO;
	n->size = len * fs->cluster_size;
	return 0;
}

/* Resolves a path of long names from the root. */
static int lookup(struct mounted *m, const char *path, struct fat_node *out,
		  struct fat_dir_entry *e, struct fat_node *parent)
{
	struct fat_node cur = m->root;
	char buf[512];
	strlcpy(buf, path, sizeof(buf));
	char *save_ptr = NULL;
	for (char *c = strtok_r(buf, "/", &save_ptr); c; c = strtok_r(NULL, "/", &save_ptr)) {
		if (parent)
			*parent = cur;
		int err = fat_dir_find(&m->fs, &cur, c, strlen(c), e);
		if (err)
			return err;
		err = node_of(&m->fs, e, &cur);
		if (err)
			return err;
	}
	*out = cur;
	return 0;
}

static uint8_t *read_all(struct mounted *m, const char *path, long *len)
{
	struct fat_node n, parent;
	struct fat_dir_entry e;
	if (lookup(m, path, &n, &e, &parent))
		return NULL;
	uint8_t *buf = malloc(n.size + 1);
	*len = fat_read(&m->fs, &n, 0, buf, n.size);
	return buf;
}

static void fill(uint8_t *buf, size_t len, unsigned seed)
{
	for (size_t i = 0; i < len; i++) {
		seed = seed * 1103515245 + 12345;
		buf[i] = (uint8_t)(seed >> 16);
	}
}

static bool file_is(const char *path, const uint8_t *want, size_t len)
{
	size_t got_len;
	uint8_t *got = load(path, &got_len);
	bool ok = got && got_len == len && !memcmp(got, want, len);
	free(got);
	return ok;
}

static void test_names(void)
{
	uint8_t sn[11];
	CHECK(fat_name_is_short("README.TXT", 10, sn) && !memcmp(sn, "README  TXT", 11),
	      "README.TXT is a short name");
	CHECK(!fat_name_is_short("readme.txt", 10, sn), "lower case is not a short name as is");
	CHECK(!fat_name_is_short("LONGFILENAME.TXT", 16, sn), "a 12-character base is not short");
	fat_short_basis("My Long File.name.text", 22, sn);
	CHECK(!memcmp(sn, "MYLONGFITEX", 11), "basis of a long name (%.11s)", sn);
	fat_short_tail(sn, 1);
	CHECK(!memcmp(sn, "MYLONG~1TEX", 11), "~1 tail (%.11s)", sn);
	fat_short_tail(sn, 123);
	CHECK(!memcmp(sn, "MYLON~12TEX", 11) || !memcmp(sn, "MYLO~123TEX", 11), "~123 tail (%.11s)",
	      sn);
	uint8_t chk[11];
	memcpy(chk, "HELLO   TXT", 11);
	/* The checksum as Microsoft's specification computes it, rotate right and add. */
	uint8_t sum = 0;
	for (int i = 0; i < 11; i++)
		sum = (uint8_t)((sum >> 1) + ((sum & 1) << 7) + chk[i]);
	CHECK(fat_lfn_checksum(chk) == sum, "long-name checksum");
	uint16_t u[32];
	int n = fat_utf8_to_utf16("h\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80", 10, u, 32);
	CHECK(n == 5 && u[0] == 'h' && u[1] == 0xE9 && u[2] == 0x20AC && u[3] == 0xD83D &&
		      u[4] == 0xDE00,
	      "UTF-8 to UTF-16 with a surrogate pair (%d units)", n);
	char out[64];
	size_t l = fat_utf16_to_utf8(u, 5, out, sizeof(out));
	CHECK(l == 10 && !memcmp(out, "h\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80", 10),
	      "UTF-16 back to UTF-8");
	CHECK(fat_utf8_to_utf16("\xc0\xaf", 2, u, 32) == -EINVAL, "overlong UTF-8 refused");
	CHECK(!fat_name_valid("a:b", 3) && !fat_name_valid("dot.", 4) && fat_name_valid("a b", 3),
	      "reserved characters and a trailing dot refused");
	uint16_t d, t;
	fat_unix_to_time(1700000000, &d, &t);
	CHECK(fat_time_to_unix(d, t) == 1700000000, "FAT time round trip");
}

#define IMG "build/host-tests/fat-test.img"
#define DIR_ "build/host-tests/fat-test.d"

static uint8_t big[300000], mid[5000];

static void make_image(void)
{
	sh("rm -rf " DIR_ " && mkdir -p " DIR_ "/d1/sub");
	FILE *f = fopen(DIR_ "/hello.txt", "w");
	fputs("hello, fat\n", f);
	fclose(f);
	fill(big, sizeof(big), 7);
	save(DIR_ "/A Long File Name With Spaces.bin", big, sizeof(big));
	fill(mid, sizeof(mid), 9);
	save(DIR_ "/d1/sub/deep.dat", mid, sizeof(mid));
	sh("rm -f " IMG " && mkfs.fat -F 32 -s 1 -n TESTFAT -C " IMG " 40960 >/dev/null && "
	   "mcopy -s -i " IMG " " DIR_ "/hello.txt '" DIR_ "/A Long File Name With Spaces.bin' " DIR_
	   "/d1 ::/");
}

static bool listed(struct mounted *m, struct fat_node *dir, const char *name)
{
	struct fat_dir_entry e;
	uint32_t pos = 0;
	while (fat_dir_next(&m->fs, dir, &pos, &e) > 0) {
		if (!strcmp(e.name, name))
			return true;
	}
	return false;
}

static void test_read(struct mounted *m)
{
	CHECK(listed(m, &m->root, "hello.txt") && listed(m, &m->root, "d1") &&
		      listed(m, &m->root, "A Long File Name With Spaces.bin"),
	      "root lists the files mcopy put there, long names intact");
	long len;
	uint8_t *b = read_all(m, "hello.txt", &len);
	CHECK(b && len == 11 && !memcmp(b, "hello, fat\n", 11), "hello.txt reads back");
	free(b);
	b = read_all(m, "A LONG FILE NAME WITH SPACES.BIN", &len);
	CHECK(b && len == (long)sizeof(big) && !memcmp(b, big, sizeof(big)),
	      "a 300000-byte file with a long name reads back (case-insensitive lookup)");
	free(b);
	b = read_all(m, "d1/sub/deep.dat", &len);
	CHECK(b && len == (long)sizeof(mid) && !memcmp(b, mid, sizeof(mid)),
	      "a file two directories down reads back");
	free(b);
	struct fat_node n;
	struct fat_dir_entry e;
	CHECK(lookup(m, "AL~1.BIN", &n, &e, NULL) == -ENOENT && lookup(m, "HELLO.TXT", &n, &e, NULL) == 0,
	      "short names resolve too");
	uint32_t pos = 7;
	struct fat_dir_entry any;
	CHECK(fat_dir_next(&m->fs, &m->root, &pos, &any) == 1 && any.pos == 32 && pos == 64,
	      "a directory position between entries starts at the next one (%u)", any.pos);
	pos = 0xFFFFFFF0u;
	CHECK(fat_dir_next(&m->fs, &m->root, &pos, &any) == 0, "a position past the end is the end");
	/* Partial reads at odd offsets. */
	uint8_t part[1000];
	lookup(m, "A Long File Name With Spaces.bin", &n, &e, NULL);
	long r = fat_read(&m->fs, &n, 12345, part, sizeof(part));
	CHECK(r == 1000 && !memcmp(part, big + 12345, 1000), "a read at an odd offset");
	r = fat_read(&m->fs, &n, sizeof(big) - 10, part, sizeof(part));
	CHECK(r == 10, "a read is clamped at the end of the file (%ld)", r);
}

/* Creates path's last component in its (existing) parent directory. */
static int create(struct mounted *m, const char *dirpath, const char *name, uint8_t attr,
		  struct fat_dir_entry *e)
{
	struct fat_node dir, pp;
	struct fat_dir_entry de;
	int err = dirpath[0] ? lookup(m, dirpath, &dir, &de, &pp) : 0;
	if (!dirpath[0])
		dir = m->root;
	if (err)
		return err;
	struct fat_dirent tmpl;
	memset(&tmpl, 0, sizeof(tmpl));
	tmpl.attr = attr;
	uint16_t d, t;
	fat_unix_to_time(1700000000, &d, &t);
	tmpl.mdate = d;
	tmpl.mtime = t;
	if (attr & FAT_ATTR_DIR) {
		uint32_t c;
		err = fat_alloc(&m->fs, 0, &c);
		if (err)
			return err;
		err = fat_dir_init(&m->fs, c, dirpath[0] ? dir.start : 0, &tmpl);
		fat_dirent_set_start(&tmpl, c);
		if (!err)
			err = fat_dir_add(&m->fs, &dir, name, strlen(name), &tmpl, e);
		if (err)
			fat_free_chain(&m->fs, c);
		return err;
	}
	return fat_dir_add(&m->fs, &dir, name, strlen(name), &tmpl, e);
}

static long write_file(struct mounted *m, const char *dirpath, const char *name, const uint8_t *data,
		       size_t len)
{
	struct fat_dir_entry e;
	int err = create(m, dirpath, name, FAT_ATTR_ARCH, &e);
	if (err)
		return err;
	struct fat_node n = {0};
	long w = fat_write(&m->fs, &n, 0, data, len);
	e.de.size = n.size;
	fat_dirent_set_start(&e.de, n.start);
	err = fat_dirent_write(&m->fs, e.sector, e.offset, &e.de);
	return err ? err : w;
}

static int remove_path(struct mounted *m, const char *path)
{
	struct fat_node n, parent;
	struct fat_dir_entry e;
	int err = lookup(m, path, &n, &e, &parent);
	if (err)
		return err;
	err = fat_dir_remove(&m->fs, &parent, &e);
	if (!err && n.start)
		err = fat_free_chain(&m->fs, n.start);
	return err;
}

static int rename_path(struct mounted *m, const char *from, const char *to_dir, const char *to_name)
{
	struct fat_node n, parent, dir;
	struct fat_dir_entry e, ne, de;
	int err = lookup(m, from, &n, &e, &parent);
	if (err)
		return err;
	if (to_dir[0])
		err = lookup(m, to_dir, &dir, &de, NULL);
	else
		dir = m->root;
	if (!err)
		err = fat_dir_remove(&m->fs, &parent, &e);
	if (!err)
		err = fat_dir_add(&m->fs, &dir, to_name, strlen(to_name), &e.de, &ne);
	if (!err && n.dir)
		err = fat_dir_set_parent(&m->fs, &n, to_dir[0] ? dir.start : 0);
	return err;
}

static uint8_t many[2 * 1024 * 1024 + 777];

static void test_write(struct mounted *m)
{
	struct fat_dir_entry e;
	uint32_t free_before = m->fs.free_count;
	CHECK(create(m, "", "new dir with a long name", FAT_ATTR_DIR, &e) == 0, "mkdir (long name)");
	CHECK(create(m, "", "NEW DIR WITH A LONG NAME", FAT_ATTR_DIR, &e) == -EEXIST,
	      "names collide case-insensitively (-EEXIST)");
	CHECK(create(m, "", "bad:name", 0, &e) == -EINVAL, "a reserved character is -EINVAL");
	const char *utf = "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80.txt";
	struct fat_dir_entry found;
	CHECK(create(m, "d1", utf, 0, &e) == 0, "a UTF-8 long name is created");
	struct fat_node d1, pp;
	lookup(m, "d1", &d1, &found, &pp);
	CHECK(listed(m, &d1, utf), "the UTF-8 long name lists back unchanged");
	CHECK(remove_path(m, "d1/caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80.txt") == 0,
	      "and is removed");
	char name[300];
	memset(name, 'x', 256);
	name[256] = 0;
	CHECK(create(m, "", name, 0, &e) == -ENAMETOOLONG, "a 256-byte name is -ENAMETOOLONG");
	int made = 0;
	for (int i = 0; i < 200; i++) {
		char nm[128];
		snprintf(nm, sizeof(nm), "file number %03d with a rather long name.data", i);
		uint8_t buf[700];
		fill(buf, (size_t)(i * 3), (unsigned)i);
		made += write_file(m, "new dir with a long name", nm, buf, (size_t)(i * 3)) == i * 3;
	}
	CHECK(made == 200, "200 files with long names and ~N short names (%d)", made);
	fill(many, sizeof(many), 42);
	CHECK(write_file(m, "", "big.bin", many, sizeof(many)) == (long)sizeof(many),
	      "a 2 MiB file written");
	CHECK(write_file(m, "", "hello.txt", many, 5) == -EEXIST, "create over an existing name");
	int removed = 0;
	for (int i = 0; i < 200; i += 2) {
		char nm[160];
		snprintf(nm, sizeof(nm), "new dir with a long name/file number %03d with a rather long name.data", i);
		removed += remove_path(m, nm) == 0;
	}
	CHECK(removed == 100, "100 files removed (%d)", removed);
	CHECK(rename_path(m, "hello.txt", "d1", "Hello Renamed.TXT") == 0, "rename across directories");
	CHECK(rename_path(m, "d1/sub", "new dir with a long name", "moved sub") == 0,
	      "a directory moved to another directory");
	/* Truncate the big file down and one file up. */
	struct fat_node n, parent;
	CHECK(lookup(m, "big.bin", &n, &e, &parent) == 0, "big.bin found");
	int err = fat_truncate(&m->fs, &n, 100000);
	e.de.size = n.size;
	fat_dirent_write(&m->fs, e.sector, e.offset, &e.de);
	CHECK(!err && n.size == 100000, "truncate down");
	CHECK(write_file(m, "", "grown", (const uint8_t *)"abc", 3) == 3, "a small file");
	lookup(m, "grown", &n, &e, &parent);
	err = fat_truncate(&m->fs, &n, 5000);
	e.de.size = n.size;
	fat_dirent_set_start(&e.de, n.start);
	fat_dirent_write(&m->fs, e.sector, e.offset, &e.de);
	CHECK(!err && n.size == 5000, "truncate up zero-fills");
	CHECK(create(m, "d1", "gone", FAT_ATTR_DIR, &e) == 0 && remove_path(m, "d1/gone") == 0,
	      "mkdir then rmdir");
	/* A write past the end leaves a zero-filled gap. */
	lookup(m, "grown", &n, &e, &parent);
	long w = fat_write(&m->fs, &n, 9000, "end", 3);
	e.de.size = n.size;
	fat_dirent_write(&m->fs, e.sector, e.offset, &e.de);
	CHECK(w == 3 && n.size == 9003, "a write past the end");
	CHECK(m->fs.free_count < free_before, "the free count went down (%u < %u)", m->fs.free_count,
	      free_before);
	CHECK(fat_sync(&m->fs) == 0, "sync");
	uint32_t counted = m->fs.free_count;
	fat_count_free(&m->fs);
	CHECK(counted == m->fs.free_count, "the kept free count equals a recount (%u)", counted);
	CHECK(save(IMG, m->im.data, m->im.size) == 0, "image saved");
	CHECK(sh("fsck.fat -n " IMG " >" IMG ".fsck 2>&1") == 0, "fsck.fat -n finds the image clean");
	sh("cat " IMG ".fsck | sed 's/^/# /' | head -20");
	CHECK(sh("mcopy -n -o -i " IMG " ::/big.bin " DIR_ "/out-big") == 0 &&
		      file_is(DIR_ "/out-big", many, 100000),
	      "mtools reads the truncated big file");
	CHECK(sh("mcopy -n -o -i " IMG " '::/d1/Hello Renamed.TXT' " DIR_ "/out-hello") == 0 &&
		      file_is(DIR_ "/out-hello", (const uint8_t *)"hello, fat\n", 11),
	      "mtools reads the renamed file under its new long name");
	CHECK(sh("mcopy -n -o -i " IMG " '::/new dir with a long name/moved sub/deep.dat' " DIR_
		 "/out-deep") == 0 &&
		      file_is(DIR_ "/out-deep", mid, sizeof(mid)),
	      "mtools reads a file in the moved directory");
	uint8_t g[9003];
	memset(g, 0, sizeof(g));
	memcpy(g, "abc", 3);
	memcpy(g + 9000, "end", 3);
	CHECK(sh("mcopy -n -o -i " IMG " ::/grown " DIR_ "/out-grown") == 0 &&
		      file_is(DIR_ "/out-grown", g, sizeof(g)),
	      "mtools reads the grown file with its zero gap");
	uint8_t buf[700];
	fill(buf, 3 * 199, 199);
	CHECK(sh("mcopy -n -o -i " IMG " '::/new dir with a long name/file number 199 with a rather long name.data' " DIR_
		 "/out-199") == 0 &&
		      file_is(DIR_ "/out-199", buf, 3 * 199),
	      "mtools reads one of the 200 files");
	CHECK(sh("mdir -i " IMG " '::/new dir with a long name' 2>/dev/null | grep -c 'file number' | grep -qx 100") == 0,
	      "mtools lists the 100 files left");
}

/* Walks everything below dir, reading every file; bounded depth. Returns entries seen. */
static int walk(struct mounted *m, struct fat_node *dir, int depth)
{
	struct fat_dir_entry e;
	uint32_t pos = 0;
	int seen = 0, r;
	uint8_t buf[4096];
	while (seen < 5000 && (r = fat_dir_next(&m->fs, dir, &pos, &e)) > 0) {
		seen++;
		if (e.de.name[0] == '.')
			continue;
		struct fat_node n;
		if (node_of(&m->fs, &e, &n))
			continue;
		if (n.dir && depth < 8) {
			seen += walk(m, &n, depth + 1);
		} else if (!n.dir) {
			for (uint64_t off = 0; off < n.size && off < 65536; off += sizeof(buf)) {
				if (fat_read(&m->fs, &n, off, buf, sizeof(buf)) < 0)
					break;
			}
		}
	}
	return seen;
}

static void test_mutations(const uint8_t *orig, size_t size)
{
	static struct mounted m;
	int mounted = 0, refused = 0, rounds = 400;
	srand(1234);
	m.im.data = malloc(size);
	memcpy(m.im.data, orig, size);
	for (int round = 0; round < rounds; round++) {
		m.im.size = size;
		m.im.nlog = 0;
		m.im.log_overflow = false;
		size_t touched[16];
		int flips = 1 + rand() % 16;
		for (int i = 0; i < flips; i++) {
			/* Boot sector, FSInfo, the first FAT sectors, the root and early directories. */
			size_t region = rand() % 4;
			size_t off = region == 0 ? (size_t)(rand() % 1024)
				   : region == 1 ? 32 * 512 + (size_t)(rand() % 8192)
				   : region == 2 ? (size_t)(rand() % (int)size)
						 : 0x100000 + (size_t)(rand() % 65536);
			touched[i] = off;
			if (off < size)
				m.im.data[off] = (uint8_t)rand();
		}
		if (round % 10 == 9)
			m.im.size = (size_t)(rand() % (int)size) & ~(size_t)511; /* truncated */
		if (mount_image(&m) == 0) {
			mounted++;
			walk(&m, &m.root, 0);
			struct fat_dir_entry e;
			if (!m.fs.read_only && !m.fs.broken) {
				struct fat_node n = {0};
				if (create(&m, "", "mutant file", FAT_ATTR_ARCH, &e) == 0)
					fat_write(&m.fs, &n, 0, many, 20000);
				remove_path(&m, "hello.txt");
				remove_path(&m, "d1/sub/deep.dat");
				fat_sync(&m.fs);
			}
		} else {
			refused++;
		}
		/* Undo this round: the mutated bytes and every sector written. */
		for (int i = 0; i < flips; i++) {
			if (touched[i] < size)
				m.im.data[touched[i]] = orig[touched[i]];
		}
		if (m.im.log_overflow)
			memcpy(m.im.data, orig, size);
		for (unsigned i = 0; i < m.im.nlog; i++)
			memcpy(m.im.data + m.im.log[i][0] * 512, orig + m.im.log[i][0] * 512,
			       m.im.log[i][1] * 512);
	}
	CHECK(!memcmp(m.im.data, orig, size), "every round was undone");
	free(m.im.data);
	CHECK(mounted + refused == rounds, "%d mutated images: %d mounted and walked, %d refused", rounds,
	      mounted, refused);
}

int main(void)
{
	test_names();
	make_image();
	static struct mounted m;
	m.im.data = load(IMG, &m.im.size);
	CHECK(m.im.data != NULL, "mkfs.fat + mcopy image loaded");
	if (!m.im.data)
		return check_done();
	CHECK(mount_image(&m) == 0, "the image mounts (%s)", m.fs.why);
	CHECK(!m.fs.read_only && m.fs.sector_size == 512 && m.fs.cluster_size == 512,
	      "read-write, 512-byte sectors and clusters");
	test_read(&m);
	uint8_t *orig = malloc(m.im.size);
	memcpy(orig, m.im.data, m.im.size);
	size_t size = m.im.size;
	test_write(&m);
	/* A FAT16 image is refused. */
	sh("rm -f " IMG "16 && mkfs.fat -F 16 -C " IMG "16 32768 >/dev/null");
	struct mounted *m16 = calloc(1, sizeof(*m16));
	m16->im.data = load(IMG "16", &m16->im.size);
	CHECK(m16->im.data && mount_image(m16) == -EINVAL && strstr(m16->fs.why, "FAT32"),
	      "FAT16 is refused with -EINVAL (%s)", m16->fs.why);
	free(m16->im.data);
	free(m16);
	/* A chain loop in the root directory is refused at mount. */
	struct mounted *lm = calloc(1, sizeof(*lm));
	lm->im.size = size;
	lm->im.data = malloc(size);
	memcpy(lm->im.data, orig, size);
	uint32_t loop = m.fs.root_cluster;
	memcpy(lm->im.data + m.fs.fat_start * 512 + loop * 4, &loop, 4);
	CHECK(mount_image(lm) == -EIO && lm->im.warnings == 1, "a root chain pointing at itself is refused (%s)",
	      lm->fs.why);
	free(lm->im.data);
	free(lm);
	test_mutations(orig, size);
	free(orig);
	free(m.im.data);
	return check_done();
}
