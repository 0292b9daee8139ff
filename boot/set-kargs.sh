#!/bin/sh
# Writes extra kernel arguments into an image's /grub/extra.cfg (partition 1
# starts at 1 MiB), or removes the file when the arguments are empty.
# Usage: set-kargs.sh IMAGE "ARGS"
set -eu
img=$1
args=$2
if [ -z "$args" ]; then
	mdel -i "$img@@1M" ::/grub/extra.cfg 2>/dev/null || true
	exit 0
fi
case $args in
*'"'* | *'$'* | *'\'*) echo "set-kargs: quotes, \$ and \\ are not allowed in kernel arguments" >&2; exit 1 ;;
esac
tmp=$(mktemp)
printf 'set cairn_extra="%s"\n' "$args" > "$tmp"
mcopy -o -i "$img@@1M" "$tmp" ::/grub/extra.cfg
rm -f "$tmp"
