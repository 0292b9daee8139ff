#!/bin/sh
# Issue 6's second stock autoconf program: GNU m4 1.4.19 (Debian's
# m4 1.4.19-3) cross-builds for Cairn with no source patch beyond replacing
# build-aux/config.sub and config.guess with the toolchain's, as bc does
# (tests/toolchain/autoconf_pkg.sh, whose steps this follows).
#
# m4's gnulib configure checks hundreds of functions and replaces what is
# missing or broken from its own lib/; what it needed from Cairn's libc was
# <sys/socket.h> (socklen_t) and flockfile/funlockfile (gnulib's getopt).
# Steps: `apt-get source --download-only m4=VERSION` into
# $CAIRN_CACHE/distfiles (the .dsc checked against the sha256 below, the
# tarball against the .dsc); unpack into $CAIRN_CACHE/work; copy in
# config.sub and config.guess; ./configure --host=x86_64-cairn; make in
# lib/ and src/ (doc/ is not needed); check that m4 is a static x86-64
# executable; run it on this host on tests/boot/check.m4 and leave it in
# $CAIRN_BUILD/autoconf-pkg/ for tests/boot/autoconf_m4.py, which runs it
# inside Cairn. Cached under a hash of every input, like bc.
. "$(dirname "$0")/lib.sh"

PKG=m4
VERSION=1.4.19-3
UPSTREAM=1.4.19
DSC_SHA256=ef1d34ebe63e0bd58bb8ce503330224ed71f6c8919d7af38c451a9a2a10ce1c3
CAIRN_CACHE=${CAIRN_CACHE:-$HOME/.cache/cairn}
DIST=$CAIRN_CACHE/distfiles
dsc=$DIST/${PKG}_$VERSION.dsc
tarball=$DIST/${PKG}_$UPSTREAM.orig.tar.xz
macros=$TOP/tests/boot/check.m4
expect=$TOP/tests/boot/check.m4.out

sha() { sha256sum "$1" 2>/dev/null | cut -d' ' -f1; }

# The tarball's sha256 as the .dsc records it.
dsc_tarball_sha() {
	sed -n '/^Checksums-Sha256:/,/^[^ ]/p' "$dsc" | awk -v f="$(basename "$tarball")" '$3 == f { print $1 }'
}

mkdir -p "$DIST"
if [ "$(sha "$dsc")" != "$DSC_SHA256" ] || [ "$(sha "$tarball")" != "$(dsc_tarball_sha)" ]; then
	(cd "$DIST" && apt-get source --download-only "$PKG=$VERSION") >"$TMP/fetch.log" 2>&1
	status=$?
	[ $status -eq 0 ] || sed 's/^/# /' "$TMP/fetch.log"
	check $status "apt-get source --download-only $PKG=$VERSION"
fi
[ "$(sha "$dsc")" = "$DSC_SHA256" ]
check $? "${PKG}_$VERSION.dsc has the recorded sha256"
want=$(dsc_tarball_sha)
[ -n "$want" ] && [ "$(sha "$tarball")" = "$want" ]
check $? "$(basename "$tarball") has the sha256 the .dsc records"
[ $failed -eq 0 ] || exit 1

key=$( (
	echo "$DSC_SHA256 $PREFIX"
	cat "$0"
	"$TOP/libc/build.sh" --print-hash
) | sha256sum | cut -c1-16)
out=$CAIRN_CACHE/autoconf-pkg/$PKG-$key
if [ -f "$out/.complete" ]; then
	echo "# $PKG: cached build in $out"
else
	work=$CAIRN_CACHE/work/autoconf-$PKG-$key
	rm -rf "$work" "$out"
	mkdir -p "$work" "$out"
	tar -xJf "$tarball" -C "$work"
	src=$work/$PKG-$UPSTREAM
	cp "$PREFIX/share/cairn/config.sub" "$PREFIX/share/cairn/config.guess" "$src/build-aux/"
	start=$(date +%s)
	(cd "$src" && PATH=$PREFIX/bin:$PATH ./configure --host=x86_64-cairn) >"$out/configure.log" 2>&1
	status=$?
	[ $status -eq 0 ] || tail -n 30 "$out/configure.log" | sed 's/^/# /'
	check $status "stock ./configure --host=x86_64-cairn succeeds"
	[ $status -eq 0 ] || exit 1
	(cd "$src" && for d in lib src; do PATH=$PREFIX/bin:$PATH make -j2 -C $d || exit 1; done) \
		>"$out/make.log" 2>&1
	status=$?
	[ $status -eq 0 ] || tail -n 30 "$out/make.log" | sed 's/^/# /'
	check $status "make builds lib and src with x86_64-cairn-gcc"
	[ $status -eq 0 ] || exit 1
	echo "# $PKG: configured and built in $(($(date +%s) - start)) s"
	grep -q '^CC = x86_64-cairn-gcc' "$src/src/Makefile"
	check $? "configure picked x86_64-cairn-gcc as the compiler"
	cp "$src/src/m4" "$out/"
	rm -rf "$work"
	touch "$out/.complete"
fi

# tests/boot/autoconf_m4.py runs it inside Cairn from here.
BUILD_DIR=${CAIRN_BUILD:-$TOP/build}
mkdir -p "$BUILD_DIR/autoconf-pkg"
cp "$out/m4" "$BUILD_DIR/autoconf-pkg/"

hdr=$("${CROSS}readelf" -hlW "$out/m4" 2>&1)
echo "$hdr" | grep -q 'Class: *ELF64' && echo "$hdr" | grep -q 'Machine: *Advanced Micro Devices X86-64' &&
	echo "$hdr" | grep -q 'Type: *EXEC' && ! echo "$hdr" | grep -q -e 'INTERP' -e 'DYNAMIC'
check $? "m4 is a static x86-64 ELF executable (ET_EXEC, no PT_INTERP)"
"$out/m4" "$macros" >"$TMP/m4.out" 2>&1 && cmp -s "$TMP/m4.out" "$expect"
status=$?
[ $status -eq 0 ] || sed 's/^/# /' "$TMP/m4.out"
check $status "the Cairn-built m4 expands tests/boot/check.m4 (run on this host)"
exit $failed
