/* The kernel command line: space-separated "key" or "key=value" words. */
#ifndef CAIRN_CMDLINE_H
#define CAIRN_CMDLINE_H

#include <types.h>

/*
 * Copies the value of key into buf (empty for a bare "key") and returns true,
 * or returns false when key is absent. The last occurrence wins.
 */
bool cmdline_get(const char *key, char *buf, size_t size);
bool cmdline_has(const char *key);

#endif
