/*
 * <pwd.h>, <grp.h> and <shadow.h> over the test image's /etc/passwd,
 * /etc/group and /etc/shadow (tests/user/libc/etc/, which the host run
 * bind-mounts over the host's files): lookups by name and id, the _r forms
 * and their ERANGE, whole-file iteration, group member lists and
 * getgrouplist(). A malformed line in passwd is skipped.
 */
#define _GNU_SOURCE
#define AREA "libc-pwd"
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <shadow.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include "tap.h"

static int has_member(const struct group *gr, const char *name)
{
	for (char **m = gr->gr_mem; *m; m++)
		if (!strcmp(*m, name))
			return 1;
	return 0;
}

int main(void)
{
	struct passwd *pw, pwbuf, *res;
	struct group *gr, grbuf, *gres;
	struct spwd *sp;
	char buf[1024], tiny[8];
	int n, r;

	pw = getpwnam("root");
	CHECK(pw && pw->pw_uid == 0 && pw->pw_gid == 0 && !strcmp(pw->pw_dir, "/root") &&
	          !strcmp(pw->pw_shell, "/bin/sh"),
	      "getpwnam(root): uid 0, gid 0, /root, /bin/sh");
	pw = getpwnam("cairn");
	CHECK(pw && pw->pw_uid == 1000 && pw->pw_gid == 1000 &&
	          !strcmp(pw->pw_gecos, "Cairn Test User,,,") && !strcmp(pw->pw_passwd, "x"),
	      "getpwnam(cairn): uid 1000, gecos and password fields");
	pw = getpwuid(1001);
	CHECK(pw && !strcmp(pw->pw_name, "guest") && pw->pw_gid == 100 && !strcmp(pw->pw_gecos, ""),
	      "getpwuid(1001) is guest, with an empty gecos");
	pw = getpwuid(65534);
	CHECK(pw && !strcmp(pw->pw_name, "nobody"), "getpwuid(65534) is nobody (after a bad line)");
	errno = 0;
	CHECK(getpwnam("no-such-user") == NULL, "getpwnam() of an unknown user is NULL");
	CHECK(getpwuid(4242) == NULL, "getpwuid() of an unknown uid is NULL");
	CHECK(getpwnam("this line is malformed") == NULL, "a malformed line is no entry");

	r = getpwnam_r("cairn", &pwbuf, buf, sizeof(buf), &res);
	CHECK(r == 0 && res == &pwbuf && pwbuf.pw_uid == 1000 && pwbuf.pw_name >= buf &&
	          pwbuf.pw_name < buf + sizeof(buf),
	      "getpwnam_r() fills the caller's entry from the caller's buffer");
	r = getpwuid_r(4242, &pwbuf, buf, sizeof(buf), &res);
	CHECK(r == 0 && res == NULL, "getpwuid_r() of an unknown uid: 0 and NULL");
	r = getpwnam_r("cairn", &pwbuf, tiny, sizeof(tiny), &res);
	CHECK(r == ERANGE && res == NULL, "getpwnam_r() with an 8-byte buffer: ERANGE");

	setpwent();
	n = 0;
	int saw_root = 0, saw_nobody = 0;
	while ((pw = getpwent())) {
		n++;
		saw_root |= !strcmp(pw->pw_name, "root");
		saw_nobody |= !strcmp(pw->pw_name, "nobody");
	}
	CHECK(n == 5 && saw_root && saw_nobody, "getpwent() walks the 5 valid entries (%d)", n);
	setpwent();
	pw = getpwent();
	CHECK(pw && !strcmp(pw->pw_name, "root"), "setpwent() rewinds to the first entry");
	endpwent();

	gr = getgrnam("wheel");
	CHECK(gr && gr->gr_gid == 10 && has_member(gr, "root") && has_member(gr, "cairn") &&
	          gr->gr_mem[2] == NULL,
	      "getgrnam(wheel): gid 10, members root and cairn");
	gr = getgrgid(2000);
	CHECK(gr && !strcmp(gr->gr_name, "empty") && gr->gr_mem[0] == NULL,
	      "getgrgid(2000): a group with no members");
	CHECK(getgrnam("no-such-group") == NULL && getgrgid(4242) == NULL,
	      "unknown groups are NULL");
	r = getgrnam_r("users", &grbuf, buf, sizeof(buf), &gres);
	CHECK(r == 0 && gres == &grbuf && grbuf.gr_gid == 100 && has_member(&grbuf, "guest"),
	      "getgrnam_r(users) with members in the caller's buffer");
	r = getgrgid_r(100, &grbuf, tiny, sizeof(tiny), &gres);
	CHECK(r == ERANGE && gres == NULL, "getgrgid_r() with an 8-byte buffer: ERANGE");
	setgrent();
	n = 0;
	while (getgrent())
		n++;
	endgrent();
	CHECK(n == 7, "getgrent() walks the 7 groups (%d)", n);

	gid_t groups[8];
	n = 8;
	r = getgrouplist("cairn", 1000, groups, &n);
	int has10 = 0, has100 = 0;
	for (int i = 0; i < n && i < 8; i++) {
		has10 |= groups[i] == 10;
		has100 |= groups[i] == 100;
	}
	CHECK(r == 3 && n == 3 && groups[0] == 1000 && has10 && has100,
	      "getgrouplist(cairn): 1000, wheel and users (%d)", r);
	n = 1;
	r = getgrouplist("cairn", 1000, groups, &n);
	CHECK(r == -1 && n == 3, "getgrouplist() with room for 1 gives -1 and the count 3");

	sp = getspnam("cairn");
	CHECK(sp && !strncmp(sp->sp_pwdp, "$6$cairnsalt$", 13) && sp->sp_lstchg == 19500 &&
	          sp->sp_max == 99999 && sp->sp_inact == 30 && sp->sp_expire == -1,
	      "getspnam(cairn): the hash and the ageing fields, empty ones -1");
	sp = getspnam("guest");
	CHECK(sp && !strcmp(sp->sp_pwdp, "!") && sp->sp_min == -1,
	      "getspnam(guest): a locked account");
	CHECK(getspnam("no-such-user") == NULL, "getspnam() of an unknown user is NULL");
	return tap_done();
}
