/*
 * The POSIX pieces busybox needs from the C library: regcomp()/regexec()
 * with subexpressions and error messages, fnmatch() flags, glob() over a
 * scratch directory, the mount table functions of <mntent.h> on a file
 * written with addmntent(), getline(), statvfs() and sysinfo().
 */
#define _GNU_SOURCE
#define AREA "libc-posix"
#include <errno.h>
#include <fnmatch.h>
#include <glob.h>
#include <mntent.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/sysinfo.h>
#include <unistd.h>

#include "tap.h"

static void test_regex(void)
{
	regex_t re;
	regmatch_t m[3];
	char msg[128];

	CHECK(regcomp(&re, "([a-z]+)=([0-9]+)", REG_EXTENDED) == 0, "regcomp: an ERE compiles");
	CHECK(re.re_nsub == 2, "regcomp: two subexpressions (%zu)", re.re_nsub);
	CHECK(regexec(&re, "x: key=42;", 3, m, 0) == 0, "regexec: the ERE matches");
	CHECK(m[0].rm_so == 3 && m[0].rm_eo == 9, "regexec: whole match at 3..9");
	CHECK(m[1].rm_so == 3 && m[1].rm_eo == 6 && m[2].rm_so == 7 && m[2].rm_eo == 9,
	      "regexec: the subexpressions' offsets");
	CHECK(regexec(&re, "no digits=", 0, NULL, 0) == REG_NOMATCH, "regexec: REG_NOMATCH");
	regfree(&re);

	CHECK(regcomp(&re, "^a.c$", REG_NOSUB) == 0 && regexec(&re, "abc", 0, NULL, 0) == 0 &&
		      regexec(&re, "abcd", 0, NULL, 0) == REG_NOMATCH,
	      "regcomp: a BRE with anchors");
	regfree(&re);
	CHECK(regcomp(&re, "HeLLo", REG_ICASE | REG_NOSUB) == 0 &&
		      regexec(&re, "say hello", 0, NULL, 0) == 0,
	      "regcomp: REG_ICASE");
	regfree(&re);

	int err = regcomp(&re, "a(b", REG_EXTENDED);
	CHECK(err == REG_EPAREN, "regcomp: an unbalanced ( is REG_EPAREN (%d)", err);
	size_t n = regerror(err, &re, msg, sizeof(msg));
	/* BSD says "parentheses not balanced", glibc "Unmatched ( or \\(". */
	CHECK(n > 1 && strlen(msg) == n - 1 && (strstr(msg, "parenthes") || strchr(msg, '(')),
	      "regerror: a message about parentheses (%s)", msg);
}

static void test_fnmatch(void)
{
	CHECK(fnmatch("*.c", "main.c", 0) == 0, "fnmatch: *.c matches main.c");
	CHECK(fnmatch("*.c", "main.h", 0) == FNM_NOMATCH, "fnmatch: *.c does not match main.h");
	CHECK(fnmatch("[a-c]?x", "bzx", 0) == 0, "fnmatch: a bracket expression and ?");
	CHECK(fnmatch("*", "a/b", FNM_PATHNAME) == FNM_NOMATCH,
	      "fnmatch: FNM_PATHNAME keeps * from matching /");
	CHECK(fnmatch("*", ".hidden", FNM_PERIOD) == FNM_NOMATCH,
	      "fnmatch: FNM_PERIOD keeps * from matching a leading .");
	CHECK(fnmatch("\\*", "*", 0) == 0 && fnmatch("\\*", "x", 0) == FNM_NOMATCH,
	      "fnmatch: a backslash quotes *");
}

static void test_glob(void)
{
	char dir[] = "/tmp/globXXXXXX";
	char path[64];
	glob_t g;

	CHECK(mkdtemp(dir) != NULL, "glob: a scratch directory");
	const char *names[] = {"b.txt", "a.txt", "c.dat"};
	for (int i = 0; i < 3; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		FILE *f = fopen(path, "w");
		if (f)
			fclose(f);
	}
	snprintf(path, sizeof(path), "%s/*.txt", dir);
	int r = glob(path, 0, NULL, &g);
	CHECK(r == 0 && g.gl_pathc == 2, "glob: *.txt finds two files (%d, %zu)", r,
	      r == 0 ? (size_t)g.gl_pathc : (size_t)0);
	if (r == 0 && g.gl_pathc == 2)
		CHECK(strstr(g.gl_pathv[0], "/a.txt") && strstr(g.gl_pathv[1], "/b.txt"),
		      "glob: sorted (%s, %s)", g.gl_pathv[0], g.gl_pathv[1]);
	if (r == 0)
		globfree(&g);
	snprintf(path, sizeof(path), "%s/*.none", dir);
	r = glob(path, GLOB_NOCHECK, NULL, &g);
	CHECK(r == 0 && g.gl_pathc == 1 && strcmp(g.gl_pathv[0], path) == 0,
	      "glob: GLOB_NOCHECK returns the pattern when nothing matches");
	if (r == 0)
		globfree(&g);
	for (int i = 0; i < 3; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		unlink(path);
	}
	rmdir(dir);
}

static void test_mntent(void)
{
	const char *path = "/tmp/fstab.test";
	FILE *f = fopen(path, "w");

	CHECK(f != NULL, "mntent: write a table");
	if (!f)
		return;
	fputs("# comment\n\n/dev/sda2\t/  ext2 rw,noatime 0 1\n", f);
	fclose(f);
	f = setmntent(path, "a+");
	CHECK(f != NULL, "setmntent opens it for appending");
	if (!f)
		return;
	struct mntent add = {"tmpfs", "/mnt/with space", "tmpfs", "size=1m", 0, 0};
	CHECK(addmntent(f, &add) == 0, "addmntent appends an entry");
	endmntent(f);

	f = setmntent(path, "r");
	struct mntent *e = f ? getmntent(f) : NULL;
	CHECK(e && strcmp(e->mnt_fsname, "/dev/sda2") == 0 && strcmp(e->mnt_dir, "/") == 0 &&
		      strcmp(e->mnt_type, "ext2") == 0 && strcmp(e->mnt_opts, "rw,noatime") == 0 &&
		      e->mnt_freq == 0 && e->mnt_passno == 1,
	      "getmntent: skips comments and blank lines, reads every field");
	CHECK(e && hasmntopt(e, "noatime") && !hasmntopt(e, "atime") && !hasmntopt(e, "ro"),
	      "hasmntopt: whole options only");
	e = f ? getmntent(f) : NULL;
	CHECK(e && strcmp(e->mnt_dir, "/mnt/with space") == 0 && strcmp(e->mnt_opts, "size=1m") == 0,
	      "getmntent: the \\040 escape addmntent wrote reads back as a space");
	CHECK(e && hasmntopt(e, "size") != NULL, "hasmntopt: an option with a value");
	CHECK(f && getmntent(f) == NULL, "getmntent: NULL at the end");
	if (f)
		endmntent(f);
	unlink(path);
}

static void test_getline_statvfs_sysinfo(void)
{
	const char *path = "/tmp/getline.test";
	FILE *f = fopen(path, "w+");
	char *line = NULL;
	size_t cap = 0;

	if (f) {
		fputs("first\nsecond line\n", f);
		rewind(f);
	}
	CHECK(f && getline(&line, &cap, f) == 6 && strcmp(line, "first\n") == 0,
	      "getline reads the first line with its newline");
	CHECK(f && getdelim(&line, &cap, ' ', f) == 7 && strcmp(line, "second ") == 0,
	      "getdelim stops after the delimiter");
	CHECK(f && getline(&line, &cap, f) == 5 && getline(&line, &cap, f) == -1,
	      "getline returns -1 at the end");
	free(line);
	if (f)
		fclose(f);
	unlink(path);

	struct statvfs sv;
	/* /tmp is a tmpfs with a size limit (the initrd's / is a ramfs without one). */
	CHECK(statvfs("/tmp", &sv) == 0 && sv.f_bsize > 0 && sv.f_blocks > 0 &&
		      sv.f_bfree <= sv.f_blocks,
	      "statvfs(/tmp) gives a block size and counts");
	errno = 0;
	CHECK(statvfs("/no/such/path", &sv) == -1 && errno == ENOENT,
	      "statvfs of a missing path: ENOENT");

	struct sysinfo si;
	CHECK(sysinfo(&si) == 0 && si.mem_unit > 0 && si.totalram > 0 &&
		      si.freeram <= si.totalram && si.procs >= 1,
	      "sysinfo: memory and process counts");
}

int main(void)
{
	test_regex();
	test_fnmatch();
	test_glob();
	test_mntent();
	test_getline_statvfs_sysinfo();
	return tap_done();
}
