#!/bin/sh
# Assembles the bootable disk image without root or loop devices:
#   sector 0          GRUB boot.img (MBR code) + partition table
#   sectors 1..2047   GRUB core.img (i386-pc, every module it needs embedded)
#   partition 1       FAT32 /boot: kernel, grub/grub.cfg, initrd.cpio (optional)
#   partition 2       ext2 root filesystem, from a staging directory
#
# Usage: mkimage.sh KERNEL_ELF ROOT_STAGING_DIR OUTPUT_IMAGE [INITRD]
# INITRD is a cpio (newc) archive GRUB loads as a multiboot2 module; until the
# ext2 driver exists the kernel unpacks it as its root filesystem.
set -eu

kernel=$1
rootdir=$2
out=$3
initrd=${4:-}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/cairn-image.XXXXXX")
trap 'rm -rf "$work"' EXIT

BOOT_MIB=64
ROOT_MIB=${ROOT_MIB:-128}
GRUB_DIR=/usr/lib/grub/i386-pc

# GRUB core: partition 1 is its root; the modules are embedded so no
# module directory is needed on disk.
grub-mkimage -O i386-pc -o "$work/core.img" -p '(hd0,msdos1)/grub' \
	biosdisk part_msdos fat ext2 multiboot2 normal configfile test echo \
	serial terminal boot search ls cat
core_sectors=$(( ($(stat -c %s "$work/core.img") + 511) / 512 ))
[ "$core_sectors" -lt 2047 ] || { echo "mkimage: core.img too large" >&2; exit 1; }

# /boot (FAT32; mkfs.fat needs at least 65525 clusters, so 512-byte clusters).
mkfs.fat -F 32 -s 1 -n CAIRNBOOT -C "$work/boot.img" $((BOOT_MIB * 1024)) >/dev/null
mmd -i "$work/boot.img" ::/grub
mcopy -i "$work/boot.img" "$kernel" ::/kernel
mcopy -i "$work/boot.img" "$here/grub.cfg" ::/grub/grub.cfg
[ -z "$initrd" ] || mcopy -i "$work/boot.img" "$initrd" ::/initrd.cpio

# / (ext2, revision 1, owned by root).
mke2fs -q -t ext2 -r 1 -L cairn-root -E root_owner=0:0 -d "$rootdir" \
	"$work/root.img" "${ROOT_MIB}M" >/dev/null

# The disk: 1 MiB gap, then the two partitions.
total_mib=$((1 + BOOT_MIB + ROOT_MIB))
rm -f "$out.tmp"
truncate -s "${total_mib}M" "$out.tmp"
sfdisk -q "$out.tmp" <<PARTS
label: dos
start=2048, size=$((BOOT_MIB * 2048)), type=c, bootable
start=$(( (1 + BOOT_MIB) * 2048 )), size=$((ROOT_MIB * 2048)), type=83
PARTS
# MBR code only (440 bytes), leaving the partition table alone.
dd if="$GRUB_DIR/boot.img" of="$out.tmp" bs=440 count=1 conv=notrunc status=none
dd if="$work/core.img" of="$out.tmp" bs=512 seek=1 conv=notrunc status=none
dd if="$work/boot.img" of="$out.tmp" bs=1M seek=1 conv=notrunc,sparse status=none
dd if="$work/root.img" of="$out.tmp" bs=1M seek=$((1 + BOOT_MIB)) conv=notrunc,sparse status=none
mv "$out.tmp" "$out"
echo "mkimage: $out (${total_mib} MiB: FAT32 /boot ${BOOT_MIB} MiB, ext2 / ${ROOT_MIB} MiB)"
