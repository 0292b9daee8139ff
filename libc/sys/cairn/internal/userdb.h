/*
 * The user databases, /etc/passwd, /etc/group and /etc/shadow: text files of
 * colon-separated fields, one entry a line. A lookup reads the file line by
 * line into the caller's buffer and splits the line there in place, so the
 * _r functions need no other memory and are reentrant; the plain functions
 * use a static entry and buffer.
 */
#ifndef _CAIRN_INTERNAL_USERDB_H
#define _CAIRN_INTERNAL_USERDB_H

#include <grp.h>
#include <pwd.h>
#include <shadow.h>
#include <stddef.h>
#include <stdio.h>

#define __PASSWD_PATH "/etc/passwd"
#define __GROUP_PATH  "/etc/group"
#define __SHADOW_PATH "/etc/shadow"

/* The static buffer of the non-reentrant functions (sysconf's _SC_GETPW_R_SIZE_MAX). */
#define __USERDB_BUFSIZE 1024

/*
 * Reads the next line of f into buf without its newline. Returns 1, 0 at
 * the end of the file, or -1 when the line does not fit in size bytes (the
 * rest of it is skipped).
 */
int __userdb_line(FILE *f, char *buf, size_t size);

/*
 * Split a line in buf into an entry whose strings point into buf. A group's
 * member list is an array of pointers placed in buf after the line; size is
 * the whole buffer. Each returns 0, -1 for a malformed line (skipped), or
 * -2 when the member array does not fit.
 */
int __passwd_parse(char *line, struct passwd *pw);
int __group_parse(char *line, size_t size, struct group *gr);
int __shadow_parse(char *line, struct spwd *sp);

/*
 * Look an entry up by name (name != NULL) or by id, the way getpwnam_r()
 * and getpwuid_r() (and their group and shadow peers) report it: 0 with
 * *res the entry or NULL when there is none (or no file), ERANGE when some
 * line did not fit in size bytes and no entry matched, or the error that
 * stopped the reading.
 */
int __passwd_lookup(const char *name, uid_t uid, struct passwd *pw, char *buf, size_t size,
                    struct passwd **res);
int __group_lookup(const char *name, gid_t gid, struct group *gr, char *buf, size_t size,
                   struct group **res);

#endif
