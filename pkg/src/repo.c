/*
 * Installing by name from a repository: DIR/INDEX has one line per package,
 * "NAME VERSION FILE SHA256 RUNDEPS" (RUNDEPS comma-separated or "-"). The
 * package file's sha256 must match INDEX; run-time dependencies install
 * first.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "manifest.h"
#include "pkg.h"
#include "util.h"

#define MAX_DEPTH 32

struct index_entry {
	char name[65], version[65], file[256], sha256[65], deps[1024];
};

static int index_lookup(const char *repo, const char *name, struct index_entry *out)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/INDEX", repo);
	FILE *f = fopen(path, "r");
	if (!f) {
		fprintf(stderr, "pkg: cannot read %s\n", path);
		return -1;
	}
	char line[2048];
	int found = 0;
	while (!found && fgets(line, sizeof(line), f)) {
		struct index_entry e;
		if (sscanf(line, "%64s %64s %255s %64s %1023s", e.name, e.version, e.file, e.sha256,
			   e.deps) != 5)
			continue;
		if (strcmp(e.name, name) == 0) {
			*out = e;
			found = 1;
		}
	}
	fclose(f);
	if (!found) {
		fprintf(stderr, "pkg: %s: no such package in %s\n", name, path);
		return -1;
	}
	if (!manifest_path_ok(out->file) || strchr(out->file, '/')) {
		fprintf(stderr, "pkg: %s: bad file name in %s\n", name, path);
		return -1;
	}
	return 0;
}

static int install_named(const struct pkg_opts *o, const char *name, int depth)
{
	struct index_entry e;
	if (depth > MAX_DEPTH) {
		fprintf(stderr, "pkg: %s: dependencies nest too deep (a cycle?)\n", name);
		return 1;
	}
	if (index_lookup(o->repo, name, &e))
		return 1;
	if (strcmp(e.deps, "-") != 0) {
		char *save = NULL;
		for (char *d = strtok_r(e.deps, ",", &save); d; d = strtok_r(NULL, ",", &save)) {
			struct manifest m;
			char err[256];
			int r = db_read(o->root, d, &m, err, sizeof(err));
			if (r == 0) {
				manifest_free(&m);
				continue;
			}
			if (install_named(o, d, depth + 1))
				return 1;
		}
	}
	char path[4400], hex[65];
	snprintf(path, sizeof(path), "%s/%s", o->repo, e.file);
	if (sha256_file(path, hex)) {
		fprintf(stderr, "pkg: %s: cannot read %s\n", name, path);
		return 1;
	}
	if (strcmp(hex, e.sha256) != 0) {
		fprintf(stderr, "pkg: %s: %s has sha256 %s, INDEX says %s\n", name, e.file, hex,
			e.sha256);
		return 1;
	}
	return pkg_install_file(o, path);
}

int pkg_install_name(const struct pkg_opts *o, const char *name)
{
	if (!o->repo) {
		fprintf(stderr, "pkg: %s: installing by name needs --repo DIR\n", name);
		return 1;
	}
	return install_named(o, name, 0);
}
