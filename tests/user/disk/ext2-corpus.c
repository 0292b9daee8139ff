/*
 * The corrupt-image corpus (tests/boot/ext2_corpus.py boots it as init): the
 * second disk holds one damaged ext2 image per GPT partition. For each of
 * /dev/sdb1, /dev/sdb2, ... until there is no such device, it asks for a
 * read-write mount on /mnt, walks and reads everything it can (directories,
 * files, symlinks, bounded in depth), tries to create a file, unmounts, and
 * prints one line per image. The host checks the kernel's log lines; what
 * matters here is that every image is survived.
 */
#include "rt.h"

#include <uapi/dirent.h>

#define MNT "/mnt"

static char data[65536];
static int reads, errors;

static void walk(const char *dir, int depth)
{
	if (depth > 6)
		return;
	long fd = sys_open(dir, O_RDONLY | O_DIRECTORY, 0);
	if (fd < 0) {
		errors++;
		return;
	}
	static char dents[8][4096];
	char *d = dents[depth];
	long n;
	int entries = 0;
	while ((n = syscall3(SYS_getdents64, fd, (long)d, 4096)) > 0 && entries < 200) {
		for (long off = 0; off < n && entries < 200;) {
			struct dirent64 *e = (struct dirent64 *)(d + off);
			off += e->d_reclen;
			entries++;
			if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
				continue;
			char path[256];
			tsnprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
			struct stat st;
			if (syscall4(SYS_newfstatat, AT_FDCWD, (long)path, (long)&st,
				     AT_SYMLINK_NOFOLLOW) < 0) {
				errors++;
				continue;
			}
			if (S_ISDIR(st.st_mode)) {
				walk(path, depth + 1);
			} else if (S_ISLNK(st.st_mode)) {
				long r = syscall3(SYS_readlink, (long)path, (long)data, sizeof(data));
				r < 0 ? errors++ : reads++;
			} else if (S_ISREG(st.st_mode)) {
				long f = sys_open(path, O_RDONLY, 0);
				long r = f;
				for (int k = 0; f >= 0 && k < 16 && (r = sys_read((int)f, data, sizeof(data))) > 0; k++)
					;
				if (f >= 0)
					sys_close((int)f);
				r < 0 ? errors++ : reads++;
			}
		}
	}
	if (n < 0)
		errors++;
	sys_close((int)fd);
}

int main(void)
{
	t_set_prog("ext2-corpus");
	syscall2(SYS_mkdir, (long)MNT, 0755);
	int images = 0;
	for (int i = 1; i <= 128; i++) {
		char dev[32];
		tsnprintf(dev, sizeof(dev), "/dev/sdb%d", i);
		long r = syscall5(SYS_mount, (long)dev, (long)MNT, (long)"ext2", 0, 0);
		if (r == -ENXIO)
			break;
		images++;
		reads = errors = 0;
		long created = -1;
		if (r == 0) {
			walk(MNT, 0);
			created = sys_open(MNT "/probe", O_CREAT | O_WRONLY, 0644);
			if (created >= 0)
				sys_close((int)created);
			long u = syscall2(SYS_umount2, (long)MNT, 0);
			if (u)
				tprintf("corpus: sdb%d umount failed (%ld)\n", i, u);
		}
		tprintf("corpus: sdb%d mount %ld reads %d errors %d create %ld\n", i, r, reads, errors,
			created < 0 ? created : 0);
	}
	T_OK(images > 0, "%d images tried", images);
	tprintf("ext2-corpus: done %d\n", images);
	return t_done();
}
