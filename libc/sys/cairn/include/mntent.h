/*
 * <mntent.h>: newlib has none. Entries of a mount table in fstab(5) format
 * (/etc/fstab, /proc/mounts), glibc's structure and functions
 * (libc/sys/cairn/mntent/).
 */
#ifndef _MNTENT_H
#define _MNTENT_H

#include <stdio.h>
#include <sys/cdefs.h>

#define MOUNTED "/proc/mounts"
#define _PATH_MOUNTED MOUNTED
#define MNTTAB "/etc/fstab"
#define _PATH_MNTTAB MNTTAB

#define MNTTYPE_IGNORE "ignore"
#define MNTTYPE_NFS "nfs"
#define MNTTYPE_SWAP "swap"
#define MNTOPT_DEFAULTS "defaults"
#define MNTOPT_RO "ro"
#define MNTOPT_RW "rw"
#define MNTOPT_SUID "suid"
#define MNTOPT_NOSUID "nosuid"
#define MNTOPT_NOAUTO "noauto"

struct mntent {
	char *mnt_fsname; /* the device or server */
	char *mnt_dir;    /* the mount point */
	char *mnt_type;   /* the filesystem type */
	char *mnt_opts;   /* comma-separated options */
	int mnt_freq;     /* dump frequency in days */
	int mnt_passno;   /* fsck pass number */
};

__BEGIN_DECLS
FILE *setmntent(const char *, const char *);
struct mntent *getmntent(FILE *);
struct mntent *getmntent_r(FILE *, struct mntent *, char *, int);
int addmntent(FILE *, const struct mntent *);
int endmntent(FILE *);
char *hasmntopt(const struct mntent *, const char *);
__END_DECLS

#endif
