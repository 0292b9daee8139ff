/*
 * __pathconf_value: the value pathconf() and fpathconf() give for name, the
 * same on every filesystem Cairn has (ext2, ramfs, the initrd): Linux's
 * limits. -1 with errno unchanged for a limit that does not exist, -1 with
 * EINVAL for an unknown name.
 */
#include <errno.h>
#include <unistd.h>
#include <uapi/limits.h>

#include "internal/libc.h"

long __pathconf_value(int name)
{
	switch (name) {
	case _PC_LINK_MAX:
		return LINK_MAX;
	case _PC_MAX_CANON:
	case _PC_MAX_INPUT:
		return 255;
	case _PC_NAME_MAX:
		return NAME_MAX;
	case _PC_PATH_MAX:
		return PATH_MAX;
	case _PC_PIPE_BUF:
		return PIPE_BUF;
	case _PC_CHOWN_RESTRICTED:
	case _PC_NO_TRUNC:
		return 1;
	case _PC_VDISABLE:
		return 0;
	case _PC_FILESIZEBITS:
		return 64;
	case _PC_2_SYMLINKS:
		return 1;
	case _PC_SYMLINK_MAX:
	case _PC_ASYNC_IO:
	case _PC_PRIO_IO:
	case _PC_SYNC_IO:
	case _PC_ALLOC_SIZE_MIN:
	case _PC_REC_INCR_XFER_SIZE:
	case _PC_REC_MAX_XFER_SIZE:
	case _PC_REC_MIN_XFER_SIZE:
	case _PC_REC_XFER_ALIGN:
		return -1;
	case _PC_TIMESTAMP_RESOLUTION:
		return 1;
	default:
		errno = EINVAL;
		return -1;
	}
}
