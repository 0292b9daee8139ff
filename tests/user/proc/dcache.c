/*
 * The dentry cache (kernel/fs/dcache.c) seen from user space, on tmpfs and
 * the ramfs root: repeated lookups are answered by the cache (/proc/dcache
 * counts hits), and every change of a name is seen at once: unlink, create
 * over a negative entry (open, mkdir, mknod, symlink, link), rename within
 * and across directories and over a file, rmdir and mkdir again, a mount
 * hiding a cached name and umount bringing it back (the cache does not make
 * the filesystem busy), getcwd after a rename, the bound on the number of
 * entries, and an unlinked file's space coming back although its name was
 * cached; the same on the ext2 partition mounted under /tmp. Prints the time
 * of a stat(2) loop on a ten-component path on tmpfs and on ext2.
 */
#include "rt.h"

#include <uapi/statfs.h>

#define DIR "/tmp/dc"

struct dc_stats {
	long entries, limit, hits, negative_hits, misses;
};

/* The value after "name " in text, or -1. */
static long field(const char *text, const char *name)
{
	size_t n = strlen(name);
	for (const char *p = text; *p;) {
		if (!strncmp(p, name, n) && p[n] == ' ')
			return rt_atol(p + n + 1);
		const char *nl = strchr(p, '\n');
		if (!nl)
			break;
		p = nl + 1;
	}
	return -1;
}

static bool read_stats(struct dc_stats *s)
{
	char buf[256];
	long fd = sys_open("/proc/dcache", O_RDONLY, 0);
	if (fd < 0)
		return false;
	long n = sys_read((int)fd, buf, sizeof(buf) - 1);
	sys_close((int)fd);
	if (n <= 0)
		return false;
	buf[n] = '\0';
	s->entries = field(buf, "entries");
	s->limit = field(buf, "limit");
	s->hits = field(buf, "hits");
	s->negative_hits = field(buf, "negative_hits");
	s->misses = field(buf, "misses");
	return s->entries >= 0 && s->limit > 0 && s->hits >= 0 && s->negative_hits >= 0 &&
	       s->misses >= 0;
}

static long st_ino(const char *path, uint64_t *ino)
{
	struct stat st;
	long r = syscall2(SYS_lstat, (long)path, (long)&st);
	if (r == 0 && ino)
		*ino = st.st_ino;
	return r;
}

static bool exists(const char *path)
{
	return st_ino(path, NULL) == 0;
}

static long mk(const char *path, size_t size)
{
	long fd = sys_open(path, O_CREAT | O_WRONLY | O_TRUNC, 0644);
	if (fd < 0)
		return fd;
	static char block[4096];
	long r = 0;
	for (size_t done = 0; done < size && r >= 0; done += sizeof(block))
		r = sys_write((int)fd, block, sizeof(block));
	sys_close((int)fd);
	return r < 0 ? r : 0;
}

static long ren(const char *a, const char *b)
{
	return syscall2(SYS_rename, (long)a, (long)b);
}

static long mount_ramfs(const char *dir)
{
	return syscall5(SYS_mount, (long)"none", (long)dir, (long)"ramfs", 0, 0);
}

static void test_hits(void)
{
	struct dc_stats a = {0}, b = {0};
	bool read = read_stats(&a);
	T_OK(read, "/proc/dcache shows entries %ld, limit %ld", a.entries, a.limit);
	T_OK(mk(DIR "/f", 0) == 0, "create a file");
	read_stats(&a);
	for (int i = 0; i < 10; i++)
		st_ino(DIR "/f", NULL);
	read_stats(&b);
	T_OK(b.hits - a.hits >= 30, "ten stats of a three-component path are cache hits (%ld)",
	     b.hits - a.hits);
	read_stats(&a);
	for (int i = 0; i < 10; i++)
		st_ino(DIR "/nothere", NULL);
	read_stats(&b);
	T_OK(b.negative_hits - a.negative_hits >= 9,
	     "a missing name is remembered as missing (%ld negative hits)",
	     b.negative_hits - a.negative_hits);
}

static void test_changes(void)
{
	uint64_t i1 = 0, i2 = 1;
	T_OK(st_ino(DIR "/f", &i1) == 0 && syscall1(SYS_unlink, (long)DIR "/f") == 0 &&
		     st_ino(DIR "/f", NULL) == -ENOENT,
	     "unlink: the cached name is gone");
	T_OK(mk(DIR "/f", 0) == 0 && st_ino(DIR "/f", &i2) == 0 && i2 != i1,
	     "creating it again finds the new file");

	st_ino(DIR "/n1", NULL);
	st_ino(DIR "/n2", NULL);
	st_ino(DIR "/n3", NULL);
	st_ino(DIR "/n4", NULL);
	st_ino(DIR "/n5", NULL);
	T_OK(syscall2(SYS_mkdir, (long)DIR "/n1", 0755) == 0 && exists(DIR "/n1"),
	     "mkdir over a negative entry");
	T_OK(syscall3(SYS_mknod, (long)DIR "/n2", S_IFIFO | 0644, 0) == 0 && exists(DIR "/n2"),
	     "mknod over a negative entry");
	T_OK(syscall2(SYS_symlink, (long)"f", (long)DIR "/n3") == 0 && exists(DIR "/n3"),
	     "symlink over a negative entry");
	T_OK(syscall2(SYS_link, (long)DIR "/f", (long)DIR "/n4") == 0 &&
		     st_ino(DIR "/n4", &i1) == 0 && i1 == i2,
	     "link over a negative entry");
	T_OK(mk(DIR "/n5", 0) == 0 && exists(DIR "/n5"), "open O_CREAT over a negative entry");
	struct stat st;
	T_OK(syscall2(SYS_stat, (long)DIR "/n3", (long)&st) == 0 && st.st_ino == i2,
	     "the symlink leads to the file");

	/* rename within a directory, across directories, over a file */
	T_OK(ren(DIR "/n5", DIR "/m5") == 0 && !exists(DIR "/n5") && exists(DIR "/m5"),
	     "rename: the old name is gone, the new one is there");
	T_OK(ren(DIR "/m5", DIR "/n1/m5") == 0 && !exists(DIR "/m5") && exists(DIR "/n1/m5"),
	     "rename across directories");
	T_OK(st_ino(DIR "/n1/m5", &i1) == 0 && ren(DIR "/n1/m5", DIR "/f") == 0 &&
		     st_ino(DIR "/f", &i2) == 0 && i1 == i2 && !exists(DIR "/n1/m5"),
	     "rename over a cached file names the moved file");

	/* a moved directory takes its (cached) children along */
	T_OK(syscall2(SYS_mkdir, (long)DIR "/p", 0755) == 0 && syscall2(SYS_mkdir, (long)DIR "/p/q", 0755) == 0 &&
		     mk(DIR "/p/q/x", 0) == 0 && exists(DIR "/p/q/x"),
	     "set up p/q/x");
	T_OK(syscall1(SYS_chdir, (long)DIR "/p/q") == 0, "chdir into p/q");
	T_OK(ren(DIR "/p", DIR "/p2") == 0 && !exists(DIR "/p/q/x") && exists(DIR "/p2/q/x"),
	     "rename a directory: its children are found under the new name only");
	char cwd[128];
	long n = syscall2(SYS_getcwd, (long)cwd, sizeof(cwd));
	T_OK(n > 0 && !strcmp(cwd, DIR "/p2/q"), "getcwd follows the rename (%s)", n > 0 ? cwd : "?");
	T_OK(exists("x") && exists("../q/x"), "relative lookups from the moved directory");
	syscall1(SYS_chdir, (long)"/");

	/* rmdir and mkdir again: nothing of the old directory's names survives */
	T_OK(syscall1(SYS_unlink, (long)DIR "/p2/q/x") == 0 && syscall1(SYS_rmdir, (long)DIR "/p2/q") == 0 &&
		     !exists(DIR "/p2/q") && !exists(DIR "/p2/q/x"),
	     "rmdir: the directory and its names are gone");
	T_OK(syscall2(SYS_mkdir, (long)DIR "/p2/q", 0755) == 0 && !exists(DIR "/p2/q/x") &&
		     mk(DIR "/p2/q/y", 0) == 0 && exists(DIR "/p2/q/y"),
	     "mkdir again: a new empty directory");
}

static void test_mounts(void)
{
	T_OK(syscall2(SYS_mkdir, (long)DIR "/mnt", 0755) == 0 && mk(DIR "/mnt/under", 0) == 0 &&
		     exists(DIR "/mnt/under") && !exists(DIR "/mnt/over"),
	     "cache a name under a directory and a missing one");
	T_OK(mount_ramfs(DIR "/mnt") == 0, "mount a ramfs on the directory");
	T_OK(!exists(DIR "/mnt/under"), "the mount hides the cached name");
	T_OK(mk(DIR "/mnt/over", 0) == 0 && exists(DIR "/mnt/over"), "a file in the mounted ramfs");
	for (int i = 0; i < 20; i++)
		exists(DIR "/mnt/over");
	T_OK(syscall2(SYS_umount2, (long)DIR "/mnt", 0) == 0,
	     "umount succeeds although its names were cached");
	T_OK(exists(DIR "/mnt/under") && !exists(DIR "/mnt/over"), "what was under it is back");
	T_OK(mount_ramfs(DIR "/mnt") == 0 && !exists(DIR "/mnt/over") &&
		     syscall2(SYS_umount2, (long)DIR "/mnt", 0) == 0,
	     "a new mount there is empty");
}

static void test_space(void)
{
	struct statfs a, b, c;
	syscall2(SYS_statfs, (long)DIR, (long)&a);
	T_OK(mk(DIR "/big", 1 << 20) == 0 && exists(DIR "/big") && exists(DIR "/big"),
	     "a 1 MiB file, looked up twice");
	syscall2(SYS_statfs, (long)DIR, (long)&b);
	T_OK(syscall1(SYS_unlink, (long)DIR "/big") == 0, "unlink it");
	syscall2(SYS_statfs, (long)DIR, (long)&c);
	T_OK(b.f_bfree + 256 <= a.f_bfree && c.f_bfree == a.f_bfree,
	     "its space comes back (free %lu, %lu, %lu)", (unsigned long)a.f_bfree,
	     (unsigned long)b.f_bfree, (unsigned long)c.f_bfree);
}

static void test_bound(void)
{
	struct dc_stats s = {0};
	read_stats(&s);
	long count = s.limit + 500;
	char path[64];
	T_OK(syscall2(SYS_mkdir, (long)DIR "/many", 0755) == 0, "mkdir many");
	long bad = 0;
	for (long i = 0; i < count; i++) {
		tsnprintf(path, sizeof(path), DIR "/many/%ld", i);
		if (st_ino(path, NULL) != -ENOENT)
			bad++;
	}
	bool read = read_stats(&s);
	T_OK(bad == 0 && read && s.entries <= s.limit && s.entries > s.limit / 2,
	     "%ld missing names fill the cache to %ld entries, not above its limit %ld", count,
	     s.entries, s.limit);
	tsnprintf(path, sizeof(path), DIR "/many/%ld", count - 1);
	T_OK(mk(path, 0) == 0 && exists(path), "a name remembered last can be created");
	tsnprintf(path, sizeof(path), DIR "/many/%d", 0);
	T_OK(mk(path, 0) == 0 && exists(path), "a name reclaimed first can be created");
}

/* Times a stat(2) loop on base/a/b/c/d/e/f/g/file, with 64 siblings beside the file. */
static void bench(const char *base, const char *what)
{
	static const char *const dirs[] = {"a", "b", "c", "d", "e", "f", "g"};
	char path[128], deep[128];
	size_t n = strlen(base);
	memcpy(path, base, n + 1);
	long bad = 0;
	for (int i = 0; i < 7; i++) {
		tsnprintf(path + n, sizeof(path) - n, "/%s", dirs[i]);
		n = strlen(path);
		if (syscall2(SYS_mkdir, (long)path, 0755) != 0)
			bad++;
	}
	tsnprintf(deep, sizeof(deep), "%s/file", path);
	for (int i = 0; i < 64 && !bad; i++) {
		tsnprintf(path + n, sizeof(path) - n, "/sibling-%d", i);
		bad += mk(path, 0) != 0;
	}
	T_OK(bad == 0 && mk(deep, 0) == 0, "%s: a path of seven directories and a file", what);
	const int loops = 2000;
	int64_t t0 = rt_now_ns();
	for (int i = 0; i < loops; i++)
		if (st_ino(deep, NULL) != 0)
			bad++;
	int64_t t1 = rt_now_ns();
	T_OK(bad == 0, "%s: %d stats of %s", what, loops, deep);
	t_diag("stat loop on %s: %d stats in %ld us, %ld ns each", what, loops,
	       (long)((t1 - t0) / 1000), (long)((t1 - t0) / loops));
}

/* The same on ext2 (the image's root partition, written only in the test's copy). */
static void test_ext2(void)
{
	const char *mnt = DIR "/ext2";
	T_OK(syscall2(SYS_mkdir, (long)mnt, 0755) == 0 &&
		     syscall5(SYS_mount, (long)"/dev/sda2", (long)mnt, (long)"ext2", 0, 0) == 0,
	     "mount the ext2 partition");
	T_OK(syscall2(SYS_mkdir, (long)DIR "/ext2/dcache", 0755) == 0, "ext2: mkdir");
	bench(DIR "/ext2/dcache", "ext2");
	uint64_t i1 = 0, i2 = 1;
	T_OK(st_ino(DIR "/ext2/dcache/a/b/c/d/e/f/g/file", &i1) == 0 &&
		     ren(DIR "/ext2/dcache/a/b/c/d/e/f/g/file", DIR "/ext2/dcache/moved") == 0 &&
		     !exists(DIR "/ext2/dcache/a/b/c/d/e/f/g/file") &&
		     st_ino(DIR "/ext2/dcache/moved", &i2) == 0 && i1 == i2,
	     "ext2: rename of a cached name");
	T_OK(syscall1(SYS_unlink, (long)DIR "/ext2/dcache/moved") == 0 &&
		     !exists(DIR "/ext2/dcache/moved"),
	     "ext2: unlink of a cached name");
	T_OK(syscall2(SYS_umount2, (long)mnt, 0) == 0, "ext2: umount although its names were cached");
	T_OK(!exists(DIR "/ext2/dcache"), "ext2: its names are gone with it");
}

int main(void)
{
	t_set_prog("dcache");
	T_OK(syscall2(SYS_mkdir, (long)DIR, 0755) == 0, "mkdir " DIR);
	test_hits();
	test_changes();
	test_mounts();
	test_space();
	test_bound();
	bench(DIR, "tmpfs");
	test_ext2();
	return t_done();
}
