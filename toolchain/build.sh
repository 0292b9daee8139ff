#!/bin/sh
# Builds the x86_64-cairn cross toolchain (binutils, then gcc with libgcc) into
# $CAIRN_CACHE/toolchain-<hash>, where the hash covers the tarballs' checksums,
# our patches and this script. A complete directory (marked by .complete) is
# reused as is, so a warm run only hashes a few files.
#
# Usage: build.sh [--print-prefix]
#   --print-prefix  print the directory for the current inputs and exit.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
CAIRN_CACHE=${CAIRN_CACHE:-$HOME/.cache/cairn}
TARGET=x86_64-cairn
JOBS=${JOBS:-$(nproc)}

# toolchain_hash digests every input that changes the installed tools.
toolchain_hash() {
	(
		cd "$here"
		cat sources.txt build.sh
		find patches -type f | LC_ALL=C sort | while read -r f; do
			echo "$f"
			cat "$f"
		done
	) | sha256sum | cut -c1-16
}

PREFIX=$CAIRN_CACHE/toolchain-$(toolchain_hash)
if [ "${1:-}" = "--print-prefix" ]; then
	echo "$PREFIX"
	exit 0
fi
if [ -f "$PREFIX/.complete" ]; then
	echo "toolchain: up to date in $PREFIX"
	exit 0
fi

# distfile NAME prints the tarball path after checking its sha256.
distfile() {
	line=$(grep "^$1 " "$here/sources.txt") || { echo "toolchain: no source named $1" >&2; exit 1; }
	path=$(echo "$line" | cut -d' ' -f2)
	want=$(echo "$line" | cut -d' ' -f3)
	[ -f "$path" ] || { echo "toolchain: $path is missing (run make deps)" >&2; exit 1; }
	got=$(sha256sum "$path" | cut -d' ' -f1)
	[ "$got" = "$want" ] || { echo "toolchain: sha256 mismatch for $path: $got, expected $want" >&2; exit 1; }
	echo "$path"
}

# unpack NAME DIR extracts NAME's tarball into DIR and applies our patches.
unpack() {
	tarball=$(distfile "$1")
	mkdir -p "$2"
	tar -xf "$tarball" -C "$2" --strip-components=1
	for p in "$here/patches/$1"/*.patch; do
		[ -f "$p" ] || continue
		echo "toolchain: applying $(basename "$p") to $1"
		patch -d "$2" -p1 -s --no-backup-if-mismatch < "$p" || {
			echo "toolchain: patch $p failed on $1" >&2
			exit 1
		}
	done
}

WORK=$CAIRN_CACHE/work/toolchain-$(basename "$PREFIX" | cut -d- -f2)
rm -rf "$WORK" "$PREFIX"
mkdir -p "$WORK" "$PREFIX/sysroot/usr/include" "$PREFIX/sysroot/usr/lib"
start=$(date +%s)
log=$WORK/build.log
echo "toolchain: building into $PREFIX (log: $log)"

run() {
	"$@" >>"$log" 2>&1 || {
		echo "toolchain: failed: $*" >&2
		tail -n 40 "$log" >&2
		exit 1
	}
}

unpack binutils "$WORK/binutils-src"
mkdir -p "$WORK/binutils-build"
cd "$WORK/binutils-build"
run ../binutils-src/configure --target=$TARGET --prefix="$PREFIX" \
	--with-sysroot="$PREFIX/sysroot" --disable-nls --disable-werror \
	--disable-gdb --disable-gdbserver --disable-sim --disable-gprofng \
	--disable-libdecnumber --disable-readline
run make -j"$JOBS"
run make install
# The patched config.sub knows cairn; the ports tool drops it (and config.guess)
# into autoconf trees so that --host=x86_64-cairn is accepted.
mkdir -p "$PREFIX/share/cairn"
cp ../binutils-src/config.sub ../binutils-src/config.guess "$PREFIX/share/cairn/"
echo "toolchain: binutils done after $(($(date +%s) - start)) s"

unpack gcc "$WORK/gcc-src"
mkdir -p "$WORK/gcc-build"
cd "$WORK/gcc-build"
PATH=$PREFIX/bin:$PATH
export PATH
run ../gcc-src/configure --target=$TARGET --prefix="$PREFIX" \
	--with-sysroot="$PREFIX/sysroot" --with-newlib --without-headers \
	--enable-languages=c --disable-nls --disable-multilib \
	--disable-bootstrap --disable-shared --disable-threads \
	--disable-libssp --disable-libquadmath --disable-libgomp \
	--disable-libatomic --disable-libvtv --disable-libstdcxx \
	--disable-werror --with-system-zlib
run make -j"$JOBS" all-gcc
run make -j"$JOBS" all-target-libgcc
run make install-gcc install-target-libgcc
echo "toolchain: gcc done after $(($(date +%s) - start)) s"

rm -rf "$WORK"
touch "$PREFIX/.complete"
echo "toolchain: complete in $PREFIX ($(($(date +%s) - start)) s)"
