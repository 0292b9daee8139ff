#!/bin/sh
# A stock autoconf configure script accepts --host=x86_64-cairn once the
# toolchain's config.sub is dropped in; the stock config.sub refuses it.
. "$(dirname "$0")/lib.sh"

mkdir -p "$TMP/proj"
cd "$TMP/proj"
cat > configure.ac <<'AC'
AC_INIT([cairn-probe], [1.0])
AC_CONFIG_AUX_DIR([.])
AC_CANONICAL_HOST
AC_MSG_NOTICE([host_os is $host_os])
AC_OUTPUT
AC
autoconf 2>/dev/null
check $? "autoconf generates a configure script"

# First with autoconf's stock scripts, which do not know cairn.
cp /usr/share/autoconf/build-aux/config.guess /usr/share/autoconf/build-aux/config.sub .
./configure --host=x86_64-cairn > stock.out 2>&1
[ $? -ne 0 ] && grep -q 'Invalid configuration' stock.out
check $? "with the stock config.sub, configure refuses x86_64-cairn"

# Then with ours, as the ports tool drops it in.
cp "$PREFIX/share/cairn/config.sub" "$PREFIX/share/cairn/config.guess" .
./configure --host=x86_64-cairn > configure.out 2>&1
status=$?
[ $status -eq 0 ] && grep -q 'host_os is cairn' configure.out
check $? "./configure --host=x86_64-cairn gets past config.sub (host_os=cairn)"
[ "$(./config.sub x86_64-cairn)" = x86_64-pc-cairn ]
check $? "config.sub canonicalises x86_64-cairn to x86_64-pc-cairn"
./config.sub x86_64-notanos >/dev/null 2>&1
[ $? -ne 0 ]
check $? "config.sub still rejects unknown systems"
exit $failed
