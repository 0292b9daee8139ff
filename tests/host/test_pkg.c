/* SOURCES: pkg/src/manifest.c pkg/src/tar.c pkg/src/sha256.c pkg/src/package.c pkg/src/gunzip.c pkg/src/errorf.c */
/* LIBS: -lz */
/*
 * Host tests of pkg's parsers: SHA-256 against FIPS 180-4 vectors, +MANIFEST
 * records good and hostile (absolute paths, "..", duplicates, bad digests
 * and modes), ustar archives built here member by member and then damaged
 * (checksums, sizes past the end, truncation at every block), a package
 * whose members disagree with its manifest in each possible way, and
 * thousands of random mutations that must all be refused or parsed without
 * a memory error (ASan/UBSan).
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "../../pkg/src/manifest.h"
#include "../../pkg/src/package.h"
#include "../../pkg/src/sha256.h"
#include "../../pkg/src/tar.h"

/* An archive under construction. */
struct ar {
	uint8_t buf[65536];
	size_t len;
};

/* Writes v as width-1 octal digits and a NUL into a header field. */
static void put_octal(uint8_t *dst, size_t width, unsigned long v)
{
	char t[32];
	snprintf(t, sizeof(t), "%0*lo", (int)width - 1, v);
	memcpy(dst, t + strlen(t) - (width - 1), width - 1);
	dst[width - 1] = '\0';
}

static void ar_add(struct ar *a, const char *name, char type, unsigned mode, const char *data,
		   const char *link)
{
	uint8_t *h = a->buf + a->len;
	size_t size = data ? strlen(data) : 0;
	memset(h, 0, 512);
	memcpy(h, name, strlen(name) < 100 ? strlen(name) : 99);
	put_octal(h + 100, 8, mode);
	put_octal(h + 108, 8, 0);
	put_octal(h + 116, 8, 0);
	put_octal(h + 124, 12, size);
	put_octal(h + 136, 12, 0);
	h[156] = (uint8_t)type;
	if (link)
		memcpy(h + 157, link, strlen(link) < 100 ? strlen(link) : 99);
	memcpy(h + 257, "ustar", 6);
	memcpy(h + 263, "00", 2);
	memset(h + 148, ' ', 8);
	unsigned sum = 0;
	for (int i = 0; i < 512; i++)
		sum += h[i];
	put_octal(h + 148, 7, sum);
	a->len += 512;
	if (size) {
		memset(a->buf + a->len, 0, (size + 511) / 512 * 512);
		memcpy(a->buf + a->len, data, size);
		a->len += (size + 511) / 512 * 512;
	}
}

static void ar_end(struct ar *a)
{
	memset(a->buf + a->len, 0, 1024);
	a->len += 1024;
}

static const char HELLO[] = "#!/bin/sh\necho hello\n";

/* A consistent package: +MANIFEST, a directory, a file, a symlink. */
static void good_package(struct ar *a, const char *override_manifest)
{
	char hex[65], manifest[1024];
	sha256_hex(HELLO, strlen(HELLO), hex);
	snprintf(manifest, sizeof(manifest),
		 "name hello\nversion 1.0-1\nsummary a test\ndepends base\n"
		 "d 0755 usr/bin\nf 0755 %s usr/bin/hello\nl usr/bin/hi hello\n", hex);
	a->len = 0;
	ar_add(a, "+MANIFEST", '0', 0644, override_manifest ? override_manifest : manifest, NULL);
	ar_add(a, "usr/bin", '5', 0755, NULL, NULL);
	ar_add(a, "usr/bin/hello", '0', 0755, HELLO, NULL);
	ar_add(a, "usr/bin/hi", '2', 0777, NULL, "hello");
	ar_end(a);
}

/* package_load takes ownership of a malloc'ed copy. */
static int load(struct package *p, const struct ar *a, size_t len, char *err)
{
	uint8_t *copy = malloc(len ? len : 1);
	memcpy(copy, a->buf, len);
	return package_load(p, copy, len, err, 256);
}

static void test_sha256(void)
{
	char hex[65];
	sha256_hex("", 0, hex);
	CHECK(!strcmp(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
	      "sha256 of the empty string");
	sha256_hex("abc", 3, hex);
	CHECK(!strcmp(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
	      "sha256 of \"abc\"");
	const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	sha256_hex(two, strlen(two), hex);
	CHECK(!strcmp(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
	      "sha256 of the two-block FIPS vector");
	struct sha256 s;
	sha256_init(&s);
	char a[1000];
	memset(a, 'a', sizeof(a));
	for (int i = 0; i < 1000; i++)
		sha256_update(&s, a, sizeof(a));
	sha256_final_hex(&s, hex);
	CHECK(!strcmp(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
	      "sha256 of a million 'a's fed in 1000-byte pieces");
}

static int parses(const char *text)
{
	struct manifest m;
	char err[200];
	int r = manifest_parse(&m, text, strlen(text), err, sizeof(err));
	if (r == 0)
		manifest_free(&m);
	return r == 0;
}

static void test_manifest(void)
{
	const char *sha = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
	char buf[1024];
	struct manifest m;
	char err[200];
	snprintf(buf, sizeof(buf),
		 "name dash\nversion 0.5.12-1\nsummary the shell\ndepends \n"
		 "d 0755 bin\nf 0755 %s bin/dash\nl usr/bin/sh ../../bin/dash\n", sha);
	CHECK(manifest_parse(&m, buf, strlen(buf), err, sizeof(err)) == 0, "a good manifest parses");
	CHECK(!strcmp(m.name, "dash") && !strcmp(m.version, "0.5.12-1") && m.count == 3 &&
		      m.depends && !m.depends[0],
	      "name, version, no dependencies, three entries");
	const struct manifest_entry *e = manifest_find(&m, "bin/dash");
	CHECK(e && e->type == 'f' && e->mode == 0755 && !strcmp(e->sha256, sha),
	      "a file entry has its mode and digest");
	e = manifest_find(&m, "usr/bin/sh");
	CHECK(e && e->type == 'l' && !strcmp(e->target, "../../bin/dash"),
	      "a link's target may point upwards (it is not a path pkg writes)");
	manifest_free(&m);
	CHECK(parses("name a\nversion 1\ndepends b c\n"), "dependencies are a list of names");

	static const char *const bad_paths[] = { "/etc/passwd", "../x", "a/../../x", "a//b", "a/",
						 ".", "a/./b", "+MANIFEST", "" };
	for (size_t i = 0; i < sizeof(bad_paths) / sizeof(bad_paths[0]); i++) {
		snprintf(buf, sizeof(buf), "name a\nversion 1\nf 0644 %s %s\n", sha, bad_paths[i]);
		CHECK(!parses(buf), "the path \"%s\" is refused", bad_paths[i]);
	}
	snprintf(buf, sizeof(buf), "name a\nversion 1\nf 0644 %s x\nl x y\n", sha);
	CHECK(!parses(buf), "a path listed twice is refused");
	CHECK(!parses("name a\nversion 1\nf 0644 abc x\n"), "a short digest is refused");
	snprintf(buf, sizeof(buf), "name a\nversion 1\nf 0644 %.63sG x\n", sha);
	CHECK(!parses(buf), "a non-hex digest is refused");
	snprintf(buf, sizeof(buf), "name a\nversion 1\nf 0999 %s x\n", sha);
	CHECK(!parses(buf), "a non-octal mode is refused");
	snprintf(buf, sizeof(buf), "name a\nversion 1\nf 17777 %s x\n", sha);
	CHECK(!parses(buf), "a mode beyond 07777 is refused");
	CHECK(!parses("version 1\n"), "a manifest without a name is refused");
	CHECK(!parses("name a\n"), "a manifest without a version is refused");
	CHECK(!parses("name A/B\nversion 1\n"), "a bad package name is refused");
	CHECK(!parses("name a\nname b\nversion 1\n"), "a repeated name is refused");
	CHECK(!parses("name a\nversion 1\nx 0644 foo\n"), "an unknown record type is refused");
	CHECK(!parses("name a\nversion 1\nl x\n"), "a link without a target is refused");
	CHECK(!parses("name a\nversion 1\ndepends ../b\n"), "a bad dependency name is refused");
	CHECK(manifest_parse(&m, "name a\0\nversion 1\n", 19, err, sizeof(err)) != 0,
	      "a NUL byte in the manifest is refused");
}

static void test_tar(void)
{
	struct ar a;
	struct tar_reader r;
	struct tar_entry e;
	const char *err = NULL;
	good_package(&a, NULL);
	tar_open(&r, a.buf, a.len);
	int n = 0, got;
	while ((got = tar_next(&r, &e, &err)) == 1)
		n++;
	CHECK(got == 0 && n == 4, "a good archive has four members and a clean end (%d)", n);

	struct ar bad = a;
	bad.buf[0] ^= 1;
	tar_open(&r, bad.buf, bad.len);
	CHECK(tar_next(&r, &e, &err) == -1 && strstr(err, "checksum"),
	      "a damaged header fails its checksum");
	bad = a;
	memcpy(bad.buf + 257, "xxxxx", 5);
	tar_open(&r, bad.buf, bad.len);
	CHECK(tar_next(&r, &e, &err) == -1, "a header without the ustar magic is refused");

	/* A size field far past the end, with the checksum made right again. */
	bad = a;
	struct ar tmp;
	tmp.len = 0;
	ar_add(&tmp, "big", '0', 0644, NULL, NULL);
	put_octal(tmp.buf + 124, 12, 07777777);
	memset(tmp.buf + 148, ' ', 8);
	unsigned sum = 0;
	for (int i = 0; i < 512; i++)
		sum += tmp.buf[i];
	put_octal(tmp.buf + 148, 7, sum);
	tar_open(&r, tmp.buf, 512);
	CHECK(tar_next(&r, &e, &err) == -1 && strstr(err, "past the end"),
	      "a member whose size runs past the archive is refused");

	int all_safe = 1;
	for (size_t cut = 1; cut < a.len; cut += 97) {
		tar_open(&r, a.buf, cut);
		while ((got = tar_next(&r, &e, &err)) == 1)
			;
		if (got == 0 && cut < 4 * 512)
			all_safe = 0;
	}
	CHECK(all_safe, "every truncation of the archive is reported or ends cleanly");
}

static void test_package(void)
{
	struct ar a;
	struct package p;
	char err[256];
	good_package(&a, NULL);
	CHECK(load(&p, &a, a.len, err) == 0, "a consistent package loads (%s)", err);
	CHECK(p.m.count == 3 && p.size[1] == strlen(HELLO) && !memcmp(p.data[1], HELLO, p.size[1]),
	      "the file's contents are found through its manifest entry");
	package_close(&p);

	char hex[65], text[1024];
	sha256_hex(HELLO, strlen(HELLO), hex);
	struct {
		const char *manifest, *what, *expect;
	} cases[] = {
		{ "name hello\nversion 1\nd 0755 usr/bin\nf 0755 %s usr/bin/hello\n",
		  "an archive member missing from +MANIFEST", "not in +MANIFEST" },
		{ "name hello\nversion 1\nd 0755 usr/bin\nf 0755 %s usr/bin/hello\nl usr/bin/hi hello\n"
		  "f 0644 %s usr/bin/ghost\n",
		  "a manifest entry missing from the archive", "not in the archive" },
		{ "name hello\nversion 1\nd 0755 usr/bin\nf 0644 %s usr/bin/hello\nl usr/bin/hi hello\n",
		  "a mode that differs", "mode" },
		{ "name hello\nversion 1\nd 0755 usr/bin\nf 0755 "
		  "0000000000000000000000000000000000000000000000000000000000000000 usr/bin/hello\n"
		  "l usr/bin/hi hello\n",
		  "a digest that differs", "sha256" },
		{ "name hello\nversion 1\nd 0755 usr/bin\nf 0755 %s usr/bin/hello\nl usr/bin/hi other\n",
		  "a link target that differs", "link target" },
		{ "name hello\nversion 1\nd 0755 usr/bin\nl usr/bin/hello x\nl usr/bin/hi hello\n",
		  "a type that differs", "type" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(text, sizeof(text), cases[i].manifest, hex, hex);
		good_package(&a, text);
		int r = load(&p, &a, a.len, err);
		CHECK(r == -1 && strstr(err, cases[i].expect), "%s is refused (%s)", cases[i].what,
		      r ? err : "loaded");
	}
	/* +MANIFEST not first. */
	a.len = 0;
	ar_add(&a, "usr/bin", '5', 0755, NULL, NULL);
	ar_add(&a, "+MANIFEST", '0', 0644, "name a\nversion 1\nd 0755 usr/bin\n", NULL);
	ar_end(&a);
	CHECK(load(&p, &a, a.len, err) == -1 && strstr(err, "first member"),
	      "+MANIFEST must be the first member");
	/* Hostile paths in the archive are refused by the manifest check. */
	a.len = 0;
	ar_add(&a, "+MANIFEST", '0', 0644, "name a\nversion 1\n", NULL);
	ar_add(&a, "../evil", '0', 0644, "x", NULL);
	ar_end(&a);
	CHECK(load(&p, &a, a.len, err) == -1, "a member named ../evil is refused");

	/* Random damage: refused or loaded, never a memory error. */
	good_package(&a, NULL);
	unsigned seed = 12345, loaded = 0, refused = 0;
	for (int i = 0; i < 3000; i++) {
		struct ar m = a;
		int flips = 1 + (int)((seed = seed * 1103515245 + 12345) >> 16) % 8;
		for (int f = 0; f < flips; f++) {
			seed = seed * 1103515245 + 12345;
			m.buf[(seed >> 8) % m.len] ^= (uint8_t)(seed >> 24 | 1);
		}
		seed = seed * 1103515245 + 12345;
		size_t len = (seed >> 8) % 4 ? m.len : (seed >> 12) % m.len;
		if (load(&p, &m, len, err) == 0) {
			loaded++;
			package_close(&p);
		} else {
			refused++;
		}
	}
	CHECK(loaded + refused == 3000 && refused > 2500,
	      "3000 randomly damaged packages: %u refused, %u loaded (harmless bytes), no crash",
	      refused, loaded);
}

int main(void)
{
	test_sha256();
	test_manifest();
	test_tar();
	test_package();
	return check_done();
}
