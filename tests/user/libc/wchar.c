/*
 * Locales and wide characters: setlocale() with "C", "C.UTF-8" and "POSIX"
 * (and an unknown name refused), MB_CUR_MAX, UTF-8 decoding with mbrtowc()
 * (one to four bytes, a sequence split across calls, invalid and overlong
 * bytes, a NUL), encoding with wcrtomb(), whole strings with mbstowcs() and
 * wcstombs(), and wcwidth()/wcswidth() for ASCII, wide CJK, combining and
 * control characters.
 */
#define _GNU_SOURCE
#define AREA "libc-wchar"
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "tap.h"

/* mbrtowc of the n bytes at s from a fresh state: the result, *wc set. */
static size_t decode(const char *s, size_t n, wchar_t *wc)
{
	mbstate_t st;

	memset(&st, 0, sizeof(st));
	*wc = 0;
	return mbrtowc(wc, s, n, &st);
}

int main(void)
{
	const char *l;
	wchar_t wc;
	mbstate_t st;
	char buf[MB_LEN_MAX * 4];

	l = setlocale(LC_ALL, NULL);
	CHECK(l && !strcmp(l, "C"), "a program starts in the C locale (%s)", l ? l : "NULL");
	CHECK(MB_CUR_MAX == 1, "MB_CUR_MAX is 1 in the C locale");
	CHECK(decode("A", 1, &wc) == 1 && wc == L'A', "C: mbrtowc decodes ASCII");
	l = setlocale(LC_ALL, "POSIX");
	CHECK(l && (!strcmp(l, "C") || !strcmp(l, "POSIX")), "setlocale accepts POSIX");
	CHECK(setlocale(LC_ALL, "xx_NOWHERE.UTF-8") == NULL, "setlocale refuses an unknown locale");

	l = setlocale(LC_ALL, "C.UTF-8");
	CHECK(l && !strcmp(l, "C.UTF-8"), "setlocale(LC_ALL, \"C.UTF-8\") (%s)", l ? l : "NULL");
	l = setlocale(LC_CTYPE, NULL);
	CHECK(l && !strcmp(l, "C.UTF-8"), "LC_CTYPE is C.UTF-8 afterwards");
	CHECK(MB_CUR_MAX >= 4, "MB_CUR_MAX is at least 4 in C.UTF-8 (%d)", (int)MB_CUR_MAX);

	CHECK(decode("z", 1, &wc) == 1 && wc == L'z', "UTF-8: one byte");
	CHECK(decode("\xc3\xa9", 2, &wc) == 2 && wc == 0xe9, "UTF-8: two bytes (U+00E9)");
	CHECK(decode("\xe2\x82\xac", 3, &wc) == 3 && wc == 0x20ac, "UTF-8: three bytes (U+20AC)");
	CHECK(decode("\xf0\x9f\x98\x80", 4, &wc) == 4 && wc == 0x1f600,
	      "UTF-8: four bytes (U+1F600)");
	CHECK(decode("\xe2\x82", 2, &wc) == (size_t)-2, "UTF-8: an incomplete sequence gives -2");
	memset(&st, 0, sizeof(st));
	size_t r1 = mbrtowc(&wc, "\xe2", 1, &st);
	size_t r2 = mbrtowc(&wc, "\x82\xac", 2, &st);
	CHECK(r1 == (size_t)-2 && r2 == 2 && wc == 0x20ac,
	      "UTF-8: a sequence split across two calls is completed by the state");
	errno = 0;
	CHECK(decode("\xff", 1, &wc) == (size_t)-1 && errno == EILSEQ,
	      "UTF-8: 0xff is EILSEQ");
	errno = 0;
	CHECK(decode("\x80", 1, &wc) == (size_t)-1 && errno == EILSEQ,
	      "UTF-8: a lone continuation byte is EILSEQ");
	errno = 0;
	CHECK(decode("\xc0\xaf", 2, &wc) == (size_t)-1 && errno == EILSEQ,
	      "UTF-8: an overlong '/' is EILSEQ");
	CHECK(decode("", 1, &wc) == 0 && wc == 0, "UTF-8: a NUL gives 0");
	CHECK(mbrlen("\xc3\xa9", 2, NULL) == 2, "mbrlen of a two-byte character");
	CHECK(mbsinit(&st), "the state is initial after a complete character");

	memset(&st, 0, sizeof(st));
	CHECK(wcrtomb(buf, 0xe9, &st) == 2 && !memcmp(buf, "\xc3\xa9", 2),
	      "wcrtomb: U+00E9 is two bytes");
	CHECK(wcrtomb(buf, 0x20ac, &st) == 3 && !memcmp(buf, "\xe2\x82\xac", 3),
	      "wcrtomb: U+20AC is three bytes");
	CHECK(wcrtomb(buf, 0x1f600, &st) == 4 && !memcmp(buf, "\xf0\x9f\x98\x80", 4),
	      "wcrtomb: U+1F600 is four bytes");
	CHECK(wcrtomb(buf, L'q', &st) == 1 && buf[0] == 'q', "wcrtomb: ASCII is one byte");
	errno = 0;
	CHECK(wcrtomb(buf, 0xd800, &st) == (size_t)-1 && errno == EILSEQ,
	      "wcrtomb: a surrogate is EILSEQ");

	wchar_t ws[16];
	size_t n = mbstowcs(ws, "h\xc3\xa9llo \xe2\x82\xac", 16);
	CHECK(n == 7 && ws[1] == 0xe9 && ws[6] == 0x20ac && ws[7] == 0,
	      "mbstowcs converts a UTF-8 string (%zu characters)", n);
	CHECK(wcslen(ws) == 7, "wcslen counts the characters");
	char back[32];
	n = wcstombs(back, ws, sizeof(back));
	CHECK(n == 10 && !strcmp(back, "h\xc3\xa9llo \xe2\x82\xac"),
	      "wcstombs gives the bytes back (%zu)", n);
	CHECK(mbstowcs(NULL, "a\xff", 0) == (size_t)-1, "mbstowcs refuses an invalid string");

	CHECK(wcwidth(L'a') == 1, "wcwidth of ASCII is 1");
	CHECK(wcwidth(0x4e00) == 2, "wcwidth of a CJK ideograph is 2");
	CHECK(wcwidth(0x0301) == 0, "wcwidth of a combining accent is 0");
	CHECK(wcwidth(0x07) == -1, "wcwidth of a control character is -1");
	CHECK(wcwidth(0) == 0, "wcwidth of NUL is 0");
	const wchar_t mixed[] = {L'a', 0x4e00, 0x0301, L'b', 0};
	CHECK(wcswidth(mixed, 4) == 4, "wcswidth adds the widths");
	CHECK(wcscmp(L"abc", L"abd") < 0 && wcschr(L"abc", L'c') != NULL,
	      "wcscmp and wcschr");

	l = setlocale(LC_ALL, "C");
	CHECK(l && !strcmp(l, "C") && MB_CUR_MAX == 1, "back to the C locale");
	return tap_done();
}
