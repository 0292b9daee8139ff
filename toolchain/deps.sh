#!/bin/sh
# Installs every Debian package the Cairn build and its tests use, and derives a
# deb-src entry from the machine's own apt source file so that `apt-get source`
# works. Idempotent: when everything is present it only checks and exits.
set -eu

PACKAGES="build-essential nasm qemu-system-x86 qemu-utils grub-pc-bin grub-common
xorriso mtools dosfstools e2fsprogs gcc-12-source binutils-source newlib-source
libgmp-dev libmpfr-dev libmpc-dev libisl-dev zlib1g-dev texinfo bison flex m4
python3 cpio fdisk dpkg-dev musl-tools linux-libc-dev gdb file xz-utils bzip2 patch
autoconf"

SRC_LIST=/etc/apt/sources.list.d/cairn-deb-src.sources

# add_deb_src writes a copy of the machine's Debian deb822 source file with
# "Types: deb-src", so no archive host is ever written down by this project.
add_deb_src() {
	base=""
	for f in /etc/apt/sources.list.d/debian.sources /etc/apt/sources.list.d/*.sources; do
		[ -f "$f" ] || continue
		[ "$f" = "$SRC_LIST" ] && continue
		if grep -q '^Types:.*deb' "$f" && grep -qi 'debian' "$f"; then
			base=$f
			break
		fi
	done
	if [ -z "$base" ] && [ -f /etc/apt/sources.list ]; then
		grep -E '^deb ' /etc/apt/sources.list | sed 's/^deb /deb-src /' \
			> /etc/apt/sources.list.d/cairn-deb-src.list
		return 0
	fi
	[ -n "$base" ] || { echo "deps: no apt source file to derive deb-src from" >&2; return 1; }
	sed 's/^Types:.*/Types: deb-src/' "$base" > "$SRC_LIST.tmp"
	mv "$SRC_LIST.tmp" "$SRC_LIST"
}

missing=""
for p in $PACKAGES; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done

need_update=0
if [ ! -f "$SRC_LIST" ] && [ ! -f /etc/apt/sources.list.d/cairn-deb-src.list ]; then
	add_deb_src
	need_update=1
fi
ls /var/lib/apt/lists/*_Packages* >/dev/null 2>&1 || need_update=1
ls /var/lib/apt/lists/*_Sources* >/dev/null 2>&1 || need_update=1

if [ -z "$missing" ] && [ "$need_update" = 0 ]; then
	echo "deps: all packages present"
	exit 0
fi
export DEBIAN_FRONTEND=noninteractive
[ "$need_update" = 1 ] && apt-get update -q
[ -n "$missing" ] && apt-get install -y -q --no-install-recommends $missing
echo "deps: done"
