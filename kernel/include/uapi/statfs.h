/* struct statfs for statfs(2)/fstatfs(2) and filesystem magic numbers: Linux x86-64's. */
#ifndef CAIRN_UAPI_STATFS_H
#define CAIRN_UAPI_STATFS_H

typedef struct {
	int val[2];
} kernel_fsid_t;

struct statfs {
	long f_type;   /* one of the *_MAGIC numbers below */
	long f_bsize;  /* the optimal transfer block size */
	long f_blocks; /* size in f_frsize units */
	long f_bfree;
	long f_bavail; /* free for unprivileged users */
	long f_files;  /* inodes */
	long f_ffree;
	kernel_fsid_t f_fsid;
	long f_namelen;
	long f_frsize;
	long f_flags; /* ST_* mount flags */
	long f_spare[4];
};

#define EXT2_SUPER_MAGIC 0xEF53
#define MSDOS_SUPER_MAGIC 0x4d44
#define TMPFS_MAGIC 0x01021994
#define RAMFS_MAGIC 0x858458f6
#define PROC_SUPER_MAGIC 0x9fa0
#define DEVPTS_SUPER_MAGIC 0x1cd1
#define PIPEFS_MAGIC 0x50495045

#endif
