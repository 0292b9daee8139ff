#!/bin/sh
# Runs the test initrd itself (the cross-built /sbin/init and programs, whose
# ABI is Linux's) on this Linux machine: init becomes pid 1 of new user, pid,
# mount, UTS, IPC and network namespaces, chrooted into a copy of
# BUILD/initrd-root. That is as close to the VM as a Linux host gets: orphans
# are reparented to this init, the hostname is cairn, and the hostile test's
# random calls, made as a namespaced "root", cannot change the machine.
# uname's sysname (Linux), the free-memory equality of fork_leak and quirks
# of the host kernel still differ from Cairn (see README.md).
#
# Usage: run-initrd-host.sh BUILD_DIR
set -eu

build=$1
[ -d "$build/initrd-root" ] || { echo "run-initrd-host: no $build/initrd-root (make -C tests/user first)" >&2; exit 1; }
root=$(mktemp -d "${TMPDIR:-/tmp}/cairn-initrd.XXXXXX")
trap 'rm -rf "$root"' EXIT
cp -a "$build/initrd-root/." "$root/"
: > "$root/dev/null"
unshare --user --map-root-user --mount --uts --ipc --net --pid --fork \
	sh -c 'mount --bind /dev/null "$1/dev/null" && hostname cairn && exec chroot "$1" /sbin/init' \
	sh "$root"
