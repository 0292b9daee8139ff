/*
 * The files behind <netdb.h>: /etc/hosts ("address name alias..."),
 * /etc/services ("name port/protocol alias...") and /etc/protocols ("name
 * number alias..."), where '#' starts a comment. A host name that is
 * neither numeric nor in /etc/hosts goes to DNS (internal/dns.h).
 */
#ifndef _CAIRN_INTERNAL_NETDB_H
#define _CAIRN_INTERNAL_NETDB_H

#include <netdb.h>
#include <stdio.h>

#define __HOSTS_PATH     "/etc/hosts"
#define __SERVICES_PATH  "/etc/services"
#define __PROTOCOLS_PATH "/etc/protocols"

/* An address of either family, as it appears in struct in_addr or in6_addr. */
struct __netaddr {
	int family;
	unsigned char addr[16];
};

/*
 * Splits the next non-comment line of f into at most max words in buf.
 * Returns the number of words (at least 1), or 0 at the end of the file.
 */
int __netdb_words(FILE *f, char *buf, size_t size, char **word, int max);

/*
 * The addresses /etc/hosts gives name (matched without case against names
 * and aliases) in family (AF_UNSPEC: both), in file order, up to max of
 * them; the first matching line's name into canon. Returns their count.
 */
int __hosts_by_name(const char *name, int family, struct __netaddr *out, int max, char *canon,
                    size_t canon_size);

/* The first /etc/hosts name of addr into name; 0, or -1 if absent or too long. */
int __hosts_by_addr(const struct __netaddr *addr, char *name, size_t size);

/*
 * The port (host order) of service name for proto ("tcp", "udp"; NULL: the
 * first entry), or -1. __service_by_port: the name of port for proto into
 * name; 0, or -1.
 */
int __service_port(const char *name, const char *proto);
int __service_by_port(int port, const char *proto, char *name, size_t size);

#endif
