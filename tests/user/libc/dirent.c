/*
 * <dirent.h>: directory streams over getdents64(2). A directory of known
 * files is listed with readdir() and readdir_r(), positions are saved and
 * restored with telldir()/seekdir(), and scandir() filters and sorts.
 */
#define _GNU_SOURCE
#define AREA "libc-dirent"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tap.h"

#define DIR_   "/tmp/libc-dirent"
#define NFILES 40

static int not_dot(const struct dirent *de)
{
	return de->d_name[0] != '.';
}

static int count_entries(DIR *d, int *dots, int *files)
{
	struct dirent *de;
	int n = 0;

	*dots = *files = 0;
	errno = 0;
	while ((de = readdir(d))) {
		n++;
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			++*dots;
		else if (!strncmp(de->d_name, "file", 4))
			++*files;
	}
	return errno ? -1 : n;
}

int main(void)
{
	char path[300];
	struct dirent *de, entry, *res;
	struct stat st, dst;
	int dots, files, n, fd;
	DIR *d;

	mkdir(DIR_, 0755);
	for (int i = 0; i < NFILES; i++) {
		snprintf(path, sizeof(path), DIR_ "/file%02d", NFILES - 1 - i);
		fd = open(path, O_CREAT | O_WRONLY, 0644);
		close(fd);
	}
	mkdir(DIR_ "/subdir", 0755);

	d = opendir(DIR_);
	CHECK(d != NULL, "opendir() opens a directory");
	n = count_entries(d, &dots, &files);
	CHECK(n == NFILES + 3 && dots == 2 && files == NFILES,
	      "readdir() returns . .. and every file once (%d entries)", n);
	CHECK(readdir(d) == NULL && errno == 0,
	      "readdir() at the end is NULL with errno unchanged");
	rewinddir(d);
	n = count_entries(d, &dots, &files);
	CHECK(n == NFILES + 3, "rewinddir() starts the listing again (%d)", n);

	rewinddir(d);
	long pos = 0;
	char name_after[256] = "";
	for (int i = 0; i < 10; i++) {
		de = readdir(d);
		if (i == 4)
			pos = telldir(d);
		if (i == 5 && de)
			strcpy(name_after, de->d_name);
	}
	seekdir(d, pos);
	de = readdir(d);
	CHECK(de && !strcmp(de->d_name, name_after),
	      "seekdir() to a telldir() position gives the same next entry (%s)", name_after);

	CHECK(fstat(dirfd(d), &st) == 0 && stat(DIR_, &dst) == 0 && st.st_ino == dst.st_ino,
	      "dirfd() is a descriptor of the directory");
	rewinddir(d);
	int found_sub = 0, found_file = 0;
	while ((de = readdir(d))) {
		if (!strcmp(de->d_name, "subdir"))
			found_sub = de->d_type == DT_DIR || de->d_type == DT_UNKNOWN;
		if (!strcmp(de->d_name, "file07"))
			found_file =
			    (de->d_type == DT_REG || de->d_type == DT_UNKNOWN) && de->d_ino != 0;
	}
	CHECK(found_sub && found_file, "d_type says DT_DIR and DT_REG, d_ino is set");
	rewinddir(d);
	n = 0;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
	while (readdir_r(d, &entry, &res) == 0 && res == &entry)
		n++;
#pragma GCC diagnostic pop
	CHECK(n == NFILES + 3 && res == NULL, "readdir_r() copies every entry and ends with NULL");
	CHECK(closedir(d) == 0, "closedir() succeeds");

	fd = open(DIR_, O_RDONLY | O_DIRECTORY);
	d = fdopendir(fd);
	CHECK(d && dirfd(d) == fd, "fdopendir() takes over the descriptor");
	CHECK(d && count_entries(d, &dots, &files) == NFILES + 3,
	      "fdopendir() lists the directory");
	if (d)
		closedir(d);
	CHECK(fcntl(fd, F_GETFD) == -1 && errno == EBADF, "closedir() closed the descriptor");

	fd = open(DIR_ "/file00", O_RDONLY);
	errno = 0;
	CHECK(fdopendir(fd) == NULL && errno == ENOTDIR,
	      "fdopendir() of a file fails with ENOTDIR");
	close(fd);
	CHECK(opendir(DIR_ "/file00") == NULL && errno == ENOTDIR,
	      "opendir() of a file fails with ENOTDIR");
	CHECK(opendir(DIR_ "/missing") == NULL && errno == ENOENT,
	      "opendir() of a missing path fails with ENOENT");

	struct dirent **list;
	n = scandir(DIR_, &list, not_dot, alphasort);
	int sorted = n == NFILES + 1;
	for (int i = 1; sorted && i < n; i++)
		sorted = strcmp(list[i - 1]->d_name, list[i]->d_name) < 0;
	CHECK(sorted && !strcmp(list[0]->d_name, "file00") &&
	          !strcmp(list[n - 1]->d_name, "subdir"),
	      "scandir() with a filter and alphasort gives the sorted names (%d)", n);
	for (int i = 0; i < n; i++)
		free(list[i]);
	if (n >= 0)
		free(list);
	CHECK(scandir(DIR_ "/missing", &list, NULL, NULL) == -1 && errno == ENOENT,
	      "scandir() of a missing directory fails with ENOENT");

	for (int i = 0; i < NFILES; i++) {
		snprintf(path, sizeof(path), DIR_ "/file%02d", i);
		unlink(path);
	}
	rmdir(DIR_ "/subdir");
	d = opendir(DIR_);
	CHECK(d && count_entries(d, &dots, &files) == 2,
	      "an emptied directory lists . and .. only");
	if (d)
		closedir(d);
	CHECK(rmdir(DIR_) == 0, "the directory is removed");
	return tap_done();
}
