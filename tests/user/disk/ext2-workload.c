/*
 * The ext2 workload (tests/boot/ext2_workload.py boots it as init): mounts
 * the ext2 filesystem the host made on /dev/sdb1, checks the host's files
 * byte for byte, then creates, writes, renames, links, truncates and
 * deletes thousands of files, writes a 64 MiB file, exercises the rename
 * and truncate errors, and finally writes /sha256sums.txt on that
 * filesystem: the SHA-256 of every regular file left (sha256sum's format),
 * which the host compares with what debugfs reads. It syncs, unmounts and
 * exits; the kernel powers off.
 *
 * Content of a generated file: byte i of the file with seed s is bits 11-18
 * of (i * 2654435761 + s * 40503) mod 2^32 (the host script makes the same).
 */
#include "rt.h"
#include "sha256.h"

#include <uapi/dirent.h>
#include <uapi/statfs.h>

#define MNT "/mnt"
#define NFILES 3000
#define NDIRS 16
#define BIG_SIZE (64u << 20)
#define CHUNK 65536

static uint8_t buf[CHUNK], buf2[CHUNK];

static void pattern(uint8_t *p, size_t n, uint64_t off, unsigned seed)
{
	for (size_t i = 0; i < n; i++) {
		uint32_t x = (uint32_t)(off + i) * 2654435761u + seed * 40503u;
		p[i] = (uint8_t)(x >> 11);
	}
}

static long sc_mkdir(const char *p) { return syscall2(SYS_mkdir, (long)p, 0755); }
static long sc_rename(const char *a, const char *b) { return syscall2(SYS_rename, (long)a, (long)b); }
static long sc_unlink(const char *p) { return syscall1(SYS_unlink, (long)p); }
static long sc_rmdir(const char *p) { return syscall1(SYS_rmdir, (long)p); }

/* Writes a whole file of size bytes with seed's content; 0 or -errno. */
static long write_file(const char *path, uint64_t size, unsigned seed)
{
	long fd = sys_open(path, O_CREAT | O_WRONLY | O_TRUNC, 0644);
	if (fd < 0)
		return fd;
	for (uint64_t off = 0; off < size;) {
		size_t n = size - off < CHUNK ? (size_t)(size - off) : CHUNK;
		pattern(buf, n, off, seed);
		long w = sys_write((int)fd, buf, n);
		if (w != (long)n) {
			sys_close((int)fd);
			return w < 0 ? w : -EIO;
		}
		off += n;
	}
	return sys_close((int)fd);
}

/* Whether path holds exactly size bytes of seed's content. */
static bool check_file(const char *path, uint64_t size, unsigned seed)
{
	long fd = sys_open(path, O_RDONLY, 0);
	if (fd < 0)
		return false;
	uint64_t off = 0;
	bool ok = true;
	for (;;) {
		long n = sys_read((int)fd, buf, CHUNK);
		if (n <= 0) {
			ok = n == 0;
			break;
		}
		pattern(buf2, (size_t)n, off, seed);
		if (memcmp(buf, buf2, (size_t)n)) {
			ok = false;
			break;
		}
		off += (uint64_t)n;
	}
	sys_close((int)fd);
	return ok && off == size;
}

static uint64_t file_size(unsigned n)
{
	return (uint64_t)(n * 7919u) % 20000u;
}

static void fpath(char *out, size_t size, unsigned dir, const char *prefix, unsigned n)
{
	tsnprintf(out, size, MNT "/w/d%u/%s%u", dir % NDIRS, prefix, n);
}

/* Milliseconds of CLOCK_MONOTONIC, for the phase timings printed as diagnostics. */
static long now_ms(void)
{
	struct timespec ts;
	syscall2(SYS_clock_gettime, 1 /* CLOCK_MONOTONIC */, (long)&ts);
	return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static long phase_start;

static void phase_done(const char *what)
{
	long t = now_ms();
	t_diag("%s took %ld ms", what, t - phase_start);
	phase_start = t;
}

/* ---- the host's files ---- */

static void check_host_files(void)
{
	static const uint64_t sizes[] = {0, 1, 100, 4095, 4096, 4097, 50000, 1 << 20, (3 << 20) + 7,
					 12345, 777, 65536};
	int good = 0;
	char path[64];
	for (unsigned i = 0; i < ARRAY_SIZE(sizes); i++) {
		tsnprintf(path, sizeof(path), MNT "/host/f%u", i);
		if (check_file(path, sizes[i], i))
			good++;
		else
			t_diag("host file %s differs", path);
	}
	T_OK(good == (int)ARRAY_SIZE(sizes), "the host's %d files read back byte for byte", good);
	T_OK(check_file(MNT "/host/sub/deep", 9000, 100), "a host file in a subdirectory");
	char target[16];
	long n = syscall3(SYS_readlink, (long)MNT "/host/link", (long)target, sizeof(target));
	T_OK(n == 2 && !memcmp(target, "f1", 2), "the host's symlink (%ld)", n);
}

/* ---- the workload ---- */

static void many_files(void)
{
	char p[96], q[96];
	T_OK(sc_mkdir(MNT "/w") == 0 && sc_mkdir(MNT "/w/links") == 0, "mkdir /w");
	int err = 0;
	for (unsigned d = 0; d < NDIRS && !err; d++) {
		tsnprintf(p, sizeof(p), MNT "/w/d%u", d);
		err = (int)sc_mkdir(p);
	}
	T_OK(err == 0, "%d directories", NDIRS);
	for (unsigned n = 0; n < NFILES && !err; n++) {
		fpath(p, sizeof(p), n, "f", n);
		err = (int)write_file(p, file_size(n), n);
	}
	T_OK(err == 0, "%d files created and written (%d)", NFILES, err);

	int renamed = 0, unlinked = 0, truncated = 0, linked = 0, replaced = 0, symlinked = 0;
	for (unsigned n = 0; n < NFILES; n++) {
		fpath(p, sizeof(p), n, "f", n);
		switch (n % 10) {
		case 1:
			fpath(q, sizeof(q), n + 1, "r", n);
			renamed += sc_rename(p, q) == 0;
			break;
		case 2:
			fpath(q, sizeof(q), n, "m", n);
			renamed += sc_rename(p, q) == 0;
			break;
		case 3:
			unlinked += sc_unlink(p) == 0;
			break;
		case 4:
			if (n % 20 == 14) {
				truncated += syscall2(SYS_truncate, (long)p, (long)(file_size(n) * 2 + 5000)) == 0;
			} else {
				long fd = sys_open(p, O_WRONLY, 0);
				truncated += fd >= 0 && syscall2(SYS_ftruncate, fd, (long)(file_size(n) / 3)) == 0;
				sys_close((int)fd);
			}
			break;
		case 5:
			tsnprintf(q, sizeof(q), MNT "/w/links/l%u", n);
			linked += syscall2(SYS_link, (long)p, (long)q) == 0;
			break;
		case 6:
			fpath(q, sizeof(q), n - 6, "f", n - 6);
			replaced += sc_rename(p, q) == 0;
			break;
		case 7:
			fpath(q, sizeof(q), n, "s", n);
			if (n % 100 == 7) {
				char longt[200];
				memset(longt, 'z', sizeof(longt) - 1);
				longt[sizeof(longt) - 1] = 0;
				symlinked += syscall2(SYS_symlink, (long)longt, (long)q) == 0;
			} else {
				symlinked += syscall2(SYS_symlink, (long)p, (long)q) == 0;
			}
			break;
		}
	}
	T_OK(renamed == NFILES / 5, "%d renames within and across directories", renamed);
	T_OK(unlinked == NFILES / 10, "%d unlinks", unlinked);
	T_OK(truncated == NFILES / 10, "%d truncates, down and up", truncated);
	T_OK(linked == NFILES / 10, "%d hard links", linked);
	T_OK(replaced == NFILES / 10, "%d renames over an existing file", replaced);
	T_OK(symlinked == NFILES / 10, "%d symlinks, fast and slow", symlinked);

	/* Spot checks of what the operations left. */
	fpath(p, sizeof(p), 10, "f", 10); /* f16 was renamed over it */
	T_OK(check_file(p, file_size(16), 16), "a file renamed over another has the mover's data");
	fpath(p, sizeof(p), 24, "f", 24);
	T_OK(check_file(p, file_size(24) / 3, 24), "a file truncated down keeps its start");
	struct stat st;
	fpath(p, sizeof(p), 25, "f", 25);
	T_OK(syscall2(SYS_stat, (long)p, (long)&st) == 0 && st.st_nlink == 2, "a hard link counts 2");
	fpath(p, sizeof(p), 23, "f", 23);
	T_OK(syscall2(SYS_stat, (long)p, (long)&st) == -ENOENT, "an unlinked file is gone");
	fpath(p, sizeof(p), 34, "f", 34);
	long fd = sys_open(p, O_RDONLY, 0);
	long n = fd >= 0 ? sys_read((int)fd, buf, CHUNK) : fd;
	bool zeros = n == (long)(file_size(34) * 2 + 5000);
	for (long i = (long)file_size(34); zeros && i < n; i++)
		zeros = buf[i] == 0;
	sys_close((int)fd);
	T_OK(zeros, "a file truncated up reads zeros past its old end (%ld)", n);
}

static void directories(void)
{
	struct stat st;
	T_OK(sc_mkdir(MNT "/w/moved") == 0 && sc_mkdir(MNT "/w/d15/sub") == 0, "more directories");
	T_OK(sc_rename(MNT "/w/d15", MNT "/w/moved/d15") == 0, "a full directory moves across");
	T_OK(syscall2(SYS_stat, (long)MNT "/w/moved/d15/sub/..", (long)&st) == 0 &&
		     S_ISDIR(st.st_mode),
	     "its subdirectory's '..' still works");
	long fd = sys_open(MNT "/w/moved/d15/..", O_RDONLY | O_DIRECTORY, 0);
	struct stat moved;
	syscall2(SYS_stat, (long)MNT "/w/moved", (long)&moved);
	struct stat dotdot;
	T_OK(fd >= 0 && syscall2(SYS_fstat, fd, (long)&dotdot) == 0 && dotdot.st_ino == moved.st_ino,
	     "the moved directory's '..' is its new parent");
	sys_close((int)fd);
	T_OK(moved.st_nlink == 3, "the new parent counts its subdirectory (nlink %ld)",
	     (long)moved.st_nlink);
	T_OK(sc_rename(MNT "/w/moved", MNT "/w/moved/d15/sub/x") == -EINVAL,
	     "moving a directory into itself is EINVAL");
	T_OK(sc_rename(MNT "/w/d14", MNT "/w/d13") == -ENOTEMPTY, "over a full directory: ENOTEMPTY");
	T_OK(sc_mkdir(MNT "/w/empty") == 0 && sc_rename(MNT "/w/d14", MNT "/w/empty") == 0,
	     "over an empty directory");
	T_OK(sc_rename(MNT "/w/empty", MNT "/w/links/l5") == -ENOTDIR,
	     "a directory over a file: ENOTDIR");
	T_OK(sc_rename(MNT "/w/links/l5", MNT "/w/d13") == -EISDIR, "a file over a directory: EISDIR");
	T_OK(syscall5(SYS_renameat2, AT_FDCWD, (long)MNT "/w/links/l5", AT_FDCWD,
		      (long)MNT "/w/links/l15", RENAME_NOREPLACE) == -EEXIST,
	     "RENAME_NOREPLACE over a file: EEXIST");
	T_OK(syscall5(SYS_renameat2, AT_FDCWD, (long)MNT "/w/links/l5", AT_FDCWD,
		      (long)MNT "/w/links/l5b", RENAME_NOREPLACE) == 0,
	     "RENAME_NOREPLACE to a free name");
	T_OK(sc_rename(MNT "/w/links/l5b", "/tmp/l5") == -EXDEV, "across filesystems: EXDEV");
	T_OK(sc_rmdir(MNT "/w/moved/d15") == -ENOTEMPTY, "rmdir of a full directory: ENOTEMPTY");
	T_OK(sc_rmdir(MNT "/w/moved/d15/sub") == 0 &&
		     syscall2(SYS_stat, (long)MNT "/w/moved/d15/sub", (long)&st) == -ENOENT,
	     "rmdir");
}

static void big_file(void)
{
	struct statfs before, after;
	syscall2(SYS_statfs, (long)MNT, (long)&before);
	T_OK(before.f_type == 0xEF53 && before.f_bsize == 4096, "statfs: ext2, 4 KiB blocks");
	T_OK(write_file(MNT "/big", BIG_SIZE, 999) == 0, "a 64 MiB file written");
	long fd = sys_open(MNT "/big", O_RDONLY, 0);
	T_OK(fd >= 0 && syscall1(SYS_fsync, fd) == 0, "fsync");
	sys_close((int)fd);
	syscall2(SYS_statfs, (long)MNT, (long)&after);
	long used = before.f_bfree - after.f_bfree;
	T_OK(used >= (long)(BIG_SIZE / 4096) && used < (long)(BIG_SIZE / 4096) + 64,
	     "statfs: %ld blocks went to it", used);
}

/* Remounting read-only refuses changes; read-write again allows them. */
static void remount(void)
{
	struct statfs st;
	long r = syscall5(SYS_mount, 0, (long)MNT, 0, MS_REMOUNT | MS_RDONLY, 0);
	T_OK(r == 0, "remount read-only (%ld)", r);
	T_OK(sys_open(MNT "/ro-probe", O_CREAT | O_WRONLY, 0644) == -EROFS &&
		     sc_rename(MNT "/big", MNT "/big2") == -EROFS,
	     "creating and renaming are EROFS");
	T_OK(syscall2(SYS_statfs, (long)MNT, (long)&st) == 0 && (st.f_flags & 1),
	     "statfs says ST_RDONLY");
	T_OK(check_file(MNT "/host/f6", 50000, 6), "reading still works");
	r = syscall5(SYS_mount, 0, (long)MNT, 0, MS_REMOUNT, 0);
	T_OK(r == 0, "remount read-write (%ld)", r);
	long fd = sys_open(MNT "/rw-probe", O_CREAT | O_WRONLY, 0644);
	T_OK(fd >= 0 && sys_write((int)fd, "rw", 2) == 2, "writing works again");
	sys_close((int)fd);
}

/* ---- hashing every regular file into /sha256sums.txt ---- */

static long sums_fd;
static int hashed;

static void hash_file(const char *path)
{
	long fd = sys_open(path, O_RDONLY, 0);
	if (fd < 0) {
		t_diag("cannot open %s (%ld)", path, fd);
		return;
	}
	struct sha256 s;
	sha256_init(&s);
	long n;
	while ((n = sys_read((int)fd, buf, CHUNK)) > 0)
		sha256_update(&s, buf, (size_t)n);
	sys_close((int)fd);
	char hex[65], line[400];
	sha256_hex(&s, hex);
	int len = tsnprintf(line, sizeof(line), "%s  %s\n", hex, path + strlen(MNT));
	sys_write((int)sums_fd, line, (size_t)len);
	hashed++;
}

static void walk(const char *dir, int depth)
{
	if (depth > 16)
		return;
	long fd = sys_open(dir, O_RDONLY | O_DIRECTORY, 0);
	if (fd < 0)
		return;
	static char dents[8192 * 4];
	char *names = NULL;
	long n;
	/* Collect names first: the directory's descriptor stays busy while walking. */
	size_t cap = 0, used = 0;
	char *list = NULL;
	while ((n = syscall3(SYS_getdents64, fd, (long)dents, sizeof(dents))) > 0) {
		for (long off = 0; off < n;) {
			struct dirent64 *d = (struct dirent64 *)(dents + off);
			off += d->d_reclen;
			if (!strcmp(d->d_name, ".") || !strcmp(d->d_name, "..") ||
			    (d->d_type != DT_REG && d->d_type != DT_DIR))
				continue;
			size_t l = strlen(d->d_name) + 2;
			if (used + l > cap) {
				size_t ncap = cap ? cap * 2 : 65536;
				while (ncap < used + l)
					ncap *= 2;
				char *nl = (char *)syscall6(SYS_mmap, 0, (long)ncap, PROT_READ | PROT_WRITE,
							    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
				if (list) {
					memcpy(nl, list, used);
					syscall2(SYS_munmap, (long)list, (long)cap);
				}
				list = nl;
				cap = ncap;
			}
			list[used] = (char)d->d_type;
			memcpy(list + used + 1, d->d_name, l - 1);
			used += l;
		}
	}
	sys_close((int)fd);
	names = list;
	for (size_t off = 0; off < used;) {
		char type = names[off];
		const char *name = names + off + 1;
		off += strlen(name) + 2;
		char path[512];
		tsnprintf(path, sizeof(path), "%s/%s", dir, name);
		if (!strcmp(path, MNT "/sha256sums.txt") || !strcmp(path, MNT "/lost+found"))
			continue;
		if (type == DT_DIR)
			walk(path, depth + 1);
		else
			hash_file(path);
	}
	if (list)
		syscall2(SYS_munmap, (long)list, (long)cap);
}

int main(void)
{
	t_set_prog("ext2-workload");
	sc_mkdir(MNT);
	long r = syscall5(SYS_mount, (long)"/dev/sdb1", (long)MNT, (long)"ext2", 0, 0);
	T_OK(r == 0, "mount /dev/sdb1 on " MNT " read-write (%ld)", r);
	if (r == 0) {
		phase_start = now_ms();
		check_host_files();
		phase_done("checking the host's files");
		many_files();
		phase_done("the many-files phase");
		directories();
		big_file();
		phase_done("the 64 MiB file");
		remount();
		sums_fd = sys_open(MNT "/sha256sums.txt", O_CREAT | O_WRONLY | O_TRUNC, 0644);
		T_OK(sums_fd >= 0, "sha256sums.txt created");
		walk(MNT, 0);
		sys_close((int)sums_fd);
		phase_done("hashing every file");
		T_OK(hashed > 2000, "hashed %d files", hashed);
		T_OK(syscall0(SYS_sync) == 0, "sync");
		phase_done("sync");
		r = syscall2(SYS_umount2, (long)MNT, 0);
		T_OK(r == 0, "umount (%ld)", r);
	}
	int status = t_done();
	tprintf("ext2-workload: done\n");
	return status;
}
