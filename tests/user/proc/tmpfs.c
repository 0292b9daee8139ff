/*
 * tmpfs: the mounts init makes (/tmp mode 1777, /dev/shm, /run); a mount
 * with size= and mode= options; statfs reporting TMPFS_MAGIC, the size and
 * the pages in use; writes failing with ENOSPC when it is full and working
 * again once space is freed (unlink, O_TRUNC); malformed options refused;
 * umount freeing every file's pages (Shmem in /proc/meminfo) of a tree 200
 * directories deep with hard links, symlinks and FIFOs, and refusing with
 * EBUSY while a directory inside is a working directory.
 */
#include "rt.h"

#include <uapi/statfs.h>

#define MNT "/tmp/tmpfs-test"

static long do_statfs(const char *path, struct statfs *sfs)
{
	return syscall2(SYS_statfs, (long)path, (long)sfs);
}

/* f_bfree of the filesystem holding path, or -errno. */
static long bfree(const char *path)
{
	struct statfs sfs;
	long r = do_statfs(path, &sfs);
	return r < 0 ? r : (long)sfs.f_bfree;
}

static long do_mount(const char *dir, const char *options)
{
	return syscall5(SYS_mount, (long)"tmpfs", (long)dir, (long)"tmpfs", 0, (long)options);
}

/* Writes n bytes of 'x' to fd in page-sized pieces; returns the total or the first error. */
static long fill(int fd, long n)
{
	static char page[4096];
	memset(page, 'x', sizeof(page));
	long done = 0;
	while (done < n) {
		long chunk = n - done < (long)sizeof(page) ? n - done : (long)sizeof(page);
		long r = sys_write(fd, page, (size_t)chunk);
		if (r < 0)
			return done ? done : r;
		if (r == 0)
			break;
		done += r;
	}
	return done;
}

static void test_init_mounts(void)
{
	struct statfs sfs;
	struct stat st;
	static const char *const dirs[] = {"/tmp", "/dev/shm", "/run"};
	for (size_t i = 0; i < ARRAY_SIZE(dirs); i++) {
		long r = do_statfs(dirs[i], &sfs);
		T_OK(r == 0 && sfs.f_type == TMPFS_MAGIC && sfs.f_bsize == 4096 && sfs.f_blocks > 0,
		     "%s is a tmpfs with a size (%ld blocks)", dirs[i], (long)sfs.f_blocks);
	}
	long r = syscall2(SYS_stat, (long)"/tmp", (long)&st);
	T_OK(r == 0 && st.st_mode == (S_IFDIR | 01777), "/tmp has mode 1777 (%o)", st.st_mode);
	struct sysinfo si;
	sys_sysinfo(&si);
	do_statfs("/tmp", &sfs);
	unsigned long ram_pages = si.totalram * si.mem_unit / 4096;
	T_OK((unsigned long)sfs.f_blocks == ram_pages / 2,
	     "the default size is half of RAM (%ld of %lu pages)", (long)sfs.f_blocks, ram_pages);
}

static void test_limits(void)
{
	struct statfs sfs;
	struct stat st, root;
	T_OK(syscall2(SYS_mkdir, (long)MNT, 0755) == 0, "mkdir " MNT);
	T_OK(do_mount(MNT, "size=64k,mode=0700") == 0, "mount tmpfs size=64k,mode=0700");
	T_OK(syscall2(SYS_stat, (long)MNT, (long)&st) == 0 && st.st_mode == (S_IFDIR | 0700) &&
	         syscall2(SYS_stat, (long)"/tmp", (long)&root) == 0 && st.st_dev != root.st_dev,
	     "its root has mode 0700 and its own st_dev");
	long r = do_statfs(MNT, &sfs);
	T_OK(r == 0 && sfs.f_type == TMPFS_MAGIC && sfs.f_blocks == 16 && sfs.f_bfree == 16 &&
	         sfs.f_bavail == 16 && sfs.f_namelen == 255,
	     "statfs: 16 blocks of 4096, all free (%ld/%ld)", (long)sfs.f_bfree,
	     (long)sfs.f_blocks);

	long fd = sys_open(MNT "/a", O_CREAT | O_RDWR, 0644);
	T_OK(fill((int)fd, 10 * 4096) == 10 * 4096, "write 10 pages");
	long left = bfree(MNT);
	T_OK(left == 6, "statfs counts them (%ld free)", left);
	long fd2 = sys_open(MNT "/b", O_CREAT | O_RDWR, 0644);
	long n = fill((int)fd2, 8 * 4096);
	T_OK(n == 6 * 4096, "a write past the limit stops short at the limit (%ld)", n);
	T_OK(sys_write((int)fd2, "y", 1) == -ENOSPC, "then writing is ENOSPC");
	T_OK(do_statfs(MNT, &sfs) == 0 && sfs.f_bfree == 0 && sfs.f_bavail == 0,
	     "statfs: nothing free");
	T_OK(sys_lseek((int)fd, 4096, SEEK_SET) == 4096 && sys_write((int)fd, "z", 1) == 1,
	     "overwriting an existing page still works");
	sys_close((int)fd2);
	r = syscall1(SYS_unlink, (long)MNT "/b");
	left = bfree(MNT);
	T_OK(r == 0 && left == 6, "unlink gives the pages back (%ld free)", left);
	sys_close((int)fd);
	fd = sys_open(MNT "/a", O_RDWR | O_TRUNC, 0);
	left = bfree(MNT);
	T_OK(fd >= 0 && left == 16, "O_TRUNC gives the pages back (%ld free)", left);
	T_OK(fill((int)fd, 16 * 4096) == 16 * 4096, "the whole size can be written again");
	char c = 0;
	T_OK(sys_lseek((int)fd, 5, SEEK_SET) == 5 && sys_read((int)fd, &c, 1) == 1 && c == 'x',
	     "and read back");
	sys_close((int)fd);
	T_OK(syscall2(SYS_umount2, (long)MNT, 0) == 0, "umount");

	T_OK(do_mount(MNT, "size=0") == 0 && do_statfs(MNT, &sfs) == 0 && sfs.f_blocks == 0,
	     "size=0 is no limit (statfs shows 0 blocks, as Linux)");
	fd = sys_open(MNT "/big", O_CREAT | O_RDWR, 0644);
	T_OK(fill((int)fd, 32 * 4096) == 32 * 4096, "and takes 32 pages");
	sys_close((int)fd);
	T_OK(syscall2(SYS_umount2, (long)MNT, 0) == 0, "umount");
	r = do_mount(MNT, "size=50%");
	long r2 = do_statfs(MNT, &sfs);
	T_OK(r == 0 && r2 == 0 && sfs.f_blocks > 0, "size=50%% works (%ld blocks)",
	     (long)sfs.f_blocks);
	T_OK(syscall2(SYS_umount2, (long)MNT, 0) == 0, "umount");

	static const char *const bad[] = {"size=12q", "nosuchoption", "mode=9", "size=-1"};
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++)
		T_OK(do_mount(MNT, bad[i]) == -EINVAL, "the option \"%s\" is EINVAL", bad[i]);
	T_OK(syscall1(SYS_rmdir, (long)MNT) == 0, "rmdir " MNT);
}

/* Shmem of /proc/meminfo in kB (the pages of every ramfs, tmpfs and devtmpfs file), or -1. */
static long shmem_kb(void)
{
	static char buf[2048];
	long fd = sys_open("/proc/meminfo", O_RDONLY, 0);
	if (fd < 0)
		return -1;
	long n = sys_read((int)fd, buf, sizeof(buf) - 1);
	sys_close((int)fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	for (char *p = buf; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL) {
		if (!strncmp(p, "Shmem:", 6)) {
			p += 6;
			while (*p == ' ')
				p++;
			return rt_atol(p);
		}
	}
	return -1;
}

static long write_file(const char *path, long bytes)
{
	long fd = sys_open(path, O_CREAT | O_WRONLY | O_TRUNC, 0644);
	if (fd < 0)
		return fd;
	long n = fill((int)fd, bytes);
	sys_close((int)fd);
	return n == bytes ? 0 : -1;
}

static void test_umount_frees(void)
{
	long before = shmem_kb();
	T_OK(before >= 0 && syscall2(SYS_mkdir, (long)MNT, 0755) == 0 && do_mount(MNT, "") == 0,
	     "mount a tmpfs (Shmem %ld kB)", before);
	/* 200 nested directories, each with a small file; 1 MiB at the bottom. */
	long bad = syscall1(SYS_chdir, (long)MNT) != 0;
	for (int i = 0; i < 200 && !bad; i++) {
		char name[16];
		tsnprintf(name, sizeof(name), "d%d", i);
		bad += syscall2(SYS_mkdir, (long)name, 0755) != 0;
		bad += syscall1(SYS_chdir, (long)name) != 0;
		bad += write_file("small", 100) != 0;
		if (i % 50 == 0) {
			bad += syscall2(SYS_link, (long)"small", (long)"hard") != 0;
			bad += syscall2(SYS_symlink, (long)"small", (long)"soft") != 0;
			bad += syscall3(SYS_mknod, (long)"fifo", S_IFIFO | 0644, 0) != 0;
		}
	}
	bad += write_file("big", 1 << 20) != 0;
	T_OK(bad == 0, "a tree 200 directories deep with files, links and FIFOs");
	long full = shmem_kb();
	T_OK(full >= before + 1024 + 200 * 4, "its pages count in Shmem (%ld kB)", full);
	T_OK(syscall1(SYS_chdir, (long)MNT "/d0/d1") == 0 &&
		     syscall2(SYS_umount2, (long)MNT, 0) == -EBUSY,
	     "umount while a directory inside is the working directory is EBUSY");
	T_OK(syscall1(SYS_chdir, (long)"/") == 0 && syscall2(SYS_umount2, (long)MNT, 0) == 0,
	     "umount once it is not");
	long after = shmem_kb();
	T_OK(after >= 0 && after <= before + 16, "umount frees every page (Shmem %ld -> %ld -> %ld kB)",
	     before, full, after);
	struct stat st;
	T_OK(do_mount(MNT, "") == 0 && syscall2(SYS_stat, (long)MNT "/d0", (long)&st) == -ENOENT &&
		     syscall2(SYS_umount2, (long)MNT, 0) == 0,
	     "a new mount is empty");
	T_OK(syscall1(SYS_rmdir, (long)MNT) == 0, "rmdir " MNT);
}

int main(void)
{
	t_set_prog("tmpfs");
	test_init_mounts();
	test_limits();
	test_umount_frees();
	return t_done();
}
