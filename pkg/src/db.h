/*
 * The installed-package database: ROOT/var/lib/pkg/NAME holds the +MANIFEST
 * of each installed package, written atomically (temporary file, rename)
 * after its files are in place.
 */
#ifndef PKG_DB_H
#define PKG_DB_H

#include <stddef.h>

#include "manifest.h"

#define PKG_DB_DIR "var/lib/pkg"

/* Reads the manifest of installed package name: 0, 1 when not installed, -1 on error. */
int db_read(const char *root, const char *name, struct manifest *m, char *err, size_t errlen);
int db_write(const char *root, const struct manifest *m, const char *text, size_t len,
	     char *err, size_t errlen);
int db_remove(const char *root, const char *name);
/*
 * The names of the installed packages, sorted, NULL-terminated (free with
 * db_names_free); NULL on error.
 */
char **db_names(const char *root);
void db_names_free(char **names);
/* The installed package other than except that owns path, as a new string, or NULL. */
char *db_owner(const char *root, const char *path, const char *except);

#endif
