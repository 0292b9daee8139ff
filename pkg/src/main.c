/*
 * pkg: Cairn's package manager (docs/pkg.md).
 *
 *   pkg [--root DIR] [--repo DIR] [--force] install FILE.cpkg|NAME...
 *   pkg [--root DIR] [--force] remove NAME...
 *   pkg [--root DIR] list | info NAME | verify NAME...
 *
 * The same program runs on the host (make image installs the base packages
 * into the staging root with --root) and inside Cairn.
 */
#include <stdio.h>
#include <string.h>

#include "pkg.h"

static int usage(void)
{
	fprintf(stderr, "usage: pkg [--root DIR] [--repo DIR] [--force] "
			"install FILE.cpkg|NAME... | remove NAME... | list | info NAME | "
			"verify NAME...\n");
	return 2;
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && strcmp(s + n - k, suffix) == 0;
}

int main(int argc, char **argv)
{
	struct pkg_opts o = { .root = "/" };
	int i = 1;
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--root") == 0 && i + 1 < argc)
			o.root = argv[++i];
		else if (strcmp(argv[i], "--repo") == 0 && i + 1 < argc)
			o.repo = argv[++i];
		else if (strcmp(argv[i], "--force") == 0)
			o.force = 1;
		else
			return usage();
	}
	if (i >= argc)
		return usage();
	const char *cmd = argv[i++];
	int rc = 0;
	if (strcmp(cmd, "list") == 0 && i == argc)
		return pkg_list(&o);
	if (i == argc)
		return usage();
	for (; i < argc; i++) {
		if (strcmp(cmd, "install") == 0)
			rc |= ends_with(argv[i], ".cpkg") ? pkg_install_file(&o, argv[i])
							  : pkg_install_name(&o, argv[i]);
		else if (strcmp(cmd, "remove") == 0)
			rc |= pkg_remove(&o, argv[i]);
		else if (strcmp(cmd, "info") == 0)
			rc |= pkg_info(&o, argv[i]);
		else if (strcmp(cmd, "verify") == 0)
			rc |= pkg_verify(&o, argv[i]);
		else
			return usage();
	}
	return rc;
}
