/* Helpers of the user database parsers (internal/userdb.h). */
#ifndef _CAIRN_INTERNAL_USERDB_FIELDS_H
#define _CAIRN_INTERNAL_USERDB_FIELDS_H

/* Splits line at colons into at most max fields in place; returns how many. */
int __userdb_fields(char *line, char **field, int max);

/*
 * A numeric id field: decimal digits only, fitting 32 bits. Returns 0 and
 * the value in *id, or -1.
 */
int __userdb_id(const char *s, unsigned int *id);

#endif
