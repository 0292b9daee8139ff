/* SOURCES: kernel/fs/tmpfs/options.c */
/*
 * Host tests of tmpfs's mount option parser: sizes with suffixes and
 * percentages rounded up to pages, modes, owners, defaults, and every kind
 * of malformed option (unknown keys, bad digits, overflow) refused.
 */
#include <stdio.h>
#include <string.h>

#include "check.h"

#include <errno.h>
#include <fs/tmpfs.h>

#define TOTAL 1000 /* pages of "RAM" */

static int parse(const char *s, struct tmpfs_options *o)
{
	memset(o, 0xa5, sizeof(*o));
	return tmpfs_parse_options(s, TOTAL, o);
}

int main(void)
{
	struct tmpfs_options o;

	CHECK(parse(NULL, &o) == 0 && o.max_pages == TOTAL / 2 && o.mode == 01777 && o.uid == 0 &&
	          o.gid == 0,
	      "no options: half of RAM, mode 1777, owner root");
	CHECK(parse("", &o) == 0 && o.max_pages == TOTAL / 2, "an empty string is no options");
	CHECK(parse("size=4096", &o) == 0 && o.max_pages == 1, "size=4096 is one page");
	CHECK(parse("size=4097", &o) == 0 && o.max_pages == 2, "sizes round up to whole pages");
	CHECK(parse("size=1", &o) == 0 && o.max_pages == 1, "size=1 is one page");
	CHECK(parse("size=64k", &o) == 0 && o.max_pages == 16, "size=64k");
	CHECK(parse("size=2M", &o) == 0 && o.max_pages == 512, "size=2M");
	CHECK(parse("size=1g", &o) == 0 && o.max_pages == 262144, "size=1g");
	CHECK(parse("size=10%", &o) == 0 && o.max_pages == 100, "size=10%% of 1000 pages");
	CHECK(parse("size=1%", &o) == 0 && o.max_pages == 10, "size=1%%");
	CHECK(parse("size=0", &o) == 0 && o.max_pages == 0, "size=0 means no limit");
	CHECK(parse("nr_blocks=7", &o) == 0 && o.max_pages == 7, "nr_blocks counts pages");
	CHECK(parse("mode=755", &o) == 0 && o.mode == 0755, "mode is octal");
	CHECK(parse("mode=1777,size=8k,uid=1000,gid=100", &o) == 0 && o.mode == 01777 &&
	          o.max_pages == 2 && o.uid == 1000 && o.gid == 100,
	      "several options");
	CHECK(parse("size=8k,,mode=700,", &o) == 0 && o.mode == 0700 && o.max_pages == 2,
	      "empty options between commas are skipped");
	CHECK(parse("size=8k,size=16k", &o) == 0 && o.max_pages == 4, "the last size wins");

	static const char *const bad[] = {
	    "bogus",       "size",          "size=",        "size=k",       "size=12x",
	    "size=1kk",    "size=-1",       "size=1%%",     "size=5%x",     "mode=8",
	    "mode=17777",  "mode=",         "uid=x",        "uid=4294967296", "gid=1.5",
	    "size=99999999999999999999",    "size=17179869184g",              "nr_blocks=1k",
	    "sizes=1",     "mode",          "size=1,bogus=2", "=1",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		CHECK(parse(bad[i], &o) == -EINVAL, "\"%s\" is EINVAL", bad[i]);
	return check_done();
}
