/* File helpers shared by pkg's commands. */
#ifndef PKG_UTIL_H
#define PKG_UTIL_H

#include <stddef.h>
#include <sys/types.h>

/* The whole file in a new NUL-terminated buffer (length in *len), or NULL with errno. */
char *read_file(const char *path, size_t *len);
/* Writes path through path.tmp and rename(2); 0 or -1 with errno. */
int write_file_atomic(const char *path, const void *data, size_t len, mode_t mode);
/* mkdir -p; 0 or -1 with errno. */
int mkdir_p(const char *path, mode_t mode);
/* Formats a message into err (errlen bytes) and returns -1, for error paths. */
int errorf(char *err, size_t errlen, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* The sha256 of a file's contents as hex; 0 or -1 with errno. */
int sha256_file(const char *path, char hex[65]);

#endif
