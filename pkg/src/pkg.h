/*
 * pkg's commands. Each prints its own errors as "pkg: ..." on stderr and
 * returns 0 on success, 1 on failure. root is the directory packages are
 * installed under ("/" on a running system, a staging tree on the host).
 */
#ifndef PKG_PKG_H
#define PKG_PKG_H

struct pkg_opts {
	const char *root;
	const char *repo;   /* a directory with INDEX and the .cpkg files, or NULL */
	int force;          /* install over unowned files; remove needed packages */
};

int pkg_install_file(const struct pkg_opts *o, const char *path);
int pkg_install_name(const struct pkg_opts *o, const char *name);
int pkg_remove(const struct pkg_opts *o, const char *name);
int pkg_list(const struct pkg_opts *o);
int pkg_info(const struct pkg_opts *o, const char *name);
int pkg_verify(const struct pkg_opts *o, const char *name);

#endif
