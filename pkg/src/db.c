/* The installed-package database under ROOT/var/lib/pkg. */
#include "db.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

int db_read(const char *root, const char *name, struct manifest *m, char *err, size_t errlen)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/%s/%s", root, PKG_DB_DIR, name);
	size_t len;
	char *text = read_file(path, &len);
	if (!text) {
		if (errno == ENOENT)
			return 1;
		snprintf(err, errlen, "cannot read %s: %s", path, strerror(errno));
		return -1;
	}
	char merr[200];
	int r = manifest_parse(m, text, len, merr, sizeof(merr));
	free(text);
	if (r) {
		snprintf(err, errlen, "%s: %s", path, merr);
		return -1;
	}
	return 0;
}

int db_write(const char *root, const struct manifest *m, const char *text, size_t len,
	     char *err, size_t errlen)
{
	char dir[4096], path[4200];
	snprintf(dir, sizeof(dir), "%s/%s", root, PKG_DB_DIR);
	if (mkdir_p(dir, 0755)) {
		snprintf(err, errlen, "cannot create %s: %s", dir, strerror(errno));
		return -1;
	}
	snprintf(path, sizeof(path), "%s/%s", dir, m->name);
	if (write_file_atomic(path, text, len, 0644)) {
		snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

int db_remove(const char *root, const char *name)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/%s/%s", root, PKG_DB_DIR, name);
	return unlink(path);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char **db_names(const char *root)
{
	char dir[4096];
	snprintf(dir, sizeof(dir), "%s/%s", root, PKG_DB_DIR);
	size_t n = 0;
	char **names = calloc(1, sizeof(char *));
	DIR *d = opendir(dir);
	if (!d)
		return errno == ENOENT ? names : (free(names), NULL);
	struct dirent *de;
	while (names && (de = readdir(d))) {
		if (de->d_name[0] == '.' || strstr(de->d_name, ".tmp"))
			continue;
		char **grown = realloc(names, (n + 2) * sizeof(char *));
		if (!grown) {
			db_names_free(names);
			names = NULL;
			break;
		}
		names = grown;
		names[n++] = strdup(de->d_name);
		names[n] = NULL;
	}
	closedir(d);
	if (names)
		qsort(names, n, sizeof(char *), cmp_str);
	return names;
}

void db_names_free(char **names)
{
	if (!names)
		return;
	for (char **p = names; *p; p++)
		free(*p);
	free(names);
}

char *db_owner(const char *root, const char *path, const char *except)
{
	char **names = db_names(root);
	char *owner = NULL;
	for (char **n = names; n && *n && !owner; n++) {
		if (strcmp(*n, except) == 0)
			continue;
		struct manifest m;
		char err[256];
		if (db_read(root, *n, &m, err, sizeof(err)) != 0)
			continue;
		const struct manifest_entry *e = manifest_find(&m, path);
		if (e && e->type != 'd')
			owner = strdup(*n);
		manifest_free(&m);
	}
	db_names_free(names);
	return owner;
}
