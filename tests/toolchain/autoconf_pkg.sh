#!/bin/sh
# Issue 6's acceptance test: a stock autoconf program from Debian's archive
# cross-builds for Cairn with no source patch beyond replacing config.sub
# (and config.guess) with the toolchain's.
#
# The program is GNU bc 1.07.1 (Debian's bc 1.07.1-3): its configure and
# its programs need nothing Cairn's libc lacks, and its tarball ships the
# parser and scanner already generated (no bison or flex).
#
# Steps: `apt-get source --download-only bc=VERSION` into
# $CAIRN_CACHE/distfiles (the .dsc checked against the sha256 recorded
# below, the tarball against the .dsc's own Checksums-Sha256); unpack into
# $CAIRN_CACHE/work (outside the tree); copy in config.sub and config.guess;
# ./configure --host=x86_64-cairn; make in lib/, bc/ and dc/ (doc/ would
# need makeinfo); check that bc and dc are static x86-64 ELF executables;
# run them on this host (the ABI is Linux's) and leave them in
# $CAIRN_BUILD/autoconf-pkg/ for tests/boot/autoconf_pkg.py, which runs them
# inside Cairn. The result is cached under a
# hash of every input (the .dsc, this script, the toolchain, the installed
# libc), so a warm run only checks the cached binaries.
. "$(dirname "$0")/lib.sh"

PKG=bc
VERSION=1.07.1-3
UPSTREAM=1.07.1
DSC_SHA256=92f057cf569b6a90f95f423b293e49dce8e7cf7e99764d4aef4dfe6aa2642e15
CAIRN_CACHE=${CAIRN_CACHE:-$HOME/.cache/cairn}
DIST=$CAIRN_CACHE/distfiles
dsc=$DIST/${PKG}_$VERSION.dsc
tarball=$DIST/${PKG}_$UPSTREAM.orig.tar.gz

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
	tar -xzf "$tarball" -C "$work"
	src=$work/$PKG-$UPSTREAM
	cp "$PREFIX/share/cairn/config.sub" "$PREFIX/share/cairn/config.guess" "$src/"
	start=$(date +%s)
	(cd "$src" && PATH=$PREFIX/bin:$PATH ./configure --host=x86_64-cairn) >"$out/configure.log" 2>&1
	status=$?
	[ $status -eq 0 ] || tail -n 30 "$out/configure.log" | sed 's/^/# /'
	check $status "stock ./configure --host=x86_64-cairn succeeds"
	[ $status -eq 0 ] || exit 1
	(cd "$src" && for d in lib bc dc; do PATH=$PREFIX/bin:$PATH make -C $d || exit 1; done) \
		>"$out/make.log" 2>&1
	status=$?
	[ $status -eq 0 ] || tail -n 30 "$out/make.log" | sed 's/^/# /'
	check $status "make builds lib, bc and dc with x86_64-cairn-gcc"
	[ $status -eq 0 ] || exit 1
	echo "# $PKG: configured and built in $(($(date +%s) - start)) s"
	grep -q '^CC = x86_64-cairn-gcc' "$src/bc/Makefile"
	check $? "configure picked x86_64-cairn-gcc as the compiler"
	cp "$src/bc/bc" "$src/dc/dc" "$out/"
	rm -rf "$work"
	touch "$out/.complete"
fi

# tests/boot/autoconf_pkg.py runs them inside Cairn from here.
BUILD_DIR=${CAIRN_BUILD:-$TOP/build}
mkdir -p "$BUILD_DIR/autoconf-pkg"
cp "$out/bc" "$out/dc" "$BUILD_DIR/autoconf-pkg/"

for prog in bc dc; do
	hdr=$("${CROSS}readelf" -hlW "$out/$prog" 2>&1)
	echo "$hdr" | grep -q 'Class: *ELF64' && echo "$hdr" | grep -q 'Machine: *Advanced Micro Devices X86-64' &&
		echo "$hdr" | grep -q 'Type: *EXEC' && ! echo "$hdr" | grep -q -e 'INTERP' -e 'DYNAMIC'
	check $? "$prog is a static x86-64 ELF executable (ET_EXEC, no PT_INTERP)"
done
[ "$(echo '2^64; scale=5; 10/4' | "$out/bc")" = "$(printf '18446744073709551616\n2.50000')" ]
check $? "the Cairn-built bc computes 2^64 and 10/4 (run on this host)"
[ "$(echo '6 7 * p' | "$out/dc")" = 42 ]
check $? "the Cairn-built dc computes 6 7 * (run on this host)"
exit $failed
