/* Opening and verifying .cpkg files. */
#include "package.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gunzip.h"
#include "sha256.h"
#include "tar.h"
#include "util.h"

static char member_type(char tar_type)
{
	switch (tar_type) {
	case '0':
	case '7':
		return 'f';
	case '5':
		return 'd';
	case '2':
		return 'l';
	default:
		return '?';
	}
}

static int check_member(struct package *p, struct tar_entry *e, char *seen, char *err,
			size_t errlen)
{
	size_t n = strlen(e->name);
	while (n > 1 && e->name[n - 1] == '/')
		e->name[--n] = '\0';
	if (!manifest_path_ok(e->name))
		return errorf(err, errlen, "an archive member has an unsafe name");
	const struct manifest_entry *me = manifest_find(&p->m, e->name);
	if (!me)
		return errorf(err, errlen, "%s is in the archive but not in +MANIFEST", e->name);
	size_t i = (size_t)(me - p->m.entries);
	if (seen[i])
		return errorf(err, errlen, "%s appears twice in the archive", e->name);
	seen[i] = 1;
	if (member_type(e->type) != me->type)
		return errorf(err, errlen, "%s: its type differs from +MANIFEST", e->name);
	if (me->type == 'l') {
		if (strcmp(e->linkname, me->target) != 0)
			return errorf(err, errlen, "%s: link target differs from +MANIFEST", e->name);
		return 0;
	}
	if (e->mode != me->mode)
		return errorf(err, errlen, "%s: mode %04o differs from +MANIFEST's %04o", e->name,
			    e->mode, me->mode);
	if (me->type == 'f') {
		char hex[65];
		sha256_hex(e->data, e->size, hex);
		if (strcmp(hex, me->sha256) != 0)
			return errorf(err, errlen, "%s: sha256 %s differs from +MANIFEST's", e->name,
				    hex);
		p->data[i] = e->data;
		p->size[i] = e->size;
	}
	return 0;
}

int package_load(struct package *p, uint8_t *buf, size_t len, char *err, size_t errlen)
{
	memset(p, 0, sizeof(*p));
	p->tar = buf;
	p->tar_len = len;
	struct tar_reader r;
	struct tar_entry e;
	const char *terr = NULL;
	char *seen = NULL;
	tar_open(&r, buf, len);
	int got = tar_next(&r, &e, &terr);
	if (got <= 0 || strcmp(e.name, "+MANIFEST") != 0 || member_type(e.type) != 'f') {
		errorf(err, errlen, got < 0 ? "bad archive: %s" : "+MANIFEST is not the first member",
		     terr);
		goto bad;
	}
	p->manifest_text = (const char *)e.data;
	p->manifest_len = e.size;
	char merr[200];
	if (manifest_parse(&p->m, (const char *)e.data, e.size, merr, sizeof(merr))) {
		errorf(err, errlen, "+MANIFEST: %s", merr);
		goto bad;
	}
	size_t count = p->m.count ? p->m.count : 1;
	p->data = calloc(count, sizeof(*p->data));
	p->size = calloc(count, sizeof(*p->size));
	seen = calloc(count, 1);
	if (!p->data || !p->size || !seen) {
		errorf(err, errlen, "out of memory");
		goto bad;
	}
	while ((got = tar_next(&r, &e, &terr)) == 1)
		if (check_member(p, &e, seen, err, errlen))
			goto bad;
	if (got < 0) {
		errorf(err, errlen, "bad archive: %s", terr);
		goto bad;
	}
	for (size_t i = 0; i < p->m.count; i++) {
		if (!seen[i]) {
			errorf(err, errlen, "%s is in +MANIFEST but not in the archive",
			     p->m.entries[i].path);
			goto bad;
		}
	}
	free(seen);
	return 0;
bad:
	free(seen);
	package_close(p);
	return -1;
}

int package_open(struct package *p, const char *path, char *err, size_t errlen)
{
	uint8_t *buf;
	size_t len;
	memset(p, 0, sizeof(*p));
	if (gunzip_file(path, PKG_MAX_SIZE, &buf, &len, err, errlen))
		return -1;
	return package_load(p, buf, len, err, errlen);
}

void package_close(struct package *p)
{
	manifest_free(&p->m);
	free(p->data);
	free(p->size);
	free(p->tar);
	memset(p, 0, sizeof(*p));
}
