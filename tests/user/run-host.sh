#!/bin/sh
# Runs the in-VM test programs on this Linux machine, built for the host by
# `make -C tests/user host` (the ABI is Linux's, so they run here unchanged).
# This checks the tests themselves; a few results are Cairn-specific and
# fail on Linux by design (see README.md).
#
# Usage: run-host.sh HOST_BIN_DIR USER_OUT_DIR
# Programs run in tests.list order with /sbin/init's environment; paths in
# their arguments that name initrd files are mapped to the build tree. As
# root, hostile and devfs run as the unprivileged user nobody, so that random
# system calls and mknod in /dev cannot change this machine.
set -u

bindir=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)
env="HOME=/ PATH=/bin:/sbin TERM=cairn CAIRN_TEST=1"
fails=0

grep -v '^[[:space:]]*#' "$here/tests.list" | grep -v '^[[:space:]]*$' |
while read -r prog args; do
	case $prog in
	/bin/test-*) bin=$bindir/${prog#/bin/test-} ;;
	/bin/musl-hello) bin=$out/musl-hello ;;
	*) echo "run-host: skipping $prog"; continue ;;
	esac
	args=$(echo "$args" | sed "s|/etc/testdata.bin|$out/testdata.bin|g")
	wrap=""
	# devfs makes and removes nodes in /dev: never as root on this machine.
	if { [ "${bin##*/}" = hostile ] || [ "${bin##*/}" = devfs ]; } && [ "$(id -u)" = 0 ]; then
		wrap="setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all"
	fi
	echo "run-host: $bin $args"
	# shellcheck disable=SC2086
	timeout 600 env -i $env $wrap "$bin" $args
	status=$?
	echo "run-host: ${bin##*/} exited $status"
	[ $status = 0 ] || fails=$((fails + 1))
	echo "$fails" > "$out/.run-host-fails"
done
fails=$(cat "$out/.run-host-fails" 2>/dev/null || echo 1)
rm -f "$out/.run-host-fails"
echo "run-host: $fails program(s) failed"
[ "$fails" = 0 ]
