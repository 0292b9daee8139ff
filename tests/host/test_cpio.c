/* SOURCES: kernel/fs/cpio.c */
/*
 * Host tests of the newc cpio walker: archives written by the real cpio(1)
 * from a temporary tree (files of awkward sizes, a subdirectory, a symlink),
 * every truncation of such an archive, handcrafted malformed headers, and a
 * corruption fuzzer. Archives are handed over in buffers of exactly their
 * length, so AddressSanitizer catches any read past the end.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"

#include <errno.h>
#include <fs/cpio.h>

#define MAX_ENTRIES 64
#define FIELD(i)    (6 + 8 * (i)) /* Offset of header field i: 0 is c_ino, 6 c_filesize. */

static char tmpdir[64];

static uint64_t rng_state = 0x853c49e6748fea9bull;

/* Returns a pseudo-random number (xorshift64*), fixed-seeded for reproducibility. */
static uint64_t rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545f4914f6cdd1dull;
}

/* The byte at offset i of the test file of the given size. */
static uint8_t file_byte(size_t size, size_t i)
{
	return (uint8_t)(i * 7 + size * 13 + 1);
}

/* The files of the test tree: name, size and permissions. */
static const struct {
	const char *name;
	size_t size;
	mode_t perm;
} files[] = {
    {"f0", 0, 0644}, {"f1", 1, 0640},       {"f3", 3, 0600},        {"f4", 4, 0755},
    {"f5", 5, 0644}, {"f4096", 4096, 0444}, {"sub/inner", 7, 0644},
};

static bool write_file(const char *name, size_t size, mode_t perm)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", tmpdir, name);
	f = fopen(path, "wb");
	if (!f)
		return false;
	for (size_t i = 0; i < size; i++)
		fputc(file_byte(size, i), f);
	fclose(f);
	return chmod(path, perm) == 0;
}

/* Creates the test tree under a fresh temporary directory. */
static bool make_tree(void)
{
	char path[256];

	strcpy(tmpdir, "/tmp/cairn-cpio-XXXXXX");
	if (!mkdtemp(tmpdir))
		return false;
	snprintf(path, sizeof(path), "%s/sub", tmpdir);
	if (mkdir(path, 0755) != 0)
		return false;
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++)
		if (!write_file(files[i].name, files[i].size, files[i].perm))
			return false;
	snprintf(path, sizeof(path), "%s/link", tmpdir);
	return symlink("f5", path) == 0;
}

static void remove_tree(void)
{
	char cmd[128];

	if (!tmpdir[0] || strncmp(tmpdir, "/tmp/cairn-cpio-", 16) != 0)
		return;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", tmpdir);
}

/* Runs "find ... | cpio -o -H format" in the tree; returns a malloc'd archive or NULL. */
static uint8_t *run_cpio(const char *find_args, const char *format, size_t *len)
{
	size_t cap = 1 << 16, n = 0;
	uint8_t *buf = malloc(cap);
	char cmd[512];
	FILE *p;

	snprintf(cmd, sizeof(cmd),
	         "cd '%s' && find %s | LC_ALL=C sort | cpio -o -H %s --quiet 2>/dev/null", tmpdir,
	         find_args, format);
	p = popen(cmd, "r");
	if (!p || !buf)
		return NULL;
	for (size_t got; (got = fread(buf + n, 1, cap - n, p)) > 0;) {
		n += got;
		if (n == cap)
			buf = realloc(buf, cap *= 2);
	}
	if (pclose(p) != 0 || n == 0) {
		free(buf);
		return NULL;
	}
	*len = n;
	return buf;
}

/* Returns a malloc'd copy of the first len bytes of src, sized exactly. */
static uint8_t *exact_copy(const void *src, size_t len)
{
	uint8_t *copy = malloc(len ? len : 1);

	memcpy(copy, src, len);
	return copy;
}

/* True when an entry's name and data lie inside the buffer and the name is terminated. */
static bool entry_in_bounds(const struct cpio_entry *e, const uint8_t *buf, size_t len)
{
	const uint8_t *name = (const uint8_t *)e->name, *data = e->data;

	return name >= buf && e->namelen < len && name + e->namelen < buf + len &&
	       name[e->namelen] == '\0' && data >= buf && data <= buf + len &&
	       e->size <= (size_t)(buf + len - data) && e->namelen > 0;
}

struct walk {
	unsigned n;
	struct cpio_entry e[MAX_ENTRIES];
	int result;
	bool in_bounds; /* Every entry lay inside the buffer. */
	bool sticky;    /* Later calls repeated the final result. */
};

/* Walks an archive to its end, at most MAX_ENTRIES entries, recording what it saw. */
static void walk(const uint8_t *buf, size_t len, struct walk *w)
{
	struct cpio_iter it;
	struct cpio_entry e;
	int rc;

	memset(w, 0, sizeof(*w));
	w->in_bounds = true;
	cpio_iter_init(&it, buf, len);
	while ((rc = cpio_next(&it, &e)) == 1) {
		if (!entry_in_bounds(&e, buf, len))
			w->in_bounds = false;
		if (w->n == MAX_ENTRIES) {
			rc = 2; /* Far more entries than the archive can hold. */
			break;
		}
		w->e[w->n++] = e;
	}
	w->result = rc;
	w->sticky = cpio_next(&it, &e) == rc && cpio_next(&it, &e) == rc;
}

static const struct cpio_entry *find_entry(const struct walk *w, const char *name)
{
	for (unsigned i = 0; i < w->n; i++)
		if (w->e[i].namelen == strlen(name) &&
		    memcmp(w->e[i].name, name, w->e[i].namelen) == 0)
			return &w->e[i];
	return NULL;
}

/* Checks that the archive holds exactly the test tree, with the right metadata and bytes. */
static void check_tree_archive(const char *what, const uint8_t *buf, size_t len)
{
	const struct cpio_entry *e;
	bool contents_ok = true, perms_ok = true;
	struct walk w;
	struct stat st;
	char path[256];

	walk(buf, len, &w);
	CHECK(w.result == 0 && w.sticky && w.in_bounds, "%s: walk ends at the trailer", what);
	CHECK(w.n == 9, "%s: 7 files, a directory and a symlink, no \".\" (%u entries)", what, w.n);
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		e = find_entry(&w, files[i].name);
		if (!e || !S_ISREG(e->mode) || e->size != files[i].size || e->nlink != 1) {
			contents_ok = false;
			continue;
		}
		if ((e->mode & 07777) != files[i].perm)
			perms_ok = false;
		for (size_t k = 0; k < e->size; k++)
			if (((const uint8_t *)e->data)[k] != file_byte(files[i].size, k))
				contents_ok = false;
	}
	CHECK(contents_ok, "%s: every regular file has its name, size and bytes", what);
	CHECK(perms_ok, "%s: permission bits preserved", what);
	e = find_entry(&w, "sub");
	CHECK(e && S_ISDIR(e->mode) && e->size == 0 && e->nlink == 2, "%s: subdirectory", what);
	e = find_entry(&w, "link");
	CHECK(e && S_ISLNK(e->mode) && e->size == 2 && memcmp(e->data, "f5", 2) == 0,
	      "%s: symlink with its target as data", what);
	snprintf(path, sizeof(path), "%s/f4096", tmpdir);
	e = find_entry(&w, "f4096");
	CHECK(e && stat(path, &st) == 0 && e->mtime == (uint64_t)st.st_mtime &&
	          e->uid == st.st_uid && e->gid == st.st_gid && e->ino == (uint32_t)st.st_ino,
	      "%s: mtime, owner and inode number", what);
}

/* Reads header field i of the well-formed header at buf + off. */
static size_t model_field(const uint8_t *buf, size_t off, int i)
{
	char text[9];

	memcpy(text, buf + off + FIELD(i), 8);
	text[8] = '\0';
	return strtoul(text, NULL, 16);
}

/*
 * An independent model of where a well-formed archive may be cut and still
 * end cleanly: at an entry boundary (or inside the padding after the data),
 * or anywhere after the trailer's name.
 */
static bool model_cut_is_clean(const uint8_t *buf, size_t cut)
{
	size_t off = 0, name_end, data_end;

	for (;;) {
		if (cut == off)
			return true;
		name_end = off + CPIO_HDR_SIZE + model_field(buf, off, 11);
		if (memcmp(buf + off + CPIO_HDR_SIZE, CPIO_TRAILER, sizeof(CPIO_TRAILER)) == 0)
			return cut >= name_end;
		data_end = (name_end + 3) / 4 * 4 + model_field(buf, off, 6);
		off = (data_end + 3) / 4 * 4;
		if (cut < data_end)
			return false;
		if (cut < off)
			return true;
	}
}

/* Cuts the archive at every length and checks each walk is a clean prefix of the full one. */
static void check_truncations(const uint8_t *buf, size_t len)
{
	unsigned bad_end = 0, not_prefix = 0, out_of_bounds = 0, clean = 0, wrong_clean = 0;
	struct walk full, w;

	walk(buf, len, &full);
	for (size_t cut = 0; cut <= len; cut++) {
		uint8_t *copy = exact_copy(buf, cut);

		walk(copy, cut, &w);
		if ((w.result != 0 && w.result != -EINVAL) || !w.sticky)
			bad_end++;
		if (!w.in_bounds)
			out_of_bounds++;
		if (w.result == 0)
			clean++;
		if ((w.result == 0) != model_cut_is_clean(buf, cut))
			wrong_clean++;
		for (unsigned i = 0; i < w.n; i++) {
			const struct cpio_entry *a = &w.e[i], *b = &full.e[i];

			if (i >= full.n || a->namelen != b->namelen || a->mode != b->mode ||
			    a->size != b->size || memcmp(a->name, b->name, a->namelen) != 0 ||
			    memcmp(a->data, b->data, a->size) != 0)
				not_prefix++;
		}
		free(copy);
	}
	CHECK(bad_end == 0, "truncations: every cut ends in 0 or -EINVAL, repeatedly");
	CHECK(out_of_bounds == 0 && not_prefix == 0,
	      "truncations: entries stay in bounds and match the full archive");
	CHECK(wrong_clean == 0 && clean > 0,
	      "truncations: exactly the cuts at entry boundaries or past the trailer's name end "
	      "cleanly (%u of %zu; %u disagree)",
	      clean, len + 1, wrong_clean);
}

/*
 * Offsets at which a walk of a well-formed archive looked for headers, the
 * trailer's included (the first member's header is hidden behind ".").
 */
static size_t header_offsets(const uint8_t *buf, size_t len, size_t *offs, size_t max)
{
	struct cpio_iter it;
	struct cpio_entry e;
	size_t n = 0;

	cpio_iter_init(&it, buf, len);
	do {
		if (n < max)
			offs[n++] = it.off;
	} while (cpio_next(&it, &e) == 1);
	return n;
}

/* Corrupts random bytes and header fields of the archive 10000 times over. */
static void fuzz(const uint8_t *buf, size_t len)
{
	static const char *const values[] = {"ffffffff", "00000000", "7fffffff", "fffffffc",
	                                     "0000000b", "00001000", "-0000001", "0x000010"};
	unsigned bad = 0, entries = 0, errors = 0;
	size_t offs[MAX_ENTRIES], nhdr = header_offsets(buf, len, offs, MAX_ENTRIES);
	struct walk w;

	for (int iter = 0; iter < 10000; iter++) {
		size_t cut = rng() % 4 ? len : rng() % (len + 1);
		uint8_t *copy = exact_copy(buf, cut);
		unsigned n = 1 + rng() % 6;

		for (unsigned k = 0; k < n && cut > 0; k++) {
			size_t hdr = offs[rng() % nhdr], pos;

			switch (rng() % 4) {
			case 0:
				copy[rng() % cut] = (uint8_t)rng();
				break;
			case 1:
				pos = hdr + rng() % (CPIO_HDR_SIZE + 16);
				if (pos < cut)
					copy[pos] = "0123456789abcdefABCDEFg \0/."[rng() % 27];
				break;
			default:
				pos = hdr + FIELD(rng() % 13);
				if (pos + 8 <= cut)
					memcpy(copy + pos, values[rng() % 8], 8);
				break;
			}
		}
		walk(copy, cut, &w);
		entries += w.n;
		errors += w.result == -EINVAL;
		if ((w.result != 0 && w.result != -EINVAL) || !w.sticky || !w.in_bounds)
			bad++;
		free(copy);
	}
	printf("# fuzz: %u entries seen, %u walks ended in -EINVAL\n", entries, errors);
	CHECK(bad == 0, "fuzz: 10000 corrupted archives, entries in bounds, walks end cleanly");
	CHECK(errors > 1000 && entries > 10000, "fuzz reaches both errors and deep entries");
}

/* Appends one handcrafted entry: fields as given, name_bytes bytes of name, data, padding. */
static size_t put_entry(uint8_t *buf, size_t off, const char *magic, const uint32_t f[13],
                        const char *name, size_t name_bytes, const char *data, size_t datalen)
{
	char hdr[CPIO_HDR_SIZE + 1];

	snprintf(hdr, sizeof(hdr), "%s%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x", magic,
	         f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10], f[11], f[12]);
	memcpy(buf + off, hdr, CPIO_HDR_SIZE);
	off += CPIO_HDR_SIZE;
	memcpy(buf + off, name, name_bytes);
	off += name_bytes;
	while (off % 4)
		buf[off++] = 0;
	memcpy(buf + off, data, datalen);
	off += datalen;
	while (off % 4)
		buf[off++] = 0;
	return off;
}

/* Appends a well-formed regular file entry. */
static size_t put_file(uint8_t *buf, size_t off, const char *name, const char *data)
{
	uint32_t f[13] = {
	    1, 0100644, 0, 0, 1, 0, (uint32_t)strlen(data), 0, 0, 0, 0, (uint32_t)strlen(name) + 1,
	    0};

	return put_entry(buf, off, CPIO_NEWC_MAGIC, f, name, strlen(name) + 1, data, strlen(data));
}

static size_t put_trailer(uint8_t *buf, size_t off)
{
	uint32_t f[13] = {0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, sizeof(CPIO_TRAILER), 0};

	return put_entry(buf, off, CPIO_NEWC_MAGIC, f, CPIO_TRAILER, sizeof(CPIO_TRAILER), "", 0);
}

/* Walks buf[0..len) from an exactly-sized copy. */
static void walk_exact(const uint8_t *buf, size_t len, struct walk *w)
{
	uint8_t *copy = exact_copy(buf, len);

	walk(copy, len, w);
	/* Entries point into the copy: keep only counts and results past this point. */
	free(copy);
}

/*
 * Walks a 240-byte archive (the file "x" holding "data", then the trailer)
 * after overwriting n bytes at pos with text. Returns the walk's result and
 * stores the number of entries it handed out in *entries.
 */
static int walk_patched(size_t pos, const char *text, size_t n, unsigned *entries)
{
	static uint8_t buf[1024];
	struct walk w;
	size_t len = put_file(buf, 0, "x", "data");

	len = put_trailer(buf, len);
	memcpy(buf + pos, text, n);
	walk_exact(buf, len, &w);
	*entries = w.n;
	return w.result;
}

/* True when patching header field i of that archive with text makes it malformed. */
static bool field_refused(int i, const char *text)
{
	unsigned n;

	return walk_patched(FIELD(i), text, 8, &n) == -EINVAL && n == 0;
}

static void test_handcrafted(void)
{
	static uint8_t buf[4096];
	uint32_t f[13] = {0};
	struct walk w;
	size_t len, off;
	unsigned n;
	uint8_t *copy;

	/* Names: "." skipped, "./" and "/" prefixes dropped, ".." passed through. */
	f[1] = 040755;
	f[11] = 2;
	len = put_entry(buf, 0, CPIO_NEWC_MAGIC, f, ".", 2, "", 0);
	len = put_file(buf, len, "./a", "hello");
	len = put_file(buf, len, "/b/c", "");
	len = put_file(buf, len, "././/d", "x");
	len = put_file(buf, len, "..", "up");
	f[11] = 3;
	len = put_entry(buf, len, CPIO_NEWC_MAGIC, f, "./", 3, "", 0);
	len = put_trailer(buf, len);
	memset(buf + len, 0, 300); /* cpio pads to 512-byte blocks; nothing is read there. */
	copy = exact_copy(buf, len + 300);
	walk(copy, len + 300, &w);
	CHECK(w.result == 0 && w.n == 4, "handcrafted: four members, root entries skipped (%u)",
	      w.n);
	CHECK(w.n == 4 && w.e[0].namelen == 1 && strcmp(w.e[0].name, "a") == 0 &&
	          w.e[0].size == 5 && memcmp(w.e[0].data, "hello", 5) == 0,
	      "\"./a\" becomes \"a\" with its data");
	CHECK(w.n == 4 && strcmp(w.e[1].name, "b/c") == 0 && w.e[1].size == 0 &&
	          strcmp(w.e[2].name, "d") == 0 && w.e[2].namelen == 1,
	      "leading slashes and repeated \"./\" are stripped");
	CHECK(w.n == 4 && strcmp(w.e[3].name, "..") == 0, "\"..\" is passed through to the caller");
	free(copy);

	/* The crc variant and upper-case digits. */
	off = put_file(buf, 0, "crc", "abc");
	memcpy(buf, CPIO_CRC_MAGIC, 6);
	memcpy(buf + FIELD(12), "DEADBEEF", 8);
	memcpy(buf + FIELD(1), "000081A4", 8);
	len = put_trailer(buf, off);
	walk_exact(buf, len, &w);
	CHECK(w.result == 0 && w.n == 1 && w.e[0].mode == 0100644,
	      "070702 with a checksum and upper-case hex is accepted");

	CHECK(walk_patched(0, "070707", 6, &n) == -EINVAL && n == 0, "odc magic 070707 is refused");
	memcpy(buf, "070707", 6);
	walk_exact(buf, len, &w);
	CHECK(w.result == -EINVAL && w.sticky && w.n == 0, "bad magic: -EINVAL, and it sticks");

	CHECK(field_refused(1, "000081g4"), "non-hex digit in c_mode");
	CHECK(field_refused(6, " 0000004"), "space in c_filesize");
	CHECK(field_refused(6, "0x000004"), "0x prefix in c_filesize");
	CHECK(field_refused(6, "-0000004"), "sign in c_filesize");
	CHECK(field_refused(12, "0000000z"), "non-hex c_check is refused too");
	CHECK(field_refused(11, "00000000"), "namesize 0");
	CHECK(field_refused(11, "ffffffff"), "huge namesize");
	CHECK(field_refused(6, "ffffffff"), "huge filesize");
	CHECK(field_refused(6, "fffffffc"), "filesize near 2^32");
	CHECK(field_refused(6, "00000081"), "filesize one byte past the buffer");
	CHECK(field_refused(11, "00000001"), "name not NUL-terminated");
	CHECK(field_refused(11, "00000003"), "NUL inside the name");
	CHECK(walk_patched(FIELD(6), "00000080", 8, &n) == 0 && n == 1,
	      "filesize swallowing the trailer: one entry, then a clean end");

	len = put_file(buf, 0, "x", "data");
	walk_exact(buf, len, &w);
	CHECK(w.result == 0 && w.n == 1, "no trailer: clean end at an entry boundary");
	walk_exact(buf, len + 1, &w);
	CHECK(w.result == -EINVAL && w.n == 1, "one stray byte after the last entry: -EINVAL");
	len = put_file(buf, 0, "x", "abcde");
	walk_exact(buf, len - 3, &w);
	CHECK(w.result == 0 && w.n == 1 && w.e[0].size == 5,
	      "missing padding after the last data is tolerated");
	walk_exact(buf, 0, &w);
	CHECK(w.result == 0 && w.n == 0 && w.sticky, "empty buffer: clean end");
	walk_exact(buf, 109, &w);
	CHECK(w.result == -EINVAL, "a header cut at 109 bytes");

	len = put_trailer(buf, 0);
	memcpy(buf + len, "garbage!", 8);
	walk_exact(buf, len + 8, &w);
	CHECK(w.result == 0 && w.n == 0, "bytes after the trailer are not read");
}

static void test_real_archives(void)
{
	static const char *const runs[][3] = {
	    {"newc, ./ names", ".", "newc"},
	    {"newc, bare names", ". -mindepth 1 -printf '%P\\n'", "newc"},
	    {"crc, ./ names", ".", "crc"},
	};
	uint8_t *archive, *copy;
	size_t len;

	for (size_t i = 0; i < sizeof(runs) / sizeof(runs[0]); i++) {
		archive = run_cpio(runs[i][1], runs[i][2], &len);
		CHECK(archive != NULL, "%s: cpio -o produced an archive", runs[i][0]);
		if (!archive)
			continue;
		copy = exact_copy(archive, len);
		check_tree_archive(runs[i][0], copy, len);
		if (i == 0) {
			check_truncations(copy, len);
			fuzz(copy, len);
		}
		free(copy);
		free(archive);
	}
}

int main(void)
{
	bool tree = make_tree();

	CHECK(tree, "temporary tree created in %s", tmpdir);
	test_handcrafted();
	if (tree)
		test_real_archives();
	remove_tree();
	return check_done();
}
