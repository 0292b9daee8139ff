/* __resolv_conf_parse: /etc/resolv.conf's name servers and options (internal/dns.h). */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "internal/dns.h"

static int clamp(long v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : (int)v;
}

static void option(struct __resolv_conf *rc, const char *opt)
{
	if (!strncmp(opt, "timeout:", 8))
		rc->timeout = clamp(strtol(opt + 8, NULL, 10), 1, 30);
	else if (!strncmp(opt, "attempts:", 9))
		rc->attempts = clamp(strtol(opt + 9, NULL, 10), 1, 5);
}

void __resolv_conf_parse(FILE *f, struct __resolv_conf *rc)
{
	char line[256];

	memset(rc, 0, sizeof(*rc));
	rc->timeout = 5;
	rc->attempts = 2;
	while (f && fgets(line, sizeof(line), f)) {
		char *save, *key = strtok_r(line, " \t\r\n", &save), *arg;

		if (!key || key[0] == '#' || key[0] == ';')
			continue;
		if (!strcmp(key, "nameserver")) {
			arg = strtok_r(NULL, " \t\r\n", &save);
			if (!arg || rc->count == RESOLV_MAX_NS)
				continue;
			if (inet_pton(AF_INET, arg, rc->ns[rc->count].addr) == 1)
				rc->ns[rc->count++].family = AF_INET;
			else if (inet_pton(AF_INET6, arg, rc->ns[rc->count].addr) == 1)
				rc->ns[rc->count++].family = AF_INET6;
		} else if (!strcmp(key, "options")) {
			while ((arg = strtok_r(NULL, " \t\r\n", &save)))
				option(rc, arg);
		}
	}
	if (rc->count == 0) {
		rc->ns[0].family = AF_INET;
		memcpy(rc->ns[0].addr, "\x7f\0\0\1", 4);
		rc->count = 1;
	}
}
