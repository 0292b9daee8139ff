/*
 * mmap(2), munmap(2) and mprotect(2):
 * - anonymous private memory is zero-filled and writable; MAP_FIXED
 *   replaces part of a mapping; a child touching unmapped memory, writing a
 *   PROT_READ mapping or reading a PROT_NONE one dies of SIGSEGV; mprotect
 *   to read-write makes writes work;
 * - a shared anonymous mapping written by a child is visible to the parent,
 *   a private one is not;
 * - a file (argv[1], default /etc/testdata.bin: 3 pages and 1000 bytes, byte
 *   i = (i * 7 + (i >> 12) * 13 + 1) & 0xff, written by tests/user/Makefile)
 *   mapped MAP_PRIVATE matches read(2), reads zeros past the end of file in
 *   its last page, keeps private writes private; MAP_SHARED read-only works;
 *   MAP_SHARED writable on an O_RDONLY descriptor gives -EACCES;
 * - bad arguments give Linux's errors.
 */
#include "rt.h"

#define P         PAGE_SIZE
#define FILE_SIZE (3 * 4096 + 1000)

static unsigned char expected_byte(size_t i)
{
	return (unsigned char)(i * 7 + (i >> 12) * 13 + 1);
}

static long map_anon(size_t len, int prot, int flags)
{
	return sys_mmap(NULL, len, prot, flags | MAP_ANONYMOUS, -1, 0);
}

static bool all_bytes(const void *p, size_t n, unsigned char c)
{
	const unsigned char *b = p;
	for (size_t i = 0; i < n; i++) {
		if (b[i] != c)
			return false;
	}
	return true;
}

/* Child bodies: each touches memory in a way that must kill it with SIGSEGV. */
static int child_read(void *addr)
{
	return *(volatile unsigned char *)addr; /* not reached */
}

static int child_write(void *addr)
{
	*(volatile unsigned char *)addr = 1;
	return 0;
}

static void expect_segv(int (*fn)(void *), void *addr, const char *what)
{
	int st = rt_run_child(fn, addr);
	T_OK(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV,
	     "%s: the child dies of SIGSEGV (status %#x)", what, st);
}

static void test_anon(void)
{
	long a = map_anon(8 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	if (!T_OK(a > 0 && a % P == 0, "anonymous private mmap of 8 pages (%#lx)", a))
		return;
	unsigned char *m = (unsigned char *)a;
	T_OK(all_bytes(m, 8 * P, 0), "anonymous memory reads as zero");
	for (size_t i = 0; i < 8 * P; i++)
		m[i] = (unsigned char)(i ^ 0x5a);
	bool ok = true;
	for (size_t i = 0; i < 8 * P; i++)
		ok &= m[i] == (unsigned char)(i ^ 0x5a);
	T_OK(ok, "anonymous memory keeps what was written");
	T_OK(sys_munmap(m, 8 * P) == 0, "munmap of the whole mapping");

	/* MAP_FIXED over the second of four pages. */
	a = map_anon(4 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	m = (unsigned char *)a;
	memset(m, 'A', 4 * P);
	long f = sys_mmap(m + P, P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
	                  -1, 0);
	T_OK(f == a + (long)P, "MAP_FIXED maps exactly at the address (%#lx)", f);
	T_OK(all_bytes(m + P, P, 0), "the MAP_FIXED page replaced the old one: it reads zero");
	T_OK(all_bytes(m, P, 'A') && all_bytes(m + 2 * P, 2 * P, 'A'),
	     "the pages around it are untouched");

	/* munmap one page out of the middle. */
	T_OK(sys_munmap(m + 2 * P, P) == 0, "munmap of one page in the middle");
	expect_segv(child_read, m + 2 * P, "reading an unmapped page");
	expect_segv(child_write, m + 2 * P, "writing an unmapped page");
	T_OK(all_bytes(m + 3 * P, P, 'A'), "the page after the hole is still mapped");
	T_OK(sys_munmap(m + 2 * P, P) == 0, "munmap of an already unmapped range succeeds");
	sys_munmap(m, 4 * P);
	expect_segv(child_read, m, "reading a fully unmapped mapping");
}

static void test_protections(void)
{
	long a = map_anon(2 * P, PROT_READ, MAP_PRIVATE);
	unsigned char *m = (unsigned char *)a;
	if (!T_OK(a > 0, "PROT_READ anonymous mapping (%#lx)", a))
		return;
	T_OK(all_bytes(m, 2 * P, 0), "a PROT_READ mapping reads zero");
	expect_segv(child_write, m, "writing a PROT_READ mapping");
	long r = sys_mprotect(m, 2 * P, PROT_READ | PROT_WRITE);
	T_OK(r == 0, "mprotect to PROT_READ | PROT_WRITE (%ld)", r);
	m[0] = 7;
	m[2 * P - 1] = 9;
	T_OK(m[0] == 7 && m[2 * P - 1] == 9, "after mprotect writes work");
	r = sys_mprotect(m + P, P, PROT_NONE);
	T_OK(r == 0, "mprotect of the second page to PROT_NONE (%ld)", r);
	expect_segv(child_read, m + P, "reading a PROT_NONE page");
	T_OK(m[0] == 7, "the first page is still readable and keeps its data");
	r = sys_mprotect(m + P, P, PROT_READ);
	T_OK(r == 0 && m[2 * P - 1] == 9, "mprotect back to PROT_READ: the data is still there");
	expect_segv(child_write, m + P, "writing it again");
	sys_munmap(m, 2 * P);
}

static int child_fill(void *addr)
{
	memset(addr, 0x77, 2 * P);
	return 0;
}

static void test_shared_private(void)
{
	long s = map_anon(2 * P, PROT_READ | PROT_WRITE, MAP_SHARED);
	long p = map_anon(2 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	if (!T_OK(s > 0 && p > 0, "shared and private anonymous mappings (%#lx, %#lx)", s, p))
		return;
	memset((void *)p, 0x11, 2 * P); /* touched before fork */
	int st = rt_run_child(child_fill, (void *)s);
	T_OK(
	    st == 0 && all_bytes((void *)s, 2 * P, 0x77),
	    "MAP_SHARED | MAP_ANONYMOUS: the child's writes are visible to the parent (status %#x)",
	    st);
	st = rt_run_child(child_fill, (void *)p);
	T_OK(st == 0 && all_bytes((void *)p, 2 * P, 0x11),
	     "MAP_PRIVATE | MAP_ANONYMOUS: the child's writes are not (status %#x)", st);
	sys_munmap((void *)s, 2 * P);
	sys_munmap((void *)p, 2 * P);
}

static unsigned char file_buf[FILE_SIZE + 16];

static void test_file(const char *path)
{
	long fd = sys_open(path, O_RDONLY, 0);
	if (!T_OK(fd >= 0, "open %s read-only (%ld)", path, fd))
		return;
	long size = sys_lseek((int)fd, 0, SEEK_END);
	T_OK(size == FILE_SIZE, "the file has %d bytes (%ld)", FILE_SIZE, size);
	sys_lseek((int)fd, 0, SEEK_SET);
	long n = 0, r;
	while ((r = sys_read((int)fd, file_buf + n, sizeof(file_buf) - (size_t)n)) > 0)
		n += r;
	bool content = n == FILE_SIZE;
	for (long i = 0; content && i < n; i++)
		content = file_buf[i] == expected_byte((size_t)i);
	if (!T_OK(content, "read() returns the file's known content (%ld bytes)", n))
		return;

	long m = sys_mmap(NULL, FILE_SIZE, PROT_READ, MAP_PRIVATE, (int)fd, 0);
	if (T_OK(m > 0 && m % P == 0, "MAP_PRIVATE PROT_READ of the file (%#lx)", m)) {
		T_OK(!memcmp((void *)m, file_buf, FILE_SIZE),
		     "the mapping has the bytes read() returned");
		T_OK(all_bytes((char *)m + FILE_SIZE, 4 * P - FILE_SIZE, 0),
		     "bytes past the end of file in the last page read as zero");
		expect_segv(child_write, (void *)m, "writing a read-only file mapping");
		sys_munmap((void *)m, FILE_SIZE);
	}

	m = sys_mmap(NULL, 2 * P, PROT_READ, MAP_PRIVATE, (int)fd, (long)P);
	T_OK(m > 0 && !memcmp((void *)m, file_buf + P, 2 * P),
	     "a mapping at file offset 4096 starts at the file's second page (%#lx)", m);
	if (m > 0)
		sys_munmap((void *)m, 2 * P);

	m = sys_mmap(NULL, FILE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE, (int)fd, 0);
	if (T_OK(m > 0, "MAP_PRIVATE PROT_READ | PROT_WRITE of a read-only file (%#lx)", m)) {
		unsigned char *b = (unsigned char *)m;
		b[0] ^= 0xff;
		b[P + 5] ^= 0xff;
		T_OK(b[0] == (file_buf[0] ^ 0xff) && b[1] == file_buf[1],
		     "writes to a private file mapping land in the mapping");
		long m2 = sys_mmap(NULL, FILE_SIZE, PROT_READ, MAP_PRIVATE, (int)fd, 0);
		unsigned char c = 0;
		sys_lseek((int)fd, 0, SEEK_SET);
		sys_read((int)fd, &c, 1);
		T_OK(m2 > 0 && !memcmp((void *)m2, file_buf, FILE_SIZE) && c == file_buf[0],
		     "... but not in the file (another mapping and read() see the original)");
		sys_munmap((void *)m, FILE_SIZE);
		if (m2 > 0)
			sys_munmap((void *)m2, FILE_SIZE);
	}

	m = sys_mmap(NULL, FILE_SIZE, PROT_READ, MAP_SHARED, (int)fd, 0);
	T_OK(m > 0 && !memcmp((void *)m, file_buf, FILE_SIZE),
	     "MAP_SHARED PROT_READ of an O_RDONLY descriptor works and matches (%#lx)", m);
	if (m > 0)
		sys_munmap((void *)m, FILE_SIZE);
	m = sys_mmap(NULL, FILE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, (int)fd, 0);
	T_OK(m == -EACCES, "MAP_SHARED PROT_WRITE of an O_RDONLY descriptor gives -EACCES (%ld)",
	     m);

	m = sys_mmap(NULL, P, PROT_READ, MAP_PRIVATE, (int)fd, 100);
	T_OK(m == -EINVAL, "a file offset that is not page-aligned gives -EINVAL (%ld)", m);
	int keep = (int)fd;
	sys_close(keep);
	m = sys_mmap(NULL, P, PROT_READ, MAP_PRIVATE, keep, 0);
	T_OK(m == -EBADF, "mapping a closed descriptor gives -EBADF (%ld)", m);

	/* The mapping outlives the descriptor. */
	fd = sys_open(path, O_RDONLY, 0);
	m = sys_mmap(NULL, FILE_SIZE, PROT_READ, MAP_PRIVATE, (int)fd, 0);
	sys_close((int)fd);
	T_OK(m > 0 && !memcmp((void *)m, file_buf, FILE_SIZE),
	     "a file mapping stays valid after close()");
	if (m > 0)
		sys_munmap((void *)m, FILE_SIZE);
}

static void test_bad_args(void)
{
	int rw = PROT_READ | PROT_WRITE;
	long r = map_anon(0, rw, MAP_PRIVATE);
	T_OK(r == -EINVAL, "length 0 gives -EINVAL (%ld)", r);
	long a = map_anon(2 * P, rw, MAP_PRIVATE);
	r = sys_mmap((char *)a + 100, P, rw, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	T_OK(r == -EINVAL, "an unaligned MAP_FIXED address gives -EINVAL (%ld)", r);
	sys_munmap((void *)a, 2 * P);
	r = map_anon(P, rw, MAP_SHARED | MAP_PRIVATE);
	T_OK(r == -EINVAL, "MAP_SHARED | MAP_PRIVATE (anonymous) gives -EINVAL (%ld)", r);
	r = map_anon(P, rw, 0);
	T_OK(r == -EINVAL, "neither MAP_SHARED nor MAP_PRIVATE gives -EINVAL (%ld)", r);
	r = map_anon(P, rw, 0x0f);
	T_OK(r == -EINVAL, "an unknown mapping type gives -EINVAL (%ld)", r);
	r = map_anon(1UL << 62, rw, MAP_PRIVATE);
	T_OK(r == -ENOMEM, "a 2^62-byte mapping gives -ENOMEM (%ld)", r);
	r = sys_mmap((void *)0xffff800000000000UL, P, rw, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
	             -1, 0);
	T_OK(r < 0 && r > -4096, "MAP_FIXED at a kernel address fails (%ld)", r);
	r = sys_munmap((void *)(P + 1), P);
	T_OK(r == -EINVAL, "munmap of an unaligned address gives -EINVAL (%ld)", r);
	r = sys_munmap((void *)(16 * P), 0);
	T_OK(r == -EINVAL, "munmap of length 0 gives -EINVAL (%ld)", r);
	r = sys_munmap((void *)0xffff800000000000UL, P);
	T_OK(r == -EINVAL, "munmap of a kernel address gives -EINVAL (%ld)", r);
	r = sys_mprotect((void *)(P + 1), P, PROT_READ);
	T_OK(r == -EINVAL, "mprotect of an unaligned address gives -EINVAL (%ld)", r);
	a = map_anon(P, rw, MAP_PRIVATE);
	sys_munmap((void *)a, P);
	r = sys_mprotect((void *)a, P, PROT_READ);
	T_OK(r == -ENOMEM, "mprotect of an unmapped range gives -ENOMEM (%ld)", r);
}

int main(int argc, char **argv)
{
	test_anon();
	test_protections();
	test_shared_private();
	test_file(argc > 1 ? argv[1] : "/etc/testdata.bin");
	test_bad_args();
	return t_done();
}
