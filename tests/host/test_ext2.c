/* SOURCES: kernel/fs/ext2/ext2_core.c */
/*
 * Host tests of the ext2 core against images made by mke2fs -d, and against
 * mutated copies of them: every read either returns data or an error, with
 * no out-of-bounds access (ASan) and no undefined behaviour (UBSan).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include <errno.h>
#include "../../kernel/fs/ext2/ext2.h"

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
	uint32_t bs;
};

static int img_read(void *ctx, uint64_t block, void *buf)
{
	struct image *im = ctx;
	if ((block + 1) * im->bs > im->size)
		return -5;
	memcpy(buf, im->data + block * im->bs, im->bs);
	return 0;
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

static int mount_image(struct ext2_fs *fs, struct image *im)
{
	memset(fs, 0, sizeof(*fs));
	memcpy(&fs->sb, im->data + 1024, sizeof(fs->sb));
	fs->read_block = img_read;
	fs->ctx = im;
	static uint8_t scratch[4096];
	fs->scratch = scratch;
	int err = ext2_check_super(fs, im->size);
	im->bs = fs->block_size ? fs->block_size : 1024;
	return err;
}

/* Resolves a path from the root; 0 with *ino or an error. */
static int walk(struct ext2_fs *fs, const char *path, uint32_t *ino)
{
	uint32_t cur = EXT2_ROOT_INO;
	char buf[256];
	strlcpy(buf, path, sizeof(buf));
	for (char *tok = strtok(buf, "/"); tok; tok = strtok(NULL, "/")) {
		struct ext2_inode in;
		int err = ext2_read_inode(fs, cur, &in);
		if (err)
			return err;
		err = ext2_dir_lookup(fs, &in, tok, strlen(tok), &cur);
		if (err)
			return err;
	}
	*ino = cur;
	return 0;
}

static long read_file(struct ext2_fs *fs, const char *path, uint8_t *buf, size_t len)
{
	uint32_t ino;
	int err = walk(fs, path, &ino);
	if (err)
		return err;
	struct ext2_inode in;
	err = ext2_read_inode(fs, ino, &in);
	if (err)
		return err;
	return ext2_read(fs, &in, 0, buf, len);
}

#define BIG (3 * 1024 * 1024 + 123)

static void fill(uint8_t *p, size_t n, unsigned seed)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (uint8_t)((i * 2654435761u + seed) >> 13);
}

static int make_image(const char *dir, const char *img, int block_size)
{
	char cmd[512];
	snprintf(cmd, sizeof(cmd),
		 "rm -f %s && mke2fs -q -t ext2 -b %d -d %s %s 8M >/dev/null 2>&1", img,
		 block_size, dir, img);
	return system(cmd);
}

int main(void)
{
	char dir[] = "/tmp/cairn-ext2-XXXXXX";
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	char path[512];
	static uint8_t big[BIG], got[BIG + 4096];
	fill(big, BIG, 7);
	snprintf(path, sizeof(path), "%s/big.bin", dir);
	FILE *f = fopen(path, "wb");
	fwrite(big, 1, BIG, f);
	fclose(f);
	snprintf(path, sizeof(path), "%s/small.txt", dir);
	f = fopen(path, "wb");
	fputs("hello ext2\n", f);
	fclose(f);
	snprintf(path, sizeof(path), "%s/sparse.bin", dir);
	f = fopen(path, "wb");
	fseek(f, 200000, SEEK_SET);
	fputs("end", f);
	fclose(f);
	snprintf(path, sizeof(path), "%s/a/b/c", dir);
	char mk[1200];
	snprintf(mk, sizeof(mk), "mkdir -p %s && echo deep > %s/file", path, path);
	CHECK(system(mk) == 0, "set up a nested directory");
	snprintf(path, sizeof(path), "%s/fast", dir);
	CHECK(symlink("small.txt", path) == 0, "fast symlink created");
	char longtarget[200];
	memset(longtarget, 'x', sizeof(longtarget) - 1);
	longtarget[sizeof(longtarget) - 1] = 0;
	snprintf(path, sizeof(path), "%s/slow", dir);
	CHECK(symlink(longtarget, path) == 0, "slow symlink created");

	int sizes[] = { 1024, 4096 };
	for (int s = 0; s < 2; s++) {
		char img[64];
		snprintf(img, sizeof(img), "/tmp/cairn-ext2-%d.img", sizes[s]);
		CHECK(make_image(dir, img, sizes[s]) == 0, "mke2fs -b %d -d", sizes[s]);
		struct image im = { 0 };
		im.data = load(img, &im.size);
		CHECK(im.data != NULL, "image loaded");
		if (!im.data)
			continue;
		struct ext2_fs fs;
		CHECK(mount_image(&fs, &im) == 0, "%d: superblock accepted", sizes[s]);
		CHECK(fs.block_size == (uint32_t)sizes[s], "%d: block size", sizes[s]);
		CHECK(!fs.read_only, "%d: clean filesystem is writable (%s)", sizes[s],
		      fs.why_read_only);
		long n = read_file(&fs, "small.txt", got, sizeof(got));
		CHECK(n == 11 && !memcmp(got, "hello ext2\n", 11), "%d: small file", sizes[s]);
		n = read_file(&fs, "big.bin", got, sizeof(got));
		CHECK(n == BIG && !memcmp(got, big, BIG), "%d: 3 MiB file through indirect blocks",
		      sizes[s]);
		n = read_file(&fs, "sparse.bin", got, sizeof(got));
		int zero = 1;
		for (int i = 0; i < 200000; i++)
			zero &= got[i] == 0;
		CHECK(n == 200003 && zero && !memcmp(got + 200000, "end", 3), "%d: sparse file",
		      sizes[s]);
		n = read_file(&fs, "a/b/c/file", got, sizeof(got));
		CHECK(n == 5 && !memcmp(got, "deep\n", 5), "%d: nested path", sizes[s]);
		uint32_t ino;
		CHECK(walk(&fs, "a/missing", &ino) == -ENOENT, "%d: missing name is ENOENT", sizes[s]);
		CHECK(walk(&fs, "small.txt/x", &ino) == -ENOTDIR, "%d: file as directory", sizes[s]);
		struct ext2_inode in;
		char target[300];
		CHECK(walk(&fs, "fast", &ino) == 0 && ext2_read_inode(&fs, ino, &in) == 0 &&
			      ext2_readlink(&fs, &in, target, sizeof(target)) == 9 &&
			      !memcmp(target, "small.txt", 9),
		      "%d: fast symlink", sizes[s]);
		CHECK(walk(&fs, "slow", &ino) == 0 && ext2_read_inode(&fs, ino, &in) == 0 &&
			      ext2_readlink(&fs, &in, target, sizeof(target)) == 199 &&
			      !memcmp(target, longtarget, 199),
		      "%d: slow symlink", sizes[s]);
		CHECK(ext2_read_inode(&fs, 0, &in) == -EINVAL &&
			      ext2_read_inode(&fs, fs.sb.s_inodes_count + 1, &in) == -EINVAL,
		      "%d: inode numbers out of range refused", sizes[s]);

		/* Superblock damage is refused at mount. */
		struct image bad = im;
		bad.data = malloc(im.size);
		memcpy(bad.data, im.data, im.size);
		bad.data[1024 + 56] ^= 0xff;
		CHECK(mount_image(&fs, &bad) == -EINVAL, "%d: bad magic refused", sizes[s]);
		memcpy(bad.data, im.data, im.size);
		bad.size = im.size / 2;
		CHECK(mount_image(&fs, &bad) == -EINVAL, "%d: truncated image refused", sizes[s]);
		bad.size = im.size;

		/* Mutation fuzz of the metadata: only errors or data, never a crash. */
		srand(1234 + (unsigned)s);
		int ok_reads = 0, errors = 0;
		size_t region = 64 * (size_t)sizes[s];
		memcpy(bad.data, im.data, im.size);
		for (int round = 0; round < 1000; round++) {
			memcpy(bad.data, im.data, region); /* only this part is ever mutated */
			int flips = 1 + rand() % 8;
			for (int k = 0; k < flips; k++) {
				/* Aim at the first 64 blocks: superblock, descriptors, bitmaps, inodes. */
				size_t at = (size_t)rand() % region;
				bad.data[at] = (uint8_t)rand();
			}
			struct ext2_fs ff;
			if (mount_image(&ff, &bad) != 0) {
				errors++;
				continue;
			}
			const char *paths[] = { "big.bin", "small.txt", "a/b/c/file", "sparse.bin" };
			for (int p = 0; p < 4; p++) {
				long r = read_file(&ff, paths[p], got, sizeof(got));
				if (r < 0)
					errors++;
				else
					ok_reads++;
			}
			uint32_t i2;
			if (walk(&ff, "fast", &i2) == 0 && ext2_read_inode(&ff, i2, &in) == 0)
				(void)ext2_readlink(&ff, &in, target, sizeof(target));
		}
		CHECK(ok_reads + errors > 0, "%d: fuzz: %d reads returned data, %d errors, no crash",
		      sizes[s], ok_reads, errors);
		free(bad.data);
		free(im.data);
		unlink(img);
	}
	snprintf(mk, sizeof(mk), "rm -rf %s", dir);
	CHECK(system(mk) == 0, "clean up");
	return check_done();
}
