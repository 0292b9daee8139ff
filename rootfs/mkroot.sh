#!/bin/sh
# Stages the root filesystem tree that mkimage.sh turns into the ext2 root:
# the standard directories with their modes, then rootfs/etc.
# Usage: mkroot.sh OUTPUT_DIR
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=$1
rm -rf "$out"
mkdir -p "$out"
for d in bin sbin boot dev etc home/user proc root run sys usr/bin usr/sbin usr/lib var/log var/run var/tmp; do
	mkdir -p "$out/$d"
done
chmod 755 "$out"
mkdir -p "$out/tmp" && chmod 1777 "$out/tmp"
chmod 700 "$out/root"
cp -R "$here/etc/." "$out/etc/"
# Only root reads the password hashes; the unprivileged user owns its home
# (mke2fs -d keeps numeric owners only when run as root, as make image is).
chmod 600 "$out/etc/shadow"
chown 1000:1000 "$out/home/user" 2>/dev/null || true
