/*
 * devtmpfs on /dev: the nodes of the devices that exist, and what each one
 * does: null, zero, full (ENOSPC), random and urandom, kmsg (one record per
 * read), the console; block nodes that read the disk (the MBR of sda, the
 * ext2 superblock of sda2), seek relative to the device's size and answer
 * BLKGETSIZE64, and write at unaligned offsets (on the VM's private copy of
 * the image; the bytes are put back); mknod and unlink inside /dev; statfs.
 */
#include "rt.h"

#include <uapi/dirent.h>
#include <uapi/fs.h>
#include <uapi/statfs.h>

static long fstat_path(const char *path, struct stat *st)
{
	return syscall2(SYS_stat, (long)path, (long)st);
}

/* Whether the directory listing of dir has an entry called name of DT type. */
static bool listed(const char *dir, const char *name, int type)
{
	static char buf[8192];
	long fd = sys_open(dir, O_RDONLY | O_DIRECTORY, 0);
	if (fd < 0)
		return false;
	bool found = false;
	long n;
	while (!found && (n = syscall3(SYS_getdents64, fd, (long)buf, sizeof(buf))) > 0) {
		for (long off = 0; off < n;) {
			struct dirent64 *d = (struct dirent64 *)(buf + off);
			if (!strcmp(d->d_name, name) && d->d_type == type)
				found = true;
			off += d->d_reclen;
		}
	}
	sys_close((int)fd);
	return found;
}

static bool is_chr(const char *path, unsigned major, unsigned minor, unsigned perm)
{
	struct stat st;
	if (fstat_path(path, &st) < 0)
		return false;
	unsigned ma = (unsigned)(((st.st_rdev >> 32) & 0xfffff000) | ((st.st_rdev >> 8) & 0xfff));
	unsigned mi = (unsigned)(((st.st_rdev >> 12) & 0xffffff00) | (st.st_rdev & 0xff));
	return S_ISCHR(st.st_mode) && (st.st_mode & 07777) == perm && ma == major && mi == minor &&
	       st.st_uid == 0;
}

static void test_nodes(void)
{
	struct statfs sfs;
	T_OK(syscall2(SYS_statfs, (long)"/dev", (long)&sfs) == 0 && sfs.f_type == TMPFS_MAGIC,
	     "statfs(/dev) says tmpfs magic (devtmpfs, as Linux)");
	T_OK(is_chr("/dev/null", 1, 3, 0666), "/dev/null is char 1,3 mode 0666 owned by root");
	T_OK(is_chr("/dev/zero", 1, 5, 0666), "/dev/zero is char 1,5");
	T_OK(is_chr("/dev/full", 1, 7, 0666), "/dev/full is char 1,7");
	T_OK(is_chr("/dev/random", 1, 8, 0666), "/dev/random is char 1,8");
	T_OK(is_chr("/dev/urandom", 1, 9, 0666), "/dev/urandom is char 1,9");
	T_OK(is_chr("/dev/kmsg", 1, 11, 0644), "/dev/kmsg is char 1,11");
	T_OK(is_chr("/dev/tty", 5, 0, 0666), "/dev/tty is char 5,0");
	T_OK(is_chr("/dev/console", 5, 1, 0600), "/dev/console is char 5,1");
	T_OK(is_chr("/dev/ttyS0", 4, 64, 0660), "/dev/ttyS0 is char 4,64");
	long sfd = sys_open("/dev/ttyS0", O_WRONLY | O_NOCTTY, 0);
	struct termios stio;
	T_OK(sfd >= 0 && syscall3(SYS_ioctl, (int)sfd, TCGETS, (long)&stio) == 0,
	     "/dev/ttyS0 opens as a terminal (the console's)");
	sys_close((int)sfd);
	T_OK(listed("/dev", "null", DT_CHR) && listed("/dev", "console", DT_CHR),
	     "getdents64 of /dev lists the character devices");
	T_OK(listed("/dev", "sda", DT_BLK) && listed("/dev", "sda1", DT_BLK) &&
	         listed("/dev", "sda2", DT_BLK),
	     "getdents64 of /dev lists the disk and its partitions");
	struct stat st;
	T_OK(fstat_path("/dev/sda2", &st) == 0 && S_ISBLK(st.st_mode) &&
	         st.st_rdev == ((8 << 8) | 2),
	     "/dev/sda2 is block 8,2");
	T_OK(fstat_path("/dev/nosuch", &st) == -ENOENT, "no node for a device that does not exist");
}

static void test_memdevs(void)
{
	char buf[512];
	long fd = sys_open("/dev/full", O_RDWR, 0);
	T_OK(fd >= 0, "open /dev/full");
	T_OK(sys_write((int)fd, "x", 1) == -ENOSPC, "writing /dev/full is ENOSPC");
	memset(buf, 0x5a, sizeof(buf));
	long n = sys_read((int)fd, buf, sizeof(buf));
	bool zero = n == (long)sizeof(buf);
	for (size_t i = 0; zero && i < sizeof(buf); i++)
		zero = buf[i] == 0;
	T_OK(zero, "reading /dev/full gives zeros");
	sys_close((int)fd);

	fd = sys_open("/dev/null", O_RDWR, 0);
	T_OK(sys_write((int)fd, buf, 100) == 100 && sys_read((int)fd, buf, 10) == 0,
	     "/dev/null swallows writes and reads empty");
	sys_close((int)fd);

	unsigned char a[64], b[64];
	fd = sys_open("/dev/urandom", O_RDONLY, 0);
	T_OK(sys_read((int)fd, a, sizeof(a)) == (long)sizeof(a) &&
	         sys_read((int)fd, b, sizeof(b)) == (long)sizeof(b) && memcmp(a, b, sizeof(a)),
	     "/dev/urandom gives full reads that differ");
	int distinct = 0;
	for (size_t i = 1; i < sizeof(a); i++)
		distinct += a[i] != a[0];
	T_OK(distinct > 32, "its bytes are not constant (%d of 63 differ from the first)",
	     distinct);
	sys_close((int)fd);
	fd = sys_open("/dev/random", O_RDWR, 0);
	T_OK(fd >= 0 && sys_read((int)fd, a, 16) == 16 && sys_write((int)fd, b, 16) == 16,
	     "/dev/random reads without blocking and takes writes");
	sys_close((int)fd);
}

static void test_kmsg(void)
{
	char rec[1024];
	long fd = sys_open("/dev/kmsg", O_RDONLY | O_NONBLOCK, 0);
	T_OK(fd >= 0, "open /dev/kmsg");
	long n = sys_read((int)fd, rec, sizeof(rec) - 1);
	rec[n > 0 ? n : 0] = '\0';
	/* "LEVEL,SEQ,USEC,-;text\n", the first record kept. */
	char *semi = strchr(rec, ';');
	T_OK(n > 0 && semi && rec[n - 1] == '\n' && rec[0] >= '0' && rec[0] <= '7' && rec[1] == ',',
	     "a read returns one record \"level,seq,usec,-;text\\n\"");
	long first_seq = rt_atol(rec + 2);
	n = sys_read((int)fd, rec, sizeof(rec) - 1);
	rec[n > 0 ? n : 0] = '\0';
	T_OK(n > 0 && rt_atol(rec + 2) == first_seq + 1, "the next read returns the next record");
	T_OK(sys_read((int)fd, rec, 8) == -EINVAL, "a buffer too small for a record is EINVAL");
	T_OK(sys_lseek((int)fd, 0, SEEK_END) == 0 && sys_read((int)fd, rec, sizeof(rec)) == -EAGAIN,
	     "after SEEK_END a non-blocking read is EAGAIN");
	long w = sys_open("/dev/kmsg", O_WRONLY, 0);
	T_OK(sys_write((int)w, "<6>devfs-test-marker\n", 21) == 21,
	     "writing a record to /dev/kmsg");
	sys_close((int)w);
	bool seen = false;
	while ((n = sys_read((int)fd, rec, sizeof(rec) - 1)) > 0) {
		rec[n] = '\0';
		const char *s = strchr(rec, ';');
		if (rec[0] == '6' && s && !strncmp(s + 1, "devfs-test-marker\n", 18))
			seen = true;
	}
	T_OK(seen, "a reader sees the written record at level 6");
	sys_close((int)fd);

	/* The whole ring, record by record: sequence numbers without gaps or repeats. */
	fd = sys_open("/dev/kmsg", O_RDONLY | O_NONBLOCK, 0);
	long prev = -1, count = 0;
	bool ordered = true;
	while ((n = sys_read((int)fd, rec, sizeof(rec) - 1)) > 0) {
		rec[n] = '\0';
		long seq = rt_atol(strchr(rec, ',') + 1);
		ordered &= prev < 0 || seq == prev + 1;
		prev = seq;
		count++;
	}
	T_OK(n == -EAGAIN && ordered && count > 20,
	     "reading the log to its end gives consecutive records (%ld, last %ld)", count, prev);
	T_OK(sys_lseek((int)fd, 0, SEEK_SET) == 0 && sys_read((int)fd, rec, sizeof(rec) - 1) > 0 &&
	         rt_atol(strchr(rec, ',') + 1) == first_seq,
	     "SEEK_SET rewinds to the oldest record");
	sys_close((int)fd);
}

static void test_block(void)
{
	unsigned char sec[1024];
	long fd = sys_open("/dev/sda", O_RDONLY, 0);
	T_OK(fd >= 0, "open /dev/sda (%ld)", fd);
	T_OK(sys_read((int)fd, sec, 512) == 512 && sec[510] == 0x55 && sec[511] == 0xaa,
	     "its first sector is an MBR (55 aa at 510)");
	uint64_t size = 0;
	long r = syscall3(SYS_ioctl, fd, BLKGETSIZE64, (long)&size);
	T_OK(r == 0 && size >= (1 << 20) && size % 512 == 0,
	     "BLKGETSIZE64 gives the disk's size (%lu)", (unsigned long)size);
	T_OK(sys_lseek((int)fd, 0, SEEK_END) == (long)size, "SEEK_END is the device's size");
	T_OK(sys_read((int)fd, sec, 16) == 0, "a read at the end returns 0");
	T_OK(sys_lseek((int)fd, (long)size - 100, SEEK_SET) == (long)size - 100 &&
	         sys_read((int)fd, sec, 512) == 100,
	     "a read across the end is cut short");
	T_OK(sys_lseek((int)fd, 510, SEEK_SET) == 510 && sys_read((int)fd, sec, 2) == 2 &&
	         sec[0] == 0x55 && sec[1] == 0xaa,
	     "an unaligned read of two bytes");
	sys_close((int)fd);

	fd = sys_open("/dev/sda2", O_RDONLY, 0);
	T_OK(sys_lseek((int)fd, 1024 + 56, SEEK_SET) == 1080 && sys_read((int)fd, sec, 2) == 2 &&
	         sec[0] == 0x53 && sec[1] == 0xef,
	     "/dev/sda2 starts with an ext2 superblock (magic ef53 at 1080)");
	uint64_t part = 0;
	T_OK(syscall3(SYS_ioctl, fd, BLKGETSIZE64, (long)&part) == 0 && part > 0 && part < size,
	     "the partition is smaller than the disk");
	sys_close((int)fd);
}

/*
 * Writes across sector boundaries near the end of sda1 and reads the bytes
 * back through another descriptor; the neighbours stay as they were.
 */
static void test_block_write(void)
{
	static unsigned char saved[1204], pattern[1200], back[1204], tail[10];
	long fd = sys_open("/dev/sda1", O_RDWR, 0);
	T_OK(fd >= 0, "open /dev/sda1 for writing (%ld)", fd);
	uint64_t size = 0;
	syscall3(SYS_ioctl, fd, BLKGETSIZE64, (long)&size);
	long at = (long)size - 1300; /* not sector-aligned: 1300 = 2 * 512 + 276 */
	for (size_t i = 0; i < sizeof(pattern); i++)
		pattern[i] = (unsigned char)(i * 31 + 7);
	/* saved: 2 bytes before, the 1200 to be written, 2 after. */
	T_OK(sys_lseek((int)fd, at - 2, SEEK_SET) == at - 2 &&
	         sys_read((int)fd, saved, sizeof(saved)) == (long)sizeof(saved),
	     "read 1204 bytes at an unaligned offset");
	T_OK(sys_lseek((int)fd, at, SEEK_SET) == at &&
	         sys_write((int)fd, pattern, sizeof(pattern)) == (long)sizeof(pattern),
	     "write 1200 bytes in the middle of them, across three sectors");
	long fd2 = sys_open("/dev/sda1", O_RDONLY, 0);
	T_OK(sys_lseek((int)fd2, at - 2, SEEK_SET) == at - 2 &&
	         sys_read((int)fd2, back, sizeof(back)) == (long)sizeof(back) &&
	         !memcmp(back + 2, pattern, sizeof(pattern)),
	     "another descriptor reads the new bytes back");
	T_OK(!memcmp(back, saved, 2) && !memcmp(back + 1202, saved + 1202, 2),
	     "the bytes around them are unchanged");
	sys_close((int)fd2);
	T_OK(sys_lseek((int)fd, at, SEEK_SET) == at &&
	         sys_write((int)fd, saved + 2, sizeof(pattern)) == (long)sizeof(pattern),
	     "put the old bytes back");
	T_OK(sys_lseek((int)fd, (long)size - 10, SEEK_SET) == (long)size - 10 &&
	         sys_read((int)fd, tail, sizeof(tail)) == (long)sizeof(tail) &&
	         sys_lseek((int)fd, (long)size - 10, SEEK_SET) == (long)size - 10 &&
	         sys_write((int)fd, pattern, 100) == 10,
	     "a write across the end is cut short at the end");
	T_OK(sys_write((int)fd, pattern, 1) == -ENOSPC, "a write at the end is ENOSPC");
	sys_lseek((int)fd, (long)size - 10, SEEK_SET);
	sys_write((int)fd, tail, sizeof(tail));
	sys_close((int)fd);
}

static void test_mknod(void)
{
	T_OK(syscall3(SYS_mknod, (long)"/dev/mynull", S_IFCHR | 0644, (1 << 8) | 3) == 0,
	     "mknod inside /dev");
	long fd = sys_open("/dev/mynull", O_RDWR, 0);
	T_OK(fd >= 0 && sys_write((int)fd, "abc", 3) == 3, "the new node reaches the device");
	sys_close((int)fd);
	T_OK(syscall3(SYS_mknod, (long)"/dev/mynull", S_IFCHR | 0644, (1 << 8) | 3) == -EEXIST,
	     "mknod of an existing name is EEXIST");
	T_OK(syscall3(SYS_mknod, (long)"/dev/nodev", S_IFCHR | 0644, (42 << 8) | 42) == 0 &&
	         sys_open("/dev/nodev", O_RDONLY, 0) == -ENXIO,
	     "a node without a driver opens with ENXIO");
	T_OK(syscall1(SYS_unlink, (long)"/dev/mynull") == 0 &&
	         syscall1(SYS_unlink, (long)"/dev/nodev") == 0,
	     "unlink in /dev");
	T_OK(syscall2(SYS_mkdir, (long)"/dev/sub", 0755) == 0 &&
	         syscall1(SYS_rmdir, (long)"/dev/sub") == 0,
	     "mkdir and rmdir in /dev");
}

int main(void)
{
	t_set_prog("devfs");
	test_nodes();
	test_memdevs();
	test_kmsg();
	test_block();
	test_block_write();
	test_mknod();
	return t_done();
}
