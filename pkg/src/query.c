/* pkg list, info and verify: reading the installed-package database. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db.h"
#include "pkg.h"
#include "util.h"

static int read_or_complain(const struct pkg_opts *o, const char *name, struct manifest *m)
{
	char err[512];
	int r = db_read(o->root, name, m, err, sizeof(err));
	if (r > 0)
		fprintf(stderr, "pkg: %s is not installed\n", name);
	else if (r < 0)
		fprintf(stderr, "pkg: %s: %s\n", name, err);
	return r != 0;
}

int pkg_list(const struct pkg_opts *o)
{
	char **names = db_names(o->root);
	if (!names) {
		fprintf(stderr, "pkg: cannot read the package database under %s\n", o->root);
		return 1;
	}
	for (char **n = names; *n; n++) {
		struct manifest m;
		if (read_or_complain(o, *n, &m))
			continue;
		printf("%-16s %s\n", m.name, m.version);
		manifest_free(&m);
	}
	db_names_free(names);
	return 0;
}

int pkg_info(const struct pkg_opts *o, const char *name)
{
	struct manifest m;
	if (read_or_complain(o, name, &m))
		return 1;
	size_t files = 0;
	for (size_t i = 0; i < m.count; i++)
		files += m.entries[i].type != 'd';
	printf("name:    %s\nversion: %s\nsummary: %s\ndepends:", m.name, m.version,
	       m.summary ? m.summary : "");
	for (char **d = m.depends; *d; d++)
		printf(" %s", *d);
	printf("\nfiles:   %zu (and %zu directories)\n", files, m.count - files);
	manifest_free(&m);
	return 0;
}

int pkg_verify(const struct pkg_opts *o, const char *name)
{
	struct manifest m;
	if (read_or_complain(o, name, &m))
		return 1;
	int bad = 0;
	for (size_t i = 0; i < m.count; i++) {
		const struct manifest_entry *e = &m.entries[i];
		char full[8192], hex[65], target[4096];
		struct stat st;
		snprintf(full, sizeof(full), "%s/%s", strcmp(o->root, "/") == 0 ? "" : o->root,
			 e->path);
		const char *problem = NULL;
		if (lstat(full, &st) != 0)
			problem = "missing";
		else if (e->type == 'd' && !S_ISDIR(st.st_mode))
			problem = "not a directory";
		else if (e->type == 'f' && (!S_ISREG(st.st_mode) || sha256_file(full, hex) ||
					    strcmp(hex, e->sha256) != 0))
			problem = "modified";
		else if (e->type == 'f' && (st.st_mode & 07777) != e->mode)
			problem = "mode changed";
		else if (e->type == 'l') {
			ssize_t n = S_ISLNK(st.st_mode) ? readlink(full, target, sizeof(target) - 1) : -1;
			if (n < 0 || (target[n] = '\0', strcmp(target, e->target) != 0))
				problem = "link changed";
		}
		if (problem) {
			printf("%s: %s: %s\n", name, e->path, problem);
			bad = 1;
		}
	}
	if (!bad)
		printf("%s %s: %zu entries verified\n", m.name, m.version, m.count);
	manifest_free(&m);
	return bad;
}
