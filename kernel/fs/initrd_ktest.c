/*
 * Self-tests of initrd_unpack(): a small archive made with GNU cpio
 * ("cpio -o -H newc") and written out one entry per paragraph, then damaged
 * copies of it.
 */
#include <errno.h>
#include <fs/cpio.h>
#include <lib/string.h>
#include <mm/slab.h>

#include "vfs_ktest.h"

/*
 * ktinit/            drwxr-xr-x
 * ktinit/etc/        drwxr-xr-x
 * ktinit/etc/motd    -rw-r----- 1000:100, mtime 0x6553f100
 * ktinit/bin/        drwx------
 * ktinit/bin/busybox -rwxr-xr-x, a hard link to bb2, which carries the data
 * ktinit/bin/bb2
 * ktinit/bin/sh      -> busybox
 * ktinit/dev/ttyS0   crw--w---- 4,64 (there is no ktinit/dev entry)
 */
/* clang-format off */
static const char ktinit_cpio[] =
	/* ktinit */
	"070701" "00000000" "000041ED" "00000000" "00000000" "00000005" "6B06D1CA"
	"00000000" "00000000" "00000000" "00000000" "00000000" "00000007" "00000000"
	"ktinit\0\0\0\0"
	/* ktinit/etc */
	"070701" "00000001" "000041ED" "00000000" "00000000" "00000002" "6B06D1CA"
	"00000000" "00000000" "00000000" "00000000" "00000000" "0000000B" "00000000"
	"ktinit/etc\0\0\0\0"
	/* ktinit/etc/motd */
	"070701" "00000002" "000081A0" "000003E8" "00000064" "00000001" "6553F100"
	"00000011" "00000000" "00000000" "00000000" "00000000" "00000010" "00000000"
	"ktinit/etc/motd\0\0\0"
	"Welcome to Cairn\n\0\0\0"
	/* ktinit/bin */
	"070701" "00000003" "000041C0" "00000000" "00000000" "00000002" "6B06D1CA"
	"00000000" "00000000" "00000000" "00000000" "00000000" "0000000B" "00000000"
	"ktinit/bin\0\0\0\0"
	/* ktinit/bin/busybox */
	"070701" "00000004" "000081ED" "00000000" "00000000" "00000002" "6B06D1CA"
	"00000000" "00000000" "00000000" "00000000" "00000000" "00000013" "00000000"
	"ktinit/bin/busybox\0\0\0\0"
	/* ktinit/bin/bb2 */
	"070701" "00000004" "000081ED" "00000000" "00000000" "00000002" "6B06D1CA"
	"00000012" "00000000" "00000000" "00000000" "00000000" "0000000F" "00000000"
	"ktinit/bin/bb2\0\0\0\0"
	"#!/bin/sh\necho hi\n\0\0"
	/* ktinit/bin/sh */
	"070701" "00000005" "0000A1FF" "00000000" "00000000" "00000001" "6B06D1CA"
	"00000007" "00000000" "00000000" "00000000" "00000000" "0000000E" "00000000"
	"ktinit/bin/sh\0"
	"busybox\0"
	/* ktinit/dev/ttyS0 */
	"070701" "00000006" "00002190" "00000000" "00000000" "00000001" "6B06D1CA"
	"00000000" "00000000" "00000000" "00000004" "00000040" "00000011" "00000000"
	"ktinit/dev/ttyS0\0\0"
	/* TRAILER!!! */
	"070701" "00000000" "00000000" "00000000" "00000000" "00000001" "00000000"
	"00000000" "00000000" "00000000" "00000000" "00000000" "0000000B" "00000000"
	"TRAILER!!!\0\0\0\0";
/* clang-format on */

/* Replaces every occurrence of from with to (same length) in buf. */
static void replace_all(char *buf, size_t len, const char *from, const char *to)
{
	size_t n = strlen(from);
	for (size_t i = 0; i + n <= len; i++) {
		if (!memcmp(buf + i, from, n))
			memcpy(buf + i, to, n);
	}
}

static char *find(char *buf, size_t len, const char *s)
{
	size_t n = strlen(s);
	for (size_t i = 0; i + n <= len; i++) {
		if (!memcmp(buf + i, s, n))
			return buf + i;
	}
	return NULL;
}

KTEST(initrd_unpack_archive)
{
	struct stat st, st2;
	char buf[64];

	KT_ASSERT(initrd_unpack(ktinit_cpio, sizeof(ktinit_cpio) - 1) == 0);

	KT_ASSERT(kt_stat("/ktinit", false, &st) == 0 && st.st_mode == (S_IFDIR | 0755));
	KT_ASSERT(kt_stat("/ktinit/etc/motd", false, &st) == 0);
	KT_ASSERT(st.st_mode == (S_IFREG | 0640) && st.st_uid == 1000 && st.st_gid == 100);
	KT_ASSERT(st.st_size == 17 && st.st_mtim.tv_sec == 0x6553f100);
	KT_ASSERT(kt_read_file("/ktinit/etc/motd", buf, sizeof(buf)) == 17);
	KT_ASSERT(!memcmp(buf, "Welcome to Cairn\n", 17));
	KT_ASSERT(kt_stat("/ktinit/bin", false, &st) == 0 && st.st_mode == (S_IFDIR | 0700));

	/* The hard links are one inode, with the data of the last entry. */
	KT_ASSERT(kt_stat("/ktinit/bin/busybox", false, &st) == 0);
	KT_ASSERT(kt_stat("/ktinit/bin/bb2", false, &st2) == 0);
	KT_ASSERT(st.st_ino == st2.st_ino && st.st_nlink == 2 && st.st_size == 18);
	KT_ASSERT(st.st_mode == (S_IFREG | 0755));
	KT_ASSERT(kt_read_file("/ktinit/bin/sh", buf, sizeof(buf)) == 18);
	KT_ASSERT(!memcmp(buf, "#!/bin/sh\necho hi\n", 18));
	KT_ASSERT(vfs_readlink(NULL, "/ktinit/bin/sh", buf, sizeof(buf)) == 7);
	KT_ASSERT(!memcmp(buf, "busybox", 7));

	KT_ASSERT(kt_stat("/ktinit/dev", false, &st) == 0 && S_ISDIR(st.st_mode));
	KT_ASSERT(kt_stat("/ktinit/dev/ttyS0", false, &st) == 0);
	KT_ASSERT(st.st_mode == (S_IFCHR | 0620) && st.st_rdev == vfs_mkdev(4, 64));

	/* Unpacking again replaces what is there. */
	KT_ASSERT(kt_write_file("/ktinit/etc/motd", "changed", 7) == 0);
	KT_ASSERT(initrd_unpack(ktinit_cpio, sizeof(ktinit_cpio) - 1) == 0);
	KT_ASSERT(kt_read_file("/ktinit/etc/motd", buf, sizeof(buf)) == 17);
	KT_ASSERT(initrd_unpack(ktinit_cpio, 0) == 0);
	return 0;
}

KTEST(initrd_unpack_damaged)
{
	size_t len = sizeof(ktinit_cpio) - 1;
	char *copy = kmalloc(len);
	struct stat st;
	char *p;
	KT_ASSERT(copy);

	/* A ".." entry is skipped; a bad header digit stops the walk with -EINVAL. */
	memcpy(copy, ktinit_cpio, len);
	replace_all(copy, len, "ktinit", "ktcorr");
	KT_ASSERT((p = find(copy, len, "ktcorr/etc")));
	memcpy(p, "ktcorr/../", 10);
	KT_ASSERT((p = find(copy, len, "ktcorr/bin")));
	p[-CPIO_HDR_SIZE + 14] = 'G'; /* in c_mode */
	KT_ASSERT(initrd_unpack(copy, len) == -EINVAL);
	KT_ASSERT(kt_stat("/ktcorr/etc/motd", false, &st) == 0 && st.st_size == 17);
	KT_ASSERT(kt_stat("/ktcorr/bin", false, &st) == -ENOENT);

	/* Cut short inside a file's data. */
	memcpy(copy, ktinit_cpio, len);
	replace_all(copy, len, "ktinit", "ktcut0");
	KT_ASSERT((p = find(copy, len, "#!/bin/sh")));
	KT_ASSERT(initrd_unpack(copy, p + 4 - copy) == -EINVAL);
	KT_ASSERT(kt_stat("/ktcut0/bin/busybox", false, &st) == 0);
	KT_ASSERT(kt_stat("/ktcut0/bin/bb2", false, &st) == -ENOENT);

	/* Garbage, and a header cut in the middle. */
	memset(copy, 0x5a, len);
	KT_ASSERT(initrd_unpack(copy, len) == -EINVAL);
	KT_ASSERT(initrd_unpack(ktinit_cpio, 50) == -EINVAL);
	kfree(copy);
	return 0;
}
