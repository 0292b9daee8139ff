# Builds busybox as one static program with the committed configuration
# (ports/busybox/config) and installs it with its applet links into $DESTDIR.
# Runs under `sh -eu` in $SRCDIR with the ports environment (docs/ports.md).
#
# The networking and mount applets include <linux/*.h>: as DESIGN.md allows,
# those come from the build machine's linux-libc-dev at build time, copied
# into a directory searched after the sysroot's own headers (-idirafter), so
# Cairn's libc headers always win. Nothing of them is kept in the tree.
linux_inc=$SRCDIR/.cairn-linux-include
rm -rf "$linux_inc"
mkdir -p "$linux_inc"
cp -R /usr/include/linux /usr/include/asm-generic "$linux_inc/"
cp -R /usr/include/x86_64-linux-gnu/asm "$linux_inc/asm"

cp "$PORTDIR/config" .config
# The configuration is complete, so oldconfig asks nothing; it fails if the
# committed file and the source disagree (a new option would need an answer).
make -s oldconfig </dev/null >/dev/null

# -D__linux__: busybox guards its Linux-specific code (sysinfo in free and
# uptime, /proc readers, mount flags) with __linux__, which x86_64-cairn-gcc
# does not define; Cairn's system call ABI is Linux's, so that code is the
# right one.
mk() {
	make CROSS_COMPILE="$CROSS_COMPILE" \
		EXTRA_CFLAGS="-idirafter $linux_inc -D__linux__" \
		SKIP_STRIP=n V=0 "$@"
}
mk -j"$JOBS" busybox
mk CONFIG_PREFIX="$DESTDIR" install >/dev/null
