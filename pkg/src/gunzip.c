/* Inflating a whole gzip file into memory with zlib. */
#include "gunzip.h"

#include <stdio.h>
#include <stdlib.h>
#include <zlib.h>

#include "util.h"

/* Inflates the gzip file at path into a new buffer. */
int gunzip_file(const char *path, size_t max, uint8_t **out, size_t *out_len, char *err,
		size_t errlen)
{
	gzFile gz = gzopen(path, "rb");
	if (!gz)
		return errorf(err, errlen, "cannot open %s", path);
	size_t cap = 1 << 20, len = 0;
	uint8_t *buf = malloc(cap);
	int n = 0;
	while (buf) {
		if (len == cap) {
			if (cap >= max) {
				free(buf);
				gzclose(gz);
				return errorf(err, errlen, "%s inflates to more than %zu MiB", path,
					    max >> 20);
			}
			uint8_t *grown = realloc(buf, cap * 2);
			if (!grown)
				break;
			buf = grown;
			cap *= 2;
		}
		n = gzread(gz, buf + len, (unsigned)(cap - len));
		if (n <= 0)
			break;
		len += (size_t)n;
	}
	int zerr = 0;
	const char *msg = gzerror(gz, &zerr);
	/* zlib reads a file without a gzip header as is; a package must be gzip'd. */
	int bad = !buf || n < 0 || zerr != Z_OK || gzdirect(gz);
	if (gzdirect(gz))
		msg = "no gzip header";
	gzclose(gz);
	if (bad) {
		free(buf);
		return errorf(err, errlen, "%s is not a valid gzip file (%s)", path,
			    buf ? msg : "out of memory");
	}
	*out = buf;
	*out_len = len;
	return 0;
}
