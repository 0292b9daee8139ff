/*
 * stdio and string functions beyond the basics: strsignal() and psignal()
 * (captured from standard error), getline() and getdelim() (growing the
 * caller's buffer, embedded NULs, the last line without a newline, EOF),
 * dprintf() to a pipe, open_memstream() (the pointer and size after fflush
 * and fclose) and fmemopen() (reading, writing with the NUL terminator,
 * seeking, a full buffer), flockfile()/ftrylockfile()/funlockfile() between
 * two threads.
 */
#define _GNU_SOURCE
#define AREA "libc-stdio"
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tap.h"

/* Runs psignal(sig, prefix) with standard error sent to a pipe; returns what it wrote. */
static const char *capture_psignal(int sig, const char *prefix)
{
	static char out[128];
	int p[2], saved;
	ssize_t n;

	out[0] = 0;
	fflush(stderr);
	if (pipe(p))
		return out;
	saved = dup(2);
	dup2(p[1], 2);
	psignal(sig, prefix);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	close(p[1]);
	n = read(p[0], out, sizeof(out) - 1);
	out[n > 0 ? n : 0] = 0;
	close(p[0]);
	return out;
}

/* A thread's ftrylockfile on f: 0 if it got the lock (then released), else nonzero. */
static void *try_lock(void *f)
{
	int r = ftrylockfile(f);

	if (r == 0)
		funlockfile(f);
	return (void *)(long)(r == 0 ? 0 : 1);
}

static int other_thread_try(FILE *f)
{
	pthread_t t;
	void *res = (void *)2L;

	if (pthread_create(&t, NULL, try_lock, f) || pthread_join(t, &res))
		return 2;
	return (int)(long)res;
}

int main(void)
{
	const char *s;

	/* strsignal and psignal. */
	s = strsignal(SIGINT);
	CHECK(s && !strcmp(s, "Interrupt"), "strsignal(SIGINT) (%s)", s);
	s = strsignal(SIGSEGV);
	CHECK(s && !strcmp(s, "Segmentation fault"), "strsignal(SIGSEGV) (%s)", s);
	s = strsignal(SIGKILL);
	CHECK(s && !strcmp(s, "Killed"), "strsignal(SIGKILL) (%s)", s);
	s = strsignal(SIGUSR1);
	CHECK(s && !strcmp(s, "User defined signal 1"), "strsignal(SIGUSR1) (%s)", s);
	s = strsignal(SIGCHLD);
	CHECK(s && !strcmp(s, "Child exited"), "strsignal(SIGCHLD) (%s)", s);
	s = strsignal(12345);
	CHECK(s && !strncmp(s, "Unknown signal", 14), "strsignal of an unknown number (%s)", s);
	s = capture_psignal(SIGTERM, "worker");
	CHECK(!strcmp(s, "worker: Terminated\n"), "psignal writes 'prefix: message' to stderr");
	s = capture_psignal(SIGPIPE, NULL);
	CHECK(!strcmp(s, "Broken pipe\n"), "psignal with no prefix writes the message alone");

	/* getline and getdelim on a file. */
	FILE *f = tmpfile();
	CHECK(f != NULL, "tmpfile");
	if (!f)
		return tap_done();
	fputs("first\n", f);
	for (int i = 0; i < 300; i++)
		fputc('a' + i % 26, f);
	fputc('\n', f);
	fwrite("nul\0inside\n", 1, 11, f);
	fputs("k1:v1:last", f);
	rewind(f);
	char *line = NULL;
	size_t cap = 0;
	ssize_t n = getline(&line, &cap, f);
	CHECK(n == 6 && !strcmp(line, "first\n") && cap >= 7,
	      "getline allocates the buffer and keeps the newline");
	n = getline(&line, &cap, f);
	CHECK(n == 301 && line[300] == '\n' && line[0] == 'a' && cap >= 302,
	      "getline grows the buffer for a 301-byte line (%zd, cap %zu)", n, cap);
	n = getline(&line, &cap, f);
	CHECK(n == 11 && !memcmp(line, "nul\0inside\n", 11),
	      "getline returns the length of a line with a NUL inside");
	n = getdelim(&line, &cap, ':', f);
	CHECK(n == 3 && !strcmp(line, "k1:"), "getdelim stops after the delimiter");
	n = getdelim(&line, &cap, ':', f);
	CHECK(n == 3 && !strcmp(line, "v1:"), "getdelim again");
	n = getdelim(&line, &cap, ':', f);
	CHECK(n == 4 && !strcmp(line, "last"), "getdelim returns the last piece at EOF");
	n = getline(&line, &cap, f);
	CHECK(n == -1 && feof(f), "getline returns -1 at the end of the file");
	errno = 0;
	CHECK(getline(NULL, &cap, f) == -1 && errno == EINVAL, "getline(NULL, ...) is EINVAL");
	free(line);
	fclose(f);

	/* dprintf to a descriptor. */
	int p[2];
	char got[64] = {0};
	if (pipe(p) == 0) {
		int w = dprintf(p[1], "%s=%d;%04x", "x", 42, 255);
		close(p[1]);
		ssize_t r = read(p[0], got, sizeof(got) - 1);
		close(p[0]);
		CHECK(w == 9 && r == 9 && !strcmp(got, "x=42;00ff"),
		      "dprintf formats to a pipe (%d bytes: %s)", w, got);
	}
	CHECK(dprintf(-1, "x") < 0, "dprintf to a bad descriptor fails");

	/* open_memstream. */
	char *ms = NULL;
	size_t msz = 1234;
	f = open_memstream(&ms, &msz);
	CHECK(f != NULL, "open_memstream");
	if (f) {
		fprintf(f, "hello %d", 7);
		fflush(f);
		CHECK(ms && msz == 7 && !strcmp(ms, "hello 7"),
		      "open_memstream: fflush publishes the pointer and size");
		for (int i = 0; i < 1000; i++)
			fputc('0' + i % 10, f);
		fclose(f);
		CHECK(ms && msz == 1007 && ms[1007] == 0 && ms[1006] == '9',
		      "open_memstream: fclose leaves 1007 bytes, NUL-terminated (%zu)", msz);
		free(ms);
	}

	/* fmemopen. */
	char src[] = "line one\nline two\n";
	f = fmemopen(src, strlen(src), "r");
	CHECK(f != NULL, "fmemopen for reading");
	if (f) {
		char b[32];
		CHECK(fgets(b, sizeof(b), f) && !strcmp(b, "line one\n"), "fmemopen: fgets");
		CHECK(fgets(b, sizeof(b), f) && !strcmp(b, "line two\n"), "fmemopen: fgets again");
		CHECK(fgets(b, sizeof(b), f) == NULL && feof(f), "fmemopen: EOF at the size");
		CHECK(fseek(f, 5, SEEK_SET) == 0 && fgetc(f) == 'o', "fmemopen: fseek and fgetc");
		fclose(f);
	}
	char dst[16];
	memset(dst, 'X', sizeof(dst));
	f = fmemopen(dst, sizeof(dst), "w");
	CHECK(f != NULL, "fmemopen for writing");
	if (f) {
		fprintf(f, "%d-%s", 12, "ab");
		fflush(f);
		CHECK(!strcmp(dst, "12-ab"), "fmemopen: fflush writes the data and a NUL");
		CHECK(ftell(f) == 5, "fmemopen: ftell is the bytes written");
		fclose(f);
	}
	f = fmemopen(dst, 4, "w");
	if (f) {
		setvbuf(f, NULL, _IONBF, 0);
		int r = fputs("toolong", f);
		CHECK(r == EOF || ftell(f) <= 4, "fmemopen: writing past the buffer fails");
		fclose(f);
	}
	f = fmemopen(NULL, 64, "w+");
	CHECK(f != NULL, "fmemopen(NULL, 64, \"w+\") allocates its own buffer");
	if (f) {
		char b[16] = {0};
		fputs("round", f);
		rewind(f);
		CHECK(fread(b, 1, 5, f) == 5 && !strcmp(b, "round"),
		      "fmemopen: what was written reads back");
		fclose(f);
	}

	/* FILE locks between threads. */
	f = tmpfile();
	if (f) {
		flockfile(f);
		flockfile(f);
		CHECK(ftrylockfile(f) == 0, "ftrylockfile: the owner takes its lock again");
		CHECK(other_thread_try(f) == 1, "ftrylockfile: another thread cannot take a held lock");
		funlockfile(f);
		funlockfile(f);
		CHECK(other_thread_try(f) == 1, "the lock is held until the last funlockfile");
		funlockfile(f);
		CHECK(other_thread_try(f) == 0, "ftrylockfile: another thread takes a free lock");
		flockfile(f);
		fputs("locked write", f);
		funlockfile(f);
		CHECK(ftell(f) == 12, "stdio calls work while the caller holds the lock");
		fclose(f);
	}
	return tap_done();
}
