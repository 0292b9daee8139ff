#!/bin/sh
# Builds Cairn's C library into the cross toolchain's sysroot: newlib 3.3.0
# with libc/patches/, plus Cairn's glue from libc/sys/cairn/ (crt0.o, the
# system call layer, POSIX functions newlib lacks). See docs/libc.md.
#
#   $PREFIX/sysroot/usr/include   newlib's headers, Cairn's (libc/sys/cairn/
#                                 include) and the kernel's uapi/ headers
#   $PREFIX/sysroot/usr/lib       crt0.o, libc.a (newlib + glue), libg.a (the
#                                 same), libm.a, libpthread.a (empty: the
#                                 thread functions are in libc.a)
#
# A stamp $PREFIX/sysroot/.libc-<hash>, written last, marks a complete
# install; the hash covers every input (see libc_hash), so a warm run only
# hashes files. newlib itself is cached separately in $CAIRN_CACHE/newlib-<hash>
# under a hash of the inputs it depends on, so a change to the glue alone
# rebuilds in seconds.
#
# Usage: build.sh            build if needed
#        build.sh --print-hash   print the current hash and exit
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
CAIRN_CACHE=${CAIRN_CACHE:-$HOME/.cache/cairn}
TARGET=x86_64-cairn
JOBS=${JOBS:-$(nproc)}
PREFIX=${TOOLCHAIN_PREFIX:-$("$top/toolchain/build.sh" --print-prefix)}
SYSROOT=$PREFIX/sysroot
CROSS=$PREFIX/bin/$TARGET-

NEWLIB_TARBALL=/usr/src/newlib/newlib-3.3.0.tar.xz
NEWLIB_SHA256=c6f3a88b9d93420904241b231ca8647303be3bfb3cfef6adc8d1ea9207291033

# newlib's configure options (docs/libc.md explains them):
#   --prefix=/usr                          headers and libraries go to usr/ in the sysroot
#   --disable-newlib-supplied-syscalls     the system call layer is Cairn's glue
#   --enable-newlib-io-long-long           printf/scanf %lld
#   --enable-newlib-io-c99-formats         %zu, %jd, %hhd, %a, ...
#   --enable-newlib-mb                     multibyte (UTF-8) locales
#   --enable-newlib-retargetable-locking   newlib's locks call __retarget_lock_*,
#                                          which libc/sys/cairn/pthread provides
#   --enable-newlib-global-stdio-streams   stdin, stdout and stderr are the same
#                                          FILEs in every thread's struct _reent
#   --disable-multilib                     one x86-64 library, as GCC is built
#   --disable-libgloss                     no board support: Cairn has its own crt0
NEWLIB_CONFIGURE_FLAGS="--target=$TARGET --prefix=/usr \
	--disable-newlib-supplied-syscalls \
	--enable-newlib-io-long-long --enable-newlib-io-c99-formats \
	--enable-newlib-mb --enable-newlib-retargetable-locking \
	--enable-newlib-global-stdio-streams \
	--disable-multilib --disable-libgloss"
# --noexecstack: x86_64-cairn-gcc does not yet mark its objects as needing no
# executable stack (FIXME in docs/libc.md), so the library's objects say it
# themselves. _COMPILING_NEWLIB: newlib's headers declare the underscored
# layer (_lseek, _read, _sbrk, ...) only under it; without it libc/reent
# calls them undeclared, as returning int, and _lseek_r truncated offsets
# past 2 GiB (configure.host sets it for the other Unix-like hosts).
# HAVE_MKDIR: mkdtemp() calls mkdir() instead of failing with ENOSYS.
NEWLIB_CFLAGS="-O2 -g -Wa,--noexecstack -D_COMPILING_NEWLIB -DHAVE_MKDIR"

# The glue follows the kernel's style rules (shared/STYLE.md).
GLUE_CFLAGS="-std=gnu11 -O2 -g -Wall -Wextra -Werror -Wa,--noexecstack"

# digest FILE... prints a sha256 prefix over the names and contents of the
# files given (relative to the top of the tree) and of the extra words in
# $digest_extra.
digest() {
	(
		cd "$top"
		echo "$digest_extra"
		for f in "$@"; do
			echo "$f"
			cat "$f"
		done
	) | sha256sum | cut -c1-16
}

# Files under DIR..., sorted, relative to the top of the tree.
files_under() {
	(cd "$top" && find "$@" -type f | LC_ALL=C sort)
}

# uapi_deps: the kernel's uapi headers that Cairn's installed headers
# include, directly or through each other, as paths from the top.
uapi_deps() {
	(
		cd "$top"
		deps=
		todo=$(find libc/sys/cairn/include -type f)
		while [ -n "$todo" ]; do
			new=
			# shellcheck disable=SC2013,SC2086 # one word per line, no blanks in names
			for h in $(grep -ho '^#include <uapi/[A-Za-z0-9_]*\.h>' $todo |
				sed 's|.*<uapi/\(.*\)>|\1|' | LC_ALL=C sort -u); do
				f=kernel/include/uapi/$h
				case " $deps " in
				*" $f "*) ;;
				*)
					deps="$deps $f"
					new="$new $f"
					;;
				esac
			done
			todo=$new
		done
		echo "$deps" | tr ' ' '\n' | sed '/^$/d' | LC_ALL=C sort
	)
}

# newlib_hash: what the newlib build depends on: the tarball, the configure
# options, our patches, the headers it compiles against (Cairn's and the
# uapi headers those include) and the toolchain. Not this whole script, so
# that work on the glue or the kernel does not rebuild newlib: bump
# NEWLIB_BUILD_VERSION when the steps that build newlib change.
NEWLIB_BUILD_VERSION=1
newlib_hash() {
	digest_extra="$NEWLIB_SHA256 $PREFIX $NEWLIB_BUILD_VERSION $NEWLIB_CONFIGURE_FLAGS $NEWLIB_CFLAGS"
	# shellcheck disable=SC2046 # the tree's file names have no blanks
	digest $(files_under libc/patches libc/sys/cairn/include) $(uapi_deps)
}

# libc_hash: everything the installed library depends on: the above, the glue,
# and the system call table the glue's numbers come from.
libc_hash() {
	digest_extra="$NEWLIB_SHA256 $PREFIX"
	extra=
	[ -f "$here/Makefile" ] && extra=libc/Makefile
	# shellcheck disable=SC2046,SC2086 # the tree's file names have no blanks
	digest libc/build.sh $extra $(files_under libc/patches libc/sys kernel/include/uapi) \
		kernel/syscall/syscalls.tbl kernel/scripts/gen_syscalls.py
}

HASH=$(libc_hash)
if [ "${1:-}" = "--print-hash" ]; then
	echo "$HASH"
	exit 0
fi
STAMP=$SYSROOT/.libc-$HASH
if [ -f "$STAMP" ]; then
	echo "libc: up to date"
	exit 0
fi
[ -x "${CROSS}gcc" ] || { echo "libc: no cross compiler at ${CROSS}gcc (run make toolchain)" >&2; exit 1; }

# One build at a time per cache (two make runs would share the work
# directories); whoever waited finds the other's stamp.
mkdir -p "$CAIRN_CACHE"
exec 9>"$CAIRN_CACHE/libc.lock"
flock 9
if [ -f "$STAMP" ]; then
	echo "libc: up to date"
	exit 0
fi

NHASH=$(newlib_hash)
NEWLIB=$CAIRN_CACHE/newlib-$NHASH
WORK=$CAIRN_CACHE/work/libc-$HASH
rm -rf "$WORK"
mkdir -p "$WORK"
log=$WORK/build.log
start=$(date +%s)
echo "libc: building into $SYSROOT (log: $log)"

PATH=$PREFIX/bin:$PATH
export PATH

run() {
	"$@" >>"$log" 2>&1 || {
		echo "libc: failed: $*" >&2
		tail -n 40 "$log" >&2
		exit 1
	}
}

fail() {
	echo "libc: $*" >&2
	exit 1
}

# 1. Headers first: newlib's patched headers include Cairn's (cairn/*.h),
# which include the kernel's (uapi/*.h), so both must be in the sysroot while
# newlib compiles. Whatever a previous libc installed goes away.
rm -f "$SYSROOT"/.libc-*
rm -rf "$SYSROOT/usr/include"
for f in crt0.o libc.a libg.a libm.a libpthread.a; do
	rm -f "$SYSROOT/usr/lib/$f"
done
mkdir -p "$SYSROOT/usr/include/uapi" "$SYSROOT/usr/lib"
cp "$top"/kernel/include/uapi/*.h "$SYSROOT/usr/include/uapi/"
cp -R "$here/sys/cairn/include/." "$SYSROOT/usr/include/"

# 2. newlib, unless an identical build is cached.
if [ ! -f "$NEWLIB/.complete" ]; then
	nstart=$(date +%s)
	got=$(sha256sum "$NEWLIB_TARBALL" 2>/dev/null | cut -d' ' -f1) ||
		fail "$NEWLIB_TARBALL is missing (run make deps: newlib-source)"
	[ "$got" = "$NEWLIB_SHA256" ] ||
		fail "sha256 mismatch for $NEWLIB_TARBALL: $got, expected $NEWLIB_SHA256"
	src=$CAIRN_CACHE/work/newlib-$NHASH
	rm -rf "$src" "$NEWLIB"
	mkdir -p "$src"
	echo "libc: extracting newlib into $src"
	run tar -xf "$NEWLIB_TARBALL" -C "$src" --strip-components=1
	for p in "$here"/patches/*.patch; do
		echo "libc: applying $(basename "$p")"
		patch -d "$src" -p1 -s --no-backup-if-mismatch <"$p" >>"$log" 2>&1 ||
			{ tail -n 20 "$log" >&2; fail "patch $p failed"; }
	done
	mkdir -p "$WORK/newlib-build"
	cd "$WORK/newlib-build"
	echo "libc: configuring and building newlib (-j$JOBS)"
	# shellcheck disable=SC2086 # the flags are words
	run "$src/configure" $NEWLIB_CONFIGURE_FLAGS CFLAGS_FOR_TARGET="$NEWLIB_CFLAGS"
	run make -j"$JOBS"
	run make install DESTDIR="$WORK/stage"
	# newlib installs under usr/x86_64-cairn/{include,lib}; keep just those.
	mkdir -p "$NEWLIB.tmp"
	mv "$WORK/stage/usr/$TARGET/include" "$WORK/stage/usr/$TARGET/lib" "$NEWLIB.tmp/"
	touch "$NEWLIB.tmp/.complete"
	rm -rf "$NEWLIB"
	mv "$NEWLIB.tmp" "$NEWLIB"
	cd "$top"
	rm -rf "$src" "$WORK/newlib-build" "$WORK/stage"
	# Earlier newlib builds are superseded (a rebuild takes a minute).
	for old in "$CAIRN_CACHE"/newlib-*; do
		[ "$old" = "$NEWLIB" ] || rm -rf "$old"
	done
	echo "libc: newlib built in $(($(date +%s) - nstart)) s"
else
	echo "libc: newlib from $NEWLIB"
fi

# 3. Install newlib's headers and libraries. Cairn's headers must not collide
# with newlib's (ours add files, newlib's own are hooked by the patches).
for f in $(cd "$here/sys/cairn/include" && find . -type f); do
	[ ! -e "$NEWLIB/include/$f" ] || fail "libc/sys/cairn/include/$f would replace newlib's"
done
cp -R "$NEWLIB/include/." "$SYSROOT/usr/include/"
for f in libc.a libg.a libm.a; do
	cp "$NEWLIB/lib/$f" "$SYSROOT/usr/lib/$f"
done

# 4. GCC's <limits.h>. GCC was built before any C library headers existed,
# so its include-fixed/limits.h is only its own (CHAR_BIT, INT_MAX, ...) and
# never reaches the C library's (PATH_MAX, NAME_MAX, ...). It is rewritten
# the way GCC writes it when it finds a system <limits.h>: GCC's part after
# the C library's. The original stays in install-tools/, so this is
# repeatable. (FIXME: toolchain/build.sh can install the headers before
# building GCC, next time the toolchain is rebuilt anyway.)
gcc_limits=$("${CROSS}gcc" -print-file-name=install-tools/include/limits.h)
fixed=$("${CROSS}gcc" -print-file-name=include-fixed)
if [ ! -f "$gcc_limits" ] || [ ! -d "$fixed" ]; then
	fail "cannot find GCC's limits.h"
fi
{
	echo "/* Written by Cairn's libc/build.sh: GCC's limits.h (install-tools/include/limits.h)"
	echo "   after the C library's, as GCC does when it is built with C library headers. */"
	echo "#ifndef _GCC_LIMITS_H_"
	echo "#define _GCC_LIMITS_H_"
	echo "#if !defined _LIBC_LIMITS_H_ && __has_include_next(<limits.h>)"
	echo "#include_next <limits.h>"
	echo "#endif"
	cat "$gcc_limits"
	echo "#endif /* _GCC_LIMITS_H_ */"
} >"$fixed/limits.h.tmp"
mv "$fixed/limits.h.tmp" "$fixed/limits.h"

# 5. The glue.
gstart=$(date +%s)
glue=$here/sys/cairn
gen=$WORK/gen
obj=$WORK/obj
mkdir -p "$gen" "$obj"
run python3 "$top/kernel/scripts/gen_syscalls.py" --user-header "$gen/syscall_nr.h"
gcc_glue() {
	# shellcheck disable=SC2086 # the flags are words
	run "${CROSS}gcc" $GLUE_CFLAGS -I"$glue" -I"$gen" "$@"
}
# The layouts the glue relies on (internal/abi_layout.h); these only compile.
gcc_glue -fsyntax-only "$glue/internal/abi_check_uapi.c"
gcc_glue -fsyntax-only "$glue/internal/abi_check_libc.c"
gcc_glue -c "$glue/crt0.S" -o "$WORK/crt0.o"
# One object per function, named AREA-FUNCTION.o so that no two collide in
# the archive (newlib's are lib_a-*.o).
srcs=$(cd "$glue" && find . -path ./include -prune -o \( -name '*.c' -o -name '*.S' \) -print |
	grep -v -e '^./crt0.S$' -e '/abi_check_' | sed 's|^\./||' | LC_ALL=C sort)
for s in $srcs; do
	o=$obj/$(echo "$s" | sed -e 's|/|-|g' -e 's|\.[cS]$|.o|')
	gcc_glue -c "$glue/$s" -o "$o"
done
# 5b. Regular expressions, fnmatch, glob and popen: the BSD versions in
# newlib's libc/posix, which newlib does not build for Cairn (the rest of
# that directory, dirent and the exec family, is Cairn's glue). The files
# named here are compiled straight from the tarball, never copied into the
# tree; their objects join the glue's (posix-NAME.o) and its clash check.
NEWLIB_POSIX_FILES="regcomp regerror regexec regfree collate collcmp fnmatch glob popen"
posix=$WORK/posix
mkdir -p "$posix"
run tar -xf "$NEWLIB_TARBALL" -C "$posix" --strip-components=4 --wildcards '*/newlib/libc/posix/*'
# popen.c forks with vfork() and its child walks the list of open streams
# in a local variable; GCC gives that variable the stack slot of the
# parent's new entry, so the child (on the parent's stack until exec)
# overwrote it and the parent crashed. popen uses fork() instead.
for f in $NEWLIB_POSIX_FILES; do
	extra=
	[ "$f" = popen ] && extra=-Dvfork=fork
	# shellcheck disable=SC2086 # the flags are words
	run "${CROSS}gcc" $NEWLIB_CFLAGS $extra -D_GNU_SOURCE -I"$posix" -c "$posix/$f.c" \
		-o "$obj/posix-$f.o"
done

# A glue symbol that newlib also defines would make the link depend on
# archive order: refuse it.
"${CROSS}nm" -g --defined-only "$NEWLIB/lib/libc.a" 2>/dev/null | awk 'NF == 3 { print $3 }' |
	LC_ALL=C sort -u >"$WORK/newlib.syms"
"${CROSS}nm" -g --defined-only "$obj"/*.o | awk 'NF == 3 { print $3 }' | LC_ALL=C sort -u >"$WORK/glue.syms"
clash=$(LC_ALL=C comm -12 "$WORK/newlib.syms" "$WORK/glue.syms")
[ -z "$clash" ] || fail "the glue redefines newlib's $(echo "$clash" | tr '\n' ' ')"
run "${CROSS}ar" rcs "$SYSROOT/usr/lib/libc.a" "$obj"/*.o
cp "$SYSROOT/usr/lib/libc.a" "$SYSROOT/usr/lib/libg.a" # newlib's libg.a is libc.a again
cp "$WORK/crt0.o" "$SYSROOT/usr/lib/crt0.o"
# -pthread links -lpthread (gcc/config/cairn.h); the thread functions live in
# libc.a, so the library stays empty, as in glibc 2.34 and musl.
rm -f "$SYSROOT/usr/lib/libpthread.a"
run "${CROSS}ar" rcs "$SYSROOT/usr/lib/libpthread.a"
echo "libc: glue built in $(($(date +%s) - gstart)) s ($(echo "$srcs" | wc -l) files)"

# 6. A program that uses stdio and malloc must link with no options.
cat >"$WORK/smoke.c" <<'EOF'
#include <stdio.h>
#include <stdlib.h>
int main(void)
{
	char *p = malloc(16);
	printf("%s %d\n", p ? "ok" : "no", 1);
	free(p);
	return 0;
}
EOF
run "${CROSS}gcc" -Wall -Werror "$WORK/smoke.c" -o "$WORK/smoke"

rm -rf "$WORK"
touch "$STAMP"
echo "libc: complete in $(($(date +%s) - start)) s"
