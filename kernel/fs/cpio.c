/*
 * A "newc" cpio archive walker for the initial ramdisk (format in fs/cpio.h).
 *
 * The archive comes from the boot loader and is not trusted: every size read
 * from a header is checked against what is left of the buffer before it is
 * used, and offsets only ever grow, so a malformed archive ends the walk with
 * -EINVAL instead of a read out of bounds or an endless loop.
 */
#include <errno.h>
#include <fs/cpio.h>
#include <lib/string.h>
#include <types.h>

void cpio_iter_init(struct cpio_iter *it, const void *archive, size_t len)
{
	it->base = archive;
	it->len = len;
	it->off = 0;
	it->done = false;
	it->result = 0;
}

/* Parses 8 ASCII hex digits into *out. Returns false if any is not a hex digit. */
static bool cpio_hex(const char field[8], uint32_t *out)
{
	uint32_t v = 0;

	for (int i = 0; i < 8; i++) {
		char c = field[i];
		uint32_t d;

		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			d = c - 'A' + 10;
		else
			return false;
		v = v << 4 | d;
	}
	*out = v;
	return true;
}

/* Rounds x up to a multiple of 4 in *out. Returns false if that would wrap. */
static bool cpio_align4(size_t x, size_t *out)
{
	return !__builtin_add_overflow(x, (4 - x % 4) % 4, out);
}

/* Decodes the header fields into *e, leaving name and data unset. Returns false on a bad field. */
static bool cpio_decode_header(const struct cpio_newc_header *h, struct cpio_entry *e,
                               uint32_t *namesize)
{
	uint32_t mtime, filesize, check;

	if (memcmp(h->c_magic, CPIO_NEWC_MAGIC, 6) != 0 &&
	    memcmp(h->c_magic, CPIO_CRC_MAGIC, 6) != 0)
		return false;
	if (!cpio_hex(h->c_ino, &e->ino) || !cpio_hex(h->c_mode, &e->mode) ||
	    !cpio_hex(h->c_uid, &e->uid) || !cpio_hex(h->c_gid, &e->gid) ||
	    !cpio_hex(h->c_nlink, &e->nlink) || !cpio_hex(h->c_mtime, &mtime) ||
	    !cpio_hex(h->c_filesize, &filesize) || !cpio_hex(h->c_devmajor, &e->devmajor) ||
	    !cpio_hex(h->c_devminor, &e->devminor) || !cpio_hex(h->c_rdevmajor, &e->rdevmajor) ||
	    !cpio_hex(h->c_rdevminor, &e->rdevminor) || !cpio_hex(h->c_namesize, namesize) ||
	    !cpio_hex(h->c_check, &check))
		return false;
	e->mtime = mtime;
	e->size = filesize;
	return true;
}

/* Drops leading slashes and "./" prefixes from e's name. */
static void cpio_strip_name(struct cpio_entry *e)
{
	for (;;) {
		if (e->namelen >= 1 && e->name[0] == '/') {
			e->name++;
			e->namelen--;
		} else if (e->namelen >= 2 && e->name[0] == '.' && e->name[1] == '/') {
			e->name += 2;
			e->namelen -= 2;
		} else {
			return;
		}
	}
}

/*
 * Reads the entry at it->off into *e and moves it->off past it. Returns 1 for
 * an entry, 0 at the trailer or a clean end of the buffer, -EINVAL if malformed.
 */
static int cpio_read_entry(struct cpio_iter *it, struct cpio_entry *e)
{
	size_t off = it->off, name_off, data_off, data_end, next;
	const char *name;
	uint32_t namesize;

	if (off == it->len)
		return 0;
	if (it->len - off < CPIO_HDR_SIZE)
		return -EINVAL;
	if (!cpio_decode_header((const struct cpio_newc_header *)(it->base + off), e, &namesize))
		return -EINVAL;

	name_off = off + CPIO_HDR_SIZE;
	if (namesize == 0 || namesize > it->len - name_off)
		return -EINVAL;
	name = (const char *)it->base + name_off;
	if (memchr(name, '\0', namesize) != name + namesize - 1)
		return -EINVAL;
	if (namesize == sizeof(CPIO_TRAILER) && memcmp(name, CPIO_TRAILER, namesize) == 0)
		return 0;

	if (!cpio_align4(name_off + namesize, &data_off) || data_off > it->len ||
	    e->size > it->len - data_off)
		return -EINVAL;
	data_end = data_off + e->size;
	/* The padding after the last member's data may be cut off by the end of the buffer. */
	if (!cpio_align4(data_end, &next) || next > it->len)
		next = it->len;

	e->name = name;
	e->namelen = namesize - 1;
	e->data = it->base + data_off;
	it->off = next;
	return 1;
}

int cpio_next(struct cpio_iter *it, struct cpio_entry *e)
{
	while (!it->done) {
		int rc = cpio_read_entry(it, e);

		if (rc <= 0) {
			it->done = true;
			it->result = rc;
			break;
		}
		cpio_strip_name(e);
		/* The archive's root directory, "." or "./", is not a member of its own. */
		if (e->namelen == 0 || (e->namelen == 1 && e->name[0] == '.'))
			continue;
		return 1;
	}
	return it->result;
}
