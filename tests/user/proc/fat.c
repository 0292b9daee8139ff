/*
 * FAT32 through mount(2), two ways.
 *
 * From tests.list (not pid 1): the image's own /boot partition (sda1) mounts
 * read-only as vfat and GRUB's files read back; an ext2 partition is refused.
 *
 * As init of tests/boot/fat_workload.py (pid 1): mounts the second disk's
 * sdb1, checks every file the host listed in MANIFEST.TXT ("sha256 path" lines)
 * by its sha256, then creates, writes, removes and re-creates a few hundred
 * files and directories with long names, writes a multi-MiB file, prints
 * "fat: sum HEX PATH" for every remaining file and unmounts (which syncs).
 * The host then runs fsck.fat and compares the sums with what mtools reads.
 */
#include "rt.h"
#include <uapi/dirent.h>

#define MNT "/tmp/fat"

/* ---- SHA-256 (FIPS 180-4) ---- */

struct sha256 {
	uint32_t h[8];
	uint8_t buf[64];
	uint64_t len;
	size_t fill;
};

static const uint32_t K[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
	0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
	0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
	0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
	0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static uint32_t ror(uint32_t x, int n)
{
	return (x >> n) | (x << (32 - n));
}

static void sha256_block(struct sha256 *s, const uint8_t *p)
{
	uint32_t w[64], a[8];
	for (int i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
		       (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
	for (int i = 16; i < 64; i++) {
		uint32_t s0 = ror(w[i - 15], 7) ^ ror(w[i - 15], 18) ^ (w[i - 15] >> 3);
		uint32_t s1 = ror(w[i - 2], 17) ^ ror(w[i - 2], 19) ^ (w[i - 2] >> 10);
		w[i] = w[i - 16] + s0 + w[i - 7] + s1;
	}
	memcpy(a, s->h, sizeof(a));
	for (int i = 0; i < 64; i++) {
		uint32_t S1 = ror(a[4], 6) ^ ror(a[4], 11) ^ ror(a[4], 25);
		uint32_t ch = (a[4] & a[5]) ^ (~a[4] & a[6]);
		uint32_t t1 = a[7] + S1 + ch + K[i] + w[i];
		uint32_t S0 = ror(a[0], 2) ^ ror(a[0], 13) ^ ror(a[0], 22);
		uint32_t maj = (a[0] & a[1]) ^ (a[0] & a[2]) ^ (a[1] & a[2]);
		uint32_t t2 = S0 + maj;
		memmove(a + 1, a, 7 * sizeof(uint32_t));
		a[4] += t1;
		a[0] = t1 + t2;
	}
	for (int i = 0; i < 8; i++)
		s->h[i] += a[i];
}

static void sha256_init(struct sha256 *s)
{
	static const uint32_t h0[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
				       0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
	memcpy(s->h, h0, sizeof(h0));
	s->len = 0;
	s->fill = 0;
}

static void sha256_update(struct sha256 *s, const void *data, size_t n)
{
	const uint8_t *p = data;
	s->len += n;
	while (n--) {
		s->buf[s->fill++] = *p++;
		if (s->fill == 64) {
			sha256_block(s, s->buf);
			s->fill = 0;
		}
	}
}

static void sha256_hex(struct sha256 *s, char out[65])
{
	uint64_t bits = s->len * 8;
	uint8_t pad = 0x80, zero = 0;
	sha256_update(s, &pad, 1);
	while (s->fill != 56)
		sha256_update(s, &zero, 1);
	uint8_t l[8];
	for (int i = 0; i < 8; i++)
		l[i] = (uint8_t)(bits >> (56 - 8 * i));
	sha256_update(s, l, 8);
	for (int i = 0; i < 32; i++)
		tsnprintf(out + 2 * i, 3, "%02x", (unsigned)(s->h[i / 4] >> (24 - 8 * (i % 4))) & 0xff);
}

/* ---- helpers ---- */

static bool contains(const char *s, const char *word)
{
	size_t n = strlen(word);
	for (; *s; s++) {
		if (!strncmp(s, word, n))
			return true;
	}
	return false;
}

static uint8_t iobuf[65536];

static long mount_fat(const char *src, const char *dir, unsigned long flags)
{
	return syscall5(SYS_mount, (long)src, (long)dir, (long)"vfat", (long)flags, 0);
}

/* The sha256 of a file as hex, or a negative error. */
static long file_sum(const char *path, char out[65], long *size)
{
	long fd = sys_open(path, O_RDONLY, 0);
	if (fd < 0)
		return fd;
	struct sha256 s;
	sha256_init(&s);
	long n, total = 0;
	while ((n = sys_read((int)fd, iobuf, sizeof(iobuf))) > 0) {
		sha256_update(&s, iobuf, (size_t)n);
		total += n;
	}
	sys_close((int)fd);
	if (n < 0)
		return n;
	sha256_hex(&s, out);
	*size = total;
	return 0;
}

static uint32_t seed_next(uint32_t *seed)
{
	*seed = *seed * 1103515245 + 12345;
	return *seed >> 8;
}

/* Writes size bytes of the pattern for seed to path (created or truncated). */
static long write_pattern(const char *path, long size, uint32_t seed)
{
	long fd = sys_open(path, O_CREAT | O_WRONLY | O_TRUNC, 0644);
	if (fd < 0)
		return fd;
	long left = size;
	while (left > 0) {
		long n = left < (long)sizeof(iobuf) ? left : (long)sizeof(iobuf);
		for (long i = 0; i < n; i++)
			iobuf[i] = (uint8_t)seed_next(&seed);
		long w = sys_write((int)fd, iobuf, (size_t)n);
		if (w != n) {
			sys_close((int)fd);
			return w < 0 ? w : -EIO;
		}
		left -= n;
	}
	return sys_close((int)fd);
}

static int files_summed;

/* Prints "fat: sum HEX PATH" (PATH relative to the mount) for every file below dir. */
static int walk_sums(const char *dir, int depth)
{
	long fd = sys_open(dir, O_RDONLY | O_DIRECTORY, 0);
	if (fd < 0)
		return (int)fd;
	static char dbuf[8][4096];
	char *buf = dbuf[depth];
	long n;
	int err = 0;
	while ((n = syscall3(SYS_getdents64, fd, (long)buf, 4096)) > 0) {
		for (long off = 0; off < n;) {
			struct dirent64 *d = (struct dirent64 *)(buf + off);
			off += d->d_reclen;
			if (!strcmp(d->d_name, ".") || !strcmp(d->d_name, ".."))
				continue;
			char path[600];
			tsnprintf(path, sizeof(path), "%s/%s", dir, d->d_name);
			if (d->d_type == DT_DIR) {
				if (depth < 7)
					err |= walk_sums(path, depth + 1);
			} else {
				char hex[65];
				long size;
				if (file_sum(path, hex, &size) == 0) {
					tprintf("fat: sum %s %s\n", hex, path + strlen(MNT) + 1);
					files_summed++;
				} else {
					err = -EIO;
				}
			}
		}
	}
	sys_close((int)fd);
	return n < 0 ? (int)n : err;
}

static void check_manifest(void)
{
	long fd = sys_open(MNT "/MANIFEST.TXT", O_RDONLY, 0);
	static char man[16384];
	long n = fd >= 0 ? sys_read((int)fd, man, sizeof(man) - 1) : fd;
	T_OK(n > 0, "the host's MANIFEST.TXT reads (%ld)", n);
	if (fd >= 0)
		sys_close((int)fd);
	if (n <= 0)
		return;
	man[n] = 0;
	int checked = 0, bad = 0;
	for (char *line = man; line && *line;) {
		char *next = strchr(line, '\n');
		if (next)
			*next++ = 0;
		if (strlen(line) > 66) {
			char path[600], hex[65];
			long size;
			line[64] = 0;
			tsnprintf(path, sizeof(path), MNT "/%s", line + 65);
			long r = file_sum(path, hex, &size);
			if (r || strcmp(hex, line)) {
				bad++;
				t_diag("%s: %s (%ld)", path, r ? "unreadable" : "sha256 differs", r);
			}
			checked++;
		}
		line = next;
	}
	T_OK(checked >= 5 && bad == 0, "%d host files (long names, subdirectories) read back byte for byte, %d differ",
	     checked, bad);
}

static void workload(void)
{
	T_OK(syscall2(SYS_mkdir, (long)MNT, 0755) == 0, "mkdir " MNT);
	int64_t t0 = rt_now_ns();
	long r = mount_fat("/dev/sdb1", MNT, 0);
	if (!T_OK(r == 0, "mount /dev/sdb1 as vfat (%ld)", r))
		return;
	check_manifest();

	const char *work = MNT "/A Work Directory With A Long Name";
	T_OK(syscall2(SYS_mkdir, (long)work, 0755) == 0, "mkdir with a long name");
	char path[600];
	int made = 0;
	for (int i = 0; i < 300; i++) {
		tsnprintf(path, sizeof(path), "%s/entry number %03d of the workload, with spaces.txt", work, i);
		made += write_pattern(path, i * 37 + (i % 7) * 1000, (uint32_t)i) == 0;
	}
	T_OK(made == 300, "300 files with long names created and written (%d)", made);
	int dirs = 0;
	for (int i = 0; i < 40; i++) {
		tsnprintf(path, sizeof(path), "%s/Subdirectory %02d (long name)", work, i);
		dirs += syscall2(SYS_mkdir, (long)path, 0755) == 0;
		tsnprintf(path, sizeof(path), "%s/Subdirectory %02d (long name)/inner file.bin", work, i);
		dirs += write_pattern(path, 5000 + i, (uint32_t)(1000 + i)) == 0;
	}
	T_OK(dirs == 80, "40 subdirectories with a file each (%d)", dirs);
	int removed = 0;
	for (int i = 0; i < 300; i += 3) {
		tsnprintf(path, sizeof(path), "%s/entry number %03d of the workload, with spaces.txt", work, i);
		removed += syscall1(SYS_unlink, (long)path) == 0;
	}
	T_OK(removed == 100, "100 of them unlinked (%d)", removed);
	int rmd = 0;
	for (int i = 0; i < 40; i += 2) {
		tsnprintf(path, sizeof(path), "%s/Subdirectory %02d (long name)", work, i);
		if (i == 0) {
			long e = syscall1(SYS_rmdir, (long)path);
			T_OK(e == -ENOTEMPTY, "rmdir of a non-empty directory is ENOTEMPTY (%ld)", e);
		}
		char inner[700];
		tsnprintf(inner, sizeof(inner), "%s/inner file.bin", path);
		rmd += syscall1(SYS_unlink, (long)inner) == 0 && syscall1(SYS_rmdir, (long)path) == 0;
	}
	T_OK(rmd == 20, "20 subdirectories emptied and removed (%d)", rmd);
	int again = 0;
	for (int i = 0; i < 300; i += 3) {
		tsnprintf(path, sizeof(path), "%s/recreated %03d, a different name.dat", work, i);
		again += write_pattern(path, 100 + i, (uint32_t)(5000 + i)) == 0;
	}
	T_OK(again == 100, "100 new files fill the freed slots (%d)", again);
	tsnprintf(path, sizeof(path), "%s/entry number 001 of the workload, with spaces.txt", work);
	T_OK(write_pattern(path, 12345, 777) == 0, "O_TRUNC rewrite of an existing file");
	T_OK(syscall2(SYS_symlink, (long)"x", (long)MNT "/link") == -EPERM, "symlink is EPERM");
	T_OK(syscall2(SYS_link, (long)path, (long)MNT "/hard") == -EPERM, "link is EPERM");
	T_OK(sys_open(MNT "/bad:name", O_CREAT | O_WRONLY, 0644) == -EINVAL,
	     "a name with ':' is EINVAL");

	/* A removed working directory takes no new names. */
	long e1 = syscall2(SYS_mkdir, (long)MNT "/doomed dir", 0755);
	long e2 = syscall1(SYS_chdir, (long)MNT "/doomed dir");
	long e3 = syscall1(SYS_rmdir, (long)MNT "/doomed dir");
	long e4 = sys_open("new file", O_CREAT | O_WRONLY, 0644);
	long e5 = syscall2(SYS_mkdir, (long)"new dir", 0755);
	syscall1(SYS_chdir, (long)"/");
	T_OK(e1 == 0 && e2 == 0 && e3 == 0 && e4 == -ENOENT && e5 == -ENOENT,
	     "a removed working directory: create and mkdir are ENOENT (%ld %ld %ld %ld %ld)", e1, e2,
	     e3, e4, e5);

	int64_t t1 = rt_now_ns();
	T_OK(write_pattern(MNT "/big file of several MiB.bin", 3 * 1024 * 1024 + 4321, 99) == 0,
	     "a 3 MiB file written");
	int64_t t2 = rt_now_ns();
	tprintf("# fat: 3 MiB written in %ld ms\n", (long)((t2 - t1) / 1000000));
	struct stat st;
	memset(&st, 0, sizeof(st));
	r = syscall2(SYS_stat, (long)MNT "/big file of several MiB.bin", (long)&st);
	T_OK(r == 0 && st.st_size == 3 * 1024 * 1024 + 4321 && st.st_mode == (S_IFREG | 0644) &&
		     st.st_uid == 0,
	     "stat: size, mode 0644, owner root (%ld, %#x)", (long)st.st_size, st.st_mode);

	r = syscall5(SYS_mount, 0, (long)MNT, 0, MS_REMOUNT | MS_RDONLY, 0);
	long c1 = sys_open(MNT "/while read-only", O_CREAT | O_WRONLY, 0644);
	long r2 = syscall5(SYS_mount, 0, (long)MNT, 0, MS_REMOUNT, 0);
	long c2 = sys_open(MNT "/after remount", O_CREAT | O_WRONLY, 0644);
	T_OK(r == 0 && c1 == -EROFS && r2 == 0 && c2 >= 0,
	     "remount read-only (create EROFS) and read-write again (%ld %ld %ld %ld)", r, c1, r2, c2);
	if (c2 >= 0)
		sys_close((int)c2);

	files_summed = 0;
	T_OK(walk_sums(MNT, 0) == 0, "every file reads back");
	tprintf("fat: %d files summed\n", files_summed);
	int64_t t3 = rt_now_ns();
	r = syscall2(SYS_umount2, (long)MNT, 0);
	T_OK(r == 0, "umount2 (syncs) (%ld)", r);
	int64_t t4 = rt_now_ns();
	tprintf("# fat: workload %ld ms, read-back %ld ms, umount %ld ms\n",
		(long)((t1 - t0) / 1000000), (long)((t3 - t2) / 1000000), (long)((t4 - t3) / 1000000));
	tprintf("fat: workload done\n");
}

static int walked, walk_errors;

/* Lists and reads everything below dir (bounded in depth, entries and bytes per file). */
static void walk_all(const char *dir, int depth)
{
	long fd = sys_open(dir, O_RDONLY | O_DIRECTORY, 0);
	if (fd < 0) {
		walk_errors++;
		return;
	}
	static char dbuf[8][4096];
	char *buf = dbuf[depth];
	long n = 0;
	while (walked < 3000 && (n = syscall3(SYS_getdents64, fd, (long)buf, 4096)) > 0) {
		for (long off = 0; off < n;) {
			struct dirent64 *d = (struct dirent64 *)(buf + off);
			off += d->d_reclen;
			if (!strcmp(d->d_name, ".") || !strcmp(d->d_name, ".."))
				continue;
			walked++;
			char path[600];
			tsnprintf(path, sizeof(path), "%s/%s", dir, d->d_name);
			if (d->d_type == DT_DIR) {
				if (depth < 6)
					walk_all(path, depth + 1);
				continue;
			}
			long f = sys_open(path, O_RDONLY, 0), r = f, total = 0;
			while (f >= 0 && total < (1 << 20) && (r = sys_read((int)f, iobuf, sizeof(iobuf))) > 0)
				total += r;
			walk_errors += r < 0;
			if (f >= 0)
				sys_close((int)f);
		}
	}
	if (n < 0)
		walk_errors++;
	sys_close((int)fd);
}

/* As init of tests/boot/fat_corrupt.py: every partition of sdb, one line each. */
static void corpus(void)
{
	syscall2(SYS_mkdir, (long)"/tmp/c", 0755);
	int seen = 0;
	for (int i = 1; i <= 128; i++) {
		char dev[32];
		tsnprintf(dev, sizeof(dev), "/dev/sdb%d", i);
		long r = mount_fat(dev, "/tmp/c", 0), create = 1;
		if (r == -ENXIO)
			break;
		seen++;
		walked = walk_errors = 0;
		if (r == 0) {
			walk_all("/tmp/c", 0);
			long fd = sys_open("/tmp/c/a new file.txt", O_CREAT | O_WRONLY, 0644);
			create = fd < 0 ? fd : 0;
			if (fd >= 0) {
				create = sys_write((int)fd, "x", 1) == 1 ? 0 : -EIO;
				sys_close((int)fd);
				syscall1(SYS_unlink, (long)"/tmp/c/a new file.txt");
			}
			long u = syscall2(SYS_umount2, (long)"/tmp/c", 0);
			T_OK(u == 0, "umount of %s (%ld)", dev, u);
		}
		tprintf("fatc: sdb%d mount=%ld walked=%d errors=%d create=%ld\n", i, r, walked,
			walk_errors, create);
	}
	T_OK(seen > 1, "mounted %d partitions one by one", seen);
	tprintf("fatc: corpus done\n");
}

/* From tests.list: the boot partition of the test image. */
static void boot_partition(void)
{
	syscall2(SYS_mkdir, (long)"/tmp/boot", 0755);
	long r = mount_fat("/dev/sda1", "/tmp/boot", MS_RDONLY);
	T_OK(r == 0, "mount the image's /boot partition (sda1) read-only as vfat (%ld)", r);
	if (r)
		return;
	struct stat st;
	memset(&st, 0, sizeof(st));
	r = syscall2(SYS_stat, (long)"/tmp/boot/kernel", (long)&st);
	T_OK(r == 0 && st.st_size > 100000 && S_ISREG(st.st_mode), "/kernel is there (%ld bytes)",
	     (long)st.st_size);
	long fd = sys_open("/tmp/boot/grub/grub.cfg", O_RDONLY, 0);
	long n = fd >= 0 ? sys_read((int)fd, iobuf, sizeof(iobuf) - 1) : fd;
	iobuf[n > 0 ? n : 0] = 0;
	T_OK(n > 0 && contains((char *)iobuf, "multiboot2"), "grub/grub.cfg reads (%ld bytes)", n);
	if (fd >= 0)
		sys_close((int)fd);
	T_OK(sys_open("/tmp/boot/new", O_CREAT | O_WRONLY, 0644) == -EROFS,
	     "creating on a read-only vfat mount is EROFS");
	/* Directory positions are cookies; any value lseek(2) sets must be safe. */
	long dfd = sys_open("/tmp/boot", O_RDONLY | O_DIRECTORY, 0);
	static char dbuf[4096];
	long got = -1, odd = 0;
	for (long off = 3; dfd >= 0 && off < 2000; off += 37) {
		if (sys_lseek((int)dfd, off, SEEK_SET) != off)
			break;
		got = syscall3(SYS_getdents64, dfd, (long)dbuf, sizeof(dbuf));
		if (got < 0)
			break;
		odd++;
	}
	T_OK(odd == 54, "getdents64 after lseek to odd positions (%ld tries, last %ld)", odd, got);
	if (dfd >= 0)
		sys_close((int)dfd);
	T_OK(syscall2(SYS_umount2, (long)"/tmp/boot", 0) == 0, "umount");
	r = syscall5(SYS_mount, (long)"/dev/sda1", (long)"/tmp/boot", (long)"vfat", MS_RDONLY,
		     (long)"uid=5,gid=6,umask=027");
	memset(&st, 0, sizeof(st));
	long sr = syscall2(SYS_stat, (long)"/tmp/boot/kernel", (long)&st);
	T_OK(r == 0 && sr == 0 && st.st_uid == 5 && st.st_gid == 6 && st.st_mode == (S_IFREG | 0750),
	     "mount options uid=5,gid=6,umask=027: files 0750 as Linux (%ld %ld: %u %u %#x)", r,
	     sr, st.st_uid, st.st_gid, st.st_mode);
	if (r == 0)
		syscall2(SYS_umount2, (long)"/tmp/boot", 0);
	r = syscall5(SYS_mount, (long)"/dev/sda1", (long)"/tmp/boot", (long)"vfat", MS_RDONLY,
		     (long)"uid=5,bogus");
	T_OK(r == -EINVAL, "an unknown mount option is EINVAL (%ld)", r);
	T_OK(mount_fat("/dev/sda2", "/tmp/boot", MS_RDONLY) == -EINVAL,
	     "an ext2 partition is not vfat (EINVAL)");
	T_OK(mount_fat("/dev/sdz9", "/tmp/boot", 0) == -ENXIO, "a missing device is ENXIO");
}

int main(void)
{
	t_set_prog("fat");
	if (sys_getpid() == 1) {
		/* The corpus disk has many partitions, the workload disk one. */
		long r = mount_fat("/dev/sdb2", "/tmp", MS_RDONLY);
		if (r == 0)
			syscall2(SYS_umount2, (long)"/tmp", 0);
		if (r != -ENXIO)
			corpus();
		else
			workload();
	} else {
		boot_partition();
	}
	return t_done();
}
