/*
 * A package file opened and checked as a whole before anything is
 * installed: the gzip stream inflates (at most PKG_MAX_SIZE bytes), the tar
 * parses, +MANIFEST comes first and parses, and every other member matches
 * exactly one manifest entry (type, mode, sha256 of the contents, link
 * target) with no entry left unmatched.
 */
#ifndef PKG_PACKAGE_H
#define PKG_PACKAGE_H

#include <stddef.h>
#include <stdint.h>

#include "manifest.h"

#define PKG_MAX_SIZE (512u << 20)

struct package {
	uint8_t *tar;             /* the inflated archive */
	size_t tar_len;
	struct manifest m;
	const char *manifest_text; /* +MANIFEST as in the archive (for the database) */
	size_t manifest_len;
	const uint8_t **data;     /* per manifest entry: a file's contents */
	size_t *size;
};

/* 0, or -1 with the reason in err. */
int package_open(struct package *p, const char *path, char *err, size_t errlen);
/* The same checks on an archive already inflated in memory (takes buf). */
int package_load(struct package *p, uint8_t *buf, size_t len, char *err, size_t errlen);
void package_close(struct package *p);

#endif
