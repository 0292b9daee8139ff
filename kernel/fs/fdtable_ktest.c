/* Self-tests of descriptor tables and the built-in character devices. */
#include <errno.h>
#include <fs/fdtable.h>
#include <lib/string.h>

#include "vfs_ktest.h"

static int file_refs(struct file *f)
{
	return __atomic_load_n(&f->refcount, __ATOMIC_RELAXED);
}

KTEST(fdtable_basic)
{
	struct fdtable *t = fdtable_create();
	struct file *f, *g;
	KT_ASSERT(t);

	KT_ASSERT(vfs_open("/dev/null", O_RDWR, 0, &f) == 0);
	KT_ASSERT(fd_install(t, file_get(f), 0, false) == 0);
	KT_ASSERT(fd_install(t, file_get(f), 0, true) == 1);
	KT_ASSERT(fd_install(t, file_get(f), 10, false) == 10);
	KT_ASSERT(fd_install(t, file_get(f), 0, false) == 2);
	KT_ASSERT(file_refs(f) == 5);
	KT_ASSERT(fd_get_cloexec(t, 1) == 1 && fd_get_cloexec(t, 0) == 0);
	KT_ASSERT(fd_get_cloexec(t, 3) == -EBADF);

	/* The lowest free slot is reused. */
	KT_ASSERT(fd_close(t, 1) == 0);
	KT_ASSERT(fd_close(t, 1) == -EBADF);
	KT_ASSERT(fd_close(t, -1) == -EBADF && fd_close(t, 5000) == -EBADF);
	KT_ASSERT(fd_install(t, file_get(f), 0, false) == 1);
	KT_ASSERT(fd_get_cloexec(t, 1) == 0);

	/* fd_get takes a reference; an empty slot gives NULL. */
	g = fd_get(t, 10);
	KT_ASSERT(g == f && file_refs(f) == 6);
	file_put(g);
	KT_ASSERT(!fd_get(t, 3) && !fd_get(t, -1) && !fd_get(t, FDTABLE_MAX));

	/* dup2-style replacement, past the first capacity too. */
	KT_ASSERT(fd_install_at(t, file_get(f), 2, true) == 2 && file_refs(f) == 5);
	KT_ASSERT(fd_install_at(t, file_get(f), 700, false) == 700);
	KT_ASSERT(fd_install_at(t, file_get(f), FDTABLE_MAX, false) == -EBADF);
	file_put(f); /* the reference from FDTABLE_MAX's failed install */
	KT_ASSERT(fd_set_cloexec(t, 700, true) == 0);

	/* fork's copy shares the files; exec closes the close-on-exec ones. */
	struct fdtable *c = fdtable_dup(t);
	KT_ASSERT(c && file_refs(f) == 11);
	fdtable_close_on_exec(c);
	KT_ASSERT(!fd_get(c, 2) && !fd_get(c, 700) && file_refs(f) == 9);
	KT_ASSERT((g = fd_get(c, 10)) == f);
	file_put(g);
	fdtable_put(c);
	KT_ASSERT(file_refs(f) == 6);

	/* Sharing (CLONE_FILES): the last put closes everything. */
	KT_ASSERT(fdtable_get(t) == t);
	fdtable_put(t);
	KT_ASSERT(file_refs(f) == 6);
	fdtable_put(t);
	KT_ASSERT(file_refs(f) == 1);
	file_put(f);
	return 0;
}

KTEST(fdtable_limit)
{
	struct fdtable *t = fdtable_create();
	struct file *f;
	KT_ASSERT(t);

	KT_ASSERT(vfs_open("/dev/zero", O_RDONLY, 0, &f) == 0);
	for (int i = 0; i < FDTABLE_MAX; i++)
		KT_ASSERT(fd_install(t, file_get(f), 0, i & 1) == i);
	KT_ASSERT(fd_install(t, f, 0, false) == -EMFILE);
	KT_ASSERT(fd_install(t, f, FDTABLE_MAX, false) == -EINVAL);
	KT_ASSERT(fd_close(t, 512) == 0);
	KT_ASSERT(fd_install(t, file_get(f), 0, false) == 512);
	fdtable_close_on_exec(t);
	KT_ASSERT(file_refs(f) == 1 + FDTABLE_MAX / 2);
	fdtable_close_all(t);
	KT_ASSERT(file_refs(f) == 1);
	fdtable_put(t);
	file_put(f);
	return 0;
}

KTEST(chrdev_nodes)
{
	char buf[64];
	struct file *f;
	struct stat st;

	KT_ASSERT(kt_stat("/dev/null", true, &st) == 0);
	KT_ASSERT(st.st_mode == (S_IFCHR | 0666) && st.st_rdev == vfs_mkdev(1, 3));
	KT_ASSERT(st.st_rdev == 0x103);
	KT_ASSERT(kt_stat("/dev/console", true, &st) == 0 && st.st_rdev == 0x501);

	KT_ASSERT(vfs_open("/dev/null", O_RDWR, 0, &f) == 0);
	struct uio u = uio_kernel("discard", 7);
	KT_ASSERT(vfs_write(f, &u) == 7);
	u = uio_kernel(buf, sizeof(buf));
	KT_ASSERT(vfs_read(f, &u) == 0);
	KT_ASSERT(vfs_lseek(f, 100, SEEK_SET) == 0);
	file_put(f);

	KT_ASSERT(vfs_open("/dev/zero", O_RDONLY, 0, &f) == 0);
	memset(buf, 0xaa, sizeof(buf));
	u = uio_kernel(buf, sizeof(buf));
	KT_ASSERT(vfs_read(f, &u) == sizeof(buf));
	for (size_t i = 0; i < sizeof(buf); i++)
		KT_ASSERT(buf[i] == 0);
	u = uio_kernel(buf, 1);
	KT_ASSERT(vfs_write(f, &u) == -EBADF);
	file_put(f);

	KT_ASSERT(vfs_open("/dev/console", O_WRONLY, 0, &f) == 0);
	u = uio_kernel("ktest: console device write\n", 28);
	KT_ASSERT(vfs_write(f, &u) == 28);
	KT_ASSERT(vfs_lseek(f, 0, SEEK_SET) == -ESPIPE);
	file_put(f);

	/* A node without a driver, and one of a kind not supported yet. */
	KT_ASSERT(vfs_mknod(NULL, "/dev/kt_nodrv", S_IFCHR | 0600, vfs_mkdev(250, 7)) == 0);
	KT_ASSERT(vfs_open("/dev/kt_nodrv", O_RDONLY, 0, &f) == -ENXIO);
	KT_ASSERT(vfs_unlink(NULL, "/dev/kt_nodrv") == 0);
	KT_ASSERT(vfs_mknod(NULL, "/dev/null", S_IFCHR | 0600, vfs_mkdev(1, 3)) == -EEXIST);
	KT_ASSERT(vfs_mknod(NULL, "/dev/kt_dir", S_IFDIR | 0755, 0) == -EPERM);
	return 0;
}
