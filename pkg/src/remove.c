/*
 * pkg remove: deletes the files and symbolic links an installed package
 * owns (never directories: other packages and the system share them), then
 * its database entry. A package another installed one depends on stays
 * unless --force.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db.h"
#include "pkg.h"

static char *needed_by(const struct pkg_opts *o, const char *name)
{
	char **names = db_names(o->root);
	char *user = NULL;
	for (char **n = names; n && *n && !user; n++) {
		struct manifest m;
		char err[256];
		if (strcmp(*n, name) == 0 || db_read(o->root, *n, &m, err, sizeof(err)) != 0)
			continue;
		for (char **d = m.depends; *d; d++)
			if (strcmp(*d, name) == 0)
				user = strdup(*n);
		manifest_free(&m);
	}
	db_names_free(names);
	return user;
}

int pkg_remove(const struct pkg_opts *o, const char *name)
{
	struct manifest m;
	char err[512];
	int r = db_read(o->root, name, &m, err, sizeof(err));
	if (r) {
		if (r > 0)
			fprintf(stderr, "pkg: %s is not installed\n", name);
		else
			fprintf(stderr, "pkg: %s: %s\n", name, err);
		return 1;
	}
	char *user = o->force ? NULL : needed_by(o, name);
	if (user) {
		fprintf(stderr, "pkg: %s is needed by %s (--force removes it anyway)\n", name, user);
		free(user);
		manifest_free(&m);
		return 1;
	}
	int rc = 0;
	for (size_t i = 0; i < m.count; i++) {
		const struct manifest_entry *e = &m.entries[i];
		if (e->type == 'd')
			continue;
		char full[8192];
		snprintf(full, sizeof(full), "%s/%s", strcmp(o->root, "/") == 0 ? "" : o->root,
			 e->path);
		if (unlink(full) && errno != ENOENT) {
			fprintf(stderr, "pkg: %s: cannot remove %s: %s\n", name, full, strerror(errno));
			rc = 1;
		}
	}
	if (rc == 0 && db_remove(o->root, name)) {
		fprintf(stderr, "pkg: %s: cannot remove its database entry: %s\n", name,
			strerror(errno));
		rc = 1;
	}
	if (rc == 0)
		printf("pkg: removed %s %s\n", name, m.version);
	manifest_free(&m);
	return rc;
}
