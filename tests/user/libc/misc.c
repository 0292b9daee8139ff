/*
 * The rest of the surface: err()/warn() messages and exit statuses,
 * syslog() with LOG_PERROR and without a logger, mkstemp()/mkdtemp(),
 * realpath(), the "C" and "C.UTF-8" locales with multibyte conversions.
 * Messages are caught in a child whose stderr is a pipe.
 */
#define _GNU_SOURCE
#define AREA "libc-misc"
#include <err.h>
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <syslog.h>
#include <unistd.h>
#include <wchar.h>

#include "tap.h"

/* Runs fn in a child with stderr on a pipe; its output into buf, its status returned. */
static int capture(void (*fn)(void), char *buf, size_t size)
{
	int p[2], status = -1;
	ssize_t n, got = 0;
	pid_t pid;

	if (pipe(p) < 0)
		return -1;
	pid = fork();
	if (pid == 0) {
		dup2(p[1], 2);
		close(p[0]);
		fn();
		_exit(0);
	}
	close(p[1]);
	while ((n = read(p[0], buf + got, size - 1 - (size_t)got)) > 0)
		got += n;
	buf[got] = 0;
	close(p[0]);
	waitpid(pid, &status, 0);
	return status;
}

static void do_warnx(void)
{
	warnx("count %d", 3);
}
static void do_warn(void)
{
	errno = ENOENT;
	warn("open %s", "x");
}
static void do_errx(void)
{
	errx(7, "fatal");
}
static void do_err(void)
{
	errno = EACCES;
	err(9, NULL);
}
static void do_syslog(void)
{
	openlog("cairn-test", LOG_PERROR, LOG_USER);
	syslog(LOG_ERR, "disk %s", "full");
	setlogmask(LOG_UPTO(LOG_WARNING));
	syslog(LOG_DEBUG, "hidden");
	syslog(LOG_WARNING, "shown");
	closelog();
}

static void check_err(void)
{
	char buf[512], expect[512];
	int status;

	status = capture(do_warnx, buf, sizeof(buf));
	snprintf(expect, sizeof(expect), "%s: count 3\n", program_invocation_short_name);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0 && !strcmp(buf, expect),
	      "warnx() prints \"prog: message\"");
	capture(do_warn, buf, sizeof(buf));
	snprintf(expect, sizeof(expect), "%s: open x: %s\n", program_invocation_short_name,
	         strerror(ENOENT));
	CHECK(!strcmp(buf, expect), "warn() appends strerror(errno)");
	status = capture(do_errx, buf, sizeof(buf));
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 7 && strstr(buf, ": fatal\n"),
	      "errx(7) prints and exits 7");
	status = capture(do_err, buf, sizeof(buf));
	snprintf(expect, sizeof(expect), "%s: %s\n", program_invocation_short_name,
	         strerror(EACCES));
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 9 && !strcmp(buf, expect),
	      "err(9, NULL) prints strerror(errno) and exits 9");
	CHECK(!strcmp(program_invocation_short_name, "libc-misc") ||
	          !strcmp(program_invocation_short_name, "misc"),
	      "program_invocation_short_name is the program's name (%s)",
	      program_invocation_short_name);
}

static void check_syslog(void)
{
	char buf[512];
	int status = capture(do_syslog, buf, sizeof(buf));

	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0 &&
	          strstr(buf, "cairn-test: disk full\n"),
	      "syslog(LOG_PERROR) copies \"ident: message\" to stderr");
	CHECK(!strstr(buf, "hidden") && strstr(buf, "cairn-test: shown\n"),
	      "setlogmask(LOG_UPTO(LOG_WARNING)) drops LOG_DEBUG");
	CHECK(LOG_MAKEPRI(LOG_LOCAL0, LOG_ERR) == 131 && LOG_UPTO(LOG_ERR) == 15,
	      "syslog's values");
}

static void check_files(void)
{
	char tmpl[] = "/tmp/libc-misc-XXXXXX", dtmpl[] = "/tmp/libc-miscd-XXXXXX";
	char real[PATH_MAX];
	struct stat st;
	int fd = mkstemp(tmpl);

	CHECK(fd >= 0 && strncmp(tmpl + 15, "XXXXXX", 6) && fstat(fd, &st) == 0 &&
	          (st.st_mode & 0777) == 0600,
	      "mkstemp() makes a 0600 file with a new name (%s)", tmpl);
	close(fd);
	unlink(tmpl);
	CHECK(mkdtemp(dtmpl) && stat(dtmpl, &st) == 0 && S_ISDIR(st.st_mode) &&
	          (st.st_mode & 0777) == 0700,
	      "mkdtemp() makes a 0700 directory");
	char sub[PATH_MAX];
	snprintf(sub, sizeof(sub), "%s/./../%s", dtmpl, strrchr(dtmpl, '/') + 1);
	CHECK(realpath(sub, real) && !strcmp(real, dtmpl), "realpath() resolves . and .. (%s)",
	      real);
	rmdir(dtmpl);
	errno = 0;
	CHECK(realpath("/tmp/libc-no-such-file", real) == NULL && errno == ENOENT,
	      "realpath() of a missing file: ENOENT");
}

static void check_locale(void)
{
	mbstate_t st;
	wchar_t wc = 0, ws[8];
	char mb[8];

	CHECK(setlocale(LC_ALL, "C") != NULL, "setlocale(C)");
	CHECK(setlocale(LC_CTYPE, "C.UTF-8") != NULL, "setlocale(LC_CTYPE, C.UTF-8)");
	memset(&st, 0, sizeof(st));
	CHECK(mbrtowc(&wc, "\xc3\xa9", 2, &st) == 2 && wc == 0xe9, "mbrtowc() decodes é as U+00E9");
	memset(&st, 0, sizeof(st));
	CHECK(wcrtomb(mb, 0x20ac, &st) == 3 && !memcmp(mb, "\xe2\x82\xac", 3),
	      "wcrtomb() encodes € in 3 bytes");
	CHECK(mbstowcs(ws, "a\xc3\xa9z", 8) == 3 && ws[1] == 0xe9 && wcslen(ws) == 3,
	      "mbstowcs() and wcslen()");
	memset(&st, 0, sizeof(st));
	CHECK(mbrtowc(&wc, "\xff", 1, &st) == (size_t)-1 && errno == EILSEQ,
	      "an invalid byte: EILSEQ");
	CHECK(MB_CUR_MAX >= 4, "MB_CUR_MAX is at least 4 in C.UTF-8");
	setlocale(LC_ALL, "C");
}

int main(void)
{
	check_err();
	check_syslog();
	check_files();
	check_locale();
	return tap_done();
}
