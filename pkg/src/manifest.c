/* +MANIFEST parsing and checking. */
#include "manifest.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int manifest_path_ok(const char *path)
{
	if (!path[0] || path[0] == '/' || strlen(path) > 4000)
		return 0;
	const char *p = path;
	while (*p) {
		const char *end = strchr(p, '/');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		if (n == 0 || (n == 1 && p[0] == '.') || (n == 2 && p[0] == '.' && p[1] == '.'))
			return 0;
		if (!end)
			break;
		p = end + 1;
		if (!*p)
			return 0;
	}
	for (p = path; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return 0;
	return strcmp(path, "+MANIFEST") != 0;
}

static int name_ok(const char *s)
{
	if (!s[0] || strlen(s) > PKG_NAME_MAX)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || strchr("+._-", *s)))
			return 0;
	return 1;
}

static int hex64(const char *s)
{
	if (strlen(s) != 64)
		return 0;
	for (; *s; s++)
		if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f')))
			return 0;
	return 1;
}

static int parse_mode(const char *s, unsigned *mode)
{
	char *end;
	if (!*s)
		return -1;
	unsigned long v = strtoul(s, &end, 8);
	if (*end || v > 07777)
		return -1;
	*mode = (unsigned)v;
	return 0;
}

static void set_err(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

/* Splits s in place at the first space: returns the rest, or NULL when none. */
static char *split(char *s)
{
	char *sp = strchr(s, ' ');
	if (!sp)
		return NULL;
	*sp = '\0';
	return sp + 1;
}

static int cmp_path(const void *a, const void *b)
{
	return strcmp(((const struct manifest_entry *)a)->path,
		      ((const struct manifest_entry *)b)->path);
}

static int parse_depends(struct manifest *m, char *rest)
{
	size_t n = 0;
	char *save = NULL;
	m->depends = calloc(1, sizeof(char *));
	if (!m->depends)
		return -1;
	for (char *tok = strtok_r(rest, " ", &save); tok; tok = strtok_r(NULL, " ", &save)) {
		if (!name_ok(tok))
			return -1;
		char **grown = realloc(m->depends, (n + 2) * sizeof(char *));
		if (!grown)
			return -1;
		m->depends = grown;
		m->depends[n++] = strdup(tok);
		m->depends[n] = NULL;
	}
	return 0;
}

static int parse_entry(struct manifest *m, char *line, char *rest)
{
	struct manifest_entry e = { .type = line[0] };
	char *a = rest, *b;
	if (strcmp(line, "d") == 0 || strcmp(line, "f") == 0) {
		if (!(b = split(a)) || parse_mode(a, &e.mode))
			return -1;
		if (e.type == 'f') {
			char *path = split(b);
			if (!path || !hex64(b))
				return -1;
			memcpy(e.sha256, b, 65);
			b = path;
		}
		e.path = b;
	} else if (strcmp(line, "l") == 0) {
		/* "l PATH TARGET": a path has no spaces; the target is the rest. */
		if (!(b = split(a)) || !*b)
			return -1;
		e.path = a;
		e.target = b;
	} else {
		return -1;
	}
	if (!manifest_path_ok(e.path))
		return -1;
	struct manifest_entry *grown = realloc(m->entries, (m->count + 1) * sizeof(e));
	if (!grown)
		return -1;
	m->entries = grown;
	e.path = strdup(e.path);
	e.target = e.target ? strdup(e.target) : NULL;
	m->entries[m->count++] = e;
	return 0;
}

int manifest_parse(struct manifest *m, const char *text, size_t len, char *err, size_t errlen)
{
	memset(m, 0, sizeof(*m));
	char *copy = malloc(len + 1);
	if (!copy) {
		set_err(err, errlen, "out of memory");
		return -1;
	}
	memcpy(copy, text, len);
	copy[len] = '\0';
	if (memchr(text, '\0', len)) {
		set_err(err, errlen, "a NUL byte in the manifest");
		goto fail;
	}
	int lineno = 0, have_deps = 0;
	char *save = NULL;
	for (char *line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		lineno++;
		char *rest = split(line);
		if (!rest) {
			if (strcmp(line, "depends") == 0 && !have_deps) {
				have_deps = 1;
				m->depends = calloc(1, sizeof(char *));
				continue;
			}
			set_err(err, errlen, "line %d: no value", lineno);
			goto fail;
		}
		int bad = 0;
		if (strcmp(line, "name") == 0) {
			bad = m->name[0] || !name_ok(rest);
			if (!bad)
				strcpy(m->name, rest);
		} else if (strcmp(line, "version") == 0) {
			bad = m->version[0] || !rest[0] || strlen(rest) > PKG_NAME_MAX || strchr(rest, ' ');
			if (!bad)
				strcpy(m->version, rest);
		} else if (strcmp(line, "summary") == 0) {
			bad = m->summary != NULL;
			if (!bad)
				m->summary = strdup(rest);
		} else if (strcmp(line, "depends") == 0) {
			bad = have_deps || parse_depends(m, rest);
			have_deps = 1;
		} else {
			bad = parse_entry(m, line, rest);
		}
		if (bad) {
			set_err(err, errlen, "line %d: malformed or repeated record", lineno);
			goto fail;
		}
	}
	if (!m->name[0] || !m->version[0]) {
		set_err(err, errlen, "no name or version record");
		goto fail;
	}
	if (!m->depends)
		m->depends = calloc(1, sizeof(char *));
	if (m->count > 1) {
		struct manifest_entry *sorted = malloc(m->count * sizeof(*sorted));
		if (!sorted) {
			set_err(err, errlen, "out of memory");
			goto fail;
		}
		memcpy(sorted, m->entries, m->count * sizeof(*sorted));
		qsort(sorted, m->count, sizeof(*sorted), cmp_path);
		for (size_t i = 1; i < m->count; i++) {
			if (strcmp(sorted[i - 1].path, sorted[i].path) == 0) {
				set_err(err, errlen, "%s is listed twice", sorted[i].path);
				free(sorted);
				goto fail;
			}
		}
		free(sorted);
	}
	free(copy);
	return 0;
fail:
	free(copy);
	manifest_free(m);
	return -1;
}

void manifest_free(struct manifest *m)
{
	for (size_t i = 0; i < m->count; i++) {
		free(m->entries[i].path);
		free(m->entries[i].target);
	}
	free(m->entries);
	if (m->depends)
		for (char **d = m->depends; *d; d++)
			free(*d);
	free(m->depends);
	free(m->summary);
	memset(m, 0, sizeof(*m));
}

const struct manifest_entry *manifest_find(const struct manifest *m, const char *path)
{
	for (size_t i = 0; i < m->count; i++)
		if (strcmp(m->entries[i].path, path) == 0)
			return &m->entries[i];
	return NULL;
}
