/*
 * crypt() and crypt_r(): SHA-512 ("$6$"), SHA-256 ("$5$") and MD5 ("$1$")
 * crypt against the published vectors of the SHA-crypt specification (the
 * "$5$" ones as glibc's libcrypt computes them) and hashes made by OpenSSL
 * (openssl passwd -6 / -1), a password checked against the test image's
 * /etc/shadow entry, and other methods refused. On the host the same
 * program runs against glibc's libcrypt (-lcrypt).
 */
#define _GNU_SOURCE
#define AREA "libc-crypt"
#include <crypt.h>
#include <errno.h>
#include <shadow.h>
#include <string.h>
#include <unistd.h>

#include "tap.h"

static int same(const char *key, const char *setting, const char *expect)
{
	const char *r = crypt(key, setting);

	if (!r || strcmp(r, expect))
		printf("# crypt(\"%s\", \"%s\") = %s\n", key, setting, r ? r : "NULL");
	return r && !strcmp(r, expect);
}

int main(void)
{
	/* The SHA-crypt specification's own examples (Drepper, sha-crypt.txt). */
	CHECK(same("Hello world!", "$6$saltstring",
	           "$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/"
	           "O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1"),
	      "$6$: Hello world! with saltstring");
	CHECK(same("Hello world!", "$6$rounds=10000$saltstringsaltstring",
	           "$6$rounds=10000$saltstringsaltst$OW1/O6BYHV6BcXZu8QVeXbDWra3Oeqh0sbHbbMCVNSnCM/"
	           "UrjmM0Dp8vOuZeHBy/YTBmSK6H9qs/y3RnOaw5v."),
	      "$6$: rounds=10000, the salt cut to 16 characters");
	CHECK(same("This is just a test", "$6$rounds=5000$toolongsaltstring",
	           "$6$rounds=5000$toolongsaltstrin$"
	           "lQ8jolhgVRVhY4b5pZKaysCLi0QBxGoNeKQzQ3glMhwllF7oGDZxUhx1yxdYcz/"
	           "e1JSbq3y6JMxxl8audkUEm0"),
	      "$6$: an explicit rounds=5000 is written back");
	CHECK(same("we have a short salt string but not a short password", "$6$rounds=77777$short",
	           "$6$rounds=77777$short$WuQyW2YR.hBNpjjRhpYD/"
	           "ifIw05xdfeEyQoMxIXbkvr0gge1a1x3yRULJ5CCaUeOxFmtlcGZelFl5CxtgfiAc0"),
	      "$6$: rounds=77777 and a short salt");
	CHECK(same("a short string", "$6$rounds=123456$asaltof16chars..",
	           "$6$rounds=123456$asaltof16chars..$BtCwjqMJGx5hrJhZywWvt0RLE8uZ4oPwcelCjmw2kSYu."
	           "Ec6ycULevoBK25fs2xXgMNrCzIMVcgEJAstJeonj1"),
	      "$6$: a 16-character salt");
	CHECK(same("cairnpass",
	           "$6$cairnsalt$gka2ETnRpR2FV41jQF3EmxlK6rnMP1LL9lSUKF0768F.gq.dQJqGin34/"
	           "JkB9uZrXOHXCDVGVYVC8ZcuGdNYK/",
	           "$6$cairnsalt$gka2ETnRpR2FV41jQF3EmxlK6rnMP1LL9lSUKF0768F.gq.dQJqGin34/"
	           "JkB9uZrXOHXCDVGVYVC8ZcuGdNYK/"),
	      "$6$: OpenSSL's hash of cairnpass");
	CHECK(same("password", "$1$saltsalt", "$1$saltsalt$qjXMvbEw8oaL.CzflDtaK/"),
	      "$1$: OpenSSL's MD5 crypt of password");
	CHECK(same("a longer password with spaces, 40+ chars!!", "$1$ab$wNaOTs9dKIGRzJyMN0dOd0",
	           "$1$ab$wNaOTs9dKIGRzJyMN0dOd0"),
	      "$1$: a 43-byte password, a 2-character salt");

	/* SHA-256 crypt: the specification's examples. */
	CHECK(same("Hello world!", "$5$saltstring",
	           "$5$saltstring$5B8vYYiY.CVt1RlTTf8KbXBH3hsxY/GNooZaBBGWEc5"),
	      "$5$: Hello world! with saltstring");
	CHECK(same("Hello world!", "$5$rounds=10000$saltstringsaltstring",
	           "$5$rounds=10000$saltstringsaltst$3xv.VbSHBb41AL9AvLeujZkZRBAwqFMz2.opqey6IcA"),
	      "$5$: rounds=10000, the salt cut to 16 characters");
	CHECK(same("This is just a test", "$5$rounds=5000$toolongsaltstring",
	           "$5$rounds=5000$toolongsaltstrin$Un/5jzAHMgOGZ5.mWJpuVolil07guHPvOW8mGRcvxa5"),
	      "$5$: an explicit rounds=5000 is written back");
	CHECK(same("a very much longer text to encrypt.  This one even stretches over morethan one "
	           "line.",
	           "$5$rounds=1400$anotherlongsaltstring",
	           "$5$rounds=1400$anotherlongsalts$Rx.j8H.h8HjEDGomFU8bDkXm3XIUnzyxf12oP84Bnq1"),
	      "$5$: an 84-byte password, rounds=1400");
	/* (The specification's rounds=77777 and rounds=123456 examples are left out:
	   under TCG they cost seconds of the test run's time budget.) */
	CHECK(same("we have a short salt string but not a short password", "$5$rounds=1000$short",
	           "$5$rounds=1000$short$MmIwYWG9YrU4oKUcYNM.GQIpfQfgtDuY60Pogui2lq7"),
	      "$5$: rounds=1000 (the minimum) and a short salt");
	CHECK(same("", "$5$x", "$5$x$yHbtfs4Y8t6X1xcJemNX.4JQRfUTafA2qQenWGLBee2"),
	      "$5$: an empty password, a 1-character salt");
	CHECK(same("0123456789012345678901234567890123456789012345678901234567890123456789", "$5$abc",
	           "$5$abc$0Sl8xIMOcF3RRsUoOuZxY9mCQ23vzkivC48QT1XsBJ."),
	      "$5$: a 70-byte password (more than two digests long)");

	/* crypt_r: the result in the caller's structure, which may be reused. */
	static struct crypt_data cd1, cd2;
	const char *r1 = crypt_r("Hello world!", "$5$saltstring", &cd1);
	const char *r2 = crypt_r("password", "$1$saltsalt", &cd2);
	CHECK(r1 && !strcmp(r1, "$5$saltstring$5B8vYYiY.CVt1RlTTf8KbXBH3hsxY/GNooZaBBGWEc5"),
	      "crypt_r: $5$ into the first crypt_data");
	CHECK(r2 && !strcmp(r2, "$1$saltsalt$qjXMvbEw8oaL.CzflDtaK/"),
	      "crypt_r: $1$ into the second crypt_data");
	CHECK(r1 && !strcmp(r1, "$5$saltstring$5B8vYYiY.CVt1RlTTf8KbXBH3hsxY/GNooZaBBGWEc5"),
	      "crypt_r: the second call left the first result alone");
	r1 = crypt_r("Hello world!", "$6$saltstring", &cd1);
	CHECK(r1 && !strcmp(r1, "$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/"
	                        "O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1"),
	      "crypt_r: $6$ in a reused crypt_data");
	r1 = crypt_r("x", "$9$unknown", &cd1);
	CHECK(r1 == NULL || r1[0] == '*', "crypt_r: an unknown method is refused");

	struct spwd *sp = getspnam("cairn");
	const char *h = sp ? crypt("cairnpass", sp->sp_pwdp) : NULL;
	CHECK(h && !strcmp(h, sp->sp_pwdp),
	      "crypt(password, hash) == hash for cairn in /etc/shadow");
	h = sp ? crypt("wrongpass", sp->sp_pwdp) : NULL;
	CHECK(h && strcmp(h, sp->sp_pwdp), "a wrong password gives another hash");
	errno = 0;
	h = crypt("x", "$9$unknown");
	CHECK(h == NULL || h[0] == '*', "an unknown method is refused");
	return tap_done();
}
