/*
 * pkg install: a package is verified as a whole (package.c), then checked
 * against the root (conflicts with other packages' files, paths through
 * symbolic links), and only then written: directories, files through a
 * temporary name and rename(2), symbolic links likewise; files of an older
 * version that the new one no longer has are removed; the database entry
 * is written last.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db.h"
#include "package.h"
#include "pkg.h"
#include "util.h"

static void join(char *out, size_t n, const char *root, const char *path)
{
	snprintf(out, n, "%s/%s", strcmp(root, "/") == 0 ? "" : root, path);
}

/* 0 when no existing parent of path (below root) is a symbolic link. */
static int parents_plain(const char *root, const char *path)
{
	char rel[4096];
	snprintf(rel, sizeof(rel), "%s", path);
	for (char *slash = strchr(rel, '/'); slash; slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		char full[8192];
		struct stat st;
		join(full, sizeof(full), root, rel);
		int linked = lstat(full, &st) == 0 && S_ISLNK(st.st_mode);
		*slash = '/';
		if (linked)
			return -1;
	}
	return 0;
}

static int check_root(const struct pkg_opts *o, const struct package *p,
		      const struct manifest *old)
{
	const struct manifest *m = &p->m;
	for (size_t i = 0; i < m->count; i++) {
		const struct manifest_entry *e = &m->entries[i];
		char full[8192];
		struct stat st;
		join(full, sizeof(full), o->root, e->path);
		if (parents_plain(o->root, e->path)) {
			fprintf(stderr, "pkg: %s: %s: a parent directory is a symbolic link\n",
				m->name, e->path);
			return 1;
		}
		int exists = lstat(full, &st) == 0;
		if (e->type == 'd') {
			if (exists && !S_ISDIR(st.st_mode)) {
				fprintf(stderr, "pkg: %s: %s exists and is not a directory%s\n", m->name,
					e->path, S_ISLNK(st.st_mode) ? " (a symbolic link)" : "");
				return 1;
			}
			continue;
		}
		char *owner = db_owner(o->root, e->path, m->name);
		if (owner) {
			fprintf(stderr, "pkg: %s: %s belongs to package %s\n", m->name, e->path, owner);
			free(owner);
			return 1;
		}
		if (exists && S_ISDIR(st.st_mode)) {
			fprintf(stderr, "pkg: %s: %s is a directory\n", m->name, e->path);
			return 1;
		}
		if (exists && !o->force && !(old && manifest_find(old, e->path))) {
			fprintf(stderr, "pkg: %s: %s exists and belongs to no package "
				"(--force replaces it)\n", m->name, e->path);
			return 1;
		}
	}
	return 0;
}

static int write_entries(const struct pkg_opts *o, const struct package *p)
{
	const struct manifest *m = &p->m;
	for (size_t i = 0; i < m->count; i++) {
		const struct manifest_entry *e = &m->entries[i];
		char full[8192], tmp[8300];
		join(full, sizeof(full), o->root, e->path);
		int err = 0;
		if (e->type == 'd') {
			struct stat st;
			if (lstat(full, &st) != 0)
				err = mkdir_p(full, 0755) || chmod(full, e->mode);
		} else if (e->type == 'f') {
			err = write_file_atomic(full, p->data[i], p->size[i], e->mode);
		} else {
			snprintf(tmp, sizeof(tmp), "%s.pkg-tmp", full);
			unlink(tmp);
			err = symlink(e->target, tmp) || rename(tmp, full);
		}
		if (err) {
			fprintf(stderr, "pkg: %s: cannot write %s: %s\n", m->name, full, strerror(errno));
			return 1;
		}
	}
	return 0;
}

/* Removes what the old version had and the new one does not. */
static void drop_stale(const struct pkg_opts *o, const struct manifest *old,
		       const struct manifest *new)
{
	for (size_t i = 0; i < old->count; i++) {
		const struct manifest_entry *e = &old->entries[i];
		if (e->type == 'd' || manifest_find(new, e->path))
			continue;
		char full[8192];
		join(full, sizeof(full), o->root, e->path);
		unlink(full);
	}
}

int pkg_install_file(const struct pkg_opts *o, const char *path)
{
	struct package p;
	struct manifest old;
	char err[512];
	int have_old = 0, rc = 1;
	if (package_open(&p, path, err, sizeof(err))) {
		fprintf(stderr, "pkg: %s: %s\n", path, err);
		return 1;
	}
	int r = db_read(o->root, p.m.name, &old, err, sizeof(err));
	if (r < 0) {
		fprintf(stderr, "pkg: %s: %s\n", p.m.name, err);
		goto out;
	}
	have_old = r == 0;
	if (have_old && strcmp(old.version, p.m.version) == 0 && !o->force) {
		printf("pkg: %s %s is already installed\n", p.m.name, p.m.version);
		rc = 0;
		goto out;
	}
	if (check_root(o, &p, have_old ? &old : NULL) || write_entries(o, &p))
		goto out;
	if (have_old)
		drop_stale(o, &old, &p.m);
	if (db_write(o->root, &p.m, p.manifest_text, p.manifest_len, err, sizeof(err))) {
		fprintf(stderr, "pkg: %s: %s\n", p.m.name, err);
		goto out;
	}
	printf("pkg: installed %s %s (%zu entries)\n", p.m.name, p.m.version, p.m.count);
	rc = 0;
out:
	if (have_old)
		manifest_free(&old);
	package_close(&p);
	return rc;
}
