/*
 * The kernel's own copies of the C string and memory functions, in
 * kernel/lib/string.c. The kernel links no libc, yet GCC may emit calls to
 * memcpy, memset, memmove and memcmp for struct copies and initializers even
 * in freestanding code, so those names must exist. Each function has its
 * standard C semantics; strlcpy follows BSD.
 */
#ifndef CAIRN_LIB_STRING_H
#define CAIRN_LIB_STRING_H

#include <stddef.h>

/* Copies n bytes from src to dst; the ranges must not overlap. Returns dst. */
void *memcpy(void *restrict dst, const void *restrict src, size_t n);
/* Copies n bytes from src to dst; the ranges may overlap. Returns dst. */
void *memmove(void *dst, const void *src, size_t n);
/* Fills n bytes at dst with (unsigned char)c. Returns dst. */
void *memset(void *dst, int c, size_t n);
/* Compares n bytes as unsigned char: <0, 0 or >0 as a sorts before b. */
int memcmp(const void *a, const void *b, size_t n);
/* Returns the first of n bytes at s equal to (unsigned char)c, or NULL. */
void *memchr(const void *s, int c, size_t n);

/* Returns the number of bytes before the NUL. */
size_t strlen(const char *s);
/* Returns strlen(s) but at most max, reading no more than max bytes. */
size_t strnlen(const char *s, size_t max);
/* Compares as unsigned char up to the first difference or NUL. */
int strcmp(const char *a, const char *b);
/* As strcmp, looking at no more than n bytes. */
int strncmp(const char *a, const char *b, size_t n);
/* Returns the first (strchr) or last (strrchr) c in s, or NULL; c may be NUL. */
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
/* Copies src with its NUL into dst, which must be large enough. Returns dst. */
char *strcpy(char *restrict dst, const char *restrict src);
/*
 * Copies at most n bytes of src to dst and NUL-fills the rest of the n bytes.
 * dst is not terminated when strlen(src) >= n. Returns dst.
 */
char *strncpy(char *restrict dst, const char *restrict src, size_t n);
/*
 * Copies src into dst of the given size, truncating and always terminating
 * when size > 0. Returns strlen(src); truncation happened if that is >= size.
 */
size_t strlcpy(char *restrict dst, const char *restrict src, size_t size);
/* Returns the first occurrence of needle in haystack, or haystack if needle is "". */
char *strstr(const char *haystack, const char *needle);

#endif
